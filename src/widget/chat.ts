/// <reference lib="dom" />
// The conversation behind the widget: sending a message, drawing the stored transcript again after a reload,
// following a request for a person (asking for staff replies) and starting over.

import { WidgetApiError, type ApiClient, type ApiFailure } from "./api.js";
import { clearError, setStatus, showError, updateCounter } from "./layout.js";
import { newStaffTurns, type Poller } from "./poll.js";
import type { HandoffStatus, WidgetHandoff, WidgetTurn } from "./reply.js";
import type { ShownReply } from "./session.js";
import { failureText, text as t } from "./strings.js";
import { dateOr } from "./time.js";
import {
  appendBot,
  appendParent,
  appendStaff,
  appendWelcome,
  closeChoices,
  reopenChoices,
  scrollTo,
  type Transcript,
} from "./transcript.js";

export interface WidgetOptions {
  title: string;
  greeting: string;
  /** A theme colour already checked for contrast (see contrast.ts). */
  color: string;
  position: "left" | "right";
  /** The service's message limit, in characters. */
  maxChars: number;
  /** Link to the privacy statement, or null for none. */
  privacyUrl: string | null;
  /** Seconds between asking for staff replies, instead of what the service says (data-poll-seconds). */
  pollSeconds?: number | null;
}

export interface ChatState {
  opened: boolean;
  busy: boolean;
  /** Whether the transcript of the stored conversation is on screen (or there is none to load). */
  loaded: boolean;
  /** Bumped when the transcript is reset, so answers to requests from before the reset are dropped. */
  generation: number;
  shown: ShownReply[];
  /** Conversations the parent erased in this page; a late answer must not bring one back. */
  erased: Set<string>;
  /** The highest turn seq on screen; staff turns above it are new. */
  shownSeq: number;
  /** The latest known handoff status; "open" after a reload while one was open, so its closing is told. */
  handoffStatus: HandoffStatus | null;
  /** The closing note was shown; only a new request for a person (or a new staff reply) can bring it again. */
  closedTold: boolean;
  unread: number;
  /** The last message that got no answer, with its id: sending the same text again reuses the id, so that a
   * request the service did handle before the connection failed is answered once (docs/RELIABILITY.md W-08). */
  unanswered: { text: string; id: string } | null;
}

export interface Chat extends Transcript {
  options: WidgetOptions;
  state: ChatState;
  poller: Poller;
}

const newMessageId = (): string | undefined =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : undefined;

export function setUnread(chat: Chat, count: number): void {
  const { badge, launcher } = chat.layout;
  chat.state.unread = count;
  badge.hidden = count === 0;
  badge.textContent = String(count);
  // The visible text comes first in the name (WCAG 2.5.3 label in name).
  if (count > 0) launcher.setAttribute("aria-label", `${t.launcher}, ${t.unread(count)}`);
  else launcher.removeAttribute("aria-label");
}

function setBusy(chat: Chat, value: boolean): void {
  chat.state.busy = value;
  chat.layout.sendButton.setAttribute("aria-disabled", String(value));
}

/** Follows the handoff: asks for staff replies while it is open or claimed, says once when it closed. */
export function applyHandoff(chat: Chat, handoff: WidgetHandoff | null): void {
  const { state, session } = chat;
  const before = state.handoffStatus;
  state.handoffStatus = handoff?.status ?? null;
  const claimed = state.handoffStatus === "claimed";
  // A person picked up: say so once, and the header says a person is talking now.
  if (claimed && before !== "claimed") {
    const note = chat.dom.h("p", { class: "note", "data-role": "system" }, t.staffJoined(handoff?.staffName ?? null));
    scrollTo(chat, chat.layout.log.appendChild(note), true);
  }
  chat.layout.subtitle.textContent = claimed ? t.subtitleStaff : t.subtitle;
  chat.layout.root.dataset.talking = claimed ? "staff" : "bot";
  chat.layout.backButton.hidden = !(state.handoffStatus === "open" || claimed);
  if (state.handoffStatus === "consent" || state.handoffStatus === "contact") state.closedTold = false;
  // A late chat answer from before the closing can say "claimed" again; the note still comes once.
  if (state.handoffStatus === "closed" && (before === "open" || before === "claimed") && !state.closedTold) {
    state.closedTold = true;
    const note = chat.dom.h("p", { class: "note", "data-role": "system" }, t.handoffClosed);
    scrollTo(chat, chat.layout.log.appendChild(note), false);
  }
  const active =
    handoff !== null &&
    (handoff.status === "open" || handoff.status === "claimed") &&
    session.conversationId() !== null;
  session.setHandoffActive(active);
  if (!active) session.setReturnCode(null);
  else if (handoff.returnCode) {
    session.setReturnCode(handoff.returnCode);
    showReturnCode(chat, handoff.returnCode);
  }
  chat.poller.set(active ? (chat.options.pollSeconds ?? handoff.pollSeconds) : null);
}

