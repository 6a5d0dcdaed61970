// The command line of docs/CONTRACT.md:
//   npm run --silent ask -- "<vraag>"             a reply for people to read
//   npm run --silent ask -- --json "<vraag>"      one Reply as JSON
//   npm run --silent ask -- --jsonl < FILE        one request per line → one Reply per line, in order
//   npm run --silent ask -- --explain "<vraag>"   the reply plus the top five candidates and matched terms
import { createInterface } from "node:readline";
import { createConversations, type Conversations } from "../conversation/index.js";
import { KnowledgeError, type Assistant } from "../core/index.js";
import { loadAssistant } from "../knowledge/index.js";
import { formatExplanation, formatReply } from "./format.js";

/** A turn of the command line: its own channel, no dialogue with a person. */
const cli = (conversationId: string) => ({ conversationId, channel: "cli" as const, chatRef: null });

const USAGE = 'usage: ask [--json | --explain] "<vraag>"  |  ask --jsonl < requests.jsonl';

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith("--")));
  const text = argv.filter((a) => !a.startsWith("--")).join(" ");
  const unknown = [...flags].filter((f) => !["--json", "--jsonl", "--explain"].includes(f));
  if (unknown.length) {
    console.error(`ask: unknown option ${unknown.join(", ")}\n${USAGE}`);
    return 2;
  }
  let assistant: Assistant;
  try {
    assistant = loadAssistant();
  } catch (error) {
    if (error instanceof KnowledgeError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  // The seam without stores: nothing is recorded, and a wish for a person gets the core's reply.
  const conversations = createConversations({ assistant });
  if (flags.has("--jsonl")) return jsonl(conversations);
  if (!text && !flags.has("--json")) {
    console.error(USAGE);
    return 2;
  }
  if (flags.has("--explain")) {
    const ex = await assistant.explain("cli", text);
    console.log(formatReply(ex.reply));
    console.log(`\n--- explain ---\n${formatExplanation(ex)}`);
    return 0;
  }
  const { reply } = await conversations.answer(cli("cli"), text);
  console.log(flags.has("--json") ? JSON.stringify(reply) : formatReply(reply));
  return 0;
}

/** Reads requests line by line, in order; each line gets exactly one JSON reply line. */
async function jsonl(conversations: Conversations): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    if (line.trim() === "") continue;
    let conversation = `line-${n}`;
    let text = line;
    if (line.trimStart().startsWith("{")) {
      try {
        const req = JSON.parse(line) as { conversation?: unknown; text?: unknown };
        if (typeof req.text !== "string") throw new Error("text must be a string");
        text = req.text;
        if (req.conversation !== undefined)
          conversation = typeof req.conversation === "string" ? req.conversation : JSON.stringify(req.conversation);
      } catch (error) {
        process.stdout.write(`${JSON.stringify({ error: `line ${n}: ${(error as Error).message}` })}\n`);
        continue;
      }
    }
    const { reply } = await conversations.answer(cli(conversation), text);
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ask: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
