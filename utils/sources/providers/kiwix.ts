/**
 * Kiwix (`kiwix-serve`) full-text search in one book, answered as OpenSearch RSS. Parsed with
 * linkedom, because the MV3 service worker has no DOMParser.
 */
import { DOMParser } from 'linkedom';
import { ProviderError } from './errors';
import { providerRequest } from './http';
import { baseUrl, compact, httpUrl, plainText } from './parse';
import { buildQuery } from './query';
import type { Provider, ProviderCandidate, ProviderQuery } from './types';

/** Words Xapian's query parser reads as operators when written in capitals. */
const XAPIAN_OPERATORS = new Set(['AND', 'OR', 'NOT', 'XOR', 'NEAR', 'ADJ']);

/**
 * The search pattern for kiwix-serve. Its full-text search requires every word of a pattern
 * (checked on kiwix-tools 3.3.0: one word absent from an article drops it), so a plain keyword
 * string of eight words rarely finds anything in a real encyclopedia. The names are required
 * (they are what the sentence is about); dates and key words are alternatives, which rank the
 * articles that have more of them first.
 */
export function kiwixPattern(q: ProviderQuery): string {
  const words = (s: string) => s.split(/\s+/).filter((w) => w && !XAPIAN_OPERATORS.has(w));
  const required = q.entities.flatMap(words);
  const seen = new Set(required.map((w) => w.toLowerCase()));
  const optional = [...q.dates, ...q.terms].flatMap(words).filter((w) => {
    const k = w.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const any = optional.length > 1 ? `(${optional.join(' OR ')})` : (optional[0] ?? '');
  return [...required, any].filter(Boolean).join(' ');
}

/** The items of an OpenSearch RSS answer; throws when the body is not RSS. */
export function parseRssItems(
  xml: string,
  base: string,
): Array<{ title: string; url: string; description?: string }> | undefined {
  if (!/<rss[\s>]/.test(xml)) return undefined;
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  if (doc.documentElement?.localName !== 'rss') return undefined;
  const out: Array<{ title: string; url: string; description?: string }> = [];
  for (const item of doc.querySelectorAll('item')) {
    const text = (name: string) => item.querySelector(name)?.textContent?.trim() ?? '';
    const url = httpUrl(text('link'), `${base}/`);
    const title = plainText(text('title'));
    if (!url || !title) continue;
    const description = plainText(text('description'));
    out.push(compact({ title, url, description: description || undefined }));
  }
  return out;
}

export const kiwix: Provider = {
  id: 'kiwix',
  name: 'Kiwix',
  limits: {
    minIntervalMs: 100,
    timeoutMs: 8000,
    dailyBudget: 10_000,
    maxResults: 8,
    maxBytes: 1_000_000,
  },
  isConfigured: (c) => !!baseUrl(c.endpoint) && !!c.book?.trim(),
  buildQuery,
  async search(query, config, ctx) {
    const base = baseUrl(config.endpoint);
    if (!base || !config.book?.trim()) return [];
    const pattern = kiwixPattern(query);
    if (!pattern) return [];
    const params = new URLSearchParams({
      'books.name': config.book.trim(),
      pattern,
      format: 'xml',
      pageLength: String(this.limits.maxResults),
    });
    const res = await providerRequest(this, `${base}/search?${params}`, ctx);
    const items = parseRssItems(res.body, base);
    if (!items) throw new ProviderError('wrong-endpoint', this.name, 'answer is not RSS');
    return items.slice(0, this.limits.maxResults).map((i): ProviderCandidate =>
      compact({
        url: i.url,
        title: i.title,
        snippet: i.description,
        siteName: `Kiwix: ${config.book!.trim()}`,
      }),
    );
  },
};
