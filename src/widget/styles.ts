// The widget's stylesheet, scoped by its Shadow DOM. ":host { all: initial }" stops the host page's inherited
// styles; sizes are in em so they follow the reader's own font size and zoom (not the host page's rem).
// --ow-color is the checked theme colour (see contrast.ts): white text on it and it on white reach 4.5:1.
// Colours come from custom properties, light by default and dark when the system asks for it (contrast.ts
// names both palettes, and tests check them). On a phone (PHONE_QUERY in modal.ts) the panel fills the screen,
// or what the on-screen keyboard leaves of it (--ow-vh, --ow-top).

import { DARK_THEME as D, LIGHT_THEME as L } from "./contrast.js";
import { PHONE_QUERY } from "./modal.js";

export const css = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1em; line-height: 1.5; color: var(--ow-text);
  --ow-bg: ${L.background}; --ow-text: ${L.text}; --ow-muted: ${L.muted}; --ow-bubble: ${L.bubble}; --ow-line: #d0d5dd;
  --ow-border: ${L.border}; --ow-danger: ${L.danger}; --ow-link: var(--ow-color); --ow-on-link: #fff;
  --ow-staff: ${L.staffBubble}; --ow-staff-accent: ${L.staffAccent};
}
@media (prefers-color-scheme: dark) {
  .root {
    color-scheme: dark;
    --ow-bg: ${D.background}; --ow-text: ${D.text}; --ow-muted: ${D.muted}; --ow-bubble: ${D.bubble}; --ow-line: #3d444e;
    --ow-border: ${D.border}; --ow-danger: ${D.danger}; --ow-link: ${D.link}; --ow-on-link: ${D.background};
    --ow-staff: ${D.staffBubble}; --ow-staff-accent: ${D.staffAccent};
  }
}
button, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid var(--ow-link); outline-offset: 2px; }
.sr-only {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}

