import { RegExpParser } from "@eslint-community/regexpp";
import type { Alternative, Element, Pattern } from "@eslint-community/regexpp/ast";

/**
 * Strings of which every match of a regular expression contains at least one, or undefined when the expression
 * guarantees none (it can match without any fixed letters, such as `\w+`, or ignores case).
 *
 * `requiredLiterals("\\b(slaat|sloeg) (hem|haar)\\b")` gives `["slaat", "sloeg"]`: a text that holds neither cannot
 * match, so the expression need not be run on it. Of the parts a match must pass through (a run of letters, a group
 * every alternative of which requires a literal, a repeated part at least once, a positive look-around), the most
 * selective is kept: the one whose literals together occur least often by `howOften` (an estimate per literal, by
 * default from its length; the crisis check uses the frequency of Dutch words).
 *
 * Used by the crisis check (src/core/crisis.ts) to run only the few of its 1,400 patterns whose letters occur in a
 * message; the result never changes what matches, only what need not be tried.
 */
export function requiredLiterals(
  source: string,
  flags = "u",
  howOften: (literal: string) => number = byLength,
): string[] | undefined {
  // Case-insensitive matching finds letters a literal does not hold ("ABC" for "abc"): no literals then.
  if (flags.includes("i")) return undefined;
  let ast: Pattern;
  try {
    ast = parser.parsePattern(source, 0, source.length, {
      unicode: flags.includes("u"),
      unicodeSets: flags.includes("v"),
    });
  } catch {
    return undefined; // an expression the parser does not know is always tried
  }
  const found = new Walk(howOften).ofAlternatives(ast);
  return found ? [...found] : undefined;
}

/** Without knowledge of the language: a longer literal is rarer (a quarter as often per letter). */
const byLength = (literal: string): number => 4 ** -(literal.length - 1);

const parser = new RegExpParser({ ecmaVersion: 2025 });

type Literals = ReadonlySet<string> | undefined;

class Walk {
  constructor(private readonly howOften: (literal: string) => number) {}

  /** The more selective of two requirements: the one whose literals together occur less often. */
  better(a: Literals, b: Literals): Literals {
    if (!a || a.size === 0) return b;
    if (!b || b.size === 0) return a;
    const often = (s: ReadonlySet<string>) => [...s].reduce((sum, l) => sum + this.howOften(l), 0);
    return often(b) < often(a) ? b : a;
  }

  /** A choice between alternatives requires something only when each alternative does: the union of their literals. */
  ofAlternatives(node: Pattern | { alternatives: Alternative[] }): Literals {
    const union = new Set<string>();
    for (const alternative of node.alternatives) {
      const found = this.ofSequence(alternative.elements);
      if (!found || found.size === 0) return undefined;
      for (const literal of found) union.add(literal);
    }
    return union;
  }

  /** A sequence requires what any one of its parts requires; consecutive letters form one literal. */
  ofSequence(elements: readonly Element[]): Literals {
    let best: Literals;
    let run = "";
    const flush = () => {
      if (run !== "") best = this.better(best, new Set([run]));
      run = "";
    };
    for (const element of elements) {
      if (element.type === "Character") {
        run += String.fromCodePoint(element.value);
        continue;
      }
      flush();
      best = this.better(best, this.ofElement(element));
    }
    flush();
    return best;
  }

  ofElement(element: Element): Literals {
    switch (element.type) {
      case "Group":
        // A group that turns on case-insensitivity, "(?i:...)", matches letters its literals do not hold.
        return element.modifiers?.add.ignoreCase ? undefined : this.ofAlternatives(element);
      case "CapturingGroup":
        return this.ofAlternatives(element);
      case "Quantifier":
        return element.min >= 1 ? this.ofElement(element.element) : undefined;
      case "Assertion":
        // What a positive look-ahead or look-behind requires is in the text too (next to the match).
        return (element.kind === "lookahead" || element.kind === "lookbehind") && !element.negate
          ? this.ofAlternatives(element)
          : undefined;
      default:
        // Character classes, word boundaries, anchors, back-references: no fixed letters.
        return undefined;
    }
  }
}
