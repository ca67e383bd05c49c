/** Brave Search API, web results, with the reader's subscription token. */
import { parseRetryAfter, ProviderError } from './errors';
import { expectShape, parseJson, providerRequest } from './http';
import { arr, compact, httpUrl, isRecord, isoDate, plainText, str } from './parse';
import { buildQuery, keywords } from './query';
import type { Provider, ProviderCandidate, ProviderResponse } from './types';

const DEFAULT_ENDPOINT = 'https://api.search.brave.com/res/v1/web/search';

/**
 * Brave reports an invalid token as 401 or 422 SUBSCRIPTION_TOKEN_INVALID, and a rate limit as
 * 429 with Retry-After or X-RateLimit-Reset (seconds per window, the shortest first).
 */
function readBraveError(res: ProviderResponse): ProviderError | undefined {
  if (res.status === 422 && /SUBSCRIPTION_TOKEN_INVALID/.test(res.body))
    return new ProviderError('bad-key', brave.name, 'HTTP 422 token invalid');
  if (res.status === 429) {
    const now = Date.now();
    const reset = res.headers.get('x-ratelimit-reset')?.split(',')[0]?.trim() ?? null;
    const wait =
      parseRetryAfter(res.headers.get('retry-after'), now) ?? parseRetryAfter(reset, now);
    return new ProviderError('quota', brave.name, 'HTTP 429', wait);
  }
  return undefined;
}

export const brave: Provider = {
  id: 'brave',
  name: 'Brave Search',
  limits: {
    minIntervalMs: 1100,
    timeoutMs: 8000,
    dailyBudget: 60,
    maxResults: 8,
    maxBytes: 2_000_000,
  },
  isConfigured: (c) => !!c.apiKey?.trim(),
  buildQuery,
  async search(query, config, ctx) {
    const key = config.apiKey?.trim();
    const q = keywords(query, { quote: true });
    if (!key || !q) return [];
    const params = new URLSearchParams({
      q,
      count: String(this.limits.maxResults),
      search_lang: query.lang,
    });
    const res = await providerRequest(
      this,
      `${config.endpoint?.trim() || DEFAULT_ENDPOINT}?${params}`,
      ctx,
      { accept: 'application/json', 'x-subscription-token': key },
      readBraveError,
    );
    const data = parseJson(this, res.body);
    expectShape(this, isRecord(data) && (isRecord(data.web) || data.type === 'search'), 'no web');
    const web = (data as Record<string, unknown>).web;
    return arr(isRecord(web) ? web.results : undefined)
      .filter(isRecord)
      .map((r) => {
        const url = httpUrl(r.url);
        const title = str(r.title) ? plainText(str(r.title)!) : undefined;
        if (!url || !title) return undefined;
        const profile = isRecord(r.profile) ? r.profile : {};
        const meta = isRecord(r.meta_url) ? r.meta_url : {};
        const description = typeof r.description === 'string' ? plainText(r.description) : '';
        return compact<ProviderCandidate>({
          url,
          title,
          snippet: description || undefined,
          siteName: str(profile.name) ?? str(meta.hostname),
          publishedAt: isoDate(r.page_age),
        });
      })
      .filter((c): c is ProviderCandidate => !!c)
      .slice(0, this.limits.maxResults);
  },
};
