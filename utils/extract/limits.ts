/**
 * Bounds on the work one source page may cost, whoever supplies the HTML: a page is cut to the
 * size the network door lets through, and a page nested deeper than any real one is refused
 * before it is parsed. Measured (Node, a shared and loaded machine): linkedom parses 10,000 nested
 * `<div>`s in about 0.2 s but 100,000 in 28 s, and Readability spends 2 s on a one-paragraph page
 * 150 levels deep, 13 s at 500 and 44 s at 1,000. Real pages are shallow: over the 742 pages of
 * /work/shared/corpora (trafilatura-eval-dev, readability-test-pages) this estimate had a median
 * of 12, a 99th percentile of 31 and a maximum of 87.
 */

/** The network door's default body cap, in characters: longer HTML is cut, not refused. */
export const MAX_HTML_CHARS = 2_000_000;
/** Deeper than this (estimated before parsing), the page is refused. */
export const MAX_NESTING = 1_500;
/** Deeper than this, Readability is skipped and the paragraph harvest reads the page. */
export const READABILITY_MAX_NESTING = 120;

/** A page extraction refuses to read because of its shape. */
export class ExtractLimitError extends Error {
  override readonly name = 'ExtractLimitError';
}

/**
 * Elements a parser closes by themselves (void elements) or when a sibling opens (`<p>`, `<li>`,
 * table parts…): pages routinely leave them unclosed, so counting them would see depth that the
 * parsed tree does not have.
 */
const UNCOUNTED = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr p li dt dd option ' +
    'optgroup tr td th thead tbody tfoot colgroup caption rb rt rp rtc html head body'
  ).split(' '),
);

/**
 * The deepest element nesting in `html` as its tags say, in one linear pass (no search for the
 * closing `>`, which a hostile page may leave out). Stops counting once past `limit`.
 */
export function estimateNesting(html: string, limit = Infinity): number {
  const tag = /<(\/?)([a-zA-Z][\w:-]*)/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (UNCOUNTED.has(m[2]!.toLowerCase())) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) > limit) return max;
  }
  return max;
}
