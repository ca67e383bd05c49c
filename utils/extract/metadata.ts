/**
 * Reads a page's own statements about itself: title, publication, language, date, icon and
 * canonical URL, from JSON-LD, OpenGraph and article meta tags, `<time>`, `<title>` and `<link>`.
 * Runs before Readability, which rewrites the document.
 */
import { normalizeSpace } from './blocks';
import type { TitleCandidates } from './title';

export interface PageMetadata {
  titles: TitleCandidates;
  siteName?: string;
  lang?: string;
  publishedAt?: string;
  faviconUrl?: string;
  canonicalUrl?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ARTICLE_TYPES =
  /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|ScholarlyArticle|TechArticle|Report|WebPage|Blog|SocialMediaPosting)$/;

/** Every object in the page's JSON-LD, flattened through arrays and `@graph`. */
function jsonLdObjects(doc: Document): Array<Record<string, Json>> {
  const found: Array<Record<string, Json>> = [];
  const visit = (value: Json, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    found.push(value);
    if (value['@graph']) visit(value['@graph'], depth + 1);
  };
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    // Some pages wrap the JSON in CDATA or comment markers for old XHTML parsers.
    const text = (script.textContent ?? '')
      .trim()
      .replace(/^(?:\/\/\s*)?(?:<!\[CDATA\[|<!--)/, '')
      .replace(/(?:\/\/\s*)?(?:\]\]>|-->)$/, '');
    try {
      visit(JSON.parse(text) as Json, 0);
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }
  return found;
}

function typesOf(obj: Record<string, Json>): string[] {
  const t = obj['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return normalizeSpace(value) || undefined;
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') return str(value['name'] ?? value['@value']);
  return undefined;
}

/** The article object of the JSON-LD, preferring news types over plain web pages. */
function articleLd(doc: Document): Record<string, Json> | undefined {
  const candidates = jsonLdObjects(doc).filter((o) =>
    typesOf(o).some((t) => ARTICLE_TYPES.test(t)),
  );
  return candidates.find((o) => typesOf(o).some((t) => /Article|Posting/.test(t))) ?? candidates[0];
}

/** `<meta>` contents by lower-cased `property` and `name`, first one winning, read in one pass. */
type MetaTable = Map<string, string>;

function metaTable(doc: Document): MetaTable {
  const table: MetaTable = new Map();
  // One walk: linkedom's selector queries each walk the whole tree.
  for (const el of doc.getElementsByTagName('meta')) {
    const content = normalizeSpace(el.getAttribute('content') ?? '');
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !table.has(key)) table.set(key, content);
    }
  }
  return table;
}

function meta(table: MetaTable, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = table.get(key.toLowerCase());
    if (value) return value;
  }
  return undefined;
}

/** An ISO 8601 timestamp for a date string, or undefined when it is not a plausible date. */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // Compact forms such as 20240131 or 20240131T120000Z that Date.parse does not read.
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?Z?$/.exec(trimmed);
  const text = compact
    ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4] ?? '00'}:${compact[5] ?? '00'}:${compact[6] ?? '00'}Z`
    : trimmed;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= new Date().getUTCFullYear() + 1
    ? new Date(ms).toISOString()
    : undefined;
}

function publishedAt(
  doc: Document,
  table: MetaTable,
  ld: Record<string, Json> | undefined,
): string | undefined {
  // Thunks, so the tree walks behind the later sources run only when the earlier ones fail.
  const candidates: Array<() => string | undefined> = [
    () => str(ld?.['datePublished']),
    () =>
      meta(
        table,
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'publish-date',
        'date',
        'dc.date',
        'dc.date.issued',
        'dcterms.created',
        'dcterms.date',
        'sailthru.date',
        'parsely-pub-date',
      ),
    () => {
      const times = [...doc.getElementsByTagName('time')].filter((t) => t.hasAttribute('datetime'));
      const marked = times.find(
        (t) => t.getAttribute('itemprop') === 'datePublished' || t.hasAttribute('pubdate'),
      );
      return (marked ?? times[0])?.getAttribute('datetime') ?? undefined;
    },
    () => str(ld?.['dateCreated']),
  ];
  for (const candidate of candidates) {
    const iso = toIsoDate(candidate());
    if (iso) return iso;
  }
  return undefined;
}

function lang(
  doc: Document,
  table: MetaTable,
  ld: Record<string, Json> | undefined,
): string | undefined {
  const raw =
    doc.documentElement?.getAttribute('lang')?.trim() ||
    str(ld?.['inLanguage']) ||
    meta(table, 'og:locale', 'content-language', 'language');
  const tag = raw?.trim().replace(/_/g, '-');
  return tag && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : undefined;
}

function httpUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Prefers a small raster or SVG `rel=icon` over apple-touch-icons; falls back to /favicon.ico. */
function favicon(links: Element[], base: string): string | undefined {
  let best: { href: string; rank: number } | undefined;
  for (const link of links) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('icon') && !rel.includes('apple-touch-icon')) continue;
    const href = httpUrl(link.getAttribute('href'), base);
    if (!href) continue;
    const size = Number(/(\d+)x\d+/.exec(link.getAttribute('sizes') ?? '')?.[1] ?? 32);
    // Lower is better: real icons first, sizes nearest 32 px.
    const rank = (rel.includes('icon') ? 0 : 1000) + Math.abs(size - 32);
    if (!best || rank < best.rank) best = { href, rank };
  }
  return best?.href ?? httpUrl('/favicon.ico', base);
}

/** The document's base URL: `<base href>` when it is http(s), else the page URL. */
function baseUrl(doc: Document, url: string): string {
  return httpUrl(doc.getElementsByTagName('base')[0]?.getAttribute('href'), url) ?? url;
}

/** All metadata the page states about itself. */
export function readMetadata(doc: Document, url: string): PageMetadata {
  const ld = articleLd(doc);
  const table = metaTable(doc);
  const links = [...doc.getElementsByTagName('link')];
  const base = baseUrl(doc, url);
  const publisher = ld?.['publisher'];
  return {
    titles: {
      headline: str(ld?.['headline']),
      name: str(ld?.['name']),
      og: meta(table, 'og:title', 'twitter:title'),
      document:
        normalizeSpace(doc.getElementsByTagName('title')[0]?.textContent ?? '') || undefined,
    },
    siteName: str(publisher) ?? meta(table, 'og:site_name', 'application-name', 'publisher'),
    lang: lang(doc, table, ld),
    publishedAt: publishedAt(doc, table, ld),
    faviconUrl: favicon(links, base),
    canonicalUrl: httpUrl(
      links
        .find((l) => l.getAttribute('rel')?.toLowerCase().split(/\s+/).includes('canonical'))
        ?.getAttribute('href'),
      base,
    ),
  };
}
