/**
 * Teaser cards inside the body: a heading that is wholly a link to another page, with a line or
 * two of blurb under it ("Coronavirus-Update: the podcast — Every weekday our virologist…").
 * A reader takes such a card for a pointer to another article, not for part of this one. When
 * such cards make up much of the body, though, they are the content (a list of picks, an index
 * page), and they stay.
 */
import type { ScannedBlock } from './scan';
import { drain, type Steps } from './steps';

const HEADING = /^h[2-6]$/;

/** A card is a heading with a short blurb: its whole text stays under this many characters. */
const MAX_CARD_CHARS = 600;

/** Cards holding more than this share of the body's text are the body itself. */
const MAX_CARDS_SHARE = 0.3;

/** Does the link lead to another page (not a jump within this one, not a script)? */
function leadsElsewhere(a: Element): boolean {
  const href = (a.getAttribute('href') ?? '').trim();
  return href !== '' && !href.startsWith('#') && !/^javascript:/i.test(href);
}

/** A heading whose text is all inside one link to another page. */
function isLinkedHeading(b: ScannedBlock): boolean {
  if (!HEADING.test(b.el.localName) || b.len === 0 || b.linkLen < 0.9 * b.len) return false;
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

/** {@link teaserCards} as resumable steps, yielding every few dozen blocks. */
export function* teaserCardsSteps(blocks: ScannedBlock[], root: Element): Steps<Element[]> {
  const cards: Element[] = [];
  const known = new Map<Element, number>();
  let bodyChars = 0;
  let seen = 0;
  for (const b of blocks) {
    if (++seen % BLOCKS_PER_STEP === 0) yield;
    if (b.el !== root && !root.contains(b.el)) continue;
    bodyChars += b.len;
    if (!isLinkedHeading(b) || cards.some((c) => c.contains(b.el))) continue;
    let card: Element | null = null;
    for (let e = b.el.parentElement; e && e !== root; e = e.parentElement) {
      if (textLength(e, known) > MAX_CARD_CHARS) break;
      card = e;
    }
    if (card) cards.push(card);
  }
  if (cards.length === 0) return cards;
  let cardChars = 0;
  for (const b of blocks) {
    if (++seen % BLOCKS_PER_STEP === 0) yield;
    if (cards.some((c) => c.contains(b.el))) cardChars += b.len;
  }
  return cardChars <= MAX_CARDS_SHARE * bodyChars ? cards : [];
}
