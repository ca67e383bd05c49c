/**
 * Page-level facts about the article: headline, language, publication date, canonical URL.
 * Stated metadata comes first (JSON-LD, Open Graph, `<link rel=canonical>`), the DOM second.
 */
import type { LdArticle } from './structured';
import { isHidden } from './visibility';

function meta(doc: Document, selector: string): string | undefined {
  const v = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return v || undefined;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The headline: the visible `<h1>` inside the root, else the last visible `<h1>` before it, else
 * stated titles. An `<h1>` far from the article is usually the site's logo.
 */
export function findHeadline(doc: Document, root: Element, ld: LdArticle | null): string {
  let before: Element | null = null;
  for (const h of doc.querySelectorAll('h1')) {
    const text = collapse(h.textContent ?? '');
    if (!text || isHidden(h)) continue;
    if (root.contains(h)) return text;
    if (root.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_PRECEDING) before = h;
  }
  if (before) return collapse(before.textContent ?? '');
  const stated = ld?.headline ?? meta(doc, 'meta[property="og:title"]');
  return collapse(stated ?? doc.title ?? '');
}

/** A date string as ISO 8601, or undefined when it does not parse. */
function iso(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The publication date: JSON-LD, then meta tags, then a `<time datetime>` near the article. */
export function findPublishedAt(
  doc: Document,
  root: Element,
  ld: LdArticle | null,
): string | undefined {
  return (
    iso(ld?.datePublished) ??
    iso(meta(doc, 'meta[property="article:published_time"]')) ??
    iso(meta(doc, 'meta[itemprop="datePublished"]')) ??
    iso(meta(doc, 'meta[name="date"]')) ??
    iso(doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime')) ??
    iso((root.parentElement ?? root).querySelector('time[datetime]')?.getAttribute('datetime'))
  );
}

/** The language of the article: the nearest `lang` attribute, then stated language. */
export function findLang(doc: Document, root: Element, ld: LdArticle | null): string | undefined {
  const own = root.closest('[lang]')?.getAttribute('lang')?.trim();
  return own || ld?.inLanguage || meta(doc, 'meta[http-equiv="content-language" i]') || undefined;
}

/** The canonical URL, absolute, when the page states one. */
export function findCanonical(doc: Document): string | undefined {
  const raw =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta(doc, 'meta[property="og:url"]');
  if (!raw) return undefined;
  try {
    return new URL(raw, doc.baseURI).href;
  } catch {
    return undefined;
  }
}
