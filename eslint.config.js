// Lint: typescript-eslint's strict, type-checked rules for the product code; tests, benches and scripts keep the
// same rules except those that only add noise where data comes from JSON fixtures and `!` marks a known fixture.
// Run by `npm test` (`npm run lint`). Formatting is Prettier's (`npm run format:check`).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "public/**",
      "node_modules/**",
      "tmp-ow/**",
      "data/**",
      "tests/artifacts/**",
      "**/*.mjs",
      "**/*.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Numbers and booleans read fine in messages and ids.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // `() => void x()` arrow bodies are idiomatic in event handlers.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
    },
  },
  {
    // No function in the product over 150 lines without a stated reason (an eslint-disable comment that gives it).
    files: ["src/**"],
    rules: { "max-lines-per-function": ["error", { max: 150, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ["tests/**", "bench/**", "scripts/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
      // Fixtures edit YAML by its indentation, and spread ASCII-only strings.
      "no-regex-spaces": "off",
      "@typescript-eslint/no-misused-spread": "off",
    },
  },
);
