/**
 * OpenSearch / Elasticsearch `_search` on one index the reader names, with configurable field
 * names. Sent as GET with `source=` (both engines accept a JSON body that way), because the
 * network door only issues GET requests.
 */
import { expectShape, parseJson, providerRequest } from './http';
import { arr, baseUrl, compact, httpUrl, isRecord, isoDate, str } from './parse';
import { buildQuery, keywords } from './query';
import type { Provider, ProviderCandidate, ProviderConfig } from './types';

const SNIPPET_CHARS = 300;

/** The field names in use, defaults filled in. */
export function fieldNames(
  config: ProviderConfig,
): Required<NonNullable<ProviderConfig['fields']>> {
  const f = config.fields ?? {};
  return {
    url: f.url?.trim() || 'url',
    title: f.title?.trim() || 'title',
    body: f.body?.trim() || 'body',
    date: f.date?.trim() || 'date',
  };
}

/** `user:password` → HTTP Basic; anything else is an Elasticsearch API key. */
function authHeader(apiKey: string | undefined): Record<string, string> {
  const key = apiKey?.trim();
  if (!key) return {};
  if (key.includes(':')) {
    const bytes = new TextEncoder().encode(key);
    return { authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
  }
  return { authorization: `ApiKey ${key}` };
}

/** Reads a possibly dotted field path (`meta.url`) from a document. */
function field(doc: Record<string, unknown>, path: string): unknown {
  if (path in doc) return doc[path];
  let v: unknown = doc;
  for (const part of path.split('.')) v = isRecord(v) ? v[part] : undefined;
  return v;
}

export const opensearch: Provider = {
  id: 'opensearch',
  name: 'OpenSearch',
  limits: {
    minIntervalMs: 100,
    timeoutMs: 8000,
    dailyBudget: 10_000,
    maxResults: 8,
    maxBytes: 2_000_000,
  },
  isConfigured: (c) => !!baseUrl(c.endpoint) && !!c.index?.trim(),
  buildQuery,
  async search(query, config, ctx) {
    const base = baseUrl(config.endpoint);
    const index = config.index?.trim();
    const text = keywords(query);
    if (!base || !index || !text) return [];
    const f = fieldNames(config);
    const body = {
      size: this.limits.maxResults,
      _source: [f.url, f.title, f.body, f.date],
      query: { multi_match: { query: text, fields: [`${f.title}^2`, f.body] } },
    };
    const params = new URLSearchParams({
      source: JSON.stringify(body),
      source_content_type: 'application/json',
    });
    const res = await providerRequest(
      this,
      `${base}/${encodeURIComponent(index)}/_search?${params}`,
      ctx,
      authHeader(config.apiKey),
    );
    const data = parseJson(this, res.body);
    expectShape(
      this,
      isRecord(data) && isRecord(data.hits) && Array.isArray(data.hits.hits),
      'no hits.hits',
    );
    return arr(((data as Record<string, unknown>).hits as Record<string, unknown>).hits)
      .filter(isRecord)
      .map((h) => {
        const src = isRecord(h._source) ? h._source : {};
        const url = httpUrl(field(src, f.url));
        const title = str(field(src, f.title));
        if (!url || !title) return undefined;
        const text = str(field(src, f.body));
        return compact<ProviderCandidate>({
          url,
          title,
          snippet: text ? text.replace(/\s+/g, ' ').slice(0, SNIPPET_CHARS) : undefined,
          siteName: new URL(url).hostname.replace(/^www\./, ''),
          publishedAt: isoDate(field(src, f.date)),
        });
      })
      .filter((c): c is ProviderCandidate => !!c);
  },
};
