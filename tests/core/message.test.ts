import { describe, expect, it } from "vitest";
import { isQuestion, readMessage, splitQuestions } from "../../src/core/index.js";
import { realAssistant } from "../helpers.js";

describe("reading a message", () => {
  it("drops the greeting, the thanks and the signature of a formal e-mail and keeps the story and the question", () => {
    const mail = [
      "Geachte heer/mevrouw,",
      "",
      "Onze zoon zit in groep 6 en heeft sinds vorig jaar een ontwikkelingsperspectief.",
      "De school wil het handelingsdeel nu aanpassen zonder met ons te overleggen.",
      "Mag de school dat zomaar doen?",
      "",
      "Bij voorbaat dank voor uw reactie.",
      "",
      "Met vriendelijke groet,",
      "J. de Vries",
    ].join("\n");
    const read = readMessage(mail);
    expect(read.sentences.map((s) => s.text)).toEqual([
      "Onze zoon zit in groep 6 en heeft sinds vorig jaar een ontwikkelingsperspectief.",
      "De school wil het handelingsdeel nu aanpassen zonder met ons te overleggen.",
      "Mag de school dat zomaar doen?",
    ]);
    expect(read.sentences.map((s) => s.question)).toEqual([false, false, true]);
  });

  it("drops a greeting in front of the question and thanks or a sign-off behind it, also on one line", () => {
    expect(readMessage("Hoi! Wat is een OPP? Alvast bedankt!").body).toBe("Wat is een OPP?");
    expect(readMessage("Goedemorgen, moet ik het opp tekenen? groetjes Sanne").body).toBe("moet ik het opp tekenen?");
    expect(readMessage("kost het steunpunt geld? Fijne dag!").body).toBe("kost het steunpunt geld?");
  });

  it("drops an announced question, chat thanks and 'fijn dat ik hier iets kan vragen', not words of the question", () => {
    expect(readMessage("hoi, even een vraagje tussendoor: moet elke school helpen?").body).toBe(
      "moet elke school helpen?",
    );
    expect(readMessage("Hallo, korte vraag: mag de school dat? Thnx!").body).toBe("mag de school dat?");
    expect(readMessage("Dag, wat is een TLV?").body).toBe("wat is een TLV?");
    expect(readMessage("Goedemorgen, fijn dat ik hier iets kan vragen! Wat is een OPP?").body).toBe("Wat is een OPP?");
    expect(readMessage("Hallo daar, ik zit met iets. Wat is een OPP?").body).toBe("Wat is een OPP?");
    // "Dag en nacht" is no greeting, and a question about "de vraag" keeps its words.
    expect(readMessage("Dag en nacht huilt hij, wat kan ik doen?").body).toBe(
      "Dag en nacht huilt hij, wat kan ik doen?",
    );
    expect(readMessage("Mijn vraag: wie betaalt het vervoer?").body).toBe("Mijn vraag: wie betaalt het vervoer?");
  });

  it("recognises questions without a question mark: verb or question word first, or 'ik wil weten'", () => {
    expect(isQuestion("mag school mijn kind weigeren")).toBe(true);
    expect(isQuestion("Ik wil graag weten wie de TLV aanvraagt.")).toBe(true);
    // Formal mail asks without a question mark.
    expect(isQuestion("Graag verneem ik binnen welke termijn de school het OPP moet evalueren.")).toBe(true);
    expect(isQuestion("Ik zou graag informatie ontvangen over de regels voor vervoer.")).toBe(true);
    expect(isQuestion("Ik verzoek u mij een kopie van het dossier te sturen.")).toBe(true);
    expect(isQuestion("Ik heb het OPP gisteren ontvangen.")).toBe(false);
    expect(isQuestion("bij wie kan ik nog terecht")).toBe(true);
    expect(isQuestion("Mijn zoon zit al drie weken thuis.")).toBe(false);
  });

  it("leaves nothing of a message that is only greeting and thanks", () => {
    expect(readMessage("Hoi!\n\nDank je wel!\n\nGroetjes").sentences).toEqual([]);
  });

  it("splits two questions joined by 'en' in one sentence, but not a question about two things", () => {
    expect(readMessage("Wat is een OPP en moet ik dat tekenen?").sentences.map((x) => x.text)).toEqual([
      "Wat is een OPP?",
      "moet ik dat tekenen?",
    ]);
    expect(readMessage("Kan ik bezwaar maken tegen de tlv en de aanvraag?").sentences.length).toBe(1);
  });

  it("ends a sentence after a number, but not after an abbreviation", () => {
    expect(readMessage("Onze zoon zit in groep 6. Mag de school dat?").sentences.length).toBe(2);
    expect(readMessage("Hij heeft o.a. dyslexie en ADHD.").sentences.length).toBe(1);
  });
});

