/**
 * Loose text: the inline text of an element that also holds blocks ("text<p>…</p><p>…</p>", a
 * table cell whose first paragraph has no tag). Such an element can be a block of its own whose
 * text is only what lies outside its block-level children; see `ArticleBlock.loose`.
 */
import { INLINE_TAGS } from './signals';
import type { ArticleBlock } from './types';

/** Elements a loose block's text leaves out: every child that is not inline. */
export function isOutsideLoose(node: Node): boolean {
  return node.nodeType === 1 && !INLINE_TAGS.has((node as Element).localName);
}

/**
 * Loose text that is not merged with the blocks beside it is still a block when one run of it,
 * between two block-level children, is at least this long (characters): a paragraph written
 * without a tag before the tagged ones. Shorter runs are labels, credits and stray links,
 * however many there are, and the marker leaves them out of the block too.
 */
export const LOOSE_MIN_CHARS = 100;

/**
 * The runs of a loose block's text worth marking, as [start, end) offsets: the text between two
 * of `breaks` (where its block-level children stood), when at least LOOSE_MIN_CHARS long.
 */
export function longRuns(text: string, breaks: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const end of [...breaks, text.length]) {
    if (end > start && text.slice(start, end).replace(/\s+/g, ' ').trim().length >= LOOSE_MIN_CHARS)
      out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * The spans (sentences, in text order) that start in one of the long runs: one pass over both,
 * as a cell of thousands of loose runs would make a span-by-run search quadratic.
 */
export function inLongRuns<T extends { start: number }>(
  spans: T[],
  text: string,
  breaks: number[],
): T[] {
  const runs = longRuns(text, breaks);
  const out: T[] = [];
  let r = 0;
  for (const sp of spans) {
    while (r < runs.length && runs[r]![1] <= sp.start) r++;
    const run = runs[r];
    if (run && sp.start >= run[0]) out.push(sp);
  }
  return out;
}

const NO_TEXT = new Set(['script', 'style', 'noscript', 'template']);

/** The text of `el` outside its block-level descendants (a space where each one stood). */
export function looseText(el: Element): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out += (n as Text).data;
    else if (n.nodeType !== 1 || NO_TEXT.has((n as Element).localName)) continue;
    else if (isOutsideLoose(n)) out += ' ';
    else out += looseText(n as Element);
  }
  return out;
}

/** An ArticleBlock, loose or not (the flag is left out rather than set false). */
export function articleBlock(
  element: Element,
  kind: ArticleBlock['kind'],
  loose: boolean | undefined,
): ArticleBlock {
  return loose ? { element, kind, loose: true } : { element, kind };
}

/** A block's own text: the element's, or only its loose text. */
export function ownText(b: ArticleBlock): string {
  return b.loose ? looseText(b.element) : (b.element.textContent ?? '');
}
