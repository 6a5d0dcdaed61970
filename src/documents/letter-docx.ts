import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import type { FilledLetter } from "../core/index.js";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * The letter as a Word document, built in memory (never written to disk): one paragraph per paragraph of the
 * letter, its lines kept, in a plain 11 pt font the parent can edit.
 */
export async function letterToDocx(letter: FilledLetter): Promise<Buffer> {
  const paragraphs = letter.text.split(/\n\s*\n/u).map(
    (para) =>
      new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: { after: 200 },
        children: para.split("\n").map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}) })),
      }),
  );
  const doc = new Document({
    title: letter.title,
    creator: "Ouderwijzer",
    styles: { default: { document: { run: { font: "Arial", size: 22 } } } },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(doc);
}

/** A file name for the download: the letter's id, ASCII only. */
export const docxFileName = (letter: FilledLetter) => `${letter.id.replace(/[^a-z0-9-]/gu, "")}.docx`;
