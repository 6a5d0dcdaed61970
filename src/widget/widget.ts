/// <reference lib="dom" />
// The chat widget: a launcher button and a chat panel inside a shadow root. All text reaches the DOM through
// text nodes (textContent, createTextNode, append(string)); nothing is ever parsed as HTML.
//
// The parts: dom.ts (helpers), layout.ts (the fixed structure), transcript.ts (drawing messages, and what screen
// readers hear of them), chat.ts (sending, restoring, following a request for a person); this file wires them
// together and opens and closes the panel.

import type { ApiClient } from "./api.js";
import { pollStaff, resetTranscript, restore, send, setUnread, type Chat, type WidgetOptions } from "./chat.js";
import { adoptStyles, createDom } from "./dom.js";
import { createPrinter } from "./keep.js";
import { buildLayout, clearError, cutLongPaste, fitInput, setStatus, showError, updateCounter } from "./layout.js";
import { keyboardViewport, makePageInert, PHONE_QUERY, trapTab } from "./modal.js";
import { createPoller, type PollClock } from "./poll.js";
import type { WidgetSession } from "./session.js";
import { text as t } from "./strings.js";
import { css } from "./styles.js";
import { appendWelcome } from "./transcript.js";

export type { WidgetOptions } from "./chat.js";

export interface WidgetDeps {
  api: ApiClient;
  session: WidgetSession;
  /** Timers for asking for staff replies; the window's by default. */
  clock?: PollClock;
}

export interface Widget {
  open(): void;
  close(): void;
  /** Moves keyboard focus to the widget: the launcher, or the input while the panel is open (skip link). */
  focus(): void;
}

/** Builds the widget inside `shadow` and wires its behaviour. */
export function createWidget(shadow: ShadowRoot, options: WidgetOptions, deps: WidgetDeps): Widget {
  const dom = createDom(shadow.ownerDocument);
  const win = dom.doc.defaultView ?? window;
  const { api, session } = deps;

  adoptStyles(shadow, css);
  const layout = buildLayout(dom, options);
  shadow.appendChild(layout.root);

  const clock: PollClock = deps.clock ?? {
    now: () => Date.now(),
    setTimeout: (run, ms) => window.setTimeout(run, ms),
    clearTimeout: (id) => window.clearTimeout(id),
  };
  const visible = () => dom.doc.visibilityState === "visible";
  const chat: Chat = {
    dom,
    win,
    layout,
    options,
    api,
    session,
    printer: createPrinter(win, shadow.host.localName, layout.printArea),
    choices: { open: [] },
    state: {
      opened: false,
      busy: false,
      loaded: session.conversationId() === null,
      generation: 0,
      shown: session.replies(),
      erased: new Set(),
      shownSeq: -1,
      handoffStatus: session.handoffActive() ? "open" : null,
      closedTold: false,
      unread: 0,
      unanswered: null,
    },
    poller: createPoller(clock, () => pollStaff(chat), visible()),
    isBusy: () => chat.state.busy,
    send: (text) => void send(chat, text, false),
    saveReplies: () => session.setReplies(chat.state.shown),
  };

  const panel = createPanel(chat, shadow);
  wireComposer(chat);
  wireConversationButtons(chat);
  dom.doc.addEventListener("visibilitychange", () => chat.poller.setVisible(visible()));

  appendWelcome(chat);
  // A staff member may have replied while the parent was on another page: load the transcript now.
  if (session.handoffActive()) void restore(chat);
  return panel;
}

/**
 * Opening and closing the panel: modal on a phone (the page behind it inert), floating beside the page
 * elsewhere; it follows the screen as it turns or resizes, and the on-screen keyboard.
 */
