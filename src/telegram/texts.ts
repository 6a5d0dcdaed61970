// Every fixed text of the Telegram bot, in B1 Dutch ("je"). Kept in one place for editorial review.
// Texts are Telegram HTML: only our own tags, no user text is ever put in here.

/** The three-line privacy note of /start; `days` is the retention period. */
function privacyNote(days: number): string {
  return [
    `Ik bewaar je vragen en mijn antwoorden ${days} dagen. Niet je naam en niet je telefoonnummer, tenzij je met /mens zelf vraagt om contact.`,
    "Schrijf liever geen namen of andere persoonlijke gegevens.",
    "Met /wissen haal je alles weg. Meer lezen? Kies /privacy.",
  ].join("\n");
}

export const texts = {
  sourcesHeading: "Bronnen",
  staffReplyHeading: "Antwoord van een medewerker van het steunpunt:",
  nextStepsHeading: "Wat kun je doen?",
  feedbackQuestion: "Was dit nuttig?",
  feedbackYes: "👍 Ja",
  feedbackNo: "👎 Nee",
  feedbackThanks: "Dank je wel!",
  feedbackSorry:
    "Jammer dat dit niet hielp. Stel je vraag gerust op een andere manier. Of kies /mens: dan lees je hoe je iemand spreekt.",

  privacyNote,

  start: (days: number) =>
    [
      "Hoi! Ik ben een digitale hulp voor ouders. Ik beantwoord vragen over <b>passend onderwijs</b>. Dat is de extra hulp die je kind op school kan krijgen.",
      "",
      "<b>Wat kan ik?</b>",
      "• Ik leg uit hoe het werkt: extra hulp, het OPP, de TLV, speciaal onderwijs en meer.",
      "• Ik zeg wat je kunt doen, en waar het antwoord vandaan komt.",
      "",
      "<b>Wat kan ik niet?</b>",
      "• Ik ben geen mens en geen jurist. Ik ken je kind niet.",
      "• Ik weet alleen wat in mijn informatie staat. Voor persoonlijk advies kies je /mens.",
      "",
      "Stel je vraag in gewone woorden. Bijvoorbeeld: <i>Wat is een OPP?</i> Of kies een onderwerp met /onderwerpen.",
      "",
      "<b>Privacy</b>",
      privacyNote(days),
    ].join("\n"),

  help: [
    "<b>Zo werkt het</b>",
    "Typ je vraag in gewone woorden. Ik zoek het antwoord in betrouwbare informatie over passend onderwijs.",
    "Onder een antwoord staan knoppen met vragen die erbij horen. Tik erop om verder te lezen.",
    "",
    "<b>Opdrachten</b>",
    "/onderwerpen: kies een onderwerp en een vraag",
    "/mens: met een mens praten",
    "/wissen: je gesprek met mij wissen",
    "/privacy: wat ik bewaar en hoe lang",
    "/help: deze uitleg",
    "",
    "Ik lees alleen tekst. Foto's, spraakberichten en stickers begrijp ik niet.",
  ].join("\n"),

  privacy: (days: number) =>
    [
      "<b>Privacy</b>",
      "",
      "<b>Wat bewaar ik?</b>",
      "Je vragen en mijn antwoorden. Telefoonnummers, e-mailadressen en BSN-nummers maak ik onleesbaar voordat ik iets bewaar.",
      "Ik bewaar niet je naam en niet je Telegram-nummer. Ik gebruik alleen een code die ik daaruit maak.",
      "Vraag je met /mens om een medewerker, en zeg je ja? Dan bewaar ik je Telegram-nummer (en het telefoonnummer of e-mailadres dat je geeft). Zo kan de medewerker je antwoorden. Dat wordt samen met je gesprek gewist.",
      "",
      "<b>Hoe lang?</b>",
      `${days} dagen na je laatste bericht. Daarna gooi ik alles weg.`,
      "",
      "<b>Waarvoor?</b>",
      "Om je vervolgvragen te begrijpen en om de antwoorden beter te maken.",
      "",
      "<b>Zelf wissen</b>",
      "Kies /wissen. Dan haal ik je gesprek bij mij meteen weg.",
      "",
      "Telegram bewaart de chat ook in je app. Dat regelt Telegram zelf.",
      "Schrijf liever geen namen of andere persoonlijke gegevens over je kind.",
    ].join("\n"),

  commands: [
    { command: "start", description: "Uitleg over deze hulp" },
    { command: "onderwerpen", description: "Kies een onderwerp" },
    { command: "mens", description: "Met een mens praten" },
    { command: "terug", description: "Terug naar de chatbot" },
    { command: "wissen", description: "Je gesprek wissen" },
    { command: "privacy", description: "Wat ik bewaar en hoe lang" },
    { command: "help", description: "Hoe werkt deze hulp?" },
  ],

  /** The buttons under /start: two questions, answered as if typed, and the wish for a person. */
  startQuestions: ["Wat is passend onderwijs?", "Wat is een TLV?"],
  startPerson: "Ik wil met een mens praten",
  /** /terug without an open request. */
  backNothing: "Je praat al met de chatbot. Stel gerust je vraag.",

  topicsIntro: "Kies een onderwerp:",
  /** `labelHtml` must already be escaped. */
  topicQuestions: (labelHtml: string) => `<b>${labelHtml}</b>\nKies een vraag:`,
  allTopics: "« Alle onderwerpen",
  unknownButton: "Deze knop werkt niet meer. Typ je vraag, of kies /onderwerpen.",

  humanFallback: [
    "Je wilt graag met een mens praten. Dat kan.",
    "",
    "Bel of mail het <b>ouder- en jeugdsteunpunt</b> van je samenwerkingsverband. Zij helpen je gratis.",
    "Weet je niet welk steunpunt bij jou hoort? Bel dan <b>Ouders &amp; Onderwijs</b>: 0800-5010 (gratis).",
  ].join("\n"),

  erased: "Klaar. Ik heb ons gesprek bij mij gewist. Ik weet nu niets meer van je vragen.",
  nothingToErase: "Ik had niets van je bewaard. Er is dus niets gewist.",
  eraseInApp:
    "Wil je de berichten ook uit je app halen? Houd deze chat in je chatlijst ingedrukt. Kies dan <b>Wis chat</b> of <b>Verwijderen</b>.",

  onlyText:
    "Ik kan alleen tekst lezen. Foto's, spraakberichten, stickers en locaties begrijp ik niet. Typ je vraag in gewone woorden.",
  edited: "Je hebt een bericht aangepast. Ik lees alleen nieuwe berichten. Stuur je vraag gerust opnieuw.",
  unknownCommand: "Die opdracht ken ik niet. Kies /help om te zien wat ik kan.",
  rateLimited: "Je stuurt veel berichten snel achter elkaar. Wacht even een minuut. Daarna help ik je graag verder.",
  unavailable: "De chat werkt even niet. Probeer het over een paar minuten opnieuw.",
  sorry: "Sorry, er ging iets mis aan mijn kant. Probeer het zo nog eens. Lukt het niet? Kies /mens.",

  // Making a letter (features/letter.ts). Titles, labels and hints come from the knowledge base and are escaped.
  letterPrivateOnly:
    "Een brief maak ik alleen in een privégesprek met mij. Stuur me een bericht, dan helpen we je daar verder.",
  letterIntro: (title: string, purpose: string, recipient: string, count: number) =>
    [
      `<b>${title}</b>`,
      purpose,
      `Aan: ${recipient}`,
      "",
      `Ik stel je ${count} korte vragen. Wat je invult, bewaar ik niet: ik gebruik het alleen om je brief te maken. Typ <b>stop</b> om te stoppen.`,
    ].join("\n"),
  letterAsk: (n: number, total: number, label: string, hint: string | null, optional: boolean) =>
    [
      `<b>Vraag ${n} van ${total}:</b> ${label}`,
      ...(hint ? [`<i>${hint}</i>`] : []),
      ...(optional ? ["Typ <b>-</b> als je dit leeg wilt laten."] : []),
    ].join("\n"),
  letterDateHelp: "Deze datum kan ik niet lezen. Schrijf hem zo: 2 maart 2026 of 02-03-2026.",
  letterTooLong: (max: number) => `Dit is te lang. Gebruik maximaal ${max} tekens.`,
  letterRequired: "Dit moet je invullen.",
  letterStopped: "Je bent gestopt met de brief. Wat je had ingevuld, ben ik vergeten.",
  letterDone: (title: string) =>
    `Hier is je brief: <b>${title}</b>. Je kunt het Word-bestand openen en aanpassen. De tekst staat hieronder ook, om te kopiëren.`,
  letterDeadline: (date: string) => `<b>Let op: uiterlijk ${date}.</b>`,
  letterTips: "<b>Zo verstuur je de brief:</b>",
  letterUnknown: "Deze brief ken ik niet (meer). Typ je vraag, of kies /onderwerpen.",
} as const;
