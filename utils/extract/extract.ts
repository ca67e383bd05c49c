/**
 * extractDocument: the readable text and metadata of a fetched page, without the network and
 * without DOMParser (absent in an MV3 service worker): linkedom builds the tree, Readability picks
 * the article, and a paragraph harvest stands in when Readability finds nothing.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { blocksOf, blocksOfPlainText, normalizeSpace } from './blocks';
import { readMetadata } from './metadata';
import { chooseTitle, stripSiteSuffix } from './title';
import {
  estimateNesting,
  ExtractLimitError,
  MAX_HTML_CHARS,
  MAX_NESTING,
  READABILITY_MAX_NESTING,
} from './limits';
import { precleanHtml } from './preclean';
import type { ExtractedDoc } from './types';

/** Below this many characters Readability's pick is probably a teaser, not the article. */
const MIN_ARTICLE_CHARS = 250;
/** Readability gives up (and we fall back) on documents with more elements than this. */
const MAX_ELEMENTS = 30_000;

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
};

/** The host name as a reader says it: no `www.`. */
export function siteFromUrl(url: string): string {
  return hostOf(url).replace(/^www\d?\./, '');
}

/** Paragraphs anywhere outside page furniture: the fallback when Readability finds nothing. */
function paragraphHarvest(doc: Document): string[] {
  const blocks: string[] = [];
  for (const p of doc.querySelectorAll('p, pre, blockquote, li')) {
    if (p.closest('nav, header, footer, aside, form, [role="navigation"], [hidden]')) continue;
    // Nested matches (a <p> inside a <blockquote>) would repeat text.
    if (p.parentElement?.closest('p, pre, blockquote, li')) continue;
    blocks.push(...blocksOf(p));
  }
  if (blocks.join(' ').length >= 100) return blocks;
  return doc.body ? blocksOf(doc.body) : blocks;
}

function readArticle(doc: Document): string[] | undefined {
  try {
    const article = new Readability<Node>(doc, {
      serializer: (node) => node,
      maxElemsToParse: MAX_ELEMENTS,
    }).parse();
    if (!article?.content) return undefined;
    const blocks = blocksOf(article.content);
    return blocks.join(' ').length >= MIN_ARTICLE_CHARS ? blocks : undefined;
  } catch {
    // Readability throws on oversized documents; the harvest still works.
    return undefined;
  }
}

/** A fresh DOM for `html`; linkedom needs no browser globals, so this runs in a worker. */
function parse(html: string): Document {
  // linkedom builds no usable tree without an <html> element (fragments, empty bodies).
  const source = /<html[\s>]/i.test(html) ? html : `<html>${html}</html>`;
  const doc = parseHTML(source).document as unknown as Document;
  const { documentElement: root, body } = doc;
  // Content of a page without <body> ends up beside an empty body; browsers put it inside.
  for (const child of [...root.childNodes]) {
    if (child !== body && child.nodeName !== 'HEAD') body.appendChild(child);
  }
  return doc;
}

/** Extracts title, site, language, date, icon and text blocks from an HTML page. */
export function extractDocument(rawHtml: string, url: string): ExtractedDoc {
  const html = precleanHtml(
    rawHtml.length > MAX_HTML_CHARS ? rawHtml.slice(0, MAX_HTML_CHARS) : rawHtml,
  );
  const nesting = estimateNesting(html, MAX_NESTING);
  if (nesting > MAX_NESTING)
    throw new ExtractLimitError(`elements nested over ${MAX_NESTING} deep`);
  const doc = parse(html);
  // Everything read from the page as served comes before Readability, which rewrites the tree.
  const meta = readMetadata(doc, url);
  const h1 = normalizeSpace(doc.querySelector('h1')?.textContent ?? '');
  // Parsing again on failure is cheaper than cloning every page in case Readability fails.
  // Readability's cost grows steeply with depth; an untouched tree also needs no second parse.
  const blocks =
    nesting > READABILITY_MAX_NESTING
      ? paragraphHarvest(doc)
      : (readArticle(doc) ?? paragraphHarvest(parse(html)));
  const siteName = meta.siteName ?? siteFromUrl(url);
  const title = chooseTitle({ ...meta.titles, h1: h1 || undefined }, siteName, hostOf(url));
  return {
    url,
    ...(meta.canonicalUrl ? { canonicalUrl: meta.canonicalUrl } : {}),
    title,
    siteName,
    ...(meta.lang ? { lang: meta.lang } : {}),
    ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(meta.faviconUrl ? { faviconUrl: meta.faviconUrl } : {}),
    text: blocks.join('\n\n'),
    blocks,
  };
}

/** Extracts a plain-text document: blocks are its blank-line-separated paragraphs. */
export function extractPlainText(text: string, url: string): ExtractedDoc {
  const blocks = blocksOfPlainText(text);
  const first = blocks[0] ?? '';
  const siteName = siteFromUrl(url);
  return {
    url,
    title:
      first.length > 0 && first.length <= 200
        ? stripSiteSuffix(first, siteName, hostOf(url))
        : siteName,
    siteName,
    text: blocks.join('\n\n'),
    blocks,
  };
}

/** Picks the extractor by MIME type (as guardedFetch reports it). */
export function extractFetched(body: string, url: string, contentType: string): ExtractedDoc {
  return contentType === 'text/plain' ? extractPlainText(body, url) : extractDocument(body, url);
}
