/// <reference lib="dom" />
// On a phone the open panel covers the whole screen, so it behaves as a modal dialog: the page behind it is
// inert (not reachable by Tab, touch or a screen reader's cursor), Tab and Shift+Tab go round inside the panel,
// and the panel follows the visual viewport, so the on-screen keyboard does not cover the input or the messages.
// On a larger screen the panel floats beside the page and none of this applies.

/** When the panel fills the screen; the stylesheet uses the same media query. */
export const PHONE_QUERY = "(max-width: 30em), (max-height: 30em)";

const FOCUSABLE =
  'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab can reach inside `container`, in order (visible and enabled only). */
export function focusables(container: ParentNode): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.getClientRects().length > 0 && !el.closest("[inert]"),
  );
}

/**
 * Keeps Tab inside `container`: from the last element to the first and back. Returns whether it moved focus.
 * `active` is the focused element inside the container's shadow root (or null when focus is elsewhere).
 */
export function trapTab(event: KeyboardEvent, container: ParentNode, active: Element | null): boolean {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return false;
  const items = focusables(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return false;
  const index = active ? items.indexOf(active as HTMLElement) : -1;
  let target: HTMLElement | null = null;
  if (event.shiftKey && index <= 0) target = last;
  else if (!event.shiftKey && (index === -1 || index === items.length - 1)) target = first;
  if (!target) return false;
  event.preventDefault();
  target.focus();
  return true;
}

/**
 * Makes everything on the page inert except `keep` and its ancestors (as a native modal dialog does). Returns a
 * function that gives back exactly what it took: elements the page had made inert itself stay inert.
 */
export function makePageInert(keep: Element): () => void {
  const made: Element[] = [];
  for (let node = keep, parent = keep.parentElement; parent; node = parent, parent = parent.parentElement) {
    for (const sibling of Array.from(parent.children)) {
      if (sibling === node || sibling.hasAttribute("inert") || /^(SCRIPT|STYLE|LINK|TEMPLATE)$/.test(sibling.tagName))
        continue;
      sibling.setAttribute("inert", "");
      made.push(sibling);
    }
    if (parent === node.ownerDocument.body) break;
  }
  return () => {
    for (const el of made) el.removeAttribute("inert");
  };
}

/**
 * The visible part of the screen while the on-screen keyboard is open: its height and top in CSS pixels, or null
 * when the page is zoomed in (then the panel keeps the layout size, so that zooming does not squeeze it).
 */
export function keyboardViewport(
  vv: Pick<VisualViewport, "height" | "offsetTop" | "scale"> | null | undefined,
): { height: number; top: number } | null {
  if (!vv || Math.abs(vv.scale - 1) > 0.01 || !(vv.height > 0)) return null;
  return { height: vv.height, top: vv.offsetTop };
}
