/**
 * Which inline descendants of a body block are not body text. The marker asks this of each
 * element it meets inside a block and skips the whole subtree when the answer is yes.
 */
import { classSignal, INLINE_TAGS, isAdLike, isChromeByRole, NEVER_BODY_TAGS } from './signals';
import { isHidden, isScreenReaderOnly } from './visibility';

/** Inline code stays: "call `fetch()` first" is a sentence. Code blocks are never blocks. */
const INLINE_OK = new Set(['code', 'kbd', 'samp']);

/** Backlinks from a footnote to its marker ("↩", "^"), which are navigation, not text. */
const BACKLINK = /^\s*[↩↑⤴^]\uFE0E?\s*$/;

/** True for inline descendants of a block that the marker must skip. */
export function isSkippedInline(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  const name = el.localName;
  if (NEVER_BODY_TAGS.has(name) && !INLINE_OK.has(name)) return true;
  if (name === 'form' || isChromeByRole(el)) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !el.querySelector('a[href]')) return true;
  if (name === 'a') {
    const text = el.textContent ?? '';
    if (BACKLINK.test(text) || el.getAttribute('role') === 'doc-backlink') return true;
  }
  if (INLINE_TAGS.has(name)) {
    // Inline words keep their text unless the class says ad slot or share widget: a link with
    // class "tag" or a span with class "author" is still part of the sentence.
    if (isAdLike(el)) return true;
  } else if (classSignal(el) < 0) {
    // Block-level chrome nested in a merged paragraph.
    return true;
  }
  return isScreenReaderOnly(el) || hiddenHere(el);
}

/**
 * Hidden by itself, not by what it sits in. A page that keeps its body hidden until its scripts
 * run (`visibility: hidden` on a wrapper, revealed later) is still read, and every element in it
 * inherits the hiding: were each one skipped, the sentences would lose their links, emphasis and
 * superscripts ("the 19th century" read "the 19 century") while their plain text stayed.
 */
function hiddenHere(el: Element): boolean {
  if (!isHidden(el)) return false;
  const parent = el.parentElement;
  const view = el.ownerDocument.defaultView;
  // Inside a shown block, hidden is hidden (the common case, unchanged).
  if (!parent || !view || !isHidden(parent) || el.hasAttribute('hidden')) return true;
  // Inside a hidden one: skipped only when it hides itself, by display or its own visibility.
  const style = view.getComputedStyle(el);
  if (style.display === 'none') return true;
  return style.visibility !== view.getComputedStyle(parent).visibility;
}
