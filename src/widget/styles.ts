// The widget's stylesheet, scoped by its Shadow DOM. ":host { all: initial }" stops the host page's inherited
// styles; sizes are in em so they follow the reader's own font size and zoom (not the host page's rem).
// --ow-color is the checked theme colour (see contrast.ts): white text on it and it on white reach 4.5:1.

import { STAFF_ACCENT, STAFF_BUBBLE_BACKGROUND } from "./contrast.js";

export const css = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1em; line-height: 1.5; color: #1a1a1a;
  --ow-text: #1a1a1a; --ow-muted: #4a5260; --ow-bubble: #f1f3f6; --ow-border: #6b7280; --ow-danger: #a4131c;
}
button, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid var(--ow-color); outline-offset: 2px; }
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
  background: #fff; color: var(--ow-text); border: 1px solid var(--ow-border); border-radius: .75em;
  box-shadow: 0 .4em 2em rgba(0, 0, 0, .3);
  animation: ow-in .18s ease-out;
}
@keyframes ow-in { from { opacity: 0; transform: translateY(.75em); } to { opacity: 1; transform: none; } }
@media (max-width: 30em), (max-height: 30em) {
  .panel, .root[data-position="left"] .panel {
    inset: 0; width: 100%; height: 100%; max-height: none; border-radius: 0; border: 0;
  }
}

.header {
  flex: none; display: flex; flex-wrap: wrap; align-items: flex-start; gap: .5em .75em; padding: .75em 1em;
  background: var(--ow-color); color: #fff;
}
.heading { flex: 1 1 10em; min-width: 0; }
.title { margin: 0; font-size: 1.1em; line-height: 1.3; overflow-wrap: anywhere; }
.subtitle { margin: .1em 0 0; font-size: .875em; }
.header button {
  min-height: 2.75em; min-width: 2.75em; padding: .3em .7em; border: 2px solid #fff; border-radius: .4em;
  background: transparent; color: #fff; font-size: .875em; font-weight: 600;
}
.header button:hover { background: rgba(255, 255, 255, .15); }
.header :focus-visible { outline-color: #fff; }
.close { font-size: 1.25em !important; line-height: 1; }
.actions { flex: 1 1 100%; display: flex; flex-wrap: wrap; gap: .5em; }

.log {
  position: relative; flex: 1 1 auto; min-height: 8em; overflow-y: auto; overflow-x: hidden;
  padding: 1em; display: flex; flex-direction: column; gap: .75em; background: #fff;
}
.log:focus-visible { outline-offset: -3px; }
.msg { max-width: 92%; padding: .6em .85em; border-radius: .75em; overflow-wrap: anywhere; }
.msg p, .msg ul, .msg ol { margin: 0 0 .5em; }
.msg > :last-child, .msg .part > :last-child { margin-bottom: 0; }
.msg ul, .msg ol { padding-left: 1.25em; }
.msg-parent { align-self: flex-end; background: var(--ow-color); color: #fff; border-bottom-right-radius: .2em; white-space: pre-wrap; }
.msg-bot { align-self: flex-start; background: var(--ow-bubble); color: var(--ow-text); border: 1px solid #d0d5dd; border-bottom-left-radius: .2em; }
.msg-bot[data-kind="crisis"] { border: 2px solid var(--ow-danger); border-left-width: .4em; }
.msg-staff {
  align-self: flex-start; background: ${STAFF_BUBBLE_BACKGROUND}; color: var(--ow-text);
  border: 1px solid ${STAFF_ACCENT}; border-left-width: .4em; border-bottom-left-radius: .2em;
}
.msg-staff .label { color: ${STAFF_ACCENT}; }
.msg-staff .text { white-space: pre-wrap; }
.note { align-self: center; max-width: 92%; margin: 0; font-size: .9em; font-style: italic; color: var(--ow-muted); text-align: center; }
.part { margin-top: .75em; }
.label { margin: 0 0 .25em !important; font-weight: 600; font-size: .9em; color: var(--ow-muted); }
.sources li { margin-bottom: .25em; }
.section { display: block; font-size: .85em; color: var(--ow-muted); }
.question { font-weight: 700; margin: 0 0 .4em; }
.legal { font-size: .85em; color: var(--ow-muted); margin: .4em 0 0; }
a { color: var(--ow-color); text-decoration: underline; text-underline-offset: .15em; }
a:hover { text-decoration-thickness: .15em; }
.suggestions ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; align-items: flex-start; gap: .4em; }
.suggestion, .feedback button {
  min-height: 2.75em; padding: .4em .8em; border: 2px solid var(--ow-color); border-radius: 1.4em;
  background: #fff; color: var(--ow-color); font-weight: 600; text-align: left;
}
.suggestion:hover, .feedback button:hover { background: var(--ow-bubble); }
.feedback { display: flex; flex-wrap: wrap; align-items: center; gap: .4em .5em; }
.feedback span { font-weight: 600; font-size: .9em; color: var(--ow-muted); }
.feedback button { min-width: 3.5em; text-align: center; }
.feedback button[aria-pressed="true"] { background: var(--ow-color); color: #fff; }
.feedback p { flex: 1 1 100%; margin: 0; font-size: .9em; }

.status { flex: none; min-height: 1.5em; margin: 0; padding: 0 1em; font-size: .9em; color: var(--ow-muted); display: flex; align-items: center; gap: .5em; }
.dots { display: inline-flex; gap: .2em; }
.dots[hidden] { display: none; }
.dots span { width: .45em; height: .45em; border-radius: 50%; background: var(--ow-muted); animation: ow-blink 1.2s infinite ease-in-out; }
.dots span:nth-child(2) { animation-delay: .2s; }
.dots span:nth-child(3) { animation-delay: .4s; }
@keyframes ow-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }

.composer { flex: none; display: flex; flex-direction: column; gap: .35em; padding: .75em 1em; border-top: 1px solid #d0d5dd; }
.composer label { font-weight: 600; }
.row { display: flex; gap: .5em; align-items: flex-end; }
textarea {
  flex: 1 1 auto; min-width: 0; min-height: 2.75em; max-height: 8em; resize: vertical; padding: .5em .6em;
  border: 2px solid var(--ow-border); border-radius: .4em; background: #fff;
}
textarea[aria-invalid="true"] { border-color: var(--ow-danger); }
.send {
  flex: none; min-height: 2.75em; padding: .4em 1em; border: 2px solid var(--ow-color); border-radius: .4em;
  background: var(--ow-color); color: #fff; font-weight: 600;
}
.send:hover { text-decoration: underline; }
.send[aria-disabled="true"] { cursor: progress; }
.meta { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .25em .75em; font-size: .875em; }
.error { margin: 0; color: var(--ow-danger); font-weight: 600; }
.counter { margin: 0 0 0 auto; color: var(--ow-muted); }
.privacy { margin: 0; font-size: .85em; }

@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
@media (forced-colors: active) {
  .launcher, .send, .suggestion, .feedback button, .header button { border: 2px solid ButtonText; }
  .badge { border: 1px solid ButtonText; }
  :focus-visible { outline: 3px solid Highlight; }
}
`;
