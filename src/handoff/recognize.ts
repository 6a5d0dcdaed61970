// Reading the parent's answers in the handoff dialogue: yes/no to sharing the conversation, and how they want
// to be reached. Deliberately narrow: anything else is treated as a new question, not as an answer.

export type ConsentAnswer = "yes" | "no";
export type ContactAnswer = { kind: "chat" } | { kind: "phone"; value: string } | { kind: "email"; value: string };

const normalize = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[!?.,;:()"'’👍👎🙏]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

const YES =
  /^(ja|jawel|jazeker|ja hoor|ja graag|ja dat mag|ja dat is goed|ja prima|ja is goed|dat mag|mag|goed|is goed|prima|oke|ok|okay|okee|oké|akkoord|graag|zeker|yes|y|sure|natuurlijk|prima hoor|dat is goed|ik geef toestemming|toestemming)( hoor| graag| dat mag| prima| is goed| dank je| dankjewel| bedankt)*$/;
const NO =
  /^(nee|neen|nee hoor|nee dank je|nee bedankt|liever niet|nee liever niet|niet|no|nope|laat maar|stop|annuleer|annuleren|toch niet|nee toch niet|geen toestemming)( hoor| dank je| dankjewel| bedankt| liever niet)*$/;

/** "ja", "ja dat mag", "prima" → yes; "nee", "liever niet", "laat maar" → no; anything else → undefined. */
export function readConsent(text: string): ConsentAnswer | undefined {
  const t = normalize(text);
  if (t.length > 60) return undefined;
  if (YES.test(t)) return "yes";
  if (NO.test(t)) return "no";
  return undefined;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
// Dutch numbers: 06-12345678, 020 123 4567, +31 6 12345678, 0031612345678.
const PHONE = /(?:\+31|0031|0)[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){8}\b/;
const CHAT =
  /^(hier|in de chat|hier in de chat|via de chat|chat|deze chat|in deze chat|via deze chat|hier graag|hier in deze chat|via telegram|telegram|in telegram|hier via telegram|via hier|gewoon hier|hier is goed|hier antwoorden|antwoord hier|antwoord hier in de chat)( graag| alsjeblieft| aub| is goed| prima)*$/;

/** The way to be reached in a message: an e-mail address, a Dutch phone number, or "hier in de chat". */
export function readContact(text: string): ContactAnswer | undefined {
  if (text.length > 300) return undefined;
  const email = EMAIL.exec(text);
  if (email) return { kind: "email", value: email[0] };
  const phone = PHONE.exec(text);
  if (phone) return { kind: "phone", value: phone[0].trim() };
  if (CHAT.test(normalize(text))) return { kind: "chat" };
  return undefined;
}

/** Looks like an attempt to give a contact that we could not read (a short text with digits or an @). */
export function looksLikeContactAttempt(text: string): boolean {
  return text.length <= 60 && (/\d{3,}/.test(text) || text.includes("@"));
}

const BACK =
  /^(\/?terug|terug naar de chatbot|terug naar chatbot|naar de chatbot|chatbot|terug naar de bot|ik wil terug naar de chatbot|stop met de medewerker)( graag| alsjeblieft| aub)*$/;

/** "Terug naar de chatbot", "/terug": the parent wants the bot again instead of the staff member. */
export function readBackToBot(text: string): boolean {
  const t = normalize(text);
  return t.length <= 60 && BACK.test(t);
}
