/**
 * Turns one article block (a paragraph, list item, heading…) into sentences that keep their
 * place in the DOM: each sentence is a Range over the block's text nodes, so sentences run across
 * inline markup (links, em, strong, span) and nothing in the page has to change to mark them.
 */
import type { LinkRef } from '../messaging/types';
import type { SentenceSpan } from './segment';
import { phase } from '../perf/marks';

/** A footnote marker ("[2]", "³") found in a block, pointing at a reference-list entry. */
export interface FootnoteMarker {
  marker: string;
  /** The id of the element the marker's link points to. */
  targetId: string;
  /** Offset in the block text where the marker stood (the marker's text is not in the text). */
  offset: number;
}

/** A sentence of a block, located in the DOM. */
export interface BlockSentence {
  range: Range;
  /** Whitespace-collapsed text, footnote markers left out. */
  text: string;
  links: LinkRef[];
  footnotes: FootnoteMarker[];
  /** Text nodes the sentence covers, with the covered offsets in each. */
  pieces: Array<{ node: Text; start: number; end: number }>;
}

interface Piece {
  node: Text | null; // null: a character we synthesised (a <br> or a block boundary)
  start: number; // offset in the block text
  length: number;
}

interface AnchorSpan {
  href: string;
  start: number;
  end: number;
}

/** The block's text and the map back to its nodes. */
export interface BlockText {
  text: string;
  pieces: Piece[];
  anchors: AnchorSpan[];
  footnotes: FootnoteMarker[];
  /** Offsets in `text` where an element `breakAt` named stood (see readBlockSteps). */
  breaks: number[];
}

const FOOTNOTE_TEXT = /^\s*[[(]?\s*(\d{1,3}|[a-z]|[*†‡§¶]+|[¹²³⁰-⁹]+)\s*[\])]?\s*$/i;

/** Is `el` a footnote marker: a small in-page link like `<sup><a href="#fn2">[2]</a></sup>`? */
export function footnoteTarget(el: Element): { marker: string; targetId: string } | null {
  const a = el.localName === 'a' ? el : el.localName === 'sup' ? el.querySelector('a') : null;
  if (!a) return null;
  const href = a.getAttribute('href') ?? '';
  if (!href.startsWith('#') || href.length < 2) return null;
  const text = (el.textContent ?? '').trim();
  const isNoteRef = a.getAttribute('role') === 'doc-noteref' || el.localName === 'sup';
  if (!isNoteRef && !FOOTNOTE_TEXT.test(text)) return null;
  if (text.length > 12) return null;
  let targetId: string;
  try {
    targetId = decodeURIComponent(href.slice(1));
  } catch {
    targetId = href.slice(1);
  }
  return { marker: text, targetId };
}

const BREAKING = new Set(['br', 'hr']);
const BLOCKISH = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'section',
  'article',
  'table',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'header',
  'footer',
]);
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'iframe',
  'object',
  'button',
  'select',
  'textarea',
  'input',
  'img',
  'picture',
]);

/**
 * Read a block's text. `skip` says which descendants are not body text (ads inside a paragraph,
 * hidden text…); their text is left out and they never become part of a sentence.
 */
export function readBlock(block: Element, skip: (n: Node) => boolean): BlockText {
  return drain(readBlockSteps(block, skip));
}

/** Elements visited between two yields of {@link readBlockSteps}. */
const ELEMENTS_PER_STEP = 16;

/**
 * {@link readBlock} as resumable steps: it yields every few elements (each may cost a style
 * read in `skip`), so a block of thousands of inline elements never holds the main thread.
 * `breakAt` says which skipped elements still part the text on either side, as a paragraph
 * does (a loose block's children); other skipped elements vanish (an ad slot mid-sentence).
 */
