// Support levels shown to the reader, from the calibrated score and how much of the sentence the
// quote covers. Thresholds were read off the WiCE dev split (see eval/match.ts --levels).

import { FEATURE_NAMES } from './features';

/** Score under which a source is not shown at all. */
export const SHOW_THRESHOLD = 0.1;
/** Score from which a quote is said to support the sentence (with enough coverage). */
export const SUPPORTS_THRESHOLD = 0.5;
/** Share of the sentence's weighted terms a quote must cover to "support" it. */
export const SUPPORTS_MIN_COVERAGE = 0.6;
/** Score from which a quote partly backs the sentence. */
export const PARTLY_THRESHOLD = 0.25;

/**
 * A source the sentence does not cite (an outbound link elsewhere in the article, a search
 * result) has no link vouching for it, so the calibrated score — learned on pages the claim
 * cites — overstates it. Such a match must clear a higher score and cover more of the sentence
 * to be shown as more than "related".
 */
export const CONTENT_ONLY_THRESHOLD = 0.5;
/** Share of the sentence's weighted terms a content-only quote must cover. */
export const CONTENT_ONLY_MIN_COVERAGE = 0.35;

const COV_WIN = FEATURE_NAMES.indexOf('covWin');
const NUM_CONFLICT = FEATURE_NAMES.indexOf('numConflict');
const NUM_MATCH = FEATURE_NAMES.indexOf('numMatch');

/** Support level of a quote with calibrated `score` and features `f`. */
export function levelFor(
  score: number,
  f: ArrayLike<number>,
): 'supports' | 'partly' | 'related' | 'numbers-differ' {
  // A passage about the same thing with another figure is worth flagging, not endorsing.
  if (score >= SHOW_THRESHOLD && f[NUM_CONFLICT]! > 0 && f[NUM_MATCH]! < 1) return 'numbers-differ';
  if (score >= SUPPORTS_THRESHOLD && f[COV_WIN]! >= SUPPORTS_MIN_COVERAGE) return 'supports';
  if (score >= PARTLY_THRESHOLD) return 'partly';
  return 'related';
}

/** Level of a quote from a source matched by content alone (not cited at the sentence). */
export function contentOnlyLevel(r: {
  level: 'supports' | 'partly' | 'related' | 'numbers-differ';
  score: number;
  coverage: number;
}): 'supports' | 'partly' | 'related' | 'numbers-differ' {
  if (r.level === 'related') return 'related';
  if (r.score < CONTENT_ONLY_THRESHOLD || r.coverage < CONTENT_ONLY_MIN_COVERAGE) return 'related';
  return r.level;
}
