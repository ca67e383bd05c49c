/**
 * From the scan's blocks, keep those that are article body: inside the root, outside class-marked
 * chrome, not link lists, and headings only when body text follows them.
 */
import { dropAppealsSteps } from './appeals';
import { articleBlock, ownText } from './loose';
import type { NegLink, ScanResult, ScannedBlock } from './scan';
import { drain, type Steps } from './steps';
import { teaserCardsSteps } from './teasers';
import type { ArticleBlock } from './types';
import { phase } from '../perf/marks';

const HEADING = /^h[2-6]$/;

/** The kind of block, from its tag and where it sits. */
export function blockKind(el: Element, root: Element): ArticleBlock['kind'] {
  const name = el.localName;
  if (HEADING.test(name)) return 'heading';
  if (name === 'li' || name === 'dd' || name === 'dt') return 'list-item';
  if (name === 'td' || name === 'th') return 'cell';
  const quote = el.closest('blockquote');
  if (quote && root.contains(quote)) return 'quote';
  return 'paragraph';
}

/**
 * Is the block under a class-marked chrome element inside the root? Only the nearest such
 * element decides: one that holds most of the article's worth is a wrapper with an odd name
 * ("read-more-content", "content-behind-paywall"), and so are the chrome-named elements above it,
 * except those named by a word no wrapper bears (a gallery: see ALWAYS_CHROME_TOKENS).
 */
function underChrome(b: ScannedBlock, root: Element, rootRaw: number): boolean {
  const n = b.neg;
  if (!n || n.el === root || !root.contains(n.el)) return false;
  // A gallery inside the root is chrome, whatever it holds and whatever is named inside it.
  for (let l: NegLink | null = n; l && l.el !== root && root.contains(l.el); l = l.up) {
    if (l.always) return true;
  }
  return n.value < 0.5 * rootRaw;
}

/** Link lists ("Read more: …", tag clouds) rather than prose. */
function isLinkList(b: ScannedBlock): boolean {
  if (b.stated) return false;
  return b.linkLen > 0.5 * b.len;
}

/** The selected blocks and how much text they hold. */
export interface Selection {
  blocks: ArticleBlock[];
  /** Approximate non-space characters in the selected blocks. */
  chars: number;
}

/** A dateline: a short block that is mostly a `<time>` ("12 March 2021, 10:04"). */
function isDateline(b: ScannedBlock): boolean {
  if (b.len > 80) return false;
  const time = b.el.localName === 'time' ? b.el : b.el.querySelector('time');
  if (!time) return false;
  return (time.textContent ?? '').trim().length >= 0.4 * b.len;
}

/** Select the body blocks of `root`, in document order. */
export function selectBlocks(scan: ScanResult, root: Element): Selection {
  return drain(selectBlocksSteps(scan, root));
}

/** Blocks looked at between two yields of {@link selectBlocksSteps}. */
const BLOCKS_PER_STEP = 32;

/** {@link selectBlocks} as resumable steps, yielding every few dozen blocks. */
export function* selectBlocksSteps(scan: ScanResult, root: Element): Steps<Selection> {
  const kept: ArticleBlock[] = [];
  let chars = 0;
  let seen = 0;
  const cards = yield* teaserCardsSteps(scan.blocks, root);
  phase('select');
  for (const b of scan.blocks) {
    if (++seen % BLOCKS_PER_STEP === 0) yield;
    if (b.len === 0 || b.el.localName === 'h1') continue;
    if (b.el !== root && !root.contains(b.el)) continue;
    if (underChrome(b, root, scan.rootRaw) || isLinkList(b) || isDateline(b)) continue;
    if (cards.length > 0 && cards.some((c) => c.contains(b.el))) continue;
    kept.push(articleBlock(b.el, blockKind(b.el, root), b.loose));
    chars += b.len;
  }
  return { blocks: yield* dropAppealsSteps(dropDanglingHeadings(kept)), chars };
}

/**
 * A heading belongs to the body only when body text follows it inside the heading's own section
 * (its parent, or its grandparent when the parent wraps only the heading). A heading followed by
 * a heading of the same or higher rank, by nothing, or by text from another part of the page
 * labels chrome we removed ("Related stories", "Most read").
 */
function dropDanglingHeadings(blocks: ArticleBlock[]): ArticleBlock[] {
  const out: ArticleBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'heading') {
      const next = blocks[i + 1];
      if (!next) continue;
      // "h2, h3, text" is a section with a subsection; "h2, h2" is a label with nothing under it.
      if (next.kind === 'heading' && next.element.localName <= b.element.localName) continue;
      if (!sectionOf(b.element).contains(next.element)) continue;
    }
    out.push(b);
  }
  return trimEdges(out);
}

function sectionOf(heading: Element): Element {
  let section = heading.parentElement ?? heading;
  if (section.childElementCount === 1 && section.parentElement) section = section.parentElement;
  return section;
}

/** Sentence-final punctuation in any script we expect (Latin, CJK, Arabic, Devanagari…). */
const FINAL = /[.!?:;…"»”’)\]。！？؟।]\s*$/u;

/** A rights notice opens with the copyright sign or word (any language writes it so). */
const COPYRIGHT = /^(©|\(c\)\s*\d{4}|copyright\b)/i;

/**
 * Labels at the edges of the body ("Getty Images" under the lead photo, "Tags", "Advertisement"):
 * short, not headings, no sentence punctuation. The middle of the body is left alone: a short
 * line between paragraphs is more often part of the text.
 */
function trimEdges(blocks: ArticleBlock[]): ArticleBlock[] {
  const isLabel = (b: ArticleBlock, atEnd: boolean): boolean => {
    if (b.kind !== 'paragraph') return false;
    const text = ownText(b).trim();
    // At the very end a colon introduces nothing: "Share this article:", "Tags:".
    if (atEnd && text.length < 60 && /:\s*$/.test(text)) return true;
    // A rights notice closing the body ("© 2022 Example News. All rights reserved.").
    if (atEnd && text.length < 400 && COPYRIGHT.test(text)) return true;
    return text.length < 40 && !FINAL.test(text);
  };
  let start = 0;
  let end = blocks.length;
  while (start < end && isLabel(blocks[start]!, false)) start++;
  while (end > start && isLabel(blocks[end - 1]!, true)) end--;
  return start === 0 && end === blocks.length ? blocks : blocks.slice(start, end);
}
