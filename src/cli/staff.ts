// Staff accounts of the helpdesk console:
//   npm run staff -- add <email> [--admin]   creates an account and prints its password once
//   npm run staff -- reset <email>           prints a new password once
//   npm run staff -- disable|enable <email>
//   npm run staff -- remove <email>
//   npm run staff -- list
// Uses the same database as the service (DATA_DIR, or DATABASE_URL).
import { pathToFileURL } from "node:url";
import { configFromEnvironment } from "../config.js";
import { generatePassword, hashPassword } from "../console/password.js";
import { createStores } from "../stores/index.js";
import type { Stores } from "../stores/types.js";

const usage = `Gebruik:
  npm run staff -- add <e-mailadres> [--admin]
  npm run staff -- reset <e-mailadres>
  npm run staff -- disable <e-mailadres>
  npm run staff -- enable <e-mailadres>
  npm run staff -- remove <e-mailadres>
  npm run staff -- list`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function runStaffCommand(args: string[], stores: Stores, out: (line: string) => void): Promise<number> {
  const [command, email, ...rest] = args;
  const needEmail = () => {
    if (!email || !EMAIL.test(email)) {
      out(`Geef een geldig e-mailadres.\n${usage}`);
      return false;
    }
    return true;
  };
  const find = async () => {
    const staff = await stores.staff.byEmail(email as string);
    if (!staff) out(`Geen account voor ${email}.`);
    return staff;
  };
  switch (command) {
    case "add": {
      if (!needEmail()) return 2;
      const unknown = rest.filter((a) => a !== "--admin");
      if (unknown.length) {
        out(`Onbekende optie: ${unknown.join(" ")}\n${usage}`);
        return 2;
      }
      const password = generatePassword();
      const staff = await stores.staff.add({
        email: email as string,
        passwordHash: await hashPassword(password),
        role: rest.includes("--admin") ? "admin" : "agent",
      });
      if (!staff) {
        out(`Er is al een account voor ${email}. Gebruik "reset" voor een nieuw wachtwoord.`);
        return 1;
      }
      await stores.audit.append({
        staffId: null,
        action: "staff.add",
        targetType: "staff",
        targetId: String(staff.id),
      });
      out(`Account gemaakt: ${staff.email} (${staff.role === "admin" ? "beheerder" : "medewerker"}).`);
      out(`Wachtwoord (wordt maar één keer getoond): ${password}`);
      return 0;
    }
    case "reset": {
      if (!needEmail()) return 2;
      const staff = await find();
      if (!staff) return 1;
      const password = generatePassword();
      await stores.staff.setPassword(staff.id, await hashPassword(password));
      await stores.audit.append({
        staffId: null,
        action: "staff.reset",
        targetType: "staff",
        targetId: String(staff.id),
      });
      out(`Nieuw wachtwoord voor ${staff.email} (wordt maar één keer getoond): ${password}`);
      return 0;
    }
    case "disable":
    case "enable": {
      if (!needEmail()) return 2;
      const staff = await find();
      if (!staff) return 1;
      await stores.staff.setDisabled(staff.id, command === "disable");
      await stores.audit.append({
        staffId: null,
        action: `staff.${command}`,
        targetType: "staff",
        targetId: String(staff.id),
      });
      out(`${staff.email} is ${command === "disable" ? "geblokkeerd" : "weer actief"}.`);
      return 0;
    }
    case "remove": {
      if (!needEmail()) return 2;
      const staff = await find();
      if (!staff) return 1;
      await stores.staff.remove(staff.id);
      await stores.audit.append({
        staffId: null,
        action: "staff.remove",
        targetType: "staff",
        targetId: String(staff.id),
      });
      out(`Account van ${staff.email} verwijderd.`);
      return 0;
    }
    case "list": {
      const all = await stores.staff.list();
      if (all.length === 0) out("Nog geen accounts.");
      for (const s of all) out(`${s.id}\t${s.email}\t${s.role}${s.disabled ? "\tgeblokkeerd" : ""}`);
      return 0;
    }
    default:
      out(usage);
      return 2;
  }
}

async function main() {
  const config = configFromEnvironment();
  const stores = await createStores(config);
  try {
    process.exitCode = await runStaffCommand(process.argv.slice(2), stores, (line) => console.log(line));
  } finally {
    await stores.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
