// Every text the HTTP API shows to people: Dutch, B1, "je".

export const messages = {
  badJson: "Je bericht kon niet worden gelezen. Stuur je vraag als JSON.",
  notAnObject: 'Stuur je vraag als JSON-object, bijvoorbeeld {"text": "Wat is een TLV?"}.',
  textMissing: "Typ eerst een vraag.",
  textNotText: "Je vraag moet tekst zijn.",
  textTooLong: (max: number) => `Je bericht is te lang. Gebruik maximaal ${max} tekens.`,
  invalidRequest: "Het verzoek klopt niet. Kijk naar de velden in 'fields'.",
  tooLarge: "Je bericht is te groot.",
  unsupportedType: "Dit soort bericht kan ik niet lezen. Stuur je vraag als JSON.",
  notFound: "Deze pagina bestaat niet.",
  badUrl: "Het adres van deze pagina klopt niet. Kijk of het goed is overgenomen.",
  unknownAnswer: "Dit antwoord bestaat niet.",
  conversationNotFound: "Dit gesprek bestaat niet (meer).",
  messageIdReused: "Dit bericht-id is al gebruikt voor een ander bericht. Stuur je vraag opnieuw.",
  messageInProgress: "Je vorige bericht wordt nog beantwoord. Probeer het zo opnieuw.",
  rateLimited: "Je stuurt veel berichten achter elkaar. Wacht een minuut en probeer het dan opnieuw.",
  overloaded: "Het is nu erg druk. Probeer het over een paar seconden opnieuw.",
  storeUnavailable: "De chat werkt even niet. Probeer het over een paar minuten opnieuw.",
  internal: "Er ging iets mis. Probeer het later opnieuw.",
  letterNotFound: "Deze brief bestaat niet.",
  letterFields: (labels: string[]) => `Vul eerst in: ${labels.join("; ")}.`,
  widgetMissing: "widget.js is not built yet: run `node scripts/build-widget.mjs`.",
} as const;

export interface ErrorBody {
  error: string;
  /** Per field what is wrong, for bad input. */
  fields?: Record<string, string>;
  /** Quote this id when reporting a problem; it is in the service's log. */
  requestId?: string;
}
