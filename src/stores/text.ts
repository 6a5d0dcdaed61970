// Free text is made storable the same way on every backend before it is masked and written: PostgreSQL refuses a
// NUL character in text (error 22021) and both PostgreSQL and SQLite would store other control bytes and lone
// surrogates differently (SQLite keeps them raw, the drivers re-encode them). One function, used by all stores
// and by the web layer's input schemas, so that a message reads back the same whichever store holds it.

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// A high surrogate without a low one after it, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF]/;

/**
 * Text as it is stored: NUL and other control characters removed (tab and line breaks kept), lone surrogates
 * replaced by U+FFFD. Idempotent; text without such characters is returned unchanged (the same string).
 *
 * ```ts
 * storableText("hoi\u0000 wat is een TLV"); // "hoi wat is een TLV"
 * storableText("a\uD800b");                // "a\uFFFDb"
 * ```
 */
export function storableText(text: string): string {
  // Quick exit for the common case (also for well-formed surrogate pairs: emoji are checked, then kept).
  if (!SUSPECT.test(text)) return text;
  return text.replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL, "");
}

/** `storableText` for optional values. */
export function storableOrNull(text: string | null | undefined): string | null {
  return text == null ? null : storableText(text);
}