export function* readBlockSteps(
  block: Element,
  skip: (n: Node) => boolean,
  breakAt?: (el: Element) => boolean,
): Generator<void, BlockText, void> {
  phase('readBlock');
  const pieces: Piece[] = [];
  const anchors: AnchorSpan[] = [];
  const footnotes: FootnoteMarker[] = [];
  const breaks: number[] = [];
  let text = '';
  const synth = (ch: string) => {
    pieces.push({ node: null, start: text.length, length: ch.length });
    text += ch;
  };
  // An explicit stack instead of recursion, so the walk can stop and resume anywhere. Each frame
  // is an element being walked, the next child to visit, and where its text started.
  interface Frame {
    el: Element;
    child: Node | null;
    start: number;
    blockish: boolean;
  }
  const stack: Frame[] = [{ el: block, child: block.firstChild, start: 0, blockish: false }];
  let visited = 0;
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    const child = f.child;
    if (!child) {
      // The element is done: what the recursive walk did after returning from it.
      stack.pop();
      if (stack.length === 0) break;
      const el = f.el;
      if (el.localName === 'a') {
        const href = (el as HTMLAnchorElement).href;
        if (href && text.length > f.start) anchors.push({ href, start: f.start, end: text.length });
      }
      if (f.blockish && text && !/\s$/.test(text)) synth('\n');
      continue;
    }
    f.child = child.nextSibling;
    if (child.nodeType === 3) {
      const data = (child as Text).data;
      if (!data) continue;
      pieces.push({ node: child as Text, start: text.length, length: data.length });
      text += data;
      continue;
    }
    if (child.nodeType !== 1) continue;
    if (++visited % ELEMENTS_PER_STEP === 0) yield;
    const el = child as Element;
    const name = el.localName;
    if (NEVER_TEXT.has(name) || skip(el)) {
      if (breakAt?.(el)) {
        if (text && !/\s$/.test(text)) synth('\n');
        if (breaks[breaks.length - 1] !== text.length) breaks.push(text.length);
      }
      continue;
    }
    if (BREAKING.has(name)) {
      synth('\n');
      continue;
    }
    const note = footnoteTarget(el);
    if (note) {
      footnotes.push({ ...note, offset: text.length });
      continue;
    }
    const blockish = BLOCKISH.has(name);
    if (blockish && text && !/\s$/.test(text)) synth('\n');
    stack.push({ el, child: el.firstChild, start: text.length, blockish });
  }
  return { text, pieces, anchors, footnotes, breaks };
}

/** Run resumable steps to the end at once (tests, and callers that do not slice). */
function drain<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Find the DOM position of a block-text offset; `end` picks the piece that ends at `pos`. */
function locate(bt: BlockText, pos: number, end: boolean): { node: Text; offset: number } | null {
  const { pieces } = bt;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const p = pieces[mid]!;
    if (end ? p.start < pos : p.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  // Step off synthesised characters toward the sentence's inside.
  for (let i = lo; i >= 0 && i < pieces.length; i += end ? -1 : 1) {
    const p = pieces[i]!;
    if (p.node) return { node: p.node, offset: Math.max(0, Math.min(p.length, pos - p.start)) };
  }
  return null;
}

/** Soft hyphens, zero-width spaces, word joiners, BOMs: in the DOM, never seen by a reader. */
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

/** A sentence's text as read: invisible characters dropped, whitespace collapsed. */
const collapse = (s: string) => s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();

/** Build located sentences from a block's text and the segmenter's spans over it. */
export function toSentences(doc: Document, bt: BlockText, spans: SentenceSpan[]): BlockSentence[] {
  return drain(toSentencesSteps(doc, bt, spans));
}

/** Sentences built between two yields of {@link toSentencesSteps}. */
const SENTENCES_PER_STEP = 4;

/**
 * {@link toSentences} as resumable steps, yielding every few sentences. Spans and pieces are
 * both in text order, so one forward pointer finds each sentence's pieces: linear in the block,
 * not sentences × pieces.
 */
export function* toSentencesSteps(
  doc: Document,
  bt: BlockText,
  spans: SentenceSpan[],
): Generator<void, BlockSentence[], void> {
  phase('toSentences');
  const out: BlockSentence[] = [];
  // The first piece that ends after the current span's start (pieces never overlap).
  let first = 0;
  for (let i = 0; i < spans.length; i++) {
    if (i > 0 && i % SENTENCES_PER_STEP === 0) yield;
    const span = spans[i]!;
    while (first < bt.pieces.length) {
      const p = bt.pieces[first]!;
      if (p.start + p.length > span.start) break;
      first++;
    }
    const text = collapse(bt.text.slice(span.start, span.end));
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    const a = locate(bt, span.start, false);
    const b = locate(bt, span.end, true);
    if (!a || !b) continue;
    const range = doc.createRange();
    try {
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
    } catch {
      continue;
    }
    if (range.collapsed) continue;
    // A marker belongs to the sentence it follows: up to the next sentence's start.
    const nextStart = spans[i + 1]?.start ?? Infinity;
    const footnotes = bt.footnotes.filter((f) => f.offset > span.start && f.offset <= nextStart);
    const seen = new Set<string>();
    const links: LinkRef[] = [];
    for (const an of bt.anchors) {
      if (an.end <= span.start || an.start >= span.end || seen.has(an.href)) continue;
      seen.add(an.href);
      links.push({ href: an.href, text: collapse(bt.text.slice(an.start, an.end)).slice(0, 300) });
    }
    const pieces: BlockSentence['pieces'] = [];
    for (let j = first; j < bt.pieces.length; j++) {
      const p = bt.pieces[j]!;
      if (p.start >= span.end) break;
      if (!p.node) continue;
      pieces.push({
        node: p.node,
        start: Math.max(0, span.start - p.start),
        end: Math.min(p.length, span.end - p.start),
      });
    }
    out.push({ range, text, links, footnotes, pieces });
  }
  return out;
}
