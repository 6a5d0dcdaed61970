import express, { type Request, type Response, type Router } from "express";
import { isLetterProblems, type Assistant } from "../core/index.js";
import { DOCX_TYPE, docxFileName, letterToDocx } from "../documents/letter-docx.js";
import { staffOf } from "./auth.js";
import type { ConsoleKit } from "./kit.js";
import { errorPage, letterPage, lettersPage } from "./views.js";

// Letters, made for a parent on the phone: nothing filled in is stored or logged (the audit log gets the letter id
// only).

export interface LetterRouteDeps extends ConsoleKit {
  assistant: Assistant;
}

export function letterRoutes(deps: LetterRouteDeps): Router {
  const { assistant, ctxFor, send, audit, route } = deps;
  const router = express.Router();

  router.get("/brieven", async (req, res) => {
    route(res, "GET /console/brieven");
    send(res, lettersPage(await ctxFor(req, res, "brieven"), assistant.letters()));
  });
  const letterParam = (req: Request) => assistant.letters().find((l) => l.id === req.params.id);
  const letterNotFound = async (req: Request, res: Response) => {
    send(res, errorPage(await ctxFor(req, res, "brieven"), 404, "Deze brief bestaat niet."), 404);
  };

  router.get("/brieven/:id", async (req, res) => {
    route(res, "GET /console/brieven/:id");
    const letter = letterParam(req);
    if (!letter) return letterNotFound(req, res);
    send(res, letterPage(await ctxFor(req, res, "brieven"), letter, { values: {}, problems: {}, filled: null }));
  });

  router.post("/brieven/:id", async (req, res) => {
    route(res, "POST /console/brieven/:id");
    const letter = letterParam(req);
    if (!letter) return letterNotFound(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const f of letter.fields) {
      const v = body[f.name];
      if (typeof v === "string") values[f.name] = v;
    }
    const result = assistant.fillLetter(letter.id, values);
    if (!result) return letterNotFound(req, res);
    if (isLetterProblems(result)) {
      const ctx = await ctxFor(req, res, "brieven", {
        error: "Niet alle gegevens zijn goed ingevuld. Kijk bij de velden met een melding.",
      });
      send(res, letterPage(ctx, letter, { values, problems: result.problems, filled: null }), 400);
      return;
    }
    await audit(staffOf(res) ?? null, "letter.make", "letter", letter.id);
    if (body.formaat === "docx") {
      const edited = typeof body.tekst === "string" ? body.tekst.replace(/\r\n?/gu, "\n").trim() : "";
      const file = await letterToDocx(edited ? { ...result, text: edited } : result);
      res
        .set({ "Content-Type": DOCX_TYPE, "Content-Disposition": `attachment; filename="${docxFileName(result)}"` })
        .send(file);
      return;
    }
    send(
      res,
      letterPage(
        await ctxFor(req, res, "brieven", { notice: "De brief staat klaar. Niets ervan is bewaard." }),
        letter,
        { values, problems: {}, filled: result },
      ),
    );
  });

  return router;
}
