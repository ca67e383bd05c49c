/**
 * Appeals that sit among the body's paragraphs but speak to the reader about the site rather than
 * the story: "To view the full story, please subscribe", "Already a subscriber? Log in",
 * "Subscribe to our newsletter". Sites write them as plain paragraphs, so no class word marks
 * them; their wording does, in the languages we see most.
 */
import {
  anyOf,
  isSiteLine,
  prepareSiteLineSteps,
  shortText,
  warmPatternsSteps,
} from './site-lines';
import { ownText } from './loose';
import type { Steps } from './steps';
import type { ArticleBlock } from './types';
import { phase } from '../perf/marks';

/** Longer than this, a block is prose that may mention subscriptions, not an appeal. */
const MAX_APPEAL_CHARS = 280;

/**
 * A paywall notice: what the reader must do to read on. Each pattern pairs the act (subscribe,
 * log in) with its purpose (the full story, reading on), so an article about subscriptions is
 * not taken for one.
 */
const PAYWALL = [
  /\b(subscribe|subscription|sign in|log ?in|register)\b.{0,80}\b(full (story|article)|to (continue|keep) reading|to read (on|more|the rest)|immediate access to)/i,
  /\bto (view|read|access|unlock) (the|this) (full|whole|entire|rest of the) (story|article)\b/i,
  /\b(already|existing) (a )?(subscriber|member)\b/i,
  /\b(bereits|schon) (abonnent|abonniert|registriert)|\bich bin abonnent\b/i,
  /\b(exklusiv|nur) für (abonnenten|abonnentinnen|registrierte)/i,
  /\b(déjà abonnée?|réservée? aux abonnés)/i,
  /\b(ya (eres|soy) suscriptor|exclusivo para suscriptores)/i,
];

/** A newsletter or edition sign-up line: the act and the thing offered, close together. */
const SIGN_UP = [
  /\b(subscribe|sign up|signup)\b.{0,40}\b(newsletter|e-?edition|our edition|mailing list)\b/i,
  /\bnewsletter\b.{0,30}\b(abonnieren|abonniere|bestellen|anmelden)\b/i,
  /\b(abonnieren|abonniere|abonnierst|anmelden)\b.{0,30}\bnewsletter/i,
  /\b(abonnez-vous|inscrivez-vous)\b.{0,30}\bnewsletter/i,
  /\b(suscríbete|suscribete|regístrate)\b.{0,30}\b(newsletter|boletín)/i,
];

/** Built on first use, inside a slice (see site-lines.ts). */
let paywallAny: RegExp | undefined;
let appealAny: RegExp | undefined;

/** Is this short block an appeal to subscribe, sign up or log in? */
export function isAppeal(text: string): boolean {
  const t = shortText(text, MAX_APPEAL_CHARS);
  return t.length > 0 && (appealAny ??= anyOf([...PAYWALL, ...SIGN_UP])).test(t);
}

/** Is this block a paywall notice (the story stops here)? */
function isPaywallNotice(text: string): boolean {
  const t = shortText(text, MAX_APPEAL_CHARS);
  return t.length > 0 && (paywallAny ??= anyOf(PAYWALL)).test(t);
}

/** Compile the two combined patterns before a block needs them, one step each (site-lines.ts). */
function prepareAppealSteps(): Steps<void> {
  return warmPatternsSteps([
    (paywallAny ??= anyOf(PAYWALL)),
    (appealAny ??= anyOf([...PAYWALL, ...SIGN_UP])),
  ]);
}

/**
 * A paywall notice ends the story when there is a story before it (at least this many
 * characters) and what follows it is not much longer than that: a notice above a long body is a
 * banner, not the end.
 */
const MIN_STORY_CHARS = 300;
const MAX_TAIL_RATIO = 1.5;

/**
 * Blocks tested between two yields of {@link dropAppealsSteps}, each against three combined
 * patterns. With 64 blocks and one pass per pattern, a CPU profile of a page of many short blocks
 * (Readability's aclu page, whose slices reached 53 and 79 ms) showed these tests as the biggest
 * part of the longest run.
 */
const BLOCKS_PER_STEP = 16;

/**
 * Drop appeals and the site's own lines (site-lines.ts) from the body. A paywall notice after the story also takes the blocks after it
 * (the offer's details: prices, "When you join…", "Join now to get:"), since the story stops
 * where the notice starts. In resumable steps: on a page of 20,000 paragraphs, testing every
 * block at once took 100 ms (Chromium 156).
 */
export function* dropAppealsSteps(blocks: ArticleBlock[]): Steps<ArticleBlock[]> {
  phase('appeals');
  yield* prepareAppealSteps();
  yield* prepareSiteLineSteps();
  const texts: string[] = [];
  let total = 0;
  for (const b of blocks) {
    const t = ownText(b).trim();
    texts.push(t);
    total += t.length;
    if (texts.length % (BLOCKS_PER_STEP * 8) === 0) yield;
  }
  let tail = blocks.length;
  let before = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (i % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const after = total - before;
    if (
      before >= MIN_STORY_CHARS &&
      after <= MAX_TAIL_RATIO * before &&
      isPaywallNotice(texts[i]!)
    ) {
      tail = i;
      break;
    }
    before += texts[i]!.length;
  }
  const out: ArticleBlock[] = [];
  for (let i = 0; i < tail; i++) {
    if (i % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    if (!isAppeal(texts[i]!) && !isSiteLine(texts[i]!)) out.push(blocks[i]!);
  }
  return out.length === blocks.length ? blocks : out;
}
