import type { Entry } from "../core/index.js";

// Rules of the knowledge base that can be checked mechanically (issues "Legally right in every case" and "eight
// patterns"). Each returns problems as entry id + field + message; scripts/knowledge-check.ts fails on any of them.

export interface LintIssue {
  entry: string;
  field: string;
  message: string;
}

/** An answer's first word may not take a side: its phrasings ask the same question with opposite polarity. */
const OPENER = /^\s*(ja|nee|soms|vaak|meestal|dat kan)\b/iu;
/** A remedy a parent can lose by waiting. */
const REMEDY =
  /\b(bezwaar(?! (hebt|heeft|hebben|had|tegen de richting))|beroep(?! (doen |gedaan )?op)|klacht|geschillencommissie|gpo)\b/iu;
/** A term, or the explicit statement that there is none. */
const TERM = /\b(\d+|een|twee|drie|vier|vijf|zes|acht|tien|twaalf)\s+(weken|week|maanden|maand|dagen|dag|jaar)\b|\btermijn\b/iu;
/** A sentence about the so / vso (not the sbo: cluster schools are so schools) and a TLV … */
const SO = /\b(so|vso|speciaal onderwijs|speciaal voortgezet onderwijs|so school|so-school|speciale school)\b/iu;
const TLV = /\b(tlv|toelaatbaarheidsverklaring)\b/iu;
/** … that says one is needed. */
const NEEDED = /\b(nodig|vereist|verplicht|moet|alleen (met|als|na))\b/iu;
/** … says that cluster 1 and 2 schools admit without one. */
const CLUSTER_NOTE = /\bcluster (1|een)\b|\bclusters? 1 (en|of) 2\b|\b(blind|slechtziend|doof|slechthorend|taalontwikkelingsstoornis)\w*\b[^.]{0,80}\bzonder\b/iu;

export function lintEntries(entries: readonly Entry[]): LintIssue[] {
  const issues: LintIssue[] = [];
  for (const e of entries) {
    const opener = OPENER.exec(e.answer);
    if (opener) {
      issues.push({
        entry: e.id,
        field: "answer",
        message: `opens with "${opener[1]}": state the rule itself, so the first sentence fits every phrasing (also one with opposite polarity)`,
      });
    }
    const all = [e.answer, ...e.nextSteps].join("\n");
    const remedy = REMEDY.exec(all);
    if (remedy && !TERM.test(all)) {
      issues.push({
        entry: e.id,
        field: "answer",
        message: `names a remedy ("${remedy[1]}") without its term: say within how long, to whom, and from which event it counts`,
      });
    }
    const needsTlv = e.answer.split(/(?<=[.!?])\s+/u).some((sentence) => SO.test(sentence) && TLV.test(sentence) && NEEDED.test(sentence));
    if (needsTlv && !CLUSTER_NOTE.test(all)) {
      issues.push({ entry: e.id, field: "answer", message: "says special education needs a TLV without the note that cluster 1 and 2 schools admit without one" });
    }
  }
  return issues;
}
