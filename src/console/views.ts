import type { Entry, FilledLetter, LetterSummary, ReplyCitation, TopicSummary } from "../core/index.js";
import { legalLine } from "../render/reply.js";
import type { AuditRecord, HandoffRecord, StaffRecord, TurnRecord } from "../stores/types.js";
import { html, type SafeHtml } from "./html.js";

// The console's pages, rendered on the server. Every value goes through the escaping `html` tag; the only
// script is /console/assets/console.js (copy button, u/je switch), so the pages also work without it.

export type NavKey = "verzoeken" | "hulp" | "brieven" | "kennisbank" | "inzichten" | "audit";

export interface PageContext {
  staff?: StaffRecord;
  csrf: string;
  nav?: NavKey;
  /** Open requests, shown in the navigation. */
  openCount?: number;
  /** A status line shown at the top of the main content (announced by screen readers). */
  notice?: string;
  error?: string;
}

const ROLE_LABEL: Record<StaffRecord["role"], string> = { agent: "medewerker", admin: "beheerder" };

export function layout(title: string, ctx: PageContext, content: SafeHtml): SafeHtml {
  const item = (key: NavKey, href: string, label: string, extra: SafeHtml | string = "") =>
    html`<li><a href="${href}"${ctx.nav === key ? html` aria-current="page"` : ""}>${label}${extra}</a></li>`;
  const nav = ctx.staff
    ? html`<nav aria-label="Console">
        <ul>
          ${item("verzoeken", "/console/verzoeken", "Verzoeken", ctx.openCount ? html` <span class="badge">${ctx.openCount}<span class="sr-only"> open</span></span>` : "")}
          ${item("hulp", "/console/hulp", "Antwoord zoeken")}
          ${item("brieven", "/console/brieven", "Brief maken")}
          ${item("kennisbank", "/console/kennisbank", "Kennisbank")}
          ${item("inzichten", "/console/inzichten", "Inzichten")}
          ${ctx.staff.role === "admin" ? item("audit", "/console/audit", "Auditlog") : ""}
        </ul>
      </nav>
      <div class="who">
        <span>${ctx.staff.email} (${ROLE_LABEL[ctx.staff.role]})</span>
        <form method="post" action="/console/uitloggen">
          <input type="hidden" name="_csrf" value="${ctx.csrf}">
          <button type="submit" class="link">Uitloggen</button>
        </form>
      </div>`
    : "";
  return html`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${ctx.csrf}">
<title>${title} – Console Ouderwijzer</title>
<link rel="stylesheet" href="/console/assets/console.css">
<script src="/console/assets/console.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Naar de inhoud</a>
<header class="top">
  <p class="brand">Ouderwijzer <span>console voor het steunpunt</span></p>
  ${nav}
</header>
<main id="main" tabindex="-1">
  <h1>${title}</h1>
  <div id="status" role="status" class="notice"${ctx.notice ? "" : html` hidden`}>${ctx.notice ?? ""}</div>
  ${ctx.error ? html`<div role="alert" class="error-box">${ctx.error}</div>` : ""}
  ${content}
</main>
</body>
</html>`;
}

export function loginPage(ctx: PageContext, values: { email?: string; back?: string }): SafeHtml {
  return layout(
    "Inloggen",
    ctx,
    html`<form method="post" action="/console/inloggen" class="login">
      <input type="hidden" name="_csrf" value="${ctx.csrf}">
      ${values.back ? html`<input type="hidden" name="terug" value="${values.back}">` : ""}
      <p>
        <label for="email">E-mailadres</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${values.email ?? ""}"${ctx.error ? html` aria-invalid="true" aria-describedby="login-error"` : ""}>
      </p>
      <p>
        <label for="password">Wachtwoord</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required>
      </p>
      <p><button type="submit">Inloggen</button></p>
    </form>
    <p class="hint">Nog geen account? Vraag de beheerder van het steunpunt.</p>`,
  );
}

