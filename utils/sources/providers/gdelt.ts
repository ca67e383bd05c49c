/**
 * GDELT DOC 2.0 article search (`mode=artlist`, JSON). GDELT answers query problems with a
 * plain-text sentence and a 200, and asks for one request every five seconds.
 */
import { ProviderError } from './errors';
import { expectShape, providerRequest } from './http';
import { arr, compact, httpUrl, isRecord, isoDate, str } from './parse';
import { buildQuery } from './query';
import type { Provider, ProviderCandidate, ProviderQuery } from './types';

const DEFAULT_ENDPOINT = 'https://api.gdeltproject.org/api/v2/doc/doc';
/** The DOC API searches a rolling window of about three months. */
const WINDOW_MS = 90 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'english',
  fr: 'french',
  de: 'german',
  es: 'spanish',
  it: 'italian',
  pt: 'portuguese',
  nl: 'dutch',
  ru: 'russian',
  ar: 'arabic',
  zh: 'chinese',
  ja: 'japanese',
  pl: 'polish',
};

/** GDELT's compact timestamp: YYYYMMDDHHMMSS. */
function stamp(t: number): string {
  return new Date(t).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The GDELT query string: quoted names, dates and terms; GDELT rejects words under 3 letters. */
export function gdeltQuery(q: ProviderQuery): string {
  const parts = [
    ...q.entities.map((e) => (/\s/.test(e) ? `"${e}"` : e)),
    ...q.terms.slice(0, 2),
  ].filter((p) => p.replace(/"/g, '').length >= 3);
  const lang = LANGUAGE_NAMES[q.lang];
  return parts.length ? [...parts, ...(lang ? [`sourcelang:${lang}`] : [])].join(' ') : '';
}

export const gdelt: Provider = {
  id: 'gdelt',
  name: 'GDELT',
  limits: {
    minIntervalMs: 5000,
    timeoutMs: 10_000,
    dailyBudget: 500,
    maxResults: 10,
    maxBytes: 2_000_000,
  },
  isConfigured: () => true,
  buildQuery,
  async search(query, config, ctx) {
    const q = gdeltQuery(query);
    if (!q) return [];
    const params = new URLSearchParams({
      query: q,
      mode: 'artlist',
      format: 'json',
      maxrecords: String(this.limits.maxResults),
      sort: 'hybridrel',
    });
    // Around the page's date when GDELT still covers it: the reports of the same days.
    const at = query.pageDate ? Date.parse(query.pageDate) : NaN;
    if (!Number.isNaN(at) && Date.now() - at < WINDOW_MS) {
      params.set('startdatetime', stamp(at - 7 * DAY_MS));
      params.set('enddatetime', stamp(Math.min(Date.now(), at + 3 * DAY_MS)));
    }
    const res = await providerRequest(
      this,
      `${config.endpoint?.trim() || DEFAULT_ENDPOINT}?${params}`,
      ctx,
    );
    const body = res.body.trim();
    if (!body.startsWith('{')) {
      if (/limit requests/i.test(body))
        throw new ProviderError('quota', this.name, body.slice(0, 200));
      // "Your search contained a phrase that was too short", "...too common": no results.
      if (
        /^(your search|the specified|invalid query|phrase)/i.test(body) ||
        /too (short|common)/i.test(body)
      )
        return [];
      throw new ProviderError('wrong-endpoint', this.name, 'answer is not JSON');
    }
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      throw new ProviderError('wrong-endpoint', this.name, 'malformed JSON');
    }
    expectShape(this, isRecord(data), 'not an object');
    // No results is `{}`.
    return arr((data as Record<string, unknown>).articles)
      .filter(isRecord)
      .map((a) => {
        const url = httpUrl(a.url);
        const title = str(a.title);
        return url && title
          ? compact<ProviderCandidate>({
              url,
              title,
              siteName: str(a.domain),
              publishedAt: isoDate(a.seendate),
            })
          : undefined;
      })
      .filter((c): c is ProviderCandidate => !!c)
      .slice(0, this.limits.maxResults);
  },
};