// Moved from tests/console/draft.test.ts: the console splits a pasted e-mail with the core's reader.
describe("splitQuestions", () => {
  it("keeps the questions of a mail and drops greeting, thanks, signature and quoted text", () => {
    const mail = [
      "Beste medewerker,",
      "",
      "Ik heb een paar vragen. Mijn zoon (8) heeft ADHD en de school zegt dat hij een OPP krijgt. Wat is dat precies?",
      "Moet ik daarmee instemmen? En wat als ik het niet eens ben met het plan, bijv. met de doelen?",
      "",
      "1. Kan de school hem zomaar naar het sbo sturen?",
      "2) Wie betaalt het vervoer?",
      "",
      "Alvast bedankt!",
      "",
      "Met vriendelijke groet,",
      "Sandra de Vries",
      "Wie betaalt de taxi?",
      "",
      "Verzonden vanaf mijn iPhone",
    ].join("\r\n");
    expect(splitQuestions(mail)).toEqual([
      "Mijn zoon (8) heeft ADHD en de school zegt dat hij een OPP krijgt.",
      "Wat is dat precies?",
      "Moet ik daarmee instemmen?",
      "En wat als ik het niet eens ben met het plan, bijv. met de doelen?",
      "Kan de school hem zomaar naar het sbo sturen?",
      "Wie betaalt het vervoer?",
    ]);
  });

  it("drops quoted replies and earlier messages", () => {
    const mail = [
      "Hallo, mag de school mijn dochter schorsen zonder gesprek?",
      "> Beste ouder, wat is uw vraag?",
      ">> Eerdere tekst",
      "Op 3 okt. 2026 om 10:12 schreef Steunpunt <info@steunpunt.nl>:",
      "Wat is een TLV?",
    ].join("\n");
    expect(splitQuestions(mail)).toEqual(["mag de school mijn dochter schorsen zonder gesprek?"]);
  });

  it("stops at the phone signature even without a closing", () => {
    expect(splitQuestions("Hoe vraag ik leerlingenvervoer aan\nVerzonden vanaf mijn iPhone\nhttps://x")).toEqual([
      "Hoe vraag ik leerlingenvervoer aan",
    ]);
  });

  it("joins wrapped lines and splits long sentences to at most 300 characters", () => {
    const long = `Mijn kind zit al ${"heel ".repeat(40)}lang thuis, de school reageert niet op mijn mails en de leerplichtambtenaar ook niet, ${"echt ".repeat(30)}wat kan ik doen?`;
    const parts = splitQuestions(`De school wil mijn zoon\nnaar een andere school sturen.\n\n${long}`);
    expect(parts[0]).toBe("De school wil mijn zoon naar een andere school sturen.");
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(300);
    expect(parts.join(" ").replace(/\s+/g, " ")).toContain("wat kan ik doen?");
  });

  it("returns nothing for empty or noise-only text and removes duplicates", () => {
    expect(splitQuestions("")).toEqual([]);
    expect(splitQuestions("Hoi!\n\nDank je wel!\n\nGroetjes")).toEqual([]);
    expect(splitQuestions("Wat is een OPP? Wat is een OPP?")).toEqual(["Wat is een OPP?"]);
  });
});

