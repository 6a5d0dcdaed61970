import express, { type Request, type Router } from "express";
import { z } from "zod";
import type { Config } from "../config.js";
import type { Assistant } from "../core/index.js";
import type { StaffRecord, Stores } from "../stores/types.js";
import { requireRole, staffOf } from "./auth.js";
import { barChart, chartLegend, chartTable, horizontalBars, itemsTable } from "./charts.js";
import { insightsCsv } from "./csv.js";
import { html, type SafeHtml } from "./html.js";
import type { ConsoleKit } from "./kit.js";
import { computeInsights, localDay, startOfLocalDay, type Insights } from "./insights.js";
import { writeSuggestion } from "./suggestions.js";
import { formatDateTime, layout, type PageContext } from "./views.js";

// Insights: questions per day and channel, most used entries, and the questions the knowledge base did not
// answer well, each with one action that writes a reviewable suggestion file. Statistics only in the CSV.

export interface InsightsDeps extends ConsoleKit {
  stores: Stores;
  assistant: Assistant;
  config: Pick<Config, "SUGGESTIONS_DIR">;
}

const PERIODS = [7, 30, 90] as const;
/** Turns read for one page at most; beyond this the figures cover the newest part of the period. */
const MAX_TURNS = 200_000;

const suggestionBody = z.object({
  text: z.string().trim().min(1).max(500),
  doel: z.string().regex(/^(nieuw|[a-z0-9]+(?:-[a-z0-9]+)*)$/),
});

const CHANNEL_LABELS = { web: "Website-chat", telegram: "Telegram", overig: "Overig" } as const;

