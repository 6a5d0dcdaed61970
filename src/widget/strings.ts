// Every fixed text the widget shows or gives to screen readers: Dutch, B1, "je".

import type { ApiFailure } from "./api.js";

export const text = {
  defaultTitle: "Chatbot passend onderwijs",
  defaultGreeting: "Hoi! Heb je een vraag over school en extra hulp voor je kind? Stel je vraag hier.",
  launcher: "Stel je vraag aan de chatbot",
  subtitle: "Automatische chatbot, geen mens",
  /** The header while a staff member has picked up the request. */
  subtitleStaff: "Je praat nu met een medewerker: een mens",
  /** Said once when a staff member picked up the request; the name when the service gives one. */
  staffJoined: (name: string | null) =>
    name ? `Een medewerker, ${name}, praat nu met je.` : "Een medewerker praat nu met je.",
  /** Goes back to the chatbot while a request is open or claimed (the service closes it and tells staff). */
  backToBot: "Terug naar de chatbot",
  /** The status while a message goes to the staff member instead of the bot. */
  sendingToStaff: "Je bericht gaat naar de medewerker…",
  /** Always shown in the first message: what this is and how to reach a person (transparency, W-09). */
  introLines: [
    "Ik ben een **chatbot**: een computerprogramma, **geen mens**. Mijn antwoorden komen uit een vaste verzameling informatie over passend onderwijs, met de bronnen erbij.",
    "Wil je liever met een mens praten? Bel dan gratis **Ouders & Onderwijs: 0800-5010**. Of neem contact op met het ouder- en jeugdsteunpunt in je regio. Je kunt ook op de knop hieronder klikken.",
    "Tip: schrijf geen namen of andere persoonlijke gegevens in je vraag.",
  ],
  introSuggestions: ["Wat is passend onderwijs?", "Wat is een TLV?", "Ik wil met een mens praten"],
  close: "Chat sluiten",
  newConversation: "Nieuw gesprek",
  erase: "Gesprek wissen",
  /** Asked before erasing or starting anew while a request for a person is open: a second tap confirms. */
  confirmErase:
    "Je hebt een gesprek met een medewerker. Als je wist, sluiten we je verzoek en ziet de medewerker dat je het gesprek hebt gewist. Klik op ‘Ja, wissen’ om door te gaan.",
  confirmNew:
    "Je hebt een gesprek met een medewerker. Begin je opnieuw, dan sluiten we je verzoek. Klik op ‘Ja, opnieuw beginnen’ om door te gaan.",
  confirmEraseButton: "Ja, wissen",
  confirmNewButton: "Ja, opnieuw beginnen",
  logLabel: "Gesprek met de chatbot",
  you: "Jij:",
  bot: "Chatbot:",
  /** Visible label above a reply written by a person of the steunpunt. */
  staff: "Medewerker",
  /** Added to the launcher's name while replies from a staff member wait unread. */
  unread: (n: number) => (n === 1 ? "1 nieuw bericht van een medewerker" : `${n} nieuwe berichten van een medewerker`),
  handoffClosed: "De medewerker heeft het gesprek afgesloten. Je kunt hier verder vragen stellen.",
  /** Shown under the reply that opened a request (and again after a reload while it is open). */
  returnCode: "Je terugkomcode:",
  returnCodeHelp:
    "Typ deze code in de chat op een ander apparaat of in een andere browser. Dan ga je daar verder met dit gesprek, zolang je vraag openstaat. Geef de code aan niemand anders.",
  inputLabel: "Je vraag",
  send: "Verstuur",
  counter: (used: number, max: number) => `${used} van ${max} tekens`,
  typing: "De chatbot zoekt een antwoord…",
  loading: "Je gesprek wordt geladen…",
  nextSteps: "Wat kun je nu doen?",
  sources: "Bronnen",
  answerFor: "Antwoord op de vraag:",
  newTab: " (opent in een nieuw tabblad)",
  suggestions: "Misschien wil je ook dit weten:",
  /** Above the buttons of a reply that asks the parent to choose (a handoff question): one of them, once. */
  choices: "Kies een antwoord:",
  /** Above the candidate questions of a reply that is not sure what was meant. */
  clarify: "Bedoel je een van deze vragen?",
  /** Above example questions in the welcome and other short replies. */
  examples: "Kies een vraag, of typ zelf een vraag:",
  /** Added to the name of the choice the parent made (the buttons are then disabled). */
  chosen: " (gekozen)",
  /** Sources beyond the first two are folded away behind this button. */
  moreSources: (n: number) => `Meer bronnen (${n})`,
  fewerSources: "Minder bronnen",
  /** Making a letter in the chat (letter.ts). */
  letterLoading: "De brief wordt geladen…",
  letterMissing: "Deze brief bestaat niet (meer).",
  letterFailed: "Er ging iets mis met de brief. Probeer het over een paar minuten opnieuw.",
  letterOptional: "(mag je leeg laten)",
  letterTo: "Aan wie:",
  letterPrivacy: "Wat je hier invult, bewaren we niet. Het wordt alleen gebruikt om je brief te maken.",
  letterMake: "Maak de brief",
  letterCancel: "Stoppen",
  letterCancelled: "Je bent gestopt met de brief. Wat je had ingevuld, is weg.",
  letterRequired: (label: string) => `Vul dit in: ${label}`,
  letterFix: "Kijk nog even naar de velden met een melding.",
  letterMaking: "De brief wordt gemaakt…",
  letterEdit: "Je brief. Je kunt hem hier nog aanpassen.",
  letterCopy: "Kopieer de brief",
  letterCopied: "De brief is gekopieerd. Je kunt hem nu plakken, bijvoorbeeld in een mail.",
  letterDownload: "Download als Word-bestand",
  letterDownloaded: "Het Word-bestand is gedownload.",
  letterDeadline: (date: string) => `Let op: uiterlijk ${date}.`,
  letterTips: "Zo verstuur je de brief:",
  keep: "Bewaar dit antwoord",
  copy: "Kopiëren",
  print: "Afdrukken of pdf",
  share: "Delen",
  copied: "Het antwoord is gekopieerd. Je kunt het nu plakken, bijvoorbeeld in een mail aan school.",
  copyFailed: "Kopiëren lukt niet in deze browser. Kies Afdrukken of pdf.",
  shareFailed: "Delen is niet gelukt. Probeer Kopiëren.",
  /** Header of the print view and of copied or shared text. */
  keptFrom: (title: string) => `${title}: automatische chatbot, geen mens`,
  keptQuestion: "Vraag:",
  keptAnswerAt: (when: string) => `Antwoord van ${when}.`,
  keptSite: (host: string) => `Gevonden via de chatbot op ${host}.`,
  skipLink: "Naar de chatbot",
  pasteCut: (max: number) =>
    `Je geplakte tekst was te lang. Daarom staan alleen de eerste ${max} tekens in het invoerveld. Kijk of je vraag nog klopt.`,
  helpfulQuestion: "Was dit nuttig?",
  helpfulYes: "Ja",
  helpfulYesName: "Ja, dit antwoord was nuttig",
  helpfulNo: "Nee",
  helpfulNoName: "Nee, dit antwoord was niet nuttig",
  helpfulThanks: "Bedankt voor je reactie!",
  feedbackFailed: "Je reactie is niet verstuurd. Probeer het later nog eens.",
  erased: "Je gesprek is gewist. Je kunt een nieuwe vraag stellen.",
  newStarted: "Je bent een nieuw gesprek begonnen.",
  previousGone: "Je vorige gesprek is niet meer bewaard. Je kunt een nieuwe vraag stellen.",
  restoreFailed: "Je vorige gesprek kon niet worden geladen. Probeer het later nog eens.",
  eraseFailed: "Het wissen is niet gelukt. Probeer het over een paar minuten nog eens.",
  /** The link to the privacy statement (short: it shares one row with "Nieuw gesprek" and "Gesprek wissen"). */
  privacy: "Privacy",
  empty: "Typ eerst je vraag. Daarna kun je hem versturen.",
  tooLong: (max: number) => `Je vraag is te lang. Maak hem korter: je mag ${max} tekens gebruiken.`,
} as const;

