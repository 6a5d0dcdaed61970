import { describe, expect, it } from "vitest";
import { realAssistant } from "../helpers.js";
import { THREE_QUESTION_MAIL, THREE_QUESTIONS } from "../console/mails.js";

// The helpdesk's assist reads a pasted e-mail like the chatbot does: one result set per question, each from the
// chatbot's own search and gate (issue 16: before, the best three entries overall, without the chatbot's entry).

describe("answering each question of a message", () => {
  const assistant = realAssistant();

  it("gives one result set per question of a three-question e-mail, in order, each with the chatbot's entry", async () => {
    const sets = assistant.answerQuestions(THREE_QUESTION_MAIL);
    expect(sets.map((s) => s.question)).toEqual([...THREE_QUESTIONS]);
    for (const [i, set] of sets.entries()) {
      expect(set.asked).toBe(true);
      expect(set.matches.length).toBeGreaterThan(0);
      expect(set.matches.length).toBeLessThanOrEqual(3);
      // The chatbot asked this question on its own gives an entry that is among the results, and first.
      const alone = await assistant.reply(`alone-${i}`, set.question);
      expect(alone.kind).toBe("answer");
      expect(set.kind).toBe("answer");
      expect(set.matches[0]?.entry.id).toBe(alone.answerId);
      // Best first, with the gate's probability.
      const confidences = set.matches.map((m) => m.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      for (const c of confidences) expect(c).toBeGreaterThanOrEqual(0);
    }
    // Three different subjects: three different first entries.
    expect(new Set(sets.map((s) => s.matches[0]?.entry.id)).size).toBe(3);
  });

  it("includes the entries the chatbot gives for the whole e-mail", async () => {
    const whole = await assistant.reply("whole", THREE_QUESTION_MAIL);
    expect(whole.kind).toBe("answer");
    const given = [whole.answerId, ...(whole.also ?? []).map((a) => a.answerId)];
    const found = assistant.answerQuestions(THREE_QUESTION_MAIL).flatMap((s) => s.matches.map((m) => m.entry.id));
    for (const id of given) expect(found).toContain(id);
  });

  it("reads a message without a question sentence as one question, and nothing as nothing", () => {
    const [only, ...rest] = assistant.answerQuestions(
      "Beste mensen,\n\nDe school wil mijn zoon van school sturen omdat hij te veel zorg nodig heeft.\n\nGroetjes,\nAli",
    );
    expect(rest).toEqual([]);
    expect(only?.asked).toBe(false);
    expect(only?.question).toBe("De school wil mijn zoon van school sturen omdat hij te veel zorg nodig heeft.");
    expect(only?.matches.length).toBeGreaterThan(0);
    expect(assistant.answerQuestions("Hoi!\n\nGroetjes")).toEqual([]);
    expect(assistant.answerQuestions("")).toEqual([]);
  });

  it("reads at most the options' number of questions and entries", () => {
    const many = Array.from({ length: 6 }, (_, i) => `Vraag ${i + 1}: wat is een OPP?`).join("\n");
    const sets = assistant.answerQuestions(many, { maxQuestions: 2, limit: 1 });
    expect(sets).toHaveLength(2);
    for (const s of sets) expect(s.matches).toHaveLength(1);
  });

  it("keeps nothing: answering questions leaves no conversation state behind", async () => {
    const store = new Map<string, unknown>();
    const a = realAssistant({
      store: {
        get: (id) => Promise.resolve(store.get(id) as never),
        set: (id, state) => {
          store.set(id, state);
          return Promise.resolve();
        },
        delete: (id) => {
          store.delete(id);
          return Promise.resolve();
        },
      },
    });
    a.answerQuestions(THREE_QUESTION_MAIL);
    expect(store.size).toBe(0);
    await a.reply("c1", "Wat is een OPP?");
    expect(store.size).toBe(1);
  });
});
