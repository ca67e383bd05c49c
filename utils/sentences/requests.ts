/**
 * Builds what the background needs from the page: the page context (URL, canonical, title,
 * language, date, outbound links) and, per sentence, its links and resolved footnotes.
 */
import { LIMITS, type FootnoteRef, type LinkRef, type PageContext } from '../messaging/types';
import type { BlockSentence } from './block-text';
import { drain } from './scheduler';
import { phase } from '../perf/marks';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const CHROME =
  'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';
const REFERENCE_CONTAINER =
  '[role="doc-endnotes"], [role="doc-bibliography"], [role="doc-footnote"], .references, .footnotes, #references, #footnotes, #sources, .sources';
const REFERENCE_HEADING =
  /^(sources?|references?|notes?|footnotes?|citations?|further reading|bibliography|quellen|einzelnachweise|fuentes|referencias|références|fontes|referências|bronnen|fonti)\b/i;

/** Only http(s) URLs, without the fragment, at most the protocol's URL length. */
export function cleanHref(href: string): string | null {
  let u: URL;
  try {
    u = new URL(href);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  const s = u.href;
  return s.length <= LIMITS.urlChars ? s : null;
}

const siteKey = (u: URL) => `${u.hostname.replace(/^www\./, '')}:${u.port}`;

function linksIn(el: Element, limit: number): LinkRef[] {
  const out: LinkRef[] = [];
  const seen = new Set<string>();
  for (const a of el.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const href = cleanHref(a.href);
    if (!href || seen.has(href)) continue;
    seen.add(href);
    out.push({ href, text: collapse(a.textContent ?? '').slice(0, LIMITS.linkTextChars) });
    if (out.length >= limit) break;
  }
  return out;
}

/** Elements looked at between two yields of the resumable steps below. */
const PER_STEP = 32;

/** Reference lists: marked up as such, or a list right after a "Sources"/"References" heading. */
export function referenceLists(doc: Document): Element[] {
  return drain(referenceListsSteps(doc));
}

/**
 * {@link referenceLists} as resumable steps: a page has thousands of paragraphs, each read for
 * its text, so the walk yields every few dozen.
 */
export function* referenceListsSteps(doc: Document): Generator<void, Element[], void> {
  phase('refs');
  const found = new Set<Element>(doc.querySelectorAll(REFERENCE_CONTAINER));
  let seen = 0;
  for (const h of doc.querySelectorAll('h2, h3, h4, h5, h6, strong, b, p')) {
    if (++seen % PER_STEP === 0) yield;
    const text = collapse(h.textContent ?? '');
    if (text.length > 40 || !REFERENCE_HEADING.test(text)) continue;
    let next = h.nextElementSibling ?? h.parentElement?.nextElementSibling ?? null;
    for (let hops = 0; next && hops < 3; hops++, next = next.nextElementSibling) {
      if (next.matches('ol, ul, dl, div')) {
        found.add(next);
        break;
      }
    }
  }
  return [...found];
}

/** The reference-list entry a footnote marker points to, with its links. */
export function resolveFootnote(
  doc: Document,
  marker: string,
  targetId: string,
): FootnoteRef | null {
  const target = doc.getElementById(targetId);
  if (!target) return null;
  const entry = target.closest('li, dd, p, div[role="doc-footnote"], aside') ?? target;
  return {
    marker: marker.slice(0, 32),
    text: collapse(entry.textContent ?? '').slice(0, LIMITS.footnoteTextChars),
    links: linksIn(entry, LIMITS.linksPerSentence),
  };
}

/** Is `el` inside a reference list (so it is not article text to mark)? */
export function inReferenceList(el: Element, lists: Element[]): boolean {
  return lists.some((l) => l.contains(el));
}

/**
 * The page context. Outbound links are links to other sites in the article and its reference
 * lists, outside page chrome, minus the ones already attached to a sentence: the first
 * LIMITS.pagesPerBatch of them, as the background reads no more (it is sent with every batch).
 */
export function pageContext(
  doc: Document,
  info: PageInfo,
  sentenceHrefs: Set<string>,
): PageContext {
  return drain(pageContextSteps(doc, info, sentenceHrefs));
}

/** What the content script knows of the page's article, for {@link pageContext}. */
export interface PageInfo {
  root: Element;
  lang?: string;
  publishedAt?: string;
  canonicalUrl?: string;
}

/**
 * {@link pageContext} as resumable steps: an article can hold thousands of links (an
 * encyclopedia page), each parsed as a URL, so the walk yields every few dozen.
 */
export function* pageContextSteps(
  doc: Document,
  info: PageInfo,
  sentenceHrefs: Set<string>,
): Generator<void, PageContext, void> {
  phase('pageContext');
  const url = cleanHref(doc.location?.href ?? doc.URL) ?? doc.URL;
  const here = new URL(url);
  const outbound: LinkRef[] = [];
  const seen = new Set(sentenceHrefs);
  const containers = [info.root, ...(yield* referenceListsSteps(doc))];
  let looked = 0;
  for (const c of containers) {
    for (const a of c.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      // The background reads at most this many pages per batch, outbound links last.
      if (outbound.length >= LIMITS.pagesPerBatch) break;
      if (++looked % PER_STEP === 0) yield;
      if (c === info.root && a.closest(CHROME) && info.root.contains(a.closest(CHROME))) continue;
      const href = cleanHref(a.href);
      if (!href || seen.has(href)) continue;
      if (siteKey(new URL(href)) === siteKey(here)) continue;
      seen.add(href);
      outbound.push({ href, text: collapse(a.textContent ?? '').slice(0, LIMITS.linkTextChars) });
    }
  }
  const canonical = info.canonicalUrl
    ? cleanHref(info.canonicalUrl)
    : cleanHref(doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '');
  const lang = (info.lang ?? doc.documentElement.lang ?? '').trim();
  return {
    url,
    ...(canonical ? { canonicalUrl: canonical } : {}),
    title: collapse(doc.title).slice(0, LIMITS.titleChars),
    ...(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? { lang } : {}),
    ...(info.publishedAt ? { publishedAt: info.publishedAt.slice(0, 40) } : {}),
    outboundLinks: outbound,
  };
}

/** The links of a sentence, cleaned and capped. */
export function sentenceLinks(s: BlockSentence): LinkRef[] {
  const out: LinkRef[] = [];
  for (const l of s.links) {
    const href = cleanHref(l.href);
    if (href && !out.some((x) => x.href === href)) out.push({ href, text: l.text });
    if (out.length >= LIMITS.linksPerSentence) break;
  }
  return out;
}
