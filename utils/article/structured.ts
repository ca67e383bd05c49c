/**
 * Structured data a page states about itself: schema.org JSON-LD and microdata. When a page says
 * where its article body is (or what its text is), that beats any guess from layout.
 */
import { drain, type Steps } from './steps';
import { phase } from '../perf/marks';

/** What JSON-LD says about the page's article, when it says anything. */
export interface LdArticle {
  articleBody?: string;
  headline?: string;
  datePublished?: string;
  inLanguage?: string;
  url?: string;
}

const ARTICLE_TYPE = /Article|BlogPosting|NewsArticle|Report|Posting|WebPage|Recipe|HowTo/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object' && typeof v['@value'] === 'string') return v['@value'];
  return undefined;
}

function typesOf(node: { [k: string]: Json }): string {
  const t = node['@type'];
  return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
}

/** Visit every object in a JSON-LD document (top level, arrays, `@graph`, nested values). */
function collect(node: Json, out: Array<{ [k: string]: Json }>, depth = 0): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collect(item, out, depth + 1);
    return;
  }
  out.push(node);
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart']) {
    if (key in node) collect(node[key] ?? null, out, depth + 1);
  }
}

/** The text of a step list: strings, `HowToStep`s and `HowToSection`s of steps, in order. */
function stepsText(v: Json | undefined, out: string[], depth = 0): void {
  if (v === undefined || v === null || depth > 4) return;
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const item of v) stepsText(item, out, depth + 1);
  else if (typeof v === 'object') {
    const own = str(v.text) ?? (v.itemListElement ? undefined : str(v.name));
    if (own) out.push(own);
    stepsText(v.itemListElement, out, depth + 1);
  }
}

/**
 * A recipe or how-to states its body in parts: the description, the ingredients or tools, and
 * the steps. Joined, they say where the body is just as an `articleBody` does.
 */
function howToText(node: { [k: string]: Json }): string | undefined {
  const parts: string[] = [];
  const description = str(node.description);
  if (description) parts.push(description);
  stepsText(node.recipeIngredient ?? node.supply ?? node.tool, parts);
  stepsText(node.recipeInstructions ?? node.step, parts);
  if (parts.length < 2) return undefined;
  return parts.join('\n');
}

/**
 * Read the page's JSON-LD and return the article-like node with the most to say (the longest
 * `articleBody`, else the first one with a headline). Broken JSON blocks are ignored.
 */
export function readJsonLd(doc: Document): LdArticle | null {
  return drain(readJsonLdSteps(doc));
}

/** Objects looked at between two yields of {@link readJsonLdSteps}. */
const NODES_PER_STEP = 64;

/**
 * {@link readJsonLd} as resumable steps: one script element parsed per step (each is capped at
 * 2 MB of text), and the article-like objects looked at a few dozen per step, so a page with
 * many or large JSON-LD blocks never holds the main thread in one go.
 */
export function* readJsonLdSteps(doc: Document): Steps<LdArticle | null> {
  phase('jsonld');
  const nodes: Array<{ [k: string]: Json }> = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    yield;
    const text = script.textContent;
    if (!text || text.length > 2_000_000) continue;
    try {
      collect(JSON.parse(text) as Json, nodes);
    } catch {
      // Pages often ship JSON-LD with trailing commas or raw newlines; skip what does not parse.
    }
  }
  let best: LdArticle | null = null;
  let seen = 0;
  for (const node of nodes) {
    if (++seen % NODES_PER_STEP === 0) yield;
    if (!ARTICLE_TYPE.test(typesOf(node))) continue;
    const found: LdArticle = {
      articleBody: str(node.articleBody) ?? str(node.text) ?? howToText(node),
      headline: str(node.headline) ?? str(node.name),
      datePublished: str(node.datePublished) ?? str(node.dateCreated),
      inLanguage: str(node.inLanguage),
      url: str(node.url),
    };
    const len = found.articleBody?.length ?? 0;
    if (!best || len > (best.articleBody?.length ?? 0)) best = found;
  }
  return best;
}

/** Lower-case, whitespace-collapsed text for containment tests between DOM text and JSON-LD text. */
export function normalizeForMatch(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Does a DOM block's text appear in the stated article body? Tests a probe from the block's start
 * (40 characters is enough to be unique and short enough to survive markup differences).
 */
export function blockInBody(blockText: string, normalizedBody: string): boolean {
  const t = normalizeForMatch(blockText);
  if (t.length < 12) return false;
  const probe = t.length > 40 ? t.slice(0, 40) : t;
  return normalizedBody.includes(probe);
}