export function insightsRoutes(deps: InsightsDeps): Router {
  const { stores, assistant, now } = deps;
  const router = express.Router();

  const periodOf = (req: Request): number => {
    const n = Number(req.query.dagen);
    return (PERIODS as readonly number[]).includes(n) ? n : 30;
  };
  const load = async (days: number): Promise<Insights> => {
    const until = now();
    // From local midnight of the first day of the period.
    const since = startOfLocalDay(new Date(until.getTime() - (days - 1) * 86_400_000));
    const [turns, feedback, requests] = await Promise.all([
      stores.conversations.turnsSince(since, MAX_TURNS),
      stores.feedback.list(since),
      stores.handoffs.list(["open", "claimed", "closed"], 100_000),
    ]);
    const insights = computeInsights({ turns, feedback, since, until });
    // Every step of the handoff dialogue is a reply of kind "handoff"; count the requests parents completed.
    insights.totals.handoffs = requests.filter((r) => r.requestedAt !== null && r.requestedAt >= since).length;
    return insights;
  };

  router.get("/inzichten", async (req, res) => {
    deps.route(res, "GET /console/inzichten");
    const days = periodOf(req);
    const insights = await load(days);
    const staff = staffOf(res) as StaffRecord;
    const notice =
      req.query.melding === "voorstel"
        ? { notice: "Je voorstel is bewaard. Een redacteur van de kennisbank bekijkt het." }
        : {};
    deps.send(
      res,
      insightsPage(await deps.ctxFor(req, res, "inzichten", notice), {
        insights,
        days,
        isAdmin: staff.role === "admin",
        assistant,
      }),
    );
  });

  router.get("/inzichten.csv", requireRole("admin"), async (req, res) => {
    deps.route(res, "GET /console/inzichten.csv");
    const days = periodOf(req);
    const insights = await load(days);
    await deps.audit(staffOf(res) as StaffRecord, "insights.export", "period", `${days}d`);
    res.type("text/csv; charset=utf-8");
    res.setHeader(
      "Content-Disposition",
      `attachment; filename="ouderwijzer-inzichten-${localDay(now())}-${days}d.csv"`,
    );
    res.send(insightsCsv(insights));
  });

  router.post("/inzichten/voorstel", async (req, res) => {
    deps.route(res, "POST /console/inzichten/voorstel");
    const body = suggestionBody.safeParse(req.body);
    const staff = staffOf(res) as StaffRecord;
    if (!body.success || (body.data.doel !== "nieuw" && !assistant.entry(body.data.doel))) {
      res.status(400);
      deps.send(
        res,
        layout(
          "Voorstel",
          await deps.ctxFor(req, res, "inzichten", { error: "Dit voorstel klopt niet. Ga terug en kies een vraag." }),
          html`<p><a href="/console/inzichten">Terug naar de inzichten</a></p>`,
        ),
        400,
      );
      return;
    }
    const { text, doel } = body.data;
    const { file } = writeSuggestion(
      deps.config.SUGGESTIONS_DIR,
      doel === "nieuw" ? { kind: "entry", text } : { kind: "alternate", entryId: doel, text },
      { staffId: staff.id, now: now() },
    );
    await deps.audit(staff, "suggestion.create", "suggestion", file.split("/").pop() ?? file);
    res.redirect(303, "/console/inzichten?melding=voorstel");
  });

  return router;
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function shortDay(date: string): string {
  const [, m, d] = date.split("-");
  return `${Number(d)}-${Number(m)}`;
}

function insightsPage(
  ctx: PageContext,
  data: { insights: Insights; days: number; isAdmin: boolean; assistant: Assistant },
): SafeHtml {
  const { insights, days, assistant } = data;
  const categories = insights.perDay.map((d) => shortDay(d.date));
  const series = (["web", "telegram", "overig"] as const).map((key) => ({
    label: CHANNEL_LABELS[key],
    values: insights.perDay.map((d) => d[key]),
  }));
  const questionOf = (id: string) => assistant.entry(id)?.question ?? id;
  const top = insights.topEntries.map((e) => ({ label: questionOf(e.answerId), value: e.count }));

  const proposeForm = (text: string, index: string) => {
    const options = assistant.suggest(text, 3);
    return html`<form method="post" action="/console/inzichten/voorstel" class="propose">
      <input type="hidden" name="_csrf" value="${ctx.csrf}">
      <input type="hidden" name="text" value="${text.slice(0, 500)}">
      <label for="doel-${index}">Voorstellen als</label>
      <select id="doel-${index}" name="doel">
        <option value="nieuw">nieuwe vraag voor de kennisbank</option>
        ${options.map((o) => html`<option value="${o.entry.id}">andere formulering van: ${o.entry.question}</option>`)}
      </select>
      <button type="submit" class="secondary">Voorstel maken</button>
    </form>`;
  };
  const questionList = (items: { text: string; createdAt: Date; extra?: string }[], prefix: string, empty: string) =>
    items.length === 0
      ? html`<p>${empty}</p>`
      : html`<ol class="questions">${items.slice(0, 50).map(
          (q, i) => html`<li>
            <p class="text">“${q.text}”</p>
            <p class="hint">${formatDateTime(q.createdAt)}${q.extra ? ` · ${q.extra}` : ""}</p>
            ${proposeForm(q.text, `${prefix}-${i}`)}
          </li>`,
        )}</ol>`;

  const periodLinks = PERIODS.map((p) =>
    p === days
      ? html`<strong aria-current="true">${p} dagen</strong>`
      : html`<a href="/console/inzichten?dagen=${p}">${p} dagen</a>`,
  );

  const content = html`<link rel="stylesheet" href="/console/assets/charts.css">
    <p>Periode: ${periodLinks.map((l, i) => html`${i ? " · " : ""}${l}`)}. Gesprekken worden na de bewaartermijn gewist; de cijfers gaan dus niet verder terug.</p>
    ${data.isAdmin ? html`<p><a class="button secondary" href="/console/inzichten.csv?dagen=${days}" download>Cijfers downloaden (CSV)</a></p>` : ""}
    <dl class="facts">
      <dt>Vragen</dt><dd>${insights.totals.questions}</dd>
      <dt>Met een antwoord uit de kennisbank</dt><dd>${insights.totals.answered} (${percent(insights.totals.answeredShare)})</dd>
      <dt>Verzoeken om een mens (met toestemming)</dt><dd>${insights.totals.handoffs}</dd>
    </dl>
    <section aria-labelledby="per-day-title" class="charts">
      <h2 id="per-day-title">Vragen per dag en kanaal</h2>
      ${barChart({ title: `Vragen per dag, laatste ${days} dagen`, description: `Gestapelde staven per dag: website-chat, Telegram en overig. Totaal ${insights.totals.questions} vragen.`, series, categories, id: "per-dag" })}
      ${chartLegend(series)}
      <details><summary>Tabel met de cijfers per dag</summary>
        <div class="table-scroll" role="region" aria-label="Tabel met de cijfers per dag" tabindex="0">
          ${chartTable({ caption: "Vragen per dag en kanaal", categoryHeader: "Dag", categories: insights.perDay.map((d) => d.date), series })}
        </div>
      </details>
    </section>
    <section aria-labelledby="top-title" class="charts">
      <h2 id="top-title">Meest gebruikte antwoorden</h2>
      ${horizontalBars({ title: "Meest gebruikte antwoorden", description: `De ${top.length} antwoorden die het vaakst zijn gegeven.`, items: top, id: "top-answers" })}
      <details><summary>Tabel met de meest gebruikte antwoorden</summary>
        ${itemsTable({ caption: "Meest gebruikte antwoorden", labelHeader: "Vraag", valueHeader: "Aantal", items: top })}
      </details>
    </section>
    <section aria-labelledby="fallback-title">
      <h2 id="fallback-title">Vragen zonder antwoord (${insights.unanswered.fallback.length})</h2>
      <p>De chatbot had hier geen antwoord op. Stel zo'n vraag voor als nieuwe vraag, of als andere formulering van een bestaande vraag. Het voorstel wordt een bestand dat een redacteur nakijkt.</p>
      ${questionList(insights.unanswered.fallback, "f", "Geen vragen zonder antwoord in deze periode.")}
    </section>
    <section aria-labelledby="clarify-title">
      <h2 id="clarify-title">Vragen waarbij de chatbot twijfelde (${insights.unanswered.clarify.length})</h2>
      ${questionList(insights.unanswered.clarify, "c", "Geen twijfelgevallen in deze periode.")}
    </section>
    <section aria-labelledby="nothelpful-title">
      <h2 id="nothelpful-title">Antwoorden die niet hielpen (${insights.notHelpful.length})</h2>
      ${questionList(
        insights.notHelpful.flatMap((n) =>
          n.question
            ? [{ text: n.question, createdAt: n.createdAt, extra: `antwoord: ${questionOf(n.answerId)}` }]
            : [],
        ),
        "n",
        "Niemand gaf in deze periode aan dat een antwoord niet hielp.",
      )}
    </section>`;
  return layout("Inzichten", ctx, content);
}
