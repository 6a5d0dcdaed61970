import type { Reply, ReplyCitation } from "../core/index.js";
import { parseLines, type TextRun } from "../render/markdown.js";
import { legalLine, questionHeading } from "../render/reply.js";
import { texts } from "./texts.js";

// Telegram HTML: the one formatting mode of the bot. Everything that is not our own markup is escaped, so a
// reply can never break parsing; when Telegram still refuses a message, send.ts falls back to `htmlToPlain`.

/** Telegram's limit for one message, in UTF-16 code units (counted on the HTML, which is never shorter). */
export const MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram HTML (also for attribute values): `&`, `<`, `>` and `"`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Undoes `escapeHtml` (and numeric entities), for the plain-text fallback. */
export function unescapeHtml(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/gi, (m, name: string) => {
    const n = name.toLowerCase();
    if (n === "amp") return "&";
    if (n === "lt") return "<";
    if (n === "gt") return ">";
    if (n === "quot") return '"';
    const code = n.startsWith("#x") ? Number.parseInt(n.slice(2), 16) : Number.parseInt(n.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Removes the tags of our HTML and unescapes it: what the reader sees, as plain text. */
export function htmlToPlain(html: string): string {
  return unescapeHtml(html.replace(/<\/?[a-z][^<>]*>/gi, ""));
}

/** One run of text as Telegram HTML. Tags never hold another tag, so a run's HTML is always balanced. */
function runToHtml(run: TextRun): string {
  const text = escapeHtml(run.text);
  return run.bold ? `<b>${text}</b>` : run.italic ? `<i>${text}</i>` : text;
}

/**
 * Turns the core's light Markdown (`**bold**`, `_italic_`, "- " lists), as read by the shared parser, into
 * Telegram HTML, escaping everything else. Every line keeps its white space, and tags never span a line, so
 * the result can be split at any line break with its tags balanced.
 */
export function markdownToHtml(markdown: string): string {
  return parseLines(markdown)
    .map(
      (line) =>
        `${escapeHtml(line.indent)}${line.item ? `•${escapeHtml(line.item.gap)}` : ""}` +
        `${line.runs.map(runToHtml).join("")}${escapeHtml(line.trailing)}`,
    )
    .join("\n");
}

function isSafeUrl(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

/** "Bronnen": one line per source, with its link and the sections used. */
export function formatSources(citations: ReplyCitation[]): string {
  const bySource = new Map<string, { citation: ReplyCitation; sections: string[] }>();
  for (const c of citations) {
    const key = `${c.sourceId}\u0000${c.url ?? ""}`;
    const seen = bySource.get(key);
    if (!seen) bySource.set(key, { citation: c, sections: c.section ? [c.section] : [] });
    else if (c.section && !seen.sections.includes(c.section)) seen.sections.push(c.section);
  }
  const lines = [...bySource.values()].map(({ citation, sections }) => {
    const title = escapeHtml(citation.title);
    const linked = isSafeUrl(citation.url) ? `<a href="${escapeHtml(citation.url)}">${title}</a>` : title;
    // The last part of a section path is the most telling ("7. … > Wat is een TLV?" → "Wat is een TLV?").
    const parts = sections.map((s) => escapeHtml(s.split(" > ").at(-1)?.trim() ?? s));
    return `• ${linked}${parts.length ? `: ${parts.join("; ")}` : ""}`;
  });
  return [`<b>${texts.sourcesHeading}</b>`, ...lines].join("\n");
}

/** "Wat kun je doen?": the next steps, numbered. */
export function formatNextSteps(steps: string[]): string {
  return [`<b>${texts.nextStepsHeading}</b>`, ...steps.map((s, i) => `${i + 1}. ${markdownToHtml(s)}`)].join("\n");
}

/**
 * The HTML of a reply, before splitting. A crisis reply is only its text: the help lines come first and
 * nothing else competes with them. Answers also get the next steps, the sources and "Was dit nuttig?".
 */
export function formatReply(reply: Reply): string {
  const parts = [markdownToHtml(reply.text.trim())];
  if (reply.kind === "crisis") return parts[0] ?? "";
  // The question the answer is for, above it: a parent sees at once when something else was understood.
  const heading = questionHeading(reply.kind, reply);
  if (heading) parts.unshift(`<b>${escapeHtml(heading)}</b>`);
  if (reply.nextSteps.length) parts.push(formatNextSteps(reply.nextSteps));
  if (reply.citations.length) parts.push(formatSources(reply.citations));
  const legal = reply.kind === "answer" ? legalLine(reply) : null;
  if (legal) parts.push(`<i>${escapeHtml(legal)}</i>`);
  if (reply.kind === "answer" && reply.answerId) parts.push(`<i>${texts.feedbackQuestion}</i>`);
  return parts.filter((p) => p.length > 0).join("\n\n");
}

// --- Splitting -------------------------------------------------------------------------------------------

interface OpenTag {
  name: string;
  open: string;
}

/**
 * Splits HTML into messages of at most `limit` UTF-16 code units. Prefers paragraph breaks, then line breaks,
 * then sentence ends, then spaces; never cuts inside a tag, an entity or a surrogate pair. A tag that is open at
 * a cut is closed at the end of the chunk and opened again at the start of the next, so every chunk is valid.
 * The visible text is kept exactly: the chunks' text, concatenated, equals the input's.
 */
export function splitHtml(html: string, limit = MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  // Safe cut positions, with the stack of open tags at each.
  const cuts: number[] = [0];
  const stacks: OpenTag[][] = [[]];
  let stack: OpenTag[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    let next = i + 1;
    if (ch === "<") {
      const end = html.indexOf(">", i);
      if (end !== -1) {
        const tag = html.slice(i, end + 1);
        const m = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(tag);
        if (m) {
          const name = (m[2] ?? "").toLowerCase();
          if (m[1]) {
            const at = stack.map((t) => t.name).lastIndexOf(name);
            if (at !== -1) stack = stack.slice(0, at);
          } else {
            stack = [...stack, { name, open: tag }];
          }
        }
        next = end + 1;
      }
    } else if (ch === "&") {
      const m = /^&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i, i + 12));
      if (m) next = i + m[0].length;
    } else {
      const code = html.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < html.length) {
        const low = html.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) next = i + 2;
      }
    }
    i = next;
    cuts.push(i);
    stacks.push(stack);
  }

  const opening = (s: OpenTag[]) => s.map((t) => t.open).join("");
  const closing = (s: OpenTag[]) =>
    s
      .map((t) => `</${t.name}>`)
      .reverse()
      .join("");
  const chunks: string[] = [];
  let from = 0; // index into cuts
  while (cuts[from] !== html.length) {
    const start = cuts[from] as number;
    const prefix = opening(stacks[from] as OpenTag[]);
    // The furthest cut that fits, then the best-placed cut before it.
    let far = from;
    for (let k = from + 1; k < cuts.length; k++) {
      const size = prefix.length + ((cuts[k] as number) - start) + closing(stacks[k] as OpenTag[]).length;
      if (size > limit) break;
      far = k;
    }
    if (far === from) far = from + 1; // a single token longer than the limit (not produced by our formatter)
    let best = far;
    if (cuts[far] !== html.length) {
      const rank = (pos: number): number => {
        const before = html.slice(Math.max(start, pos - 2), pos);
        if (before.endsWith("\n\n")) return 4;
        if (before.endsWith("\n")) return 3;
        if (/[.!?:;][ \u00a0]$/.test(before) || /[.!?]\)?$/.test(before)) return 2;
        if (/\s$/.test(before)) return 1;
        return 0;
      };
      let bestRank = -1;
      for (let k = far; k > from; k--) {
        const r = rank(cuts[k] as number);
        if (r > bestRank) {
          bestRank = r;
          best = k;
          if (r === 4) break;
        }
      }
    }
    const body = html.slice(start, cuts[best]);
    chunks.push(prefix + body + closing(stacks[best] as OpenTag[]));
    from = best;
  }
  return chunks;
}
