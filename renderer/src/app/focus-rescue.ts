/**
 * Pure part of the focus keeper: where focus should go when the focused element vanished (a card deleted, a
 * button replaced by another, a dialog closed over a removed opener). The nearest ancestor still in the page
 * gives its first focusable descendant, or itself.
 */
export const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function rescueTarget(
  lostAncestors: readonly Element[],
  isConnected: (element: Element) => boolean,
): Element | null {
  for (const ancestor of lostAncestors) {
    if (!isConnected(ancestor)) continue;
    return ancestor.querySelector(FOCUSABLE) ?? ancestor;
  }
  return null;
}

/**
 * The element's ancestors inside the page's main landmark (`main`, included), nearest first; none for an element
 * outside it (a dialog in a portal, the header).
 */
export function ancestorsOf(element: Element, main: Element | null): Element[] {
  if (!main || !main.contains(element)) return [];
  const found: Element[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    found.push(node);
    if (node === main) break;
  }
  return found;
}
