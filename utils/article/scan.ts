/**
 * One pass over the page, post-order: finds the text blocks (the top-most elements that hold
 * inline text) and scores every element by the body-likeness of the blocks inside it. The article
 * root is the element with the best score: long, link-poor paragraphs add, short or link-heavy
 * blocks subtract, so going up past the article only adds chrome and going down loses paragraphs.
 */
import { INLINE_TAGS, STRUCTURAL_KEEP, classSignal, isChromeByRole, isNeverBody } from './signals';
import { LOOSE_MIN_CHARS } from './loose';
import { isCollapsedSection, isHidden } from './visibility';
import { phase } from '../perf/marks';

/** A class-marked chrome element above a block (nearest first). */
export interface NegLink {
  el: Element;
  /** The element's subtree score before its own penalty, to rescue mislabelled wrappers. */
  value: number;
  up: NegLink | null;
  /** Named by a word that is chrome however much the element holds (a gallery). */
  always: boolean;
}

/** A text block found by the scan. */
export interface ScannedBlock {
  el: Element;
  /** Non-space characters of text (approximate: trimmed text-node lengths). */
  len: number;
  /** Of which inside links. */
  linkLen: number;
  /** Nearest class-marked chrome ancestors. */
  neg: NegLink | null;
  /** Inside `[itemprop=articleBody]` or matching the JSON-LD body. */
  stated: boolean;
  /** Only the element's loose text is the block (see `ArticleBlock.loose`). */
  loose?: true;
}

/** The scan's result. */
export interface ScanResult {
  blocks: ScannedBlock[];
  /** Best-scoring element, or null when nothing scored above zero. */
  root: Element | null;
  rootValue: number;
  /** The root's own score, before any discount for sitting inside class-marked chrome. */
  rootRaw: number;
  /** Characters in blocks skipped as hidden. */
  hiddenChars: number;
  /** Scores of class-marked elements, read by the block filter. */
  values: Map<Element, number>;
}

/** Options that let callers switch signals off (a second, more lenient pass). */
export interface ScanOptions {
  /** Ignore class/id words (used when they removed too much). */
  ignoreClasses?: boolean;
  /** Returns true for blocks the page states are the article (structured data). */
  stated?: (el: Element) => boolean;
  /** True when the page states its body, so unstated long blocks count for less. */
  hasStatement?: boolean;
  /** Count hidden blocks like visible ones (pages that hide their body until a script runs). */
  ignoreVisibility?: boolean;
  /** Developer aid: receives every element's score. */
  trace?: Map<Element, number>;
  /** Scan only this element's subtree instead of `doc.body` (content added after the first scan). */
  within?: Element;
}

interface Frame {
  el: Element;
  child: Node | null;
  inline: boolean;
  inLink: boolean;
  /** Inside `<article>`, `<main>` or a stated body, where a `<header>` holds the lede. */
  inArticle: boolean;
  negDepth: number;
  neg: NegLink | null;
  /** Inline text directly in this element (through inline descendants). */
  inlineLen: number;
  inlineLink: number;
  /** Text in nested blocks. */
  nestedLen: number;
  nestedLink: number;
  value: number;
  blockStart: number;
  /** Where in `blocks` the element's loose text began (-1: none yet), to keep document order. */
  looseAt: number;
  /** Loose text since the last block-level child, and the longest such run. */
  run: number;
  maxRun: number;
}

const HEADING = /^h[2-6]$/;
const ARTICLE_TAGS = new Set(['article', 'main']);

function isMainRole(el: Element): boolean {
  const role = el.getAttribute('role');
  return (
    role === 'main' ||
    role === 'article' ||
    /\barticleBody\b/.test(el.getAttribute('itemprop') ?? '')
  );
}

/**
 * Subtrees the scan never enters. A `<header>` inside an article holds its headline, lede and
 * byline: it is walked (the lede is body; headline and byline are cut later); a page's own
 * `<header>` is not.
 */
