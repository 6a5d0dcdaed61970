// The code a parent types on another device (or in another browser) to come back to an open request for a
// person in the widget (issue 16). Twelve characters in three groups, "K7M4-PQ2X-9WRT", from an alphabet without
// look-alikes (no 0/O, 1/I/L): 31^12, about 2^59 codes, so guessing one of the open requests within the chat's
// rate limit is hopeless. Only the SHA-256 of the code is stored; the code itself is shown once, to the parent.
import { createHash, randomInt } from "node:crypto";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUPS = 3;
const GROUP = 4;

/** A message that is only a code: three groups of four letters or digits, with or without spaces or dashes. */
const SHAPE = /^\s*([a-z0-9]{4})[\s-]?([a-z0-9]{4})[\s-]?([a-z0-9]{4})\s*$/i;

/** A new code (with at least one digit and one letter, so no word or number has its shape) and its hash. */
export function newReturnCode(): { code: string; hash: string } {
  for (;;) {
    let raw = "";
    for (let i = 0; i < GROUPS * GROUP; i++) raw += ALPHABET.charAt(randomInt(ALPHABET.length));
    if (!/\d/.test(raw) || !/[A-Z]/.test(raw)) continue;
    const code = raw.match(/.{4}/g)?.join("-") ?? raw;
    return { code, hash: hashReturnCode(raw) };
  }
}

/**
 * The code in a message that consists of nothing else (case, spaces and dashes do not matter), normalised to
 * twelve capitals; null for any other message. A code must mix letters and digits, like the ones handed out.
 */
export function readReturnCode(text: string): string | null {
  if (text.length > 40) return null;
  const m = SHAPE.exec(text);
  if (!m) return null;
  const raw = `${m[1] ?? ""}${m[2] ?? ""}${m[3] ?? ""}`.toUpperCase();
  return /\d/.test(raw) && /[A-Z]/.test(raw) ? raw : null;
}

/** The stored form of a normalised code. */
export function hashReturnCode(normalised: string): string {
  return createHash("sha256").update(`ouderwijzer-return:${normalised}`).digest("hex");
}
