/** SearxNG metasearch (`/search?format=json`), on an instance the reader chose. */
import { ProviderError } from './errors';
import { expectShape, parseJson, providerRequest } from './http';
import { arr, baseUrl, compact, httpUrl, isRecord, isoDate, plainText, str } from './parse';
import { buildQuery, keywords } from './query';
import type { Provider, ProviderCandidate } from './types';

export const searxng: Provider = {
  id: 'searxng',
  name: 'SearxNG',
  limits: {
    minIntervalMs: 1000,
    timeoutMs: 10_000,
    dailyBudget: 1000,
    maxResults: 8,
    maxBytes: 2_000_000,
  },
  isConfigured: (c) => !!baseUrl(c.endpoint),
  buildQuery,
  async search(query, config, ctx) {
    const base = baseUrl(config.endpoint);
    const q = keywords(query, { quote: true });
    if (!base || !q) return [];
    const params = new URLSearchParams({ q, format: 'json', language: query.lang, pageno: '1' });
    const res = await providerRequest(this, `${base}/search?${params}`, ctx, {}, (r) =>
      // An instance without the JSON format enabled answers 403: not a key problem.
      r.status === 403
        ? new ProviderError('wrong-endpoint', this.name, 'JSON output disabled (403)')
        : undefined,
    );
    const data = parseJson(this, res.body);
    expectShape(this, isRecord(data) && Array.isArray(data.results), 'no results array');
    return arr((data as Record<string, unknown>).results)
      .filter(isRecord)
      .map((r) => {
        const url = httpUrl(r.url);
        const title = str(r.title) ? plainText(str(r.title)!) : undefined;
        if (!url || !title) return undefined;
        const content = typeof r.content === 'string' ? plainText(r.content) : '';
        return compact<ProviderCandidate>({
          url,
          title,
          snippet: content || undefined,
          siteName: new URL(url).hostname.replace(/^www\./, ''),
          publishedAt: isoDate(r.publishedDate),
        });
      })
      .filter((c): c is ProviderCandidate => !!c)
      .slice(0, this.limits.maxResults);
  },
};
