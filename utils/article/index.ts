/**
 * Finds the article in a live page: its root element, its body blocks in order, and page facts.
 * Structured data first (JSON-LD `articleBody`, `itemprop=articleBody`), then a scored scan of
 * the DOM; visibility comes from the browser. Reads only: the page is never changed.
 */
import { findCanonical, findHeadline, findLang, findPublishedAt } from './metadata';
import { ledeSteps } from './lede';
import { scan, type ScanOptions, type ScanResult } from './scan';
import { selectBlocksSteps, type Selection } from './select';
import { drain, type Steps } from './steps';
import { blockInBody, normalizeForMatch, readJsonLdSteps, type LdArticle } from './structured';
import type { Article, ArticleBlock } from './types';
import { phase } from '../perf/marks';

export type { Article, ArticleBlock } from './types';
export { isSkippedInline } from './inline';

/** Below this much body text (non-space characters) a page is not taken for an article. */
const MIN_ARTICLE_CHARS = 140;
/** When class words leave less than this, a second pass without them is tried. */
const RETRY_BELOW_CHARS = 500;

/** Decide which blocks the page itself states are the article body. */
function statedMatcher(
  doc: Document,
  ld: LdArticle | null,
): { stated?: ScanOptions['stated']; hasStatement: boolean } {
  const body =
    ld?.articleBody && ld.articleBody.length > 200 ? normalizeForMatch(ld.articleBody) : '';
  const hasItemprop = doc.querySelector('[itemprop~="articleBody"]') !== null;
  if (!body && !hasItemprop) return { hasStatement: false };
  return {
    hasStatement: true,
    stated: (el) =>
      (hasItemprop && el.closest('[itemprop~="articleBody"]') !== null) ||
      (body !== '' && blockInBody(el.textContent ?? '', body)),
  };
}

/** Below this much stated text, structured data is not trusted to place the article. */
const MIN_STATED_CHARS = 200;

/** Blocks looked at between two yields when placing the stated body. */
const BLOCKS_PER_STEP = 64;

/**
 * The lowest element holding every block the page states is its body, or null when the
 * statement is too thin or its blocks are scattered over the whole page (a teaser elsewhere
 * that repeats the lede).
 */
function* statedRoot(result: ScanResult): Steps<Element | null> {
  phase('stated');
  let lca: Element | null = null;
  let chars = 0;
  let count = 0;
  let seen = 0;
  for (const b of result.blocks) {
    if (++seen % BLOCKS_PER_STEP === 0) yield;
    if (!b.stated) continue;
    chars += b.len;
    count++;
    if (!lca) lca = b.el;
    while (lca && !lca.contains(b.el)) lca = lca.parentElement;
  }
  // One stated block says where the text starts, not where the article is (a truncated statement).
  if (!lca || chars < MIN_STATED_CHARS || count < 2) return null;
  const name = lca.localName;
  return name === 'body' || name === 'html' ? null : lca;
}

function* pick(result: ScanResult): Steps<Selection & { root: Element | null }> {
  const root = (yield* statedRoot(result)) ?? result.root;
  if (!root) return { root: null, blocks: [], chars: 0 };
  yield;
  const selection = yield* selectBlocksSteps(result, root);
  const ledes = yield* ledeSteps(result, root, selection.blocks);
  if (ledes.length === 0) return { root, ...selection };
  return { root, blocks: [...ledes, ...selection.blocks], chars: selection.chars };
}

/**
 * The work of `findArticle` as a generator that yields every hundred-odd elements, so callers can
 * spread it over several tasks (see `findArticleChunked`, or `runInSlices` in utils/sentences).
 */
export function* findArticleSteps(doc: Document): Steps<Article | null> {
  // Read once: the stated body places the article, the headline and dates name it.
  const ld = yield* readJsonLdSteps(doc);
  yield;
  phase('statement');
  const statement = statedMatcher(doc, ld);
  yield;
  const first = yield* scan(doc, statement);
  let best = yield* pick(first);
  if (best.chars < RETRY_BELOW_CHARS && first.hiddenChars > best.chars) {
    // Some pages keep their body hidden until a script reveals it (anti-flicker snippets, apps
    // that failed to start): the hidden text is still the article.
    const unhidden = yield* pick(yield* scan(doc, { ...statement, ignoreVisibility: true }));
    if (unhidden.chars >= 2 * best.chars) best = unhidden;
  }
  if (best.chars < RETRY_BELOW_CHARS) {
    // Class words can be wrong (a page-wide "has-sidebar"); without them, does more body appear?
    const lenient = yield* pick(yield* scan(doc, { ...statement, ignoreClasses: true }));
    if (lenient.chars >= 2 * best.chars && lenient.chars >= MIN_ARTICLE_CHARS) best = lenient;
  }
  const root = best.root;
  if (!root || best.chars < MIN_ARTICLE_CHARS || best.blocks.length === 0) return null;
  yield;
  phase('metadata');
  const article: Article = {
    root,
    headline: findHeadline(doc, root, ld),
    blocks: best.blocks,
  };
  const lang = findLang(doc, root, ld);
  if (lang) article.lang = lang;
  const publishedAt = findPublishedAt(doc, root, ld);
  if (publishedAt) article.publishedAt = publishedAt;
  const canonicalUrl = findCanonical(doc);
  if (canonicalUrl) article.canonicalUrl = canonicalUrl;
  return article;
}

/**
 * The body blocks in `added` (subtrees the page added after the article was found, none inside
 * another), judged as the finder judges blocks under `root`, in the order given. Scans only those
 * subtrees, as resumable steps: a page that keeps growing is never scanned whole again.
 */
export function* findAddedBlocksSteps(
  added: Element[],
  root: Element,
): Generator<void, ArticleBlock[], void> {
  const merged: ScanResult = {
    blocks: [],
    root: null,
    rootValue: 0,
    rootRaw: 0,
    hiddenChars: 0,
    values: new Map(),
  };
  for (const el of added) {
    const part = yield* scan(root.ownerDocument, { within: el });
    for (const b of part.blocks) merged.blocks.push(b);
    for (const [k, v] of part.values) merged.values.set(k, v);
    merged.rootRaw = Math.max(merged.rootRaw, part.rootRaw);
  }
  return (yield* selectBlocksSteps(merged, root)).blocks;
}

/** Find the article in `doc`; null when the page is not an article. Pure DOM reads, no mutations. */
export function findArticle(doc: Document): Article | null {
  return drain(findArticleSteps(doc));
}

/**
 * `findArticle` in slices of at most about `budgetMs` of main-thread time, awaiting `yieldFn`
 * between slices (e.g. a `requestIdleCallback` or `setTimeout(0)` promise).
 */
export async function findArticleChunked(
  doc: Document,
  yieldFn: () => Promise<void>,
  budgetMs = 8,
): Promise<Article | null> {
  const steps = findArticleSteps(doc);
  let start = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - start >= budgetMs) {
      await yieldFn();
      start = performance.now();
    }
  }
}