function skipped(el: Element, parent: Frame): boolean {
  if (el.localName === 'header' && parent.inArticle) return isChromeByRole(el);
  return isNeverBody(el);
}
/**
 * A container with both loose inline text and block children becomes one merged block when the
 * loose text is at least this share of the nested text (old pages: "text<br><br>text<p>…");
 * less than that and the loose text is labels or stray links, and the children stand alone.
 */
const MERGE_SHARE = 0.5;
const NEVER_MERGED = new Set(['body', 'html', 'main', 'article']);

function trimmedLength(s: string): number {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return b - a;
}

/** How body-like one block is: positive for prose, negative for menus, labels and link lists. */
export function blockWeight(el: Element, len: number, linkLen: number): number {
  const name = el.localName;
  if (name === 'h1') return 0;
  if (HEADING.test(name)) return -10;
  const plain = len - linkLen;
  // Data-table cells are short by nature; they must not weigh like a menu of labels. (A long
  // cell is a layout table's column of prose and weighs like any block.)
  if ((name === 'td' || name === 'th') && len < 200) return Math.min(0, plain - 2 * linkLen) * 0.25;
  return plain - linkLen - 25;
}

/**
 * Nodes walked between two yields of {@link scan}. Closing a block may read its computed
 * visibility and, when the page states its body, its text: a few dozen of those stay well under
 * a millisecond on a large page.
 */
const NODES_PER_STEP = 32;

/**
 * Scan `doc.body`. A generator so that callers can slice the work: it yields every
 * {@link NODES_PER_STEP} nodes and returns the result.
 */
