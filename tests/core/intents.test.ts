import { describe, expect, it } from "vitest";
import { realAssistant, realKnowledge } from "../helpers.js";

describe("intent rules", () => {
  const assistant = realAssistant();
  const kind = async (text: string) => (await assistant.reply(`intent-${text}`, text)).kind;

  it.each([
    "mijn dochter wil dood",
    "Hij zegt dat hij niet meer wil leven",
    "mijn zoon snijdt zichzelf",
    "ik denk dat ze aan zelfmoord denkt",
  ])("routes danger to a child's life to crisis: %s", async (text) => {
    const reply = await assistant.reply("c", text);
    expect(reply.kind).toBe("crisis");
    // The crisis lines come first, before anything else.
    expect(reply.text.slice(0, 300)).toMatch(/112/);
    expect(reply.text).toMatch(/113/);
    expect(reply.text).toMatch(/Kindertelefoon/);
  });

  it.each(["er is huiselijk geweld bij ons thuis", "mijn ex slaat de kinderen", "mijn kind wordt thuis mishandeld"])(
    "routes violence or abuse to crisis with Veilig Thuis: %s",
    async (text) => {
      const reply = await assistant.reply("c", text);
      expect(reply.kind).toBe("crisis");
      expect(reply.text).toMatch(/Veilig Thuis/);
      expect(reply.text).toMatch(/0800-2000/);
    },
  );

  it("lets crisis win over a school question in the same message", async () => {
    expect(await kind("school wil een tlv aanvragen maar mijn zoon zegt dat hij dood wil")).toBe("crisis");
  });

  it("remembers a crisis of the conversation: one cue of that danger in a later turn brings the crisis lines again", async () => {
    const id = "conversation-crisis";
    expect((await assistant.reply(id, "Mijn zoon heeft een OPP. Hoe vraag ik een gesprek aan?")).kind).not.toBe(
      "crisis",
    );
    const first = await assistant.reply(id, "Zijn broer duwt zijn knie op zijn borst tot hij geen lucht krijgt.");
    expect(first.dangers).toEqual(["abuse"]);
    // One cue alone ("wil niet meer naar huis") is no crisis in a new conversation ...
    const cue = "Hij wil na school niet meer naar huis.";
    expect((await assistant.reply("conversation-fresh", cue)).kind).not.toBe("crisis");
    // ... but completes the danger this conversation already showed.
    const again = await assistant.reply(id, cue);
    expect(again.kind).toBe("crisis");
    expect(again.text).toMatch(/0800-2000/);
    // A school question gets its answer, below the help lines of the danger no message explained away.
    const school = await assistant.reply(id, "Wat is een ontwikkelingsperspectiefplan?");
    expect(school.kind).toBe("crisis");
    expect(school.text).toMatch(/0800-2000[\s\S]*Je vraag over school/);
    expect(school.question).toBeTruthy();
    expect((await assistant.reply("conversation-fresh-3", "Wat is een ontwikkelingsperspectiefplan?")).kind).toBe(
      "answer",
    );
    // Only the first one: a later school question gets its answer alone (review r: no end to the help lines otherwise).
    expect((await assistant.reply(id, "Wat is het schoolondersteuningsprofiel?")).kind).toBe("answer");
    // Forgetting the conversation forgets the crisis too.
    await assistant.forget(id);
    expect((await assistant.reply(id, cue)).kind).not.toBe("crisis");
  });

  it("answers what it cannot answer in a conversation that showed danger with the help lines again, not 'geen antwoord'", async () => {
    const id = "conversation-crisis-followup";
    const first = await assistant.reply(id, "Ze zegt steeds dat het beter is als ze dood is.");
    expect(first.dangers).toEqual(["suicide"]);
    // A fact added without a question: the help lines of that danger again.
    const added = await assistant.reply(id, "ze is 12");
    expect(added.kind).toBe("crisis");
    expect(added.dangers).toEqual(["suicide"]);
    expect(added.text).toMatch(/113/);
    // The same words in a new conversation are no crisis.
    expect((await assistant.reply("conversation-crisis-fresh", "ze is 12")).kind).not.toBe("crisis");
    // A question in doubt between entries gets the help lines with those entries as choices below ...
    const other = "conversation-crisis-doubt";
    await assistant.reply(other, "Ze zegt steeds dat het beter is als ze dood is.");
    const doubt = await assistant.reply(other, "vraagje over school");
    expect(doubt.kind).toBe("crisis");
    expect(doubt.choices?.length).toBeGreaterThan(0);
    expect((await assistant.reply("conversation-crisis-fresh-2", "vraagje over school")).kind).toBe("clarify");
    // ... and a school question the knowledge answers still gets its answer, under the help lines.
    const school = await assistant.reply(id, "Wat is een ontwikkelingsperspectiefplan?");
    expect(school.kind).toBe("crisis");
    expect(school.text).toMatch(/113[\s\S]*Je vraag over school[\s\S]*\*\*.+\*\*/);
    expect(school.citations.length).toBeGreaterThan(1);
  });

  it("ends a danger with an opening that names what the alarming words were about, only without a sign of danger", async () => {
    const book = "opening-book";
    expect((await assistant.reply(book, "Mijn dochter is helemaal overstuur, er is iemand vermist!")).kind).toBe(
      "crisis",
    );
    // "De kat uit het voorleesboek": what the words were about, said first. No help lines for the question after it.
    expect((await assistant.reply(book, "De kat uit het voorleesboek haha. Ze wil niet verder lezen.")).kind).not.toBe(
      "crisis",
    );
    expect((await assistant.reply(book, "Mag ze van de juf een ander boek kiezen?")).kind).not.toBe("crisis");
    // An opening in a message that itself shows a sign of danger explains nothing.
    const cut = "opening-with-sign";
    expect((await assistant.reply(cut, "Ze heeft zichzelf gesneden.")).kind).toBe("crisis");
    expect((await assistant.reply(cut, "Bij de gymles, in de kleedkamer, met een mesje.")).kind).toBe("crisis");
    // A place or a time tells where the danger happened, not that it was none.
    const where = "opening-place";
    expect((await assistant.reply(where, "Mijn dochter snijdt zichzelf in haar armen.")).kind).toBe("crisis");
    expect((await assistant.reply(where, "Bij de zwemles zag de juf het, ze heeft mij gebeld.")).kind).toBe("crisis");
    // The parent's own correction in other words ends it.
    const corrected = "corrected";
    expect((await assistant.reply(corrected, "Mijn zoon is in elkaar geslagen door een groep jongens!")).kind).toBe(
      "crisis",
    );
    expect(
      (await assistant.reply(corrected, "Sorry, verkeerd begrepen, het was een sportblessure bij hockey.")).kind,
    ).not.toBe("crisis");
    expect((await assistant.reply(corrected, "Hoe vraag ik aangepaste gymlessen aan?")).kind).not.toBe("crisis");
    // "X bedoel ik" ends a danger only when X is harmless ("aan papier"), not when it tells how ("met zijn riem").
    const how = "opening-how";
    expect((await assistant.reply(how, "Mijn vader slaat me als hij dronken is.")).kind).toBe("crisis");
    expect((await assistant.reply(how, "Met zijn riem bedoel ik.")).kind).toBe("crisis");
    const paper = "opening-paper";
    expect((await assistant.reply(paper, "Hij snijdt zich steeds.")).kind).toBe("crisis");
    expect(
      (await assistant.reply(paper, "Aan papier bedoel ik! Kan hij een aangepaste schaar krijgen?")).kind,
    ).not.toBe("crisis");
    // An explanation ends only the dangers it is about: a headache dose explains a question about pills, not cutting.
    const both = "explains-one-danger";
    const first = await assistant.reply(both, "Mijn dochter snijdt in haar armen en zegt dat ze dood wil.");
    expect(first.dangers).toEqual(expect.arrayContaining(["suicide", "selfharm"]));
    const later = await assistant.reply(both, "Ze had hoofdpijn, daarom vroeg ze hoeveel paracetamol ze mocht.");
    expect(later.kind).toBe("crisis");
    expect(later.dangers).toContain("selfharm");
    expect(later.dangers).not.toContain("suicide");
    // Nor does an opening someone else reports.
    const told = "opening-hearsay";
    expect((await assistant.reply(told, "Mijn zoon zegt dat zijn trainer hem heeft geslagen.")).kind).toBe("crisis");
    expect((await assistant.reply(told, "Bij de training, zegt de trainer nu, het was een spelletje.")).kind).toBe(
      "crisis",
    );
  });

  it("adds a cue of one message to a cue of the same danger in the next, as within one message", async () => {
    const first = "Mijn dochter is na een ruzie de deur uit gerend.";
    const second = "Haar telefoon gaat niet over.";
    // Each alone is one cue of a missing child: no crisis reply ...
    expect((await assistant.reply("cue-a", first)).kind).not.toBe("crisis");
    expect((await assistant.reply("cue-b", second)).kind).not.toBe("crisis");
    // ... told in two messages, the danger is complete.
    const id = "cue-carried";
    await assistant.reply(id, first);
    const both = await assistant.reply(id, second);
    expect(both.kind).toBe("crisis");
    expect(both.dangers).toEqual(["missing"]);
    // Also over one message in between (a child who asks where the highest flat is, writes something else, then "en
    // dan springen"); two messages in between end it.
    const between = "cue-between";
    await assistant.reply(between, first);
    await assistant.reply(between, "Wat is een ontwikkelingsperspectiefplan?");
    expect((await assistant.reply(between, second)).kind).toBe("crisis");
    const apart = "cue-apart";
    await assistant.reply(apart, first);
    await assistant.reply(apart, "Wat is een ontwikkelingsperspectiefplan?");
    await assistant.reply(apart, "En wie schrijft dat?");
    expect((await assistant.reply(apart, second)).kind).not.toBe("crisis");
  });

  it("ends a conversation's danger when the next message tells what the words were about: a camp, a book", async () => {
    // "Er morgen niet meer zijn" meant a school camp (round of crisis-dv).
    const camp = "explained-camp";
    expect((await assistant.reply(camp, "Mijn zoon zei vanavond: ik ben er morgen niet meer")).kind).toBe("crisis");
    expect((await assistant.reply(camp, "Hij bedoelde dat hij morgen op schoolkamp gaat.")).kind).not.toBe("crisis");
    // A book read for school; not where the child is said to mean it herself too.
    const book = "explained-book";
    await assistant.reply(book, "Mijn dochter praat de hele tijd over een meisje dat van een flat wil springen.");
    expect((await assistant.reply(book, "Het is het boek dat ze voor Engels leest.")).kind).not.toBe("crisis");
    const herself = "explained-book-not";
    await assistant.reply(herself, "Mijn dochter praat de hele tijd over een meisje dat van een flat wil springen.");
    expect((await assistant.reply(herself, "Het is het boek, maar ze zegt zelf ook dat ze wil springen.")).kind).toBe(
      "crisis",
    );
  });

  it("takes an office that does not answer the phone for no sign of danger, a child who does not answer for one", async () => {
    const office = await assistant.reply("office", "de vervoerder neemt niet op als het busje weer te laat is");
    expect(office.kind).not.toBe("crisis");
    const child = await assistant.reply("child", "ze neemt niet op en zit al uren op het dak");
    expect(child.kind).toBe("crisis");
  });

  it("ends the crisis of a conversation when a later message explains it away", async () => {
    const id = "crisis-explained";
    expect((await assistant.reply(id, "ik heb mezelf gesneden")).kind).toBe("crisis");
    // "Met papier bij handvaardigheid": an everyday cut. No help lines again, now or for a message after it.
    const explained = await assistant.reply(id, "met papier bij handvaardigheid. mag ik zelf een pleister halen?");
    expect(explained.kind).not.toBe("crisis");
    expect((await assistant.reply(id, "ze is 12")).kind).not.toBe("crisis");
    // Without the explanation, the same question keeps the help lines.
    const other = "crisis-not-explained";
    await assistant.reply(other, "ik heb mezelf gesneden");
    expect((await assistant.reply(other, "ze is 12")).kind).toBe("crisis");
  });

  it("ends a conversation's danger only with an explanation of that danger", async () => {
    const id = "missing-explained";
    expect(
      (await assistant.reply(id, "Mijn zoon van 12 is niet thuisgekomen na school en neemt zijn telefoon niet op"))
        .kind,
    ).toBe("crisis");
    // "Hij is er nu": explains a child who was not home. No help lines again for what follows.
    expect((await assistant.reply(id, "Sorry, hij is er nu! Hij was bij een vriend.")).kind).not.toBe("crisis");
    expect((await assistant.reply(id, "pfff")).kind).not.toBe("crisis");
    // The same words after a wish to die explain nothing: the help lines stay.
    const other = "suicide-not-explained";
    expect((await assistant.reply(other, "Mijn dochter zei vanochtend dat ze niet meer wil leven")).kind).toBe(
      "crisis",
    );
    expect((await assistant.reply(other, "Ze is er nu.")).kind).toBe("crisis");
    // Nor do they calm a danger told in the same message.
    expect((await assistant.reply("same-message", "Ze zei dat ze niet meer wil leven. Ze is er nu.")).kind).toBe(
      "crisis",
    );
  });

  it("ends any danger when the parent finds it was harmless, never on a retraction someone else reports", async () => {
    const checked = "checked-harmless";
    expect((await assistant.reply(checked, "De gymleraar heeft mijn zoon geslagen!")).kind).toBe("crisis");
    // The parent checked: an accident. No help lines again for the question that follows.
    expect(
      (await assistant.reply(checked, "Ik heb het uitgezocht, hij kreeg per ongeluk een bal tegen zijn hoofd.")).kind,
    ).not.toBe("crisis");
    expect((await assistant.reply(checked, "Hoe praat ik daar met hem over?")).kind).not.toBe("crisis");
    // A child's retraction, told by the parent, explains nothing: the help lines stay.
    const retracted = "retracted";
    expect((await assistant.reply(retracted, "Mijn dochter vertelde dat haar oom haar betast.")).kind).toBe("crisis");
    expect((await assistant.reply(retracted, "Nu zegt ze dat het per ongeluk was.")).kind).toBe("crisis");
    // Nor does "alles is goed" after a reported retraction, a question, or a check that confirms the danger.
    const after = "retracted-then-fine";
    expect((await assistant.reply(after, "Mijn dochter vertelde dat haar oom haar betast.")).kind).toBe("crisis");
    expect((await assistant.reply(after, "Nu zegt ze dat het per ongeluk was. Alles is goed.")).kind).toBe("crisis");
    const asked = "asked-if-fine";
    expect((await assistant.reply(asked, "Mijn dochter van 14 is niet thuisgekomen.")).kind).toBe("crisis");
    expect((await assistant.reply(asked, "Is alles goed met haar? Niemand neemt op.")).kind).toBe("crisis");
    const confirmed = "checked-confirmed";
    expect((await assistant.reply(confirmed, "Zijn stiefvader heeft hem geslagen.")).kind).toBe("crisis");
    expect((await assistant.reply(confirmed, "Ik heb het uitgezocht, het is echt waar.")).kind).toBe("crisis");
  });

  it("ends a danger with an everyday use of its own words, not with one about something else", async () => {
    const chips = "everyday-same-danger";
    expect((await assistant.reply(chips, "ik wil dood")).kind).toBe("crisis");
    expect((await assistant.reply(chips, "aan een overdosis chips na die toets haha")).kind).not.toBe("crisis");
    // "De hond is weggelopen" is harmless about the dog; it says nothing about a daughter who does not want to live.
    const dog = "everyday-other-danger";
    expect((await assistant.reply(dog, "Mijn dochter zei dat ze niet meer wil leven")).kind).toBe("crisis");
    expect((await assistant.reply(dog, "En nu is de hond ook nog weggelopen")).kind).toBe("crisis");
    expect((await assistant.reply(dog, "Ze is zo somber")).kind).toBe("crisis");
  });

  it("keeps the help lines of an earlier danger when a later message adds another", async () => {
    const id = "two-dangers";
    const first = await assistant.reply(id, "Mijn zoon zei gisteren dat hij niet meer wil leven.");
    expect(first.dangers).toEqual(["suicide"]);
    const later = await assistant.reply(id, "Nu is hij niet thuisgekomen en hij neemt zijn telefoon niet op.");
    expect(later.kind).toBe("crisis");
    expect(later.dangers).toEqual(expect.arrayContaining(["suicide", "missing"]));
    expect(later.text).toMatch(/113/);
    expect(later.text).toMatch(/112/);
  });

  it("offers the help lines as a button where a message it cannot answer shows one sign of danger", async () => {
    const reply = await assistant.reply("one-sign", "Hij heeft een mes in zijn tas.");
    expect(reply.kind).toBe("fallback");
    expect(reply.text).toMatch(/veiligheid van een kind/);
    const choice = reply.choices?.[0];
    expect(choice?.label).toBe("Ik maak me zorgen over de veiligheid van een kind");
    // The button says what a parent could type; it is itself a crisis message.
    const chosen = await assistant.reply("one-sign", choice?.label ?? "");
    expect(chosen.kind).toBe("crisis");
    expect(chosen.text).toMatch(/0800-2000/);
    // An ordinary message the knowledge does not answer gets no such line.
    const plain = await assistant.reply("no-sign", "Hoe laat begint de school?");
    expect(plain.text).not.toMatch(/veiligheid van een kind/);
    expect(plain.suggestions).not.toContain("Ik maak me zorgen over de veiligheid van een kind");
  });

  it("does not take a child's behaviour at school for violence at home", async () => {
    expect(await kind("mijn zoon slaat andere kinderen op school, mag de school hem schorsen?")).not.toBe("crisis");
  });

  it.each([
    // The writer clears the alarm in the next message: the help lines end.
    [
      "Mijn zoon is niet thuisgekomen.",
      "Hij was gewoon met een vriend naar de speeltuin, sorry voor de paniek.",
      false,
    ],
    ["Ze heeft pillen uit het kastje gepakt.", "Haar vitamines, zoals de huisarts heeft voorgeschreven.", false],
    ["Hij zegt dat hij dood wil.", "Ik schrok even, maar het is huiswerk voor Nederlands.", false],
    ["De kinderen zijn al twee dagen alleen.", "Alleen met mijn man bedoel ik 😅", false],
    [
      "Mijn zoon heeft een brief geschreven waarin hij afscheid neemt van iedereen.",
      "Hij gaat na de kerst naar een andere school en het is een afscheidsbrief voor zijn klas.",
      false,
    ],
    // The next message confirms, narrows down or plays down the danger: the help lines stay (review t).
    ["Mijn dochter heeft zichzelf gesneden.", "Ach het valt wel mee, alles goed hoor.", true],
    ["Hij heeft een hele strip pillen geslikt.", "De ambulance komt eraan, verder alles goed.", true],
    ["Mijn dochter wil dood.", "Sorry voor de paniek, ze staat op het balkon.", true],
    ["Hij slaat haar elke dag.", "De juf bedoel ik.", true],
    ["De gymleraar zit steeds aan haar.", "In de gymles ja 😅", true],
    ["Mijn zoon heeft 20 pillen geslikt.", "Zijn melatonine, de hele pot.", true],
    ["Hij heeft een overdosis genomen.", "Hij ligt in het ziekenhuis, alles is goed.", true],
    [
      "Hij heeft een touw gekocht en wil dood.",
      "Het was voor een werkstuk, maar hij had ook een brief geschreven.",
      true,
    ],
  ])("ends the help lines only where the writer clears the alarm: %s / %s", async (first, second, stays) => {
    const id = `clears-${first}-${second}`;
    expect((await assistant.reply(id, first)).kind).toBe("crisis");
    expect((await assistant.reply(id, second)).kind === "crisis").toBe(stays);
  });

  it.each([
    "Ik wil liever met een mens praten",
    "kan ik een medewerker spreken",
    "geen robot aub",
    "verbind me door met iemand",
  ])("recognises a wish for a person: %s", async (text) => expect(await kind(text)).toBe("handoff"));

  it.each([
    "hoi",
    "Goedemorgen!",
    "bedankt!",
    "dank je wel voor de uitleg",
    "doei",
    "wat kun jij allemaal?",
    "wie ben jij",
  ])("answers smalltalk: %s", async (text) => expect(await kind(text)).toBe("smalltalk"));

  it.each([
    ["hmm", "oke"],
    ["ja", "oke"],
    ["hmm ja", "oke"],
    ["je begrijpt er echt niks van", "niet-begrepen"],
    ["kunt u makkelijkere woorden gebruiken?", "niet-begrepen"],
    ["wie heeft deze chat eigenlijk gemaakt?", "wat-kun-je"],
    ["is dit een computerprogramma of een echt persoon?", "wat-kun-je"],
    ["goedemiddag, ik wilde u eerst even netjes begroeten", "groet"],
    ["nogmaals heel hartelijk dank, ik kan weer verder", "bedankt"],
  ])("knows smalltalk by its words when the knowledge does not answer: %s", async (text, id) => {
    const reply = await assistant.reply(`cue-${text}`, text);
    expect(reply.kind).toBe("smalltalk");
    const rule = realKnowledge().intents.smalltalk.find((r) => r.id === id);
    expect(reply.text).toBe(rule?.text.trim());
  });

  it.each([
    "hey weet jij wat een schoolreisje naar de efteling kost",
    "Kun je uitleggen hoe breuken werken? Mijn dochter snapt het niet.",
    "mijn zoon vindt zichzelf dom, wat kan de school doen?",
    "is het erg dat hij zoveel achter de computer zit?",
    "ik begrijp niet waarom de school geen hulp geeft",
    "de extra begeleiding helpt niet, wat nu?",
  ])("keeps a question with a greeting or about a child's schoolwork out of smalltalk: %s", async (text) => {
    expect(await kind(text)).not.toBe("smalltalk");
  });

  it("answers the question when a greeting comes with one", async () => {
    const reply = await assistant.reply("g", "hoi, wat is een tlv?");
    expect(reply.kind).toBe("answer");
    expect(reply.answerId).toBe("tlv-wat-is");
  });

  it.each([
    "Hoe maak ik pannenkoeken?",
    "wat is de hoofdstad van australië",
    "asdfghjkl",
    "welke partij moet ik stemmen",
  ])("falls back honestly when nothing answers: %s", async (text) => {
    const reply = await assistant.reply("f", text);
    expect(reply.kind).toBe("fallback");
    expect(reply.answerId).toBeNull();
    expect(reply.text).toMatch(/ouder- en jeugdsteunpunt/);
  });
});
