import { describe, expect, it } from "vitest";
import { parseReply, suggestionChoices, type WidgetReply } from "../../src/widget/reply.js";

// Typed suggestions (issue 13): the widget reads `choices`, one per suggestion, and acts on their action instead
// of matching labels; a service without them, or with malformed ones, gets today's behaviour.

const base = { kind: "answer", text: "x", answerId: "tlv", confidence: 0.9, citations: [], nextSteps: [] };

describe("typed suggestions", () => {
  it("reads each kind of action", () => {
    const reply = parseReply({
      ...base,
      suggestions: ["Wat is een OPP?", "Ik wil met een mens praten", "Wil je hulp bij een bezwaarbrief?", "Ja"],
      choices: [
        { label: "Wat is een OPP?", action: { type: "entry", answerId: "opp-wat" } },
        { label: "Ik wil met een mens praten", action: { type: "intent", intent: "handoff" } },
        { label: "Wil je hulp bij een bezwaarbrief?", action: { type: "letter", letterId: "bezwaar-tlv" } },
        { label: "Ja", action: { type: "text", text: "Ja" } },
      ],
    }) as WidgetReply;
    expect(reply.choices).toEqual([
      { label: "Wat is een OPP?", action: { type: "entry", answerId: "opp-wat" } },
      { label: "Ik wil met een mens praten", action: { type: "intent", intent: "handoff" } },
      { label: "Wil je hulp bij een bezwaarbrief?", action: { type: "letter", letterId: "bezwaar-tlv" } },
      { label: "Ja", action: { type: "text", text: "Ja" } },
    ]);
    expect(suggestionChoices(reply)).toEqual(reply.choices);
  });

  it("is tolerant: no choices, malformed items and unknown actions", () => {
    expect(parseReply({ ...base, suggestions: ["a"] })?.choices).toBeUndefined();
    expect(parseReply({ ...base, suggestions: ["a"], choices: "a" })?.choices).toBeUndefined();
    const reply = parseReply({
      ...base,
      suggestions: ["a", "b", "c", "d", "e", "f"],
      choices: [
        null,
        { label: "", action: { type: "text", text: "x" } },
        { label: "a", action: { type: "letter", letterId: "<script>" } },
        { label: "b", action: { type: "entry", answerId: 3 } },
        { label: "c", action: { type: "intent", intent: "staff-only" } },
        { label: "d", action: { type: "call", number: "112" } },
        { label: "e" },
      ],
    });
    // An unknown intent or action type sends the label, as a text does; the rest is left out.
    expect(reply?.choices).toEqual([
      { label: "c", action: { type: "text", text: "c" } },
      { label: "d", action: { type: "text", text: "d" } },
    ]);
  });

  it("without matching choices, acts as before: a letter offer opens the letter, anything else sends its text", () => {
    const legacy = parseReply({
      ...base,
      suggestions: ["Wil je hulp bij een bezwaarbrief?", "Wat is een OPP?"],
      letters: [{ id: "bezwaar-tlv", title: "Bezwaar", suggestion: "Wil je hulp bij een bezwaarbrief?" }],
    }) as WidgetReply;
    const expected = [
      { label: "Wil je hulp bij een bezwaarbrief?", action: { type: "letter", letterId: "bezwaar-tlv" } },
      { label: "Wat is een OPP?", action: { type: "text", text: "Wat is een OPP?" } },
    ];
    expect(suggestionChoices(legacy)).toEqual(expected);
    // Choices that do not line up with the suggestions (other labels or order) are not trusted.
    const mismatched: WidgetReply = {
      ...legacy,
      choices: [{ label: "Wat is een OPP?", action: { type: "entry", answerId: "opp-wat" } }],
    };
    expect(suggestionChoices(mismatched)).toEqual(expected);
  });

  it("reads the action from choices, not from the label: a letter offer worded like a question still opens it", () => {
    const reply = parseReply({
      ...base,
      suggestions: ["Schrijf een brief"],
      choices: [{ label: "Schrijf een brief", action: { type: "letter", letterId: "bezwaar-tlv" } }],
    }) as WidgetReply;
    expect(suggestionChoices(reply)).toEqual([
      { label: "Schrijf een brief", action: { type: "letter", letterId: "bezwaar-tlv" } },
    ]);
  });
});
