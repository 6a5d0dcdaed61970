// What every channel shows around an answer, written once: the question the answer is for (above it) and the
// legal basis with the review date (under the sources). Pure and without dependencies (the widget bundles it).

import { dutchDate } from "../core/text/dates.js";

// The month names are the core's one table (src/core/text/dates.ts); imported directly, so the widget bundle
// gets that table and not the core's search engine.
export { dutchDate };

export interface AnswerFrame {
  /** The entry's main question, shown above the answer ("Je vraag: …" in screen readers). */
  question?: string | undefined;
  legalBasis?: readonly string[] | undefined;
  reviewed?: string | undefined;
}

/** "Wettelijke basis: WPO art. 40a. Bijgewerkt op 5 december 2026." — or null when there is neither. */
export function legalLine(frame: AnswerFrame): string | null {
  const parts: string[] = [];
  if (frame.legalBasis && frame.legalBasis.length > 0) parts.push(`Wettelijke basis: ${frame.legalBasis.join("; ")}.`);
  if (frame.reviewed) parts.push(`Bijgewerkt op ${dutchDate(frame.reviewed)}.`);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The heading above an answer, or null for replies that are not answers to an entry. */
export function questionHeading(kind: string, frame: AnswerFrame): string | null {
  return kind === "answer" && frame.question ? frame.question : null;
}