/** "4 min", "1 uur 5 min", "2 dagen" */
export function duration(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return `${min} min`;
  const hours = Math.floor(min / 60);
  if (hours < 24) return `${hours} uur${min % 60 ? ` ${min % 60} min` : ""}`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? "dag" : "dagen"}`;
}

const dateTime = new Intl.DateTimeFormat("nl-NL", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/Amsterdam",
});
export const formatDateTime = (d: Date) => dateTime.format(d);

const CHANNEL: Record<string, string> = {
  web: "Website-chat",
  telegram: "Telegram",
  console: "Console",
  cli: "Opdrachtregel",
};
const STATUS: Record<HandoffRecord["status"], string> = {
  consent: "vraagt toestemming",
  contact: "vraagt contact",
  open: "wacht",
  claimed: "in behandeling",
  closed: "afgesloten",
};
const CONTACT: Record<string, string> = { chat: "In de chat", phone: "Telefoon", email: "E-mail" };

export function handoffListPage(
  ctx: PageContext,
  data: { open: HandoffRecord[]; closed: HandoffRecord[]; now: Date; staffNames: Map<number, string> },
): SafeHtml {
  const rows = (items: HandoffRecord[], waiting: boolean) =>
    items.map((h) => {
      const since = h.requestedAt ?? h.createdAt;
      return html`<tr>
        <td data-label="${waiting ? "Wacht" : "Afgesloten"}">${waiting ? html`<strong>${duration(data.now.getTime() - since.getTime())}</strong>` : formatDateTime(h.closedAt ?? h.updatedAt)}</td>
        <td data-label="Kanaal">${CHANNEL[h.channel] ?? h.channel}</td>
        <td data-label="Contact">${h.contactKind ? CONTACT[h.contactKind] : "–"}</td>
        <td data-label="Status">${STATUS[h.status]}${h.claimedBy !== null ? html` (${data.staffNames.get(h.claimedBy) ?? `#${h.claimedBy}`})` : ""}</td>
        <td><a href="/console/verzoeken/${h.id}">Openen<span class="sr-only"> verzoek van ${formatDateTime(since)}</span></a></td>
      </tr>`;
    });
  const table = (caption: string, items: HandoffRecord[], waiting: boolean) =>
    items.length === 0
      ? html`<p>${waiting ? "Er wachten nu geen ouders." : "Nog geen afgesloten verzoeken."}</p>`
      : html`<table class="stack">
          <caption>${caption}</caption>
          <thead><tr><th scope="col">${waiting ? "Wacht" : "Afgesloten"}</th><th scope="col">Kanaal</th><th scope="col">Contact</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actie</span></th></tr></thead>
          <tbody>${rows(items, waiting)}</tbody>
        </table>`;
  return layout(
    "Verzoeken van ouders",
    ctx,
    html`<p>Ouders die in de chat of in Telegram om een mens vroegen en toestemming gaven om hun gesprek te delen. De langst wachtende staat bovenaan.</p>
      <p><a href="/console/verzoeken" class="button secondary">Lijst vernieuwen</a></p>
      <section aria-labelledby="open-title"><h2 id="open-title">Open (${data.open.length})</h2>${table("Open verzoeken, langst wachtend eerst", data.open, true)}</section>
      <section aria-labelledby="closed-title"><h2 id="closed-title">Onlangs afgesloten</h2>${table("Onlangs afgesloten verzoeken", data.closed, false)}</section>`,
  );
}

const ROLE: Record<TurnRecord["role"], string> = { parent: "Ouder", assistant: "Chatbot", staff: "Medewerker" };

export function handoffPage(
  ctx: PageContext,
  data: {
    handoff: HandoffRecord;
    turns: TurnRecord[];
    now: Date;
    claimedByName: string | null;
    mine: boolean;
    /** The live section (live-routes.ts): new messages as typed, last activity, hand back. */
    live?: SafeHtml;
  },
): SafeHtml {
  const h = data.handoff;
  const since = h.requestedAt ?? h.createdAt;
  const contact =
    h.contactKind === "phone" || h.contactKind === "email"
      ? html`${CONTACT[h.contactKind]}: <strong class="contact">${h.contactValue ?? ""}</strong> <span class="hint">(door de ouder gegeven om contact op te nemen)</span>`
      : html`Antwoord in de ${h.channel === "telegram" ? "Telegram-chat" : "website-chat"}`;
  const actions =
    h.status === "closed"
      ? html`<p>Dit verzoek is afgesloten${h.closedAt ? ` op ${formatDateTime(h.closedAt)}` : ""}.</p>`
      : html`${
          h.status === "open" || (h.status === "claimed" && !data.mine)
            ? html`<form method="post" action="/console/verzoeken/${h.id}/oppakken" class="inline">
              <input type="hidden" name="_csrf" value="${ctx.csrf}">
              <input type="hidden" name="van" value="${h.status === "claimed" && h.claimedBy !== null ? String(h.claimedBy) : "open"}">
              <button type="submit">${h.status === "claimed" ? "Overnemen" : "Oppakken"}</button>
            </form>`
            : ""
        }
        ${
          data.mine
            ? html`<form method="post" action="/console/verzoeken/${h.id}/antwoord" class="reply">
              <input type="hidden" name="_csrf" value="${ctx.csrf}">
              <p>
                <label for="reply-text">Je antwoord aan de ouder</label>
                <textarea id="reply-text" name="text" rows="6" maxlength="4000" required aria-describedby="reply-hint"></textarea>
                <span id="reply-hint" class="hint">Gaat naar de ouder in ${h.channel === "telegram" ? "Telegram" : "de website-chat"}. Telefoonnummers, e-mailadressen en BSN in je tekst worden onleesbaar gemaakt (behalve nummers en adressen die in de kennisbank staan, zoals 0800-5010).</span>
              </p>
              <p><button type="submit">Versturen</button></p>
            </form>
            <form method="post" action="/console/verzoeken/${h.id}/sluiten" class="inline">
              <input type="hidden" name="_csrf" value="${ctx.csrf}">
              <button type="submit" class="secondary">Verzoek afsluiten</button>
            </form>`
            : ""
        }`;
  const crisis = data.turns.some((t) => t.kind === "crisis");
  return layout(
    "Verzoek van een ouder",
    ctx,
    html`${
      crisis
        ? html`<div class="crisis-notice" role="alert">
            <p><strong>Let op: signalen van gevaar voor een kind.</strong> In dit gesprek heeft de chatbot een crisis herkend
              en de hulplijnen gegeven (112, 113, Veilig Thuis of de Kindertelefoon). Neem dit verzoek eerst op.</p>
          </div>`
        : ""
    }
      <dl class="facts">
        <dt>Kanaal</dt><dd>${CHANNEL[h.channel] ?? h.channel}</dd>
        <dt>Gevraagd</dt><dd>${formatDateTime(since)} (${duration(data.now.getTime() - since.getTime())} geleden)</dd>
        <dt>Status</dt><dd>${STATUS[h.status]}${data.claimedByName ? ` door ${data.claimedByName}` : ""}</dd>
        <dt>Contact</dt><dd>${contact}</dd>
      </dl>
      <section aria-labelledby="transcript-title">
        <h2 id="transcript-title">Gesprek</h2>
        <p class="hint">Telefoonnummers, e-mailadressen, BSN en IBAN zijn onleesbaar gemaakt. Je inzage is vastgelegd in het auditlog.</p>
        ${
          data.turns.length === 0
            ? html`<p>Er is (nog) geen gesprek bewaard.</p>`
            : html`<ol class="transcript">
              ${data.turns.map(
                (t) => html`<li class="turn turn-${t.role}">
                  <p class="meta"><strong>${ROLE[t.role]}</strong>${t.kind === "crisis" ? html` <span class="badge badge-crisis">crisis: hulplijnen gegeven</span>` : ""} <time datetime="${t.createdAt.toISOString()}">${formatDateTime(t.createdAt)}</time></p>
                  <p class="text">${t.role === "assistant" ? t.text.replace(/\*\*/g, "") : t.text}</p>
                </li>`,
              )}
            </ol>`
        }
      </section>
      ${data.live ?? ""}
      <section aria-labelledby="actions-title">
        <h2 id="actions-title">Reageren</h2>
        ${actions}
      </section>
      ${
        ctx.staff?.role === "admin"
          ? html`<section aria-labelledby="erase-title">
            <h2 id="erase-title">Gesprek wissen</h2>
            <p>Vraagt de ouder om het gesprek te wissen? Dan verdwijnen het gesprek, de feedback en dit verzoek meteen. Dit kan niet ongedaan worden gemaakt.</p>
            <form method="post" action="/console/verzoeken/${h.id}/wissen">
              <input type="hidden" name="_csrf" value="${ctx.csrf}">
              <p><label class="check"><input type="checkbox" name="zeker" value="ja" required> Ik weet zeker dat ik dit gesprek wil wissen</label></p>
              <p><button type="submit" class="secondary">Gesprek wissen</button></p>
            </form>
          </section>`
          : ""
      }
      <p><a href="/console/verzoeken">Terug naar de verzoeken</a></p>`,
  );
}

export interface AssistCandidate {
  entry: Entry;
  confidence: number;
  citations: ReplyCitation[];
}

function citationList(citations: ReplyCitation[]): SafeHtml {
  return html`<ul class="sources">${citations.map(
    (c) =>
      html`<li>${c.url ? html`<a href="${c.url}" rel="noopener noreferrer" target="_blank">${c.title}<span class="sr-only"> (opent in nieuw venster)</span></a>` : c.title}, ${c.section}</li>`,
  )}</ul>`;
}

/** "Wettelijke basis: …; bijgewerkt op …" under the sources, as in every channel. */
function legalOf(entry: Entry): SafeHtml | string {
  const line = legalLine({ legalBasis: entry.legalBasis, reviewed: entry.reviewed });
  return line ? html`<p class="legal">${line}</p>` : "";
}

function entryBlock(c: AssistCandidate, level: 2 | 3, extra: SafeHtml | string = ""): SafeHtml {
  const heading = level === 2 ? html`<h2>${c.entry.question}</h2>` : html`<h3>${c.entry.question}</h3>`;
  return html`<article class="entry">
    ${heading}
    <p class="confidence">Zekerheid: <strong>${Math.round(c.confidence * 100)}%</strong> · id <code>${c.entry.id}</code></p>
    <div class="answer">${c.entry.answer.split(/\n{2,}/).map((p) => html`<p>${p.replace(/\*\*/g, "")}</p>`)}</div>
    ${c.entry.nextSteps.length ? html`<p class="label">Wat kan de ouder doen?</p><ol>${c.entry.nextSteps.map((s) => html`<li>${s}</li>`)}</ol>` : ""}
    <p class="label">Bronnen</p>
    ${citationList(c.citations)}
    ${legalOf(c.entry)}
    ${extra}
  </article>`;
}

/** One question of a pasted message with its best entries (see Assistant.answerQuestions). */
export interface AssistQuestion {
  question: string;
  /** Whether it is a question sentence (false: the message read as a whole). */
  asked: boolean;
  kind: "answer" | "clarify" | "fallback";
  candidates: AssistCandidate[];
}

/** The value of an entry's checkbox under question `index` (an entry can answer two questions). */
export const choiceKey = (index: number, entryId: string) => `${index}:${entryId}`;

const KIND_HINT: Record<AssistQuestion["kind"], string> = {
  answer: "De chatbot geeft hierop het eerste antwoord.",
  clarify: "De chatbot twijfelt hier en vraagt de ouder welk antwoord bedoeld is.",
  fallback: "De chatbot heeft hier geen antwoord op. Kijk of een van deze antwoorden past.",
};

export function assistPage(
  ctx: PageContext,
  data: {
    text: string;
    form: "je" | "u";
    questions: AssistQuestion[];
    /** Ticked checkboxes: "<question index>:<entry id>". */
    chosen: string[];
    drafts: { je: string; u: string } | null;
  },
): SafeHtml {
  const form = html`<form method="post" action="/console/hulp" class="assist">
    <input type="hidden" name="_csrf" value="${ctx.csrf}">
    <p>
      <label for="assist-text">Vraag of e-mail van de ouder</label>
      <textarea id="assist-text" name="text" rows="8" maxlength="10000" required aria-describedby="assist-hint">${data.text}</textarea>
      <span id="assist-hint" class="hint">Plak de vraag of de hele e-mail. Er wordt niets van bewaard.</span>
    </p>
    <fieldset class="form-choice">
      <legend>Aanspreekvorm in het concept</legend>
      <label><input type="radio" name="vorm" value="u"${data.form === "u" ? html` checked` : ""}> u</label>
      <label><input type="radio" name="vorm" value="je"${data.form === "je" ? html` checked` : ""}> je</label>
    </fieldset>
    <p><button type="submit">Zoek antwoorden</button></p>
  </form>`;
  if (!data.drafts) return layout("Antwoord zoeken", ctx, form);
  const total = data.questions.length;
  const found = data.questions.some((q) => q.candidates.length > 0);
  const questionSet = (q: AssistQuestion, i: number) => html`<fieldset class="question">
    <legend>${q.asked ? html`Vraag ${i + 1}${total > 1 ? ` van ${total}` : ""}: <q>${q.question}</q>` : "Het bericht als geheel"}</legend>
    <p class="hint">${KIND_HINT[q.kind]}</p>
    ${
      q.candidates.length === 0
        ? html`<p>De kennisbank heeft hier geen antwoord op.</p>`
        : q.candidates.map((c, j) =>
            entryBlock(
              c,
              3,
              html`<p><label class="check"><input type="checkbox" name="kies" value="${choiceKey(i, c.entry.id)}"${data.chosen.includes(choiceKey(i, c.entry.id)) ? html` checked` : ""}> Gebruik in het concept<span class="sr-only">: vraag ${i + 1}, antwoord ${j + 1}</span></label></p>`,
            ),
          )
    }
  </fieldset>`;
  const results = !found
    ? html`<p>De kennisbank heeft hier geen antwoord op. Zoek in de <a href="/console/kennisbank">kennisbank</a> of stel zelf een antwoord op.</p>`
    : html`<section aria-labelledby="results-title">
        <h2 id="results-title">${total > 1 ? `Antwoorden op de ${total} vragen` : "De beste antwoorden uit de kennisbank"}</h2>
        <form method="post" action="/console/hulp" id="choose-form">
          <input type="hidden" name="_csrf" value="${ctx.csrf}">
          <input type="hidden" name="text" value="${data.text}">
          <input type="hidden" name="vorm" value="${data.form}">
          ${data.questions.map(questionSet)}
          <p><button type="submit" class="secondary">Concept opnieuw maken</button></p>
        </form>
      </section>`;
  const draft = html`<section aria-labelledby="draft-title" class="draft" data-draft-je="${data.drafts.je}" data-draft-u="${data.drafts.u}">
    <h2 id="draft-title">Concept-antwoord</h2>
    <p>
      <label for="draft-text">Concept (pas aan voor je het verstuurt)</label>
      <textarea id="draft-text" rows="16" data-form="${data.form}">${data.form === "u" ? data.drafts.u : data.drafts.je}</textarea>
    </p>
    <fieldset class="form-choice" id="draft-form" hidden>
      <legend>Aanspreekvorm</legend>
      <label><input type="radio" name="draft-vorm" value="u"${data.form === "u" ? html` checked` : ""}> u</label>
      <label><input type="radio" name="draft-vorm" value="je"${data.form === "je" ? html` checked` : ""}> je</label>
    </fieldset>
    <p><button type="button" id="copy-draft" hidden>Kopieer concept</button></p>
  </section>`;
  return layout("Antwoord zoeken", ctx, html`${form}${results}${draft}`);
}

export function knowledgePage(
  ctx: PageContext,
  data: { query: string; topics: TopicSummary[]; topic: string | null; results: AssistCandidate[] | null },
): SafeHtml {
  const search = html`<form method="get" action="/console/kennisbank" role="search" class="search">
    <p>
      <label for="kb-q">Zoek in de kennisbank</label>
      <input id="kb-q" name="q" type="search" value="${data.query}" maxlength="300">
      <button type="submit">Zoeken</button>
    </p>
  </form>`;
  const results =
    data.results === null
      ? ""
      : html`<section aria-labelledby="results-title"><h2 id="results-title">Resultaten voor “${data.query}”</h2>
          ${
            data.results.length === 0
              ? html`<p>Niets gevonden.</p>`
              : html`<ol class="results">${data.results.map(
                  (r) =>
                    html`<li><a href="/console/kennisbank/${r.entry.id}">${r.entry.question}</a> <span class="hint">(${Math.round(r.confidence * 100)}%)</span></li>`,
                )}</ol>`
          }
        </section>`;
  const topics = html`<section aria-labelledby="topics-title"><h2 id="topics-title">Onderwerpen</h2>
    ${data.topics.map(
      (t) => html`<details${data.topic === t.id ? html` open` : ""} id="onderwerp-${t.id}">
        <summary>${t.label} <span class="hint">(${t.entries.length})</span></summary>
        <ul>${t.entries.map((e) => html`<li><a href="/console/kennisbank/${e.id}">${e.question}</a></li>`)}</ul>
      </details>`,
    )}
  </section>`;
  return layout("Kennisbank", ctx, html`${search}${results}${topics}`);
}

export function entryPage(ctx: PageContext, c: AssistCandidate, related: Entry[]): SafeHtml {
  return layout(
    "Kennisbank",
    ctx,
    html`${entryBlock(c, 2)}
      ${c.entry.alternates.length ? html`<details><summary>Andere manieren waarop ouders dit vragen (${c.entry.alternates.length})</summary><ul>${c.entry.alternates.map((a) => html`<li>${a}</li>`)}</ul></details>` : ""}
      ${related.length ? html`<h2>Verwante vragen</h2><ul>${related.map((r) => html`<li><a href="/console/kennisbank/${r.id}">${r.question}</a></li>`)}</ul>` : ""}
      <p><a href="/console/kennisbank">Terug naar de kennisbank</a></p>`,
  );
}

export function auditPage(ctx: PageContext, rows: AuditRecord[], staffNames: Map<number, string>): SafeHtml {
  return layout(
    "Auditlog",
    ctx,
    html`<p>Wie wanneer wat inzag of deed. Zonder inhoud van gesprekken.</p>
      <table class="stack"><caption>Laatste ${rows.length} gebeurtenissen</caption>
        <thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Wat</th><th scope="col">Welk</th></tr></thead>
        <tbody>${rows.map(
          (r) =>
            html`<tr><td data-label="Wanneer">${formatDateTime(r.at)}</td><td data-label="Wie">${r.staffId === null ? "–" : (staffNames.get(r.staffId) ?? `#${r.staffId}`)}</td><td data-label="Wat">${r.action}</td><td data-label="Welk">${r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : "–"}</td></tr>`,
        )}</tbody>
      </table>`,
  );
}

export function errorPage(ctx: PageContext, status: number, message: string): SafeHtml {
  return layout(
    status === 404 ? "Niet gevonden" : status === 403 ? "Geen toegang" : "Er ging iets mis",
    ctx,
    html`<p>${message}</p><p><a href="/console">Naar de console</a></p>`,
  );
}

// --- Letters ----------------------------------------------------------------------------------------------

/** The letters a staff member can make for a parent on the phone. */
export function lettersPage(ctx: PageContext, letters: LetterSummary[]): SafeHtml {
  return layout(
    "Brief maken",
    ctx,
    html`<p>Maak samen met een ouder (bijvoorbeeld aan de telefoon) een brief. Wat je invult, wordt niet bewaard en niet gelogd.</p>
      <ul class="letters">
        ${letters.map((l) => html`<li><a href="/console/brieven/${l.id}">${l.title}</a><br><span class="hint">${l.purpose}</span></li>`)}
      </ul>`,
  );
}

/** The form with a letter's blanks; after filling, the letter to copy or download (as .docx). */
export function letterPage(
  ctx: PageContext,
  letter: LetterSummary,
  data: { values: Record<string, string>; problems: Record<string, string>; filled: FilledLetter | null },
): SafeHtml {
  const field = (f: LetterSummary["fields"][number]) => {
    const id = `f-${f.name}`;
    const problem = data.problems[f.name];
    const described = [f.hint ? `${id}-hint` : "", problem ? `${id}-error` : ""].filter(Boolean).join(" ");
    const attrs = html`id="${id}" name="${f.name}"${f.required ? html` required` : ""}${problem ? html` aria-invalid="true"` : ""}${described ? html` aria-describedby="${described}"` : ""}`;
    const value = data.values[f.name] ?? "";
    return html`<p class="field">
      <label for="${id}">${f.label}${f.required ? "" : " (mag leeg blijven)"}</label>
      ${f.hint ? html`<span id="${id}-hint" class="hint">${f.hint}</span>` : ""}
      ${f.kind === "long" ? html`<textarea ${attrs} rows="4">${value}</textarea>` : html`<input ${attrs} type="${f.kind === "date" ? "date" : "text"}" value="${value}">`}
      ${problem ? html`<span id="${id}-error" class="field-error">${problem}</span>` : ""}
    </p>`;
  };
  const form = html`<p>${letter.purpose}</p>
    <p><strong>Aan:</strong> ${letter.recipient}</p>
    <form method="post" action="/console/brieven/${letter.id}" class="letter-form">
      <input type="hidden" name="_csrf" value="${ctx.csrf}">
      ${letter.fields.map(field)}
      <p><button type="submit">Maak de brief</button></p>
    </form>`;
  if (!data.filled) return layout(letter.title, ctx, form);
  const filled = data.filled;
  const hidden = letter.fields.map(
    (f) => html`<input type="hidden" name="${f.name}" value="${data.values[f.name] ?? ""}">`,
  );
  const result = html`<section aria-labelledby="letter-title" class="draft">
      <h2 id="letter-title">De brief</h2>
      ${filled.deadline ? html`<p class="notice"><strong>Termijn: uiterlijk ${filled.deadline.split("-").reverse().join("-")}.</strong> ${filled.deadlineText ?? ""}</p>` : ""}
      <p>
        <label for="draft-text">Brief (pas aan voor je hem doorstuurt)</label>
        <textarea id="draft-text" name="tekst" form="docx-form" rows="24">${filled.text}</textarea>
      </p>
      <p><button type="button" id="copy-draft" hidden>Kopieer brief</button></p>
      <form method="post" action="/console/brieven/${letter.id}" id="docx-form">
        <input type="hidden" name="_csrf" value="${ctx.csrf}">
        <input type="hidden" name="formaat" value="docx">
        ${hidden}
        <p><button type="submit" class="secondary">Download als Word-bestand</button></p>
      </form>
      <h3>Tips voor de ouder</h3>
      <ul>${filled.tips.map((t) => html`<li>${t}</li>`)}</ul>
      <p class="hint">Wettelijke basis: ${filled.legalBasis.join(", ")}</p>
    </section>`;
  return layout(letter.title, ctx, html`${result}<h2>Gegevens aanpassen</h2>${form}`);
}
