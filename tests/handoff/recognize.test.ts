import { describe, expect, it } from "vitest";
import { looksLikeContactAttempt, readConsent, readContact } from "../../src/handoff/recognize.js";

describe("reading the parent's answers", () => {
  it.each(["Ja, dat mag", "ja", "JA!", "prima", "oké", "ok", "is goed", "ja hoor", "👍 ja graag", "akkoord"])(
    "%j is consent",
    (text) => {
      expect(readConsent(text)).toBe("yes");
    },
  );
  it.each(["Nee, liever niet", "nee", "liever niet", "laat maar", "stop", "nee bedankt"])("%j is no", (text) => {
    expect(readConsent(text)).toBe("no");
  });
  it.each([
    "wat is een tlv?",
    "ja maar wat is een opp precies en moet ik tekenen?",
    "nee de school wil niet meewerken met mijn zoon",
    "",
  ])("%j is neither (a new question)", (text) => {
    expect(readConsent(text)).toBeUndefined();
  });

  it("finds an e-mail address or a Dutch phone number", () => {
    expect(readContact("mail me op ouder.test@example.nl graag")).toEqual({
      kind: "email",
      value: "ouder.test@example.nl",
    });
    expect(readContact("06-12345678")).toEqual({ kind: "phone", value: "06-12345678" });
    expect(readContact("bel me op 06 1234 5678")).toEqual({ kind: "phone", value: "06 1234 5678" });
    expect(readContact("+31 6 12345678")).toEqual({ kind: "phone", value: "+31 6 12345678" });
    expect(readContact("020-1234567")).toEqual({ kind: "phone", value: "020-1234567" });
    expect(readContact("Hier in de chat")).toEqual({ kind: "chat" });
    expect(readContact("hier graag")).toEqual({ kind: "chat" });
  });

  it("does not take a question or a short number for a contact", () => {
    expect(readContact("wat is een tlv")).toBeUndefined();
    expect(readContact("groep 6")).toBeUndefined();
    expect(readContact("0612")).toBeUndefined();
    expect(looksLikeContactAttempt("0612")).toBe(true);
    expect(looksLikeContactAttempt("wat is een tlv")).toBe(false);
  });
});