/** The return code of the open request, as a note in the log: the parent types it on another device. */
function showReturnCode(chat: Chat, code: string): void {
  const { h } = chat.dom;
  const note = h(
    "div",
    { class: "note return-code", "data-role": "system" },
    h("p", {}, `${t.returnCode} `, h("strong", { class: "code" }, code)),
    h("p", {}, t.returnCodeHelp),
  );
  scrollTo(chat, chat.layout.log.appendChild(note), true);
}

/** One poll: draws staff replies not shown yet. Rejects on failure (the poller backs off); 404 stops. */
export async function pollStaff(chat: Chat): Promise<void> {
  const { state } = chat;
  const conversationId = chat.session.conversationId();
  if (conversationId === null) {
    applyHandoff(chat, null);
    return;
  }
  const startedIn = state.generation;
  let conversation: Awaited<ReturnType<ApiClient["conversation"]>>;
  try {
    conversation = await chat.api.conversation(conversationId);
  } catch (e) {
    if (startedIn !== state.generation) return;
    if (e instanceof WidgetApiError && e.failure.kind === "not-found") {
      applyHandoff(chat, null);
      return;
    }
    throw e;
  }
  if (startedIn !== state.generation || chat.session.conversationId() !== conversationId) return;
  // "A person picked up" comes before that person's first reply.
  if (conversation.handoff?.status === "claimed" && state.handoffStatus !== "claimed")
    applyHandoff(chat, conversation.handoff);
  const { fresh, lastSeq } = newStaffTurns(conversation.turns, state.shownSeq);
  state.shownSeq = lastSeq;
  for (const turn of fresh) scrollTo(chat, appendStaff(chat, turn.text, dateOr(turn.at, new Date())), true);
  if (fresh.length > 0) state.closedTold = false;
  if (!state.opened && fresh.length > 0) setUnread(chat, state.unread + fresh.length);
  applyHandoff(chat, conversation.handoff);
}

export function resetTranscript(chat: Chat): void {
  const { state, layout } = chat;
  state.generation++;
  chat.session.clear();
  applyHandoff(chat, null);
  state.shownSeq = -1;
  state.closedTold = false;
  setUnread(chat, 0);
  state.shown = [];
  state.loaded = true;
  chat.choices.open = [];
  while (layout.log.lastChild) layout.log.lastChild.remove();
  appendWelcome(chat);
}

/** The service's answer to `question`; a conversation the service no longer knows is started again. */
async function ask(chat: Chat, question: string): Promise<{ sentIn: string | null; result: ChatResult }> {
  const { state } = chat;
  let conversationId = chat.session.conversationId();
  const messageId = state.unanswered?.text === question ? state.unanswered.id : newMessageId();
  state.unanswered = messageId ? { text: question, id: messageId } : null;
  let result: ChatResult;
  try {
    result = await chat.api.chat(conversationId, question, messageId);
  } catch (e) {
    // The service no longer knows this conversation (erased elsewhere, or past retention): start a new one.
    if (!(e instanceof WidgetApiError && e.failure.kind === "not-found" && conversationId)) throw e;
    conversationId = null;
    result = await chat.api.chat(null, question, newMessageId());
  }
  state.unanswered = null;
  return { sentIn: conversationId, result };
}

type ChatResult = Awaited<ReturnType<ApiClient["chat"]>>;

/** Checks a message before it is sent; shows why not and returns false when it cannot go. */
function checkMessage(chat: Chat, question: string): boolean {
  const { maxChars } = chat.options;
  if (question === "") showError(chat.layout, t.empty, true);
  else if (question.length > maxChars) showError(chat.layout, t.tooLong(maxChars), true);
  else return true;
  return false;
}