describe("understanding a message", () => {
  const assistant = realAssistant();

  it("answers a question wrapped in a formal greeting and sign-off, and names the question it answered", async () => {
    const reply = await assistant.reply(
      "m1",
      "Geachte heer/mevrouw,\n\nMoet ik het ontwikkelingsperspectief van mijn dochter ondertekenen?\n\nMet vriendelijke groet,\nA. Jansen",
    );
    expect(reply.kind).toBe("answer");
    expect(reply.question).toBe(realAssistant().entry(reply.answerId as string)?.question);
    expect(reply.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.isArray(reply.legalBasis)).toBe(true);
  });

  it("answers both questions of a message, each under its own question", async () => {
    const reply = await assistant.reply("m2", "Wat is een TLV? En wat doet een onderwijsconsulent?");
    expect(reply.kind).toBe("answer");
    expect(reply.also?.length).toBe(1);
    const second = reply.also?.[0];
    expect(second?.answerId).not.toBe(reply.answerId);
    expect(reply.text).toContain(`**${second?.question}**`);
    expect(reply.text.length).toBeLessThanOrEqual(1500);
  });

  it("finds the entry for a typo in the message's one specific word, and does not count the word as unknown", async () => {
    const explained = await assistant.explain("t1", "wat doet het samenwerkingsvebrand precies");
    const best = explained.variants[0]?.ranked[0];
    expect(best?.id).toBe("samenwerkingsverband-wat-is");
    expect(best?.features.anchored).toBe(1);
    expect(best?.features.unknownShare).toBe(0);
  });

  it("treats smalltalk with fillers and a greeting in front as smalltalk, but answers a greeting before a question", async () => {
    for (const text of [
      "oké doei",
      "nou bedankt hoor",
      "Goedemorgen, wat kun je allemaal?",
      "ben jij een robot of een echt mens?",
    ]) {
      expect((await assistant.reply(`s-${text}`, text)).kind, text).toBe("smalltalk");
    }
    expect((await assistant.reply("s-q", "Hoi! Wat is een OPP?")).kind).toBe("answer");
    expect(
      (await assistant.reply("s-b", "bedankt voor je hulp, maar wat is een toelaatbaarheidsverklaring?")).kind,
    ).not.toBe("smalltalk");
  });

  it("drops a bare 'Groet, Ayla' after the question", () => {
    const read = readMessage("Goedemiddag, mag de jeugdarts dit doorgeven aan de school? Groet, Ayla");
    expect(read.sentences.map((s) => s.text)).toEqual(["mag de jeugdarts dit doorgeven aan de school?"]);
    expect(readMessage("Ik groet de juf elke dag. Mag dat?").sentences).toHaveLength(2);
  });

  it("reads a row of smalltalk phrases and stretched letters as smalltalk, and says what it can do first", async () => {
    for (const text of [
      "hoiii",
      "oke dankjewel, doei",
      "nee verder niks, bedankt",
      "Hallo, is dit de chat van het steunpunt?",
    ])
      expect((await assistant.reply(`r-${text}`, text)).kind, text).toBe("smalltalk");
    const both = await assistant.reply("r-both", "hoi! wie ben jij eigenlijk? doei");
    expect(both.text).toContain("digitale assistent, geen mens");
    // A word that is no smalltalk leaves the message to the search.
    for (const text of [
      "hallo, ik heb een vraag over de TLV",
      "bedankt, en wat is een OPP?",
      "is daar iemand die weet wat een OPP is?",
    ])
      expect((await assistant.reply(`r-${text}`, text)).kind, text).not.toBe("smalltalk");
  });

  it("does not take a wish to talk to someone inside a long story for a request for a person", async () => {
    const story =
      "Elke paar weken zit ik met de leerkracht, de intern begeleider en iemand van het wijkteam te praten over mijn zoon. " +
      "Iedereen praat over hem, maar niemand legt mij iets uit. Hij heeft een ontwikkelingsperspectief. " +
      "Moet ik dat plan ondertekenen als ik het niet begrijp?";
    expect((await assistant.reply("h1", story)).kind).not.toBe("handoff");
    expect((await assistant.reply("h2", "ik wil met een mens praten")).kind).toBe("handoff");
  });

  it("reports a calibrated confidence: the gate's probability, between 0 and 1", async () => {
    const sure = await assistant.reply("c1", "Wat is een toelaatbaarheidsverklaring?");
    const unsure = await assistant.reply("c2", "Hoe laat gaat de supermarkt open?");
    expect(sure.confidence).toBeGreaterThan(unsure.confidence);
    expect(unsure.kind).toBe("fallback");
  });
});