export function* scan(doc: Document, opts: ScanOptions = {}): Generator<void, ScanResult, void> {
  phase('scan');
  const body = opts.within ?? doc.body;
  const blocks: ScannedBlock[] = [];
  const values = new Map<Element, number>();
  let root: Element | null = null;
  let rootValue = 0;
  let rootRaw = 0;
  let hiddenChars = 0;
  if (!body) return { blocks, root, rootValue, rootRaw, hiddenChars, values };

  const stack: Frame[] = [];
  const open = (el: Element, parent: Frame | null): Frame => {
    const name = el.localName;
    const inline = INLINE_TAGS.has(name);
    let negDepth = parent?.negDepth ?? 0;
    let neg = parent?.neg ?? null;
    const signal = opts.ignoreClasses || STRUCTURAL_KEEP.has(name) ? 0 : classSignal(el);
    if (signal < 0) {
      negDepth++;
      neg = { el, value: 0, up: neg, always: signal === -2 };
    }
    return {
      el,
      child: el.firstChild,
      inline,
      inLink: (parent?.inLink ?? false) || name === 'a',
      inArticle: (parent?.inArticle ?? false) || ARTICLE_TAGS.has(name) || isMainRole(el),
      negDepth,
      neg,
      inlineLen: 0,
      inlineLink: 0,
      nestedLen: 0,
      nestedLink: 0,
      value: 0,
      blockStart: blocks.length,
      looseAt: -1,
      run: 0,
      maxRun: 0,
    };
  };

  stack.push(open(body, null));
  let steps = 0;
  // The first steps are short (1, 2, 4, … nodes): the engine compiles each of the scan's
  // functions on its first call, and those first calls all come with the first few nodes.
  let span = 1;
  let nextYield = 1;
  while (stack.length) {
    if (++steps >= nextYield) {
      yield;
      span = Math.min(NODES_PER_STEP, span * 2);
      nextYield = steps + span;
    }
    const f = stack[stack.length - 1]!;
    const node = f.child;
    if (node) {
      f.child = node.nextSibling;
      if (node.nodeType === 3) {
        const len = trimmedLength((node as Text).data);
        if (len > 0 && f.looseAt < 0) f.looseAt = blocks.length;
        f.inlineLen += len;
        f.run += len;
        if (f.run > f.maxRun) f.maxRun = f.run;
        if (f.inLink) f.inlineLink += len;
      } else if (node.nodeType === 1) {
        if (!skipped(node as Element, f)) stack.push(open(node as Element, f));
        // A skipped box (a figure, an ad) parts the loose text around it too.
        else if (!INLINE_TAGS.has((node as Element).localName)) f.run = 0;
      }
      continue;
    }
    // All children done: close this element.
    stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    close(f, parent);
  }
  return { blocks, root, rootValue, rootRaw, hiddenChars, values };

  function close(f: Frame, parent: Frame | null): void {
    const el = f.el;
    if (f.inline && parent) {
      // Inline elements pass their text up to the paragraph they sit in.
      if (f.looseAt >= 0 && parent.looseAt < 0) parent.looseAt = f.looseAt;
      parent.run += f.inlineLen;
      if (parent.run > parent.maxRun) parent.maxRun = parent.run;
      parent.inlineLen += f.inlineLen;
      parent.inlineLink += f.inlineLink;
      parent.nestedLen += f.nestedLen;
      parent.nestedLink += f.nestedLink;
      parent.value += f.value;
      return;
    }
    let value = f.value;
    const hasNested = blocks.length > f.blockStart;
    const isBlock =
      f.inlineLen > 0 &&
      (!hasNested || (f.inlineLen >= MERGE_SHARE * f.nestedLen && !NEVER_MERGED.has(el.localName)));
    let len = f.nestedLen;
    let link = f.nestedLink;
    if (isBlock && !opts.ignoreVisibility && isHidden(el) && !isCollapsedSection(el)) {
      hiddenChars += len + f.inlineLen;
      blocks.length = f.blockStart;
      value = 0;
      len = 0;
      link = 0;
    } else if (isBlock) {
      // Nested blocks, if any, are absorbed: a block never holds another block.
      blocks.length = f.blockStart;
      len += f.inlineLen;
      link += f.inlineLink;
      const stated = opts.stated ? opts.stated(el) : false;
      let w = blockWeight(el, len, link);
      if (stated && w > 0) w = 2 * w + 50;
      else if (opts.hasStatement && w > 100) w *= 0.5;
      value = w;
      blocks.push({ el, len, linkLen: link, neg: f.neg, stated });
    } else if (f.maxRun >= LOOSE_MIN_CHARS && hasNested) {
      // Loose text beside blocks, too little to merge them: a block of its own, placed where its
      // text began. It adds nothing to the scores, so the article's root is found as before.
      if (!opts.ignoreVisibility && isHidden(el) && !isCollapsedSection(el))
        hiddenChars += f.inlineLen;
      else {
        const at = Math.min(Math.max(f.looseAt, f.blockStart), blocks.length);
        const b: ScannedBlock = {
          el,
          len: f.inlineLen,
          linkLen: f.inlineLink,
          neg: f.neg,
          stated: false,
          loose: true,
        };
        blocks.splice(at, 0, b);
      }
    }
    // Candidates inside class-marked chrome are trusted less, not ruled out: a wrapper may carry
    // a word like "has-sidebar" or "content-behind-paywall".
    const candidate = f.negDepth > 0 ? value * 0.5 : value;
    opts.trace?.set(el, value);
    if (candidate > rootValue) {
      rootValue = candidate;
      rootRaw = value;
      root = el;
    }
    if (f.neg && f.neg.el === el) {
      f.neg.value = value;
      values.set(el, value);
      // Class-marked chrome: its prose does not count for the containers that hold it (comments,
      // teasers); its link lists count against them, but lightly, since the block filter will
      // cut it out of whatever root is chosen.
      value = Math.min(0, value) * 0.25;
    }
    if (parent) {
      // A block-level child ends the parent's run of loose text.
      parent.run = 0;
      parent.value += value;
      parent.nestedLen += len;
      parent.nestedLink += link;
    }
  }
}