/** What to tell the parent when a message could not be sent. Their draft stays in the input. */
export function failureText(failure: ApiFailure, maxChars: number): string {
  switch (failure.kind) {
    case "offline":
      return "Er is geen verbinding met internet. Controleer je verbinding en probeer het opnieuw. Je vraag staat nog in het invoerveld.";
    case "unreachable":
      // The device is online, but the service did not answer: not the parent's internet.
      return "De chatbot is nu niet bereikbaar. Dat ligt niet aan jou. Probeer het over een paar minuten opnieuw. Je vraag staat nog in het invoerveld.";
    case "timeout":
      return "Het antwoord duurt te lang. Probeer het over een paar seconden opnieuw. Je vraag staat nog in het invoerveld.";
    case "too-long":
      return text.tooLong(maxChars);
    case "rate-limited":
      return failure.retryAfterSeconds
        ? `Je stuurt veel berichten kort na elkaar. Wacht ${failure.retryAfterSeconds} seconden en probeer het dan opnieuw.`
        : "Je stuurt veel berichten kort na elkaar. Wacht een minuut en probeer het dan opnieuw.";
    case "busy":
      return "Het is nu erg druk. Probeer het over een paar seconden opnieuw. Je vraag staat nog in het invoerveld.";
    case "bad-request":
      return "Dit bericht kon niet worden verstuurd. Pas je vraag aan en probeer het opnieuw.";
    case "not-found":
    case "server":
      return "Er ging iets mis bij de chatbot. Probeer het over een paar minuten opnieuw. Je vraag staat nog in het invoerveld.";
  }
}