.launcher {
  position: fixed; z-index: 2147483000; bottom: 1em; right: 1em; max-width: calc(100vw - 2em);
  display: inline-flex; align-items: center; gap: .5em; min-height: 3em; padding: .6em 1.1em;
  border: 2px solid #fff; border-radius: 1.6em; background: var(--ow-color); color: #fff;
  font-weight: 600; text-align: left; box-shadow: 0 .2em .8em rgba(0, 0, 0, .3);
}
.launcher svg { flex: none; width: 1.4em; height: 1.4em; fill: currentColor; }
.launcher:hover { text-decoration: underline; }
.badge {
  flex: none; min-width: 1.6em; padding: 0 .4em; border-radius: .8em; background: #fff; color: var(--ow-color);
  font-size: .85em; line-height: 1.6; text-align: center;
}
.launcher:focus-visible { outline: 3px solid var(--ow-color); outline-offset: 3px; box-shadow: 0 0 0 3px #fff; }
.root[data-position="left"] .launcher, .root[data-position="left"] .panel { right: auto; left: 1em; }

.panel {
  position: fixed; z-index: 2147483000; bottom: 1em; right: 1em;
  width: min(26em, calc(100vw - 2em)); height: min(42em, calc(100vh - 2em)); max-height: calc(100dvh - 2em);
  display: flex; flex-direction: column; overflow: auto;
  background: var(--ow-bg); color: var(--ow-text); border: 1px solid var(--ow-border); border-radius: .75em;
  box-shadow: 0 .4em 2em rgba(0, 0, 0, .3);
  animation: ow-in .18s ease-out;
}
@keyframes ow-in { from { opacity: 0; transform: translateY(.75em); } to { opacity: 1; transform: none; } }

.header {
  flex: none; display: flex; align-items: center; gap: .5em; padding: .5em .5em .5em 1em;
  background: var(--ow-color); color: #fff;
}
.heading { flex: 1 1 auto; min-width: 0; }
.title { margin: 0; font-size: 1.1em; line-height: 1.25; overflow-wrap: anywhere; }
.subtitle { margin: 0; font-size: .8125em; line-height: 1.3; }
.close {
  flex: none; width: 1.85em; height: 1.85em; padding: 0; border: 2px solid #fff; border-radius: .3em;
  background: transparent; color: #fff; font-size: 1.5em; line-height: 1;
}
.close:hover { background: rgba(255, 255, 255, .15); }
.header :focus-visible { outline-color: #fff; }

.log {
  position: relative; flex: 1 1 auto; min-height: 8em; overflow-y: auto; overflow-x: hidden; overscroll-behavior: contain;
  padding: 1em; display: flex; flex-direction: column; gap: .75em; background: var(--ow-bg);
}
.log:focus-visible { outline-offset: -3px; }
.msg { max-width: 92%; padding: .6em .85em; border-radius: .75em; overflow-wrap: anywhere; hyphens: auto; }
.msg p, .msg ul, .msg ol { margin: 0 0 .5em; }
.msg .text > :last-child, .msg .part > :last-child, .msg .before > :last-child { margin-bottom: 0; }
.msg ul, .msg ol { padding-left: 1.25em; }
.msg-parent { align-self: flex-end; background: var(--ow-color); color: #fff; border-bottom-right-radius: .2em; white-space: pre-wrap; }
.msg-bot { align-self: flex-start; background: var(--ow-bubble); color: var(--ow-text); border: 1px solid var(--ow-line); border-bottom-left-radius: .2em; }
.msg-bot[data-kind="crisis"] { border: 2px solid var(--ow-danger); border-left-width: .4em; }
.msg-staff {
  align-self: flex-start; background: var(--ow-staff); color: var(--ow-text);
  border: 1px solid var(--ow-staff-accent); border-left-width: .4em; border-bottom-left-radius: .2em;
}
.msg-staff .label { color: var(--ow-staff-accent); }
.msg-staff .text { white-space: pre-wrap; }
.msg .time { margin: .35em 0 0; font-size: .75em; line-height: 1.3; color: var(--ow-muted); text-align: right; white-space: normal; }
.msg-parent .time { color: #fff; }
.note { align-self: center; max-width: 92%; margin: 0; font-size: .9em; font-style: italic; color: var(--ow-muted); text-align: center; }
.return-code p { margin: .2em 0; }
.return-code .code { font-style: normal; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 1.15em; letter-spacing: .06em; color: var(--ow-text); white-space: nowrap; }
.part { margin-top: .75em; }
.label { margin: 0 0 .25em !important; font-weight: 600; font-size: .9em; color: var(--ow-muted); }
.sources li { margin-bottom: .25em; }
.section { display: block; font-size: .85em; color: var(--ow-muted); }
.question { font-weight: 700; margin: 0 0 .4em; }
.legal { font-size: .85em; color: var(--ow-muted); margin: .75em 0 0 !important; }
a { color: var(--ow-link); text-decoration: underline; text-underline-offset: .15em; }
a:hover { text-decoration-thickness: .15em; }
a[href^="tel:"] { white-space: nowrap; font-weight: 600; }
.suggestions ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; align-items: flex-start; gap: .4em; }
.suggestion, .feedback button {
  min-height: 2.75em; padding: .4em .8em; border: 2px solid var(--ow-link); border-radius: 1.4em;
  background: var(--ow-bg); color: var(--ow-link); font-weight: 600; text-align: left;
}
.suggestion:hover, .feedback button:hover { background: var(--ow-bubble); }
.suggestion:disabled { cursor: default; border-color: var(--ow-border); background: transparent; color: var(--ow-muted); }
.suggestion[data-chosen] { border-color: var(--ow-link); color: var(--ow-text); }
.feedback { display: flex; flex-wrap: wrap; align-items: center; gap: .4em .5em; }
.feedback span { font-weight: 600; font-size: .9em; color: var(--ow-muted); }
.feedback button { min-width: 3.5em; text-align: center; }
.feedback button[aria-pressed="true"] { background: var(--ow-link); color: var(--ow-on-link); }
.feedback p { flex: 1 1 100%; margin: 0; font-size: .9em; }
.more, .keep button {
  min-height: 2.5em; padding: .25em .75em; border: 2px solid var(--ow-link); border-radius: .4em;
  background: var(--ow-bg); color: var(--ow-link); font-size: .875em; font-weight: 600; text-align: left;
}
.more:hover, .keep button:hover { background: var(--ow-bubble); }
.more { margin-top: .25em; }
.keep-actions { display: flex; flex-wrap: wrap; gap: .4em; margin-top: .4em; }
.keep-note { margin: .4em 0 0 !important; font-size: .875em; }
.keep-note:empty { margin: 0 !important; }
.scratch { position: fixed; top: 0; left: 0; width: 1px; height: 1px; opacity: 0; }

/* A letter made in the chat (letter.ts): a form with the blanks, then the letter to edit, copy, print or download. */
.msg-letter { max-width: 100%; width: 100%; }
.letter h3 { font-size: 1em; margin: 0 0 .4em; }
.letter p { margin: 0 0 .5em; }
.letter .hint { font-size: .875em; color: var(--ow-muted); }
.letter .field { display: flex; flex-direction: column; gap: .2em; margin-bottom: .6em; }
.letter label { font-weight: 600; }
.letter input, .letter textarea {
  font: inherit; min-height: 2.75em; max-height: none; padding: .5em .6em; border: 2px solid var(--ow-border); border-radius: .4em;
  background: var(--ow-bg); color: var(--ow-text); resize: vertical;
}
.letter input[aria-invalid="true"], .letter textarea[aria-invalid="true"] { border-color: var(--ow-danger); }
.letter .field-error { margin: 0; color: var(--ow-danger); font-weight: 600; font-size: .875em; }
.letter .field-error:empty { display: none; }
.letter .letter-text { width: 100%; box-sizing: border-box; min-height: 16em; }
.letter-actions { display: flex; flex-wrap: wrap; gap: .4em; margin: .4em 0; }
.letter-actions button {
  min-height: 2.75em; padding: .25em .75em; border: 2px solid var(--ow-link); border-radius: .4em;
  background: var(--ow-bg); color: var(--ow-link); font-weight: 600;
}
.letter-actions button[type="submit"] { background: var(--ow-link); color: var(--ow-on-link); }
.letter-deadline-text { white-space: pre-line; }
.letter ul { margin: 0; padding-left: 1.2em; font-size: .9em; }

.status { flex: none; margin: 0; padding: 0 1em; font-size: .9em; color: var(--ow-muted); display: flex; align-items: center; gap: .5em; }
.status.on { min-height: 1.75em; }
.dots { display: inline-flex; gap: .2em; }
.dots[hidden] { display: none; }
.dots span { width: .45em; height: .45em; border-radius: 50%; background: var(--ow-muted); animation: ow-blink 1.2s infinite ease-in-out; }
.dots span:nth-child(2) { animation-delay: .2s; }
.dots span:nth-child(3) { animation-delay: .4s; }
@keyframes ow-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }

.composer { flex: none; display: flex; flex-direction: column; gap: .3em; padding: .6em 1em; border-top: 1px solid var(--ow-line); }
.top { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0 .75em; }
.composer label { font-weight: 600; }
.row { display: flex; gap: .5em; align-items: flex-end; }
textarea {
  flex: 1 1 auto; min-width: 0; min-height: 2.75em; max-height: min(8em, calc(var(--ow-vh, 100vh) * .25)); resize: none;
  padding: .5em .6em; line-height: 1.4; border: 2px solid var(--ow-border); border-radius: .4em; background: var(--ow-bg); color: var(--ow-text);
}
textarea[aria-invalid="true"] { border-color: var(--ow-danger); }
.send {
  flex: none; min-height: 2.75em; padding: .4em 1em; border: 2px solid var(--ow-color); border-radius: .4em;
  background: var(--ow-color); color: #fff; font-weight: 600;
}
.send:hover { text-decoration: underline; }
.send[aria-disabled="true"] { cursor: progress; }
.error { margin: 0; color: var(--ow-danger); font-weight: 600; font-size: .875em; }
.counter { margin: 0; font-size: .8125em; color: var(--ow-muted); }
/* The conversation's own actions and the privacy link: one quiet row of text buttons under the input. */
.footer { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 0 1em; padding: 0 1em .35em; font-size: .8125em; }
.footer button {
  min-height: 2.25em; padding: 0; border: 0; background: none; color: var(--ow-link); font-weight: 600;
  text-decoration: underline; text-underline-offset: .15em;
}
.footer button:hover { text-decoration-thickness: .15em; }
.privacy { margin: 0 0 0 auto; }
.privacy a { display: inline-block; min-height: 2.25em; line-height: 2.25em; }

@media ${PHONE_QUERY} {
  .panel, .root[data-position="left"] .panel {
    inset: 0; top: var(--ow-top, 0); bottom: auto; width: 100%; height: var(--ow-vh, 100%); max-height: none; border-radius: 0; border: 0;
    overscroll-behavior: contain; /* scrolling the panel does not scroll the page behind it */
  }
  .header { padding: .35em .4em .35em .85em; }
  .title { font-size: 1em; }
  .log { padding: .75em; gap: .6em; }
  .composer { padding: .45em .75em .35em; }
  .footer { padding: 0 .75em .2em; }
}

.print { display: none; }
@media print {
  .root > :not(.print) { display: none !important; }
  .print { display: block; color: #000; background: #fff; font-size: 12pt; line-height: 1.45; }
  .print h1 { font-size: 16pt; margin: 0 0 .3em; }
  .print h2 { font-size: 13pt; margin: 1em 0 .3em; }
  .print p, .print ul, .print ol { margin: 0 0 .5em; }
  .print a { color: #000; text-decoration: none; }
  .print-from, .print-date, .print-site, .print-legal { color: #333; font-size: 10pt; }
  .print-section, .print-url { display: block; font-size: 10pt; }
  .print-url { overflow-wrap: anywhere; }
}

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .launcher, .send, .suggestion, .feedback button, .header button, .more, .keep button { border: 2px solid ButtonText; }
  .badge { border: 1px solid ButtonText; }
  :focus-visible { outline: 3px solid Highlight; }
}
`;