/** Sends the parent's message (typed, or a tapped suggestion) and draws the answer. */
export async function send(chat: Chat, raw: string, fromInput: boolean): Promise<void> {
  const { state, layout, options } = chat;
  const question = raw.trim();
  if (state.busy || !checkMessage(chat, question)) return;
  clearError(layout);
  setBusy(chat, true);
  const draft = layout.input.value;
  if (fromInput) {
    layout.input.value = "";
    updateCounter(layout, options.maxChars, state.opened);
  }
  // Whatever the parent sends next answers (or passes over) the choices on screen: they are used up.
  const closedChoices = closeChoices(chat);
  const bubble = appendParent(chat, question, new Date());
  const toStaff = state.handoffStatus === "open" || state.handoffStatus === "claimed";
  setStatus(layout, toStaff ? t.sendingToStaff : t.typing, true);
  const startedIn = state.generation;
  try {
    const { sentIn, result } = await ask(chat, question);
    if (startedIn !== state.generation) {
      // The parent reset the conversation while this was on its way: drop the answer, and erase what the
      // request created or wrote again after an erase.
      if (result.conversationId !== sentIn || state.erased.has(result.conversationId)) {
        void chat.api.erase(result.conversationId).catch(() => undefined);
      }
      return;
    }
    if (result.conversationId !== sentIn) {
      state.shown = [];
      state.shownSeq = -1;
      state.handoffStatus = null;
      state.closedTold = false;
      chat.session.setConversationId(result.conversationId);
    }
    setStatus(layout, "");
    // The parent typed the return code of an open request: that conversation continues here, from its start.
    if (result.resumed) {
      const { turns, handoff } = await chat.api.conversation(result.conversationId);
      if (startedIn !== state.generation) return;
      drawTurns(chat, turns, result.conversationId);
      applyHandoff(chat, handoff ?? result.handoff);
      return;
    }
    // Going back to the chatbot closes the request without the "staff closed it" note.
    if (result.relayed === "back") state.closedTold = true;
    // A message for the staff member who picked up: nothing from the bot to draw.
    if (result.reply.text !== "") {
      const entry: ShownReply = { reply: result.reply };
      state.shown.push(entry);
      chat.session.setReplies(state.shown);
      const at = new Date();
      scrollTo(chat, appendBot(chat, result.reply, entry, result.conversationId, { at, asked: question }), true);
    }
    applyHandoff(chat, result.handoff);
  } catch (e) {
    if (startedIn !== state.generation) return;
    bubble.remove();
    reopenChoices(
      chat,
      closedChoices.filter((group) => group.buttons.every((b) => b.isConnected)),
    );
    setStatus(layout, "");
    const failure: ApiFailure = e instanceof WidgetApiError ? e.failure : { kind: "server" };
    // Keep the draft: put it back unless the parent already typed something new.
    if (layout.input.value === "") {
      layout.input.value = fromInput ? draft : question;
      updateCounter(layout, options.maxChars, state.opened);
    }
    showError(layout, failureText(failure, options.maxChars), failure.kind === "too-long");
  } finally {
    setBusy(chat, false);
  }
}

/** Draws the stored conversation after a reload: parent text from the service, replies from the session. */
export async function restore(chat: Chat): Promise<void> {
  const { state, layout } = chat;
  const conversationId = chat.session.conversationId();
  if (state.loaded || conversationId === null || state.busy) return;
  setBusy(chat, true);
  setStatus(layout, t.loading, true);
  const startedIn = state.generation;
  try {
    const { turns, handoff } = await chat.api.conversation(conversationId);
    if (startedIn !== state.generation) return;
    state.loaded = true;
    setStatus(layout, "");
    drawTurns(chat, turns, conversationId);
    applyHandoff(chat, handoff);
    const code = chat.session.returnCode();
    if (code !== null && (handoff?.status === "open" || handoff?.status === "claimed")) showReturnCode(chat, code);
  } catch (e) {
    if (startedIn !== state.generation) return;
    if (e instanceof WidgetApiError && e.failure.kind === "not-found") {
      resetTranscript(chat);
      setStatus(layout, t.previousGone);
    } else {
      setStatus(layout, t.restoreFailed);
    }
  } finally {
    setBusy(chat, false);
  }
}

function drawTurns(chat: Chat, turns: WidgetTurn[], conversationId: string): void {
  const { state } = chat;
  const { log } = chat.layout;
  // Start from the welcome message: the service's transcript is the whole conversation.
  while (log.lastChild && log.lastChild !== log.firstChild) log.lastChild.remove();
  state.shownSeq = -1;
  const assistantTurns = turns.filter((turn) => turn.role === "assistant").length;
  // The session keeps the latest replies; line them up with the service's transcript from the end.
  const offset = assistantTurns - state.shown.length;
  const aligned: ShownReply[] = [];
  let k = 0;
  let last: HTMLElement | null = null;
  const drawnAt = new Date();
  let asked: string | null = null;
  for (const turn of turns) {
    if (turn.seq !== null) state.shownSeq = Math.max(state.shownSeq, turn.seq);
    const at = dateOr(turn.at, drawnAt);
    if (turn.role === "parent") {
      closeChoices(chat);
      asked = turn.text;
      last = appendParent(chat, turn.text, at);
      continue;
    }
    if (turn.role === "staff") {
      last = appendStaff(chat, turn.text, at, true);
      continue;
    }
    const cached = state.shown[k - offset];
    k++;
    const entry: ShownReply =
      cached && cached.reply.kind === turn.kind && cached.reply.answerId === turn.answerId
        ? cached
        : {
            reply: {
              kind: turn.kind ?? "answer",
              text: turn.text,
              answerId: null,
              citations: [],
              nextSteps: [],
              suggestions: [],
            },
          };
    aligned.push(entry);
    last = appendBot(chat, entry.reply, entry, conversationId, { at, quiet: true, asked });
  }
  state.shown = aligned;
  chat.session.setReplies(state.shown);
  if (last) scrollTo(chat, last, false);
}
