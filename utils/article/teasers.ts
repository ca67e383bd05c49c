/**
 * Teaser cards inside the body: a heading that is wholly a link to another page, with a line or
 * two of blurb under it ("Coronavirus-Update: the podcast — Every weekday our virologist…").
 * A reader takes such a card for a pointer to another article, not for part of this one. When
 * such cards make up much of the body, though, they are the content (a list of picks, an index
 * page), and they stay, unless they run on below the end of a real story (a "more stories"
 * stream appended to the article).
 */
import type { ScannedBlock } from './scan';
import { drain, type Steps } from './steps';
import { phase } from '../perf/marks';

const HEADING = /^h[2-6]$/;

/** A card is a heading with a short blurb: its whole text stays under this many characters. */
const MAX_CARD_CHARS = 600;

/** Cards holding more than this share of the body's text are the body itself... */
const MAX_CARDS_SHARE = 0.3;

/**
 * ...unless they run on after the story ends: at least this many linked headings, with no paragraph of
 * prose after the first of them, below a story of at least {@link MIN_STORY_CHARS} outside the
 * cards. An index page (a short intro, then the picks) has no such story above its cards.
 */
const MIN_TRAILING_CARDS = 3;
const MIN_STORY_CHARS = 500;
/** A block this long between cards is prose of the story, and ends a trailing run. */
const PROSE_CHARS = 100;

/**
 * Does the link lead to another page (not a jump within this one, not a script)? A live blog's
 * entry headings link to their own entry on this page: those are not teasers.
 */
function leadsElsewhere(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  if (href === '' || href.startsWith('#') || /^javascript:/i.test(href)) return false;
  const here = a.ownerDocument.location;
  if (!here) return true;
  try {
    const to = new URL(href, a.ownerDocument.baseURI);
    return to.origin !== here.origin || to.pathname !== here.pathname || to.search !== here.search;
  } catch {
    return false;
  }
}

/**
 * Text a linked heading may carry outside its link: a kicker before the title ("Editorial",
 * "Opinion", "Live"), as news teasers put it.
 */
const KICKER_CHARS = 24;

/** A heading whose text is all inside one link to another page, but for a short kicker. */
function isLinkedHeading(b: ScannedBlock): boolean {
  if (!HEADING.test(b.el.localName) || b.len === 0) return false;
  if (b.linkLen < 0.9 * b.len && (b.len - b.linkLen > KICKER_CHARS || b.linkLen < b.len / 2)) {
    return false;
  }
  const a = b.el.querySelector('a[href]') ?? b.el.closest('a[href]');
  return a !== null && leadsElsewhere(a);
}

/** Non-space characters of an element's text, remembered: many headings climb the same parents. */
function textLength(el: Element, known: Map<Element, number>): number {
  let n = known.get(el);
  if (n === undefined) {
    n = (el.textContent ?? '').replace(/\s+/g, '').length;
    known.set(el, n);
  }
  return n;
}

/** Blocks looked at between two yields of {@link teaserCardsSteps}. */
const BLOCKS_PER_STEP = 32;

/**
 * The teaser cards inside `root`: for each linked heading, the largest element around it that
 * stays short and below the root. Empty when the cards would hold too much of the body.
 */
export function teaserCards(blocks: ScannedBlock[], root: Element): Element[] {
  return drain(teaserCardsSteps(blocks, root));
}

/** A card found around a linked heading. */
interface Card {
  el: Element;
  /** The position of its first heading among the body's blocks. */
  at: number;
  /** How many linked headings it holds (a short stream can be one card). */
  heads: number;
}

/** {@link teaserCards} as resumable steps, yielding every few dozen blocks. */
export function* teaserCardsSteps(blocks: ScannedBlock[], root: Element): Steps<Element[]> {
  phase('teasers');
  const cards: Card[] = [];
  const inCard = (el: Element) => cards.find((c) => c.el.contains(el));
  const known = new Map<Element, number>();
  const body: ScannedBlock[] = [];
  let bodyChars = 0;
  let seen = 0;
  for (const b of blocks) {
    if (++seen % BLOCKS_PER_STEP === 0) yield;
    if (b.el !== root && !root.contains(b.el)) continue;
    body.push(b);
    bodyChars += b.len;
    if (!isLinkedHeading(b)) continue;
    const around = inCard(b.el);
    if (around) {
      around.heads++;
      continue;
    }
    let card: Element | null = null;
    for (let e = b.el.parentElement; e && e !== root; e = e.parentElement) {
      if (textLength(e, known) > MAX_CARD_CHARS) break;
      card = e;
    }
    if (card) cards.push({ el: card, at: body.length - 1, heads: 1 });
  }
  if (cards.length === 0) return [];
  let cardChars = 0;
  // Where the story's prose ends: its last long block outside every card.
  let lastProse = -1;
  let outside = 0;
  /** The text outside the cards up to the story's end. */
  let story = 0;
  for (let i = 0; i < body.length; i++) {
    if (++seen % BLOCKS_PER_STEP === 0) yield;
    const b = body[i]!;
    if (inCard(b.el)) {
      cardChars += b.len;
      continue;
    }
    outside += b.len;
    if (b.len >= PROSE_CHARS) {
      lastProse = i;
      story = outside;
    }
  }
  if (cardChars <= MAX_CARDS_SHARE * bodyChars) return cards.map((c) => c.el);
  // Too much to be asides: only a run of cards after the story's end goes.
  const run = cards.filter((c) => c.at > lastProse);
  const teasers = run.reduce((n, c) => n + c.heads, 0);
  return teasers >= MIN_TRAILING_CARDS && story >= MIN_STORY_CHARS ? run.map((c) => c.el) : [];
}
