/**
 * The lede (standfirst, deck, intro, "chapô") often sits just above the body's container, between
 * the headline and the first paragraph, inside the story's header: the scan's root holds the
 * paragraphs and leaves it out. It is the story's first sentence for the reader, so it is taken
 * back when the blocks right before the root look like one: prose, link-poor, in the same
 * story container, after the headline, under nothing that marks chrome other than "header".
 */
import { isAppeal } from './appeals';
import type { ScanResult, ScannedBlock } from './scan';
import { negativeTokens } from './signals';
import { isSiteLine } from './site-lines';
import type { Steps } from './steps';
import type { ArticleBlock } from './types';
import { phase } from '../perf/marks';

/** Blocks looked at, walking back from the root. */
const MAX_LOOKBACK = 12;
/** Ledes taken at most (a deck and an intro paragraph). */
const MAX_LEDES = 2;
/** The story container is at most this many levels above the root. */
const MAX_LEVELS_UP = 8;
/** A lede is prose: this many non-space characters at least, fewer with a lede's class name. */
const MIN_CHARS = 80;
const MIN_CHARS_NAMED = 40;
/** Short blocks between the lede and the body (byline, date, credit) are stepped over. */
const MAX_LABEL_CHARS = 80;

/**
 * What may sit between the headline, the lede and the body without ending the search: short
 * labels, captions, link lists ("Read also"), and blocks under chrome words (metadata, sharing).
 */
function steppedOver(b: ScannedBlock, lca: Element): boolean {
  if (b.len <= MAX_LABEL_CHARS || b.linkLen > 0.5 * b.len || isByline(b.el)) return true;
  if (b.el.closest('figure, figcaption') !== null) return true;
  const text = (b.el.textContent ?? '').trim();
  return isSiteLine(text) || isAppeal(text) || underChrome(b, lca);
}

/** Class/id words of a lede. */
const LEDE_NAME =
  /(^|[^a-z])(lead|lede|intro|introduction|standfirst|deck|dek|chapo|chapeau|summary|excerpt|teaser|subtitle|subline|subheadline|sub-headline|description|abstract|vorspann|anriss|entradilla|sumario|bajada|occhiello|catenaccio)([^a-z]|$)/i;

/** Chrome words that do not rule a lede out: a story's header is called "header". */
const HEADER_WORDS = new Set(['header', 'masthead', 'meta']);

const FINAL = /[.!?…:;"»”’)。！？؟]\s*$/u;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The page's own names for the story: its title and social-card title. */
function titlesOf(doc: Document): string[] {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  return [doc.title, og].map(collapse).filter((t) => t.length > 0);
}

/** The headline: an `<h1>`, or a short block whose text is the page's title (or part of it). */
function isHeadline(b: ScannedBlock, titles: string[]): boolean {
  if (b.el.localName === 'h1' || b.el.querySelector('h1') !== null) return true;
  if (b.len < 10 || b.len > 200) return false;
  const text = collapse(b.el.textContent ?? '');
  return titles.some((t) => t.includes(text));
}

/** The lowest element holding both, and how many levels it is above `root`. */
function container(el: Element, root: Element): { lca: Element; up: number } | null {
  let lca: Element | null = root;
  let up = 0;
  while (lca && !lca.contains(el)) {
    lca = lca.parentElement;
    up++;
  }
  if (!lca || lca.localName === 'body' || lca.localName === 'html') return null;
  return { lca, up };
}

/** Does a lede's class name sit on the block or an element between it and the container? */
function named(el: Element, lca: Element): boolean {
  for (let e: Element | null = el; e && e !== lca; e = e.parentElement) {
    const name = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (LEDE_NAME.test(name)) return true;
  }
  return false;
}

/**
 * Is the block under class-marked chrome (other than a header) below the container? Read from
 * the page, not from the scan: the lenient pass scans without class words.
 */
function underChrome(b: ScannedBlock, lca: Element): boolean {
  for (let e: Element | null = b.el; e && e !== lca; e = e.parentElement) {
    if (e.localName === 'header') continue;
    if (negativeTokens(e).some((t) => !HEADER_WORDS.has(t))) return true;
  }
  return false;
}

/** Marks of a byline or dateline: a `<time>`, an author's markup, "By …" at the start. */
const BYLINE_MARKUP = 'time, address, [itemprop~="author"], [rel~="author"], [class*="author" i]';
const BYLINE_START = /^(by|von|par|por|di|door|av|af|przez)\s+\p{Lu}/u;

function isByline(el: Element): boolean {
  if (el.querySelector(BYLINE_MARKUP) !== null) return true;
  const text = (el.textContent ?? '').trim();
  return BYLINE_START.test(text.charAt(0).toLowerCase() + text.slice(1));
}

function isLede(b: ScannedBlock, lca: Element): boolean {
  const el = b.el;
  if (isByline(el)) return false;
  const name = el.localName;
  if (name === 'h1' || name === 'li' || name === 'td' || name === 'th' || name === 'dd')
    return false;
  if (el.closest('figure, figcaption, blockquote, a') !== null) return false;
  if (b.linkLen > 0.25 * b.len) return false;
  const min = named(el, lca) ? MIN_CHARS_NAMED : MIN_CHARS;
  if (b.len < min) return false;
  const text = (el.textContent ?? '').trim();
  if (b.len < 150 && !FINAL.test(text) && !/^h[2-6]$/.test(name)) return false;
  if (isAppeal(text) || isSiteLine(text)) return false;
  return !underChrome(b, lca);
}

/**
 * The lede blocks just before `root`, in document order (none when the blocks there are not
 * ledes). `kept` are the body blocks already selected; a lede never repeats one.
 */
export function* ledeSteps(
  scan: ScanResult,
  root: Element,
  kept: ArticleBlock[],
): Steps<ArticleBlock[]> {
  phase('lede');
  const first = kept[0]?.element;
  if (!first) return [];
  const i = scan.blocks.findIndex((b) => b.el === first);
  yield;
  if (i <= 0) return [];
  const titles = titlesOf(root.ownerDocument);
  const out: ArticleBlock[] = [];
  for (let j = i - 1, seen = 0; j >= 0 && seen < MAX_LOOKBACK; j--, seen++) {
    const b = scan.blocks[j]!;
    // Loose text is never a lede, and was not a block before loose blocks were: looked past.
    if (b.loose) continue;
    // Blocks inside the root before its first body block were cut as chrome: a lede in the
    // story's <header> is one of them.
    if (b.el.contains(root)) continue;
    const box = container(b.el, root);
    if (!box || box.up > MAX_LEVELS_UP) break;
    // A lede sits between the headline and the body: reaching the headline confirms it.
    if (isHeadline(b, titles)) return out.reverse();
    if (isLede(b, box.lca)) {
      // A deck written as a heading is still the story's first claim: asked about like prose.
      if (out.length < MAX_LEDES) out.push({ element: b.el, kind: 'paragraph' });
    } else if (!steppedOver(b, box.lca)) break;
  }
  // No headline above: prose before the body may be anything (a teaser, another story).
  return [];
}
