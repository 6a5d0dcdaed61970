import { describe, expect, it } from "vitest";
import { secretMatches } from "../../src/telegram/webhook.js";
import { KeyedQueue } from "../../src/telegram/worker.js";
import { updateChatKey } from "../../src/telegram/index.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("KeyedQueue", () => {
  it("runs one chat's tasks in order, one at a time, and different chats side by side", async () => {
    const queue = new KeyedQueue(8);
    const done: string[] = [];
    let runningA = 0;
    let maxRunningA = 0;
    const task = (chat: string, n: number, ms: number) => async () => {
      if (chat === "A") maxRunningA = Math.max(maxRunningA, ++runningA);
      await sleep(ms);
      if (chat === "A") runningA--;
      done.push(`${chat}${n}`);
    };
    const started = Date.now();
    // Random-looking delays: the first task is the slowest, so order would break without the queue.
    [200, 20, 100].forEach((ms, i) => queue.push("A", task("A", i, ms)));
    [200, 20, 100].forEach((ms, i) => queue.push("B", task("B", i, ms)));
    expect(await queue.drain(5_000)).toBe(true);
    const elapsed = Date.now() - started;
    expect(done.filter((d) => d.startsWith("A"))).toEqual(["A0", "A1", "A2"]);
    expect(done.filter((d) => d.startsWith("B"))).toEqual(["B0", "B1", "B2"]);
    expect(maxRunningA).toBe(1);
    // Side by side: about 320 ms, well under the 640 ms of one after the other.
    expect(elapsed).toBeLessThan(560);
  });

  it("keeps going after a task fails, and refuses work beyond its size", async () => {
    const queue = new KeyedQueue(2, 3);
    const done: number[] = [];
    expect(
      queue.push("A", async () => {
        throw new Error("boom");
      }),
    ).toBe(true);
    expect(queue.push("A", async () => void done.push(2))).toBe(true);
    expect(queue.push("B", async () => void done.push(3))).toBe(true);
    expect(queue.push("C", async () => void done.push(4))).toBe(false);
    expect(await queue.drain(1_000)).toBe(true);
    expect(done.sort()).toEqual([2, 3]);
    expect(queue.pending).toBe(0);
  });
});

describe("webhook secret", () => {
  it("matches only the exact secret", () => {
    const secret = "abcDEF_0123456789-xyz";
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(undefined, secret)).toBe(false);
    expect(secretMatches("", secret)).toBe(false);
    expect(secretMatches(`${secret}x`, secret)).toBe(false);
    expect(secretMatches(secret.slice(0, -1), secret)).toBe(false);
    expect(secretMatches(secret.toUpperCase(), secret)).toBe(false);
  });
});

describe("updateChatKey", () => {
  it("keys messages, edits and button presses by their chat", () => {
    expect(updateChatKey({ update_id: 1, message: { chat: { id: 5 } } } as never)).toBe("c5");
    expect(updateChatKey({ update_id: 2, edited_message: { chat: { id: -7 } } } as never)).toBe("c-7");
    expect(
      updateChatKey({ update_id: 3, callback_query: { from: { id: 9 }, message: { chat: { id: 5 } } } } as never),
    ).toBe("c5");
    expect(updateChatKey({ update_id: 4, callback_query: { from: { id: 9 } } } as never)).toBe("c9");
    expect(updateChatKey({ update_id: 5 })).toBe("u5");
  });
});