function createPanel(chat: Chat, shadow: ShadowRoot): Widget {
  const { layout, win, state } = chat;
  const { panel, launcher, log, root, input } = layout;
  const phone = typeof win.matchMedia === "function" ? win.matchMedia(PHONE_QUERY) : null;
  let releasePage: (() => void) | null = null;

  /** Whether the open panel covers the screen (a phone) and so is a modal dialog. */
  const isModal = () => state.opened && phone !== null && phone.matches;

  /** On a phone the panel covers what the on-screen keyboard leaves visible; the newest message stays in sight. */
  function fitViewport(): void {
    const fit = isModal() ? keyboardViewport(win.visualViewport) : null;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 8;
    if (fit) {
      root.style.setProperty("--ow-vh", `${fit.height}px`);
      root.style.setProperty("--ow-top", `${fit.top}px`);
    } else {
      root.style.removeProperty("--ow-vh");
      root.style.removeProperty("--ow-top");
    }
    if (atBottom) log.scrollTop = log.scrollHeight;
  }

  function applyMode(): void {
    const modal = isModal();
    panel.setAttribute("aria-modal", String(modal));
    if (modal && !releasePage) releasePage = makePageInert(shadow.host);
    if (!modal && releasePage) {
      releasePage();
      releasePage = null;
    }
    fitViewport();
  }

  function open(): void {
    if (state.opened) return;
    state.opened = true;
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    setUnread(chat, 0);
    applyMode();
    fitInput(layout);
    input.focus();
    void restore(chat);
  }

  function close(): void {
    if (!state.opened) return;
    state.opened = false;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    applyMode();
    launcher.focus();
  }

  launcher.addEventListener("click", open);
  layout.closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !event.isComposing) {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    // A modal dialog keeps Tab inside; the floating panel lets it move on through the page.
    if (isModal()) trapTab(event, panel, shadow.activeElement);
  });
  phone?.addEventListener("change", applyMode);
  win.visualViewport?.addEventListener("resize", fitViewport);
  win.visualViewport?.addEventListener("scroll", fitViewport);
  return {
    open,
    close,
    focus: () => {
      if (state.opened) input.focus();
      else launcher.focus();
    },
  };
}

/** The input: Enter sends (Shift+Enter is a new line), the counter follows, a long paste is cut and told. */
function wireComposer(chat: Chat): void {
  const { layout, options, state } = chat;
  const { input, form, error } = layout;
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void send(chat, input.value, true);
    }
  });
  input.addEventListener("input", () => {
    updateCounter(layout, options.maxChars, state.opened);
    if (error.textContent) clearError(layout);
  });
  input.addEventListener("paste", (event) => {
    if (cutLongPaste(layout, options.maxChars, event)) updateCounter(layout, options.maxChars, state.opened);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void send(chat, input.value, true);
  });
}

/** "Nieuw gesprek" starts over; "Gesprek wissen" erases the conversation at the service first. */
function wireConversationButtons(chat: Chat): void {
  const { layout } = chat;
  const startOver = (message: string) => {
    resetTranscript(chat);
    clearError(layout);
    setStatus(layout, message);
    layout.input.focus();
  };
  // While a request for a person is open, "Nieuw gesprek" and "Gesprek wissen" ask first: the first tap says what
  // happens and turns the button into "Ja, …", the second does it.
  let confirming: "new" | "erase" | null = null;
  const resetConfirm = () => {
    confirming = null;
    layout.newButton.textContent = t.newConversation;
    layout.eraseButton.textContent = t.erase;
  };
  const needsConfirm = (what: "new" | "erase") => {
    const status = chat.state.handoffStatus;
    if (confirming === what || (status !== "open" && status !== "claimed")) return false;
    resetConfirm();
    confirming = what;
    (what === "new" ? layout.newButton : layout.eraseButton).textContent =
      what === "new" ? t.confirmNewButton : t.confirmEraseButton;
    showError(layout, what === "new" ? t.confirmNew : t.confirmErase, false);
    return true;
  };
  layout.input.addEventListener("input", resetConfirm);
  const startAnew = async () => {
    if (needsConfirm("new")) return;
    const conversationId = chat.session.conversationId();
    const open = chat.state.handoffStatus === "open" || chat.state.handoffStatus === "claimed";
    resetConfirm();
    // Close the request with a note for staff ("back to the chatbot") before leaving the conversation.
    if (open && conversationId) await chat.api.chat(conversationId, t.backToBot).catch(() => undefined);
    startOver(t.newStarted);
  };
  layout.newButton.addEventListener("click", () => void startAnew());
  let erasing = false;
  const erase = async () => {
    if (erasing || needsConfirm("erase")) return;
    resetConfirm();
    const conversationId = chat.session.conversationId();
    if (conversationId) {
      erasing = true;
      try {
        await chat.api.erase(conversationId);
        chat.state.erased.add(conversationId);
      } catch {
        showError(layout, t.eraseFailed, false);
        return;
      } finally {
        erasing = false;
      }
    }
    startOver(t.erased);
  };
  layout.eraseButton.addEventListener("click", () => void erase());
  // Back to the chatbot: the service closes the request and tells staff.
  layout.backButton.addEventListener("click", () => void send(chat, t.backToBot, false));
}
