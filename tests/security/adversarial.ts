// Inputs that make the search work hardest (issue 14, finding 1), shared by tests/security/work-bound.test.ts and
// bench/console.ts.

/** Deterministic pseudo-random words the knowledge base does not know. */
function words(count: number, length: number, seed = 7): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = "";
    for (let j = 0; j < length; j++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      w += "abcdefghijklmnopqrstuvwxyz".charAt(x % 26);
    }
    out.push(w);
  }
  return out.join(" ");
}

/** Inputs that made the search work hardest, cut to `max` characters. */
export function adversarialInputs(max: number): Record<string, string> {
  const fill = (s: string) => s.repeat(Math.ceil(max / s.length)).slice(0, max);
  let seed = 100;
  return {
    "one long word": words(1, max),
    "unknown 24-letter words": words(Math.ceil(max / 25), 24).slice(0, max),
    "unknown 9-letter words": words(Math.ceil(max / 10), 9).slice(0, max),
    "questions of unknown words": fill(`${words(1, 11)}? `)
      .replace(/\w+/g, () => words(1, 11, ++seed))
      .slice(0, max),
    "repeated question": fill("wat is een tlv? "),
    "long e-mail": fill("Beste mevrouw, mijn kind krijgt geen hulp op school. Wat kan ik doen? "),
    // Vague questions with a short story: none is answered with confidence, so each is read twice.
    "many vague questions": fill(
      "Wat moet ik nu doen met school? Hoe zit dat met de hulp voor mijn kind? Kan de school dat zomaar besluiten zonder ons? Wie kan mij helpen met dit gesprek? Mijn zoon heeft problemen in de klas en de juf zegt dat hij extra begeleiding nodig heeft. ",
    ),
    // Real questions, one after another: every sentence is a question the knowledge base knows words of.
    "many different questions": fill(
      "Moet ik het OPP tekenen? Wat doet het samenwerkingsverband? Hoe vraag ik een TLV aan? Mijn dochter wordt geschorst, wat nu? Wat is zorgplicht? Mag ik het dossier inzien? ",
    ),
  };
}
