import { describe, expect, it } from "vitest";
import { runStaffCommand } from "../../src/cli/staff.js";
import { verifyPassword } from "../../src/console/password.js";
import { createMemoryStores } from "../../src/stores/index.js";

describe("npm run staff", () => {
  it("adds an account with a generated password shown once and stored as a scrypt hash", async () => {
    const stores = createMemoryStores();
    const lines: string[] = [];
    expect(await runStaffCommand(["add", "Sanne@Steunpunt.example", "--admin"], stores, (l) => lines.push(l))).toBe(0);
    const password = /: (\S{20})$/.exec(lines.find((l) => l.startsWith("Wachtwoord")) ?? "")?.[1];
    expect(password).toBeDefined();
    const staff = await stores.staff.byEmail("sanne@steunpunt.example");
    expect(staff?.role).toBe("admin");
    expect(staff?.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(staff?.passwordHash).not.toContain(password as string);
    expect(await verifyPassword(password as string, staff?.passwordHash as string)).toBe(true);
    expect(await verifyPassword("wrong", staff?.passwordHash as string)).toBe(false);

    // The password is never shown again: listing shows none, and adding twice refuses.
    lines.length = 0;
    await runStaffCommand(["list"], stores, (l) => lines.push(l));
    expect(lines.join("\n")).not.toContain(password as string);
    expect(await runStaffCommand(["add", "sanne@steunpunt.example"], stores, () => {})).toBe(1);
    // Reset gives a new password; the old one stops working.
    lines.length = 0;
    expect(await runStaffCommand(["reset", "sanne@steunpunt.example"], stores, (l) => lines.push(l))).toBe(0);
    const updated = await stores.staff.byEmail("sanne@steunpunt.example");
    expect(await verifyPassword(password as string, updated?.passwordHash as string)).toBe(false);
  }, 60_000);

  it("refuses bad input with a usage message", async () => {
    const stores = createMemoryStores();
    const lines: string[] = [];
    expect(await runStaffCommand(["add", "geen-adres"], stores, (l) => lines.push(l))).toBe(2);
    expect(await runStaffCommand(["add", "a@b.nl", "--baas"], stores, (l) => lines.push(l))).toBe(2);
    expect(await runStaffCommand(["onzin"], stores, (l) => lines.push(l))).toBe(2);
    expect(lines.join("\n")).toContain("npm run staff -- add");
    expect(await stores.staff.list()).toHaveLength(0);
  });
});
