/**
 * Wikipedia through the MediaWiki Action API, in the page's language: `list=search` finds the
 * articles, then `prop=extracts` (plain text intros) gives each a snippet.
 */
import { ProviderError } from './errors';
import { expectShape, parseJson, providerRequest } from './http';
import { arr, compact, isRecord, isoDate, plainText, str } from './parse';
import { buildQuery, keywords } from './query';
import type { Provider, ProviderCandidate, ProviderConfig } from './types';

/** `{lang}` is replaced by the page's language. */
const DEFAULT_ENDPOINT = 'https://{lang}.wikipedia.org/w/api.php';

function apiUrl(config: ProviderConfig, lang: string): string {
  return (config.endpoint?.trim() || DEFAULT_ENDPOINT).replace('{lang}', lang);
}

/** MediaWiki reports errors in a 200 answer: `{ error: { code, info } }`. */
function apiError(data: unknown): ProviderError | undefined {
  if (!isRecord(data) || !isRecord(data.error)) return undefined;
  const code = str(data.error.code) ?? 'unknown';
  const kind = code === 'ratelimited' || code === 'maxlag' ? 'quota' : 'wrong-endpoint';
  return new ProviderError(kind, wikipedia.name, `MediaWiki error ${code}`);
}

export const wikipedia: Provider = {
  id: 'wikipedia',
  name: 'Wikipedia',
  limits: {
    minIntervalMs: 200,
    timeoutMs: 8000,
    dailyBudget: 2000,
    maxResults: 5,
    maxBytes: 1_000_000,
  },
  isConfigured: () => true,
  buildQuery,
  async search(query, config, ctx) {
    const api = apiUrl(config, query.lang);
    const text = keywords(query, { numbers: false });
    if (!text) return [];
    const searchParams = new URLSearchParams({
      action: 'query',
      list: 'search',
      srsearch: text,
      srlimit: String(this.limits.maxResults),
      srprop: 'snippet|timestamp',
      format: 'json',
      formatversion: '2',
    });
    const found = parseJson(
      this,
      (await providerRequest(this, `${api}?${searchParams}`, ctx)).body,
    );
    const err = apiError(found);
    if (err) throw err;
    expectShape(this, isRecord(found) && isRecord(found.query), 'no query');
    const hits = arr((found as { query: Record<string, unknown> }).query.search)
      .filter(isRecord)
      .map((h) => ({
        pageid: typeof h.pageid === 'number' ? h.pageid : undefined,
        title: str(h.title),
        snippet: typeof h.snippet === 'string' ? plainText(h.snippet) : undefined,
        timestamp: isoDate(h.timestamp),
      }))
      .filter((h): h is typeof h & { pageid: number; title: string } => !!h.pageid && !!h.title);
    if (!hits.length) return [];

    const extractParams = new URLSearchParams({
      action: 'query',
      prop: 'extracts',
      exintro: '1',
      explaintext: '1',
      exsentences: '3',
      exlimit: String(hits.length),
      pageids: hits.map((h) => h.pageid).join('|'),
      format: 'json',
      formatversion: '2',
    });
    const pages = parseJson(
      this,
      (await providerRequest(this, `${api}?${extractParams}`, ctx)).body,
    );
    const err2 = apiError(pages);
    if (err2) throw err2;
    const extracts = new Map<number, string>();
    const list = isRecord(pages) && isRecord(pages.query) ? pages.query.pages : undefined;
    // formatversion=2 gives an array; version 1 an object keyed by page id.
    for (const p of Array.isArray(list) ? list : isRecord(list) ? Object.values(list) : [])
      if (isRecord(p) && typeof p.pageid === 'number' && str(p.extract))
        extracts.set(p.pageid, str(p.extract)!);

    const origin = new URL(api).origin;
    const siteName = `Wikipedia (${query.lang})`;
    return hits.map((h): ProviderCandidate =>
      compact({
        url: `${origin}/wiki/${encodeURIComponent(h.title.replace(/ /g, '_'))}`,
        title: h.title,
        snippet: extracts.get(h.pageid) ?? h.snippet,
        siteName,
        publishedAt: h.timestamp,
      }),
    );
  },
};
