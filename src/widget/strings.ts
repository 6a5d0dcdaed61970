// Every fixed text the widget shows or gives to screen readers: Dutch, B1, "je".

import type { ApiFailure } from "./api.js";

export const text = {
  defaultTitle: "Chatbot passend onderwijs",
  defaultGreeting: "Hoi! Heb je een vraag over school en extra hulp voor je kind? Stel je vraag hier.",
  launcher: "Stel je vraag aan de chatbot",
  subtitle: "Automatische chatbot, geen mens",
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
  logLabel: "Gesprek met de chatbot",
  you: "Jij:",
  bot: "Chatbot:",
  /** Visible label above a reply written by a person of the steunpunt. */
  staff: "Medewerker",
  /** Added to the launcher's name while replies from a staff member wait unread. */
  unread: (n: number) => (n === 1 ? "1 nieuw bericht van een medewerker" : `${n} nieuwe berichten van een medewerker`),
  handoffClosed: "De medewerker heeft het gesprek afgesloten. Je kunt hier verder vragen stellen.",
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
  eraseFailed: "Het wissen is niet gelukt. Controleer je internet en probeer het nog eens.",
  privacy: "Zo gaan we om met je gegevens",
  empty: "Typ eerst je vraag. Daarna kun je hem versturen.",
  tooLong: (max: number) => `Je vraag is te lang. Maak hem korter: je mag ${max} tekens gebruiken.`,
} as const;

/** What to tell the parent when a message could not be sent. Their draft stays in the input. */
export function failureText(failure: ApiFailure, maxChars: number): string {
  switch (failure.kind) {
    case "offline":
      return "Er is geen verbinding met internet. Controleer je verbinding en probeer het opnieuw. Je vraag staat nog in het invoerveld.";
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
      return "Er ging iets mis bij ons. Probeer het later opnieuw. Je vraag staat nog in het invoerveld.";
  }
}
