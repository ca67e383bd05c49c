// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDERS } from '@/utils/sources/providers/registry';
import { isProviderError, type ProviderError } from '@/utils/sources/providers/errors';
import type { Provider, ProviderConfig, ProviderId } from '@/utils/sources/providers/types';
import { drip, fixture, nodeFetch, send, startServer, type FixtureServer } from './server';

let server: FixtureServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());

const sentence = {
  text: 'The European Central Bank held its deposit rate at 4% in April 2024, Christine Lagarde said.',
};
const page = { lang: 'en-GB', publishedAt: '2024-04-11T12:00:00Z' };

/** Each provider's configuration pointing at the fixture server. */
function configFor(id: ProviderId): ProviderConfig {
  const b = server.base;
  switch (id) {
    case 'wikipedia':
      return { endpoint: `${b}/w/api.php` };
    case 'gdelt':
      return { endpoint: `${b}/api/v2/doc/doc` };
    case 'kiwix':
      return { endpoint: b, book: 'wikipedia_en_all' };
    case 'searxng':
      return { endpoint: b };
    case 'opensearch':
      return {
        endpoint: b,
        index: 'news',
        fields: { url: 'link', title: 'headline', body: 'text', date: 'published' },
        apiKey: 'elastic:secret',
      };
    case 'factcheck':
      return { endpoint: `${b}/v1alpha1/claims:search`, apiKey: 'k-123' };
    case 'brave':
      return { endpoint: `${b}/res/v1/web/search`, apiKey: 'brave-token' };
  }
}

/** The provider with a short time limit, so a slow drip times out quickly. */
// 1.5 s: short enough that the drip tests end quickly, long enough for a busy CI machine.
const quick = (p: Provider): Provider => ({ ...p, limits: { ...p.limits, timeoutMs: 1500 } });

async function run(id: ProviderId, signal: AbortSignal) {
  const p = quick(PROVIDERS[id]);
  return p.search(p.buildQuery(sentence, page), configFor(id), { signal, fetch: nodeFetch });
}

async function failure(id: ProviderId): Promise<ProviderError> {
  try {
    await run(id, AbortSignal.timeout(10_000));
  } catch (e) {
    if (isProviderError(e)) return e;
    throw e;
  }
  throw new Error('expected a ProviderError');
}

describe('providers against their documented answers', () => {
  it('Wikipedia: search then plain-text extracts, in the page language', async () => {
    server.requests.length = 0;
    server.handle((_req, url, res) =>
      send(
        res,
        200,
        fixture(
          url.searchParams.get('list') === 'search'
            ? 'wikipedia-search.json'
            : 'wikipedia-extracts.json',
        ),
      ),
    );
    const got = await run('wikipedia', AbortSignal.timeout(5000));
    expect(server.requests).toHaveLength(2);
    const [search, extracts] = server.requests.map((r) => r.url.searchParams);
    expect(search!.get('action')).toBe('query');
    expect(search!.get('format')).toBe('json');
    expect(search!.get('srsearch')).toContain('European Central Bank');
    expect(extracts!.get('prop')).toBe('extracts');
    expect(extracts!.get('explaintext')).toBe('1');
    expect(extracts!.get('pageids')).toBe('9474|1220880');
    expect(got.map((c) => c.title)).toEqual(['European Central Bank', 'Christine Lagarde']);
    expect(got[0]!.url).toBe(`${server.base}/wiki/European_Central_Bank`);
    expect(got[0]!.snippet).toMatch(/^The European Central Bank \(ECB\) is the prime component/);
    expect(got[0]!.siteName).toBe('Wikipedia (en)');
  });

  it('Wikipedia: the default endpoint is the page language’s wiki', async () => {
    const seen: string[] = [];
    const p = PROVIDERS.wikipedia;
    await p.search(
      p.buildQuery(sentence, { lang: 'de-AT' }),
      {},
      {
        signal: AbortSignal.timeout(1000),
        fetch: async (url) => {
          seen.push(url);
          return { status: 200, headers: new Headers(), body: '{"query":{"search":[]}}' };
        },
      },
    );
    expect(new URL(seen[0]!).origin).toBe('https://de.wikipedia.org');
  });

  it('GDELT: artlist JSON around the page date; non-http URLs dropped; compact dates to ISO', async () => {
    server.requests.length = 0;
    server.handle((_req, _url, res) =>
      send(res, 200, fixture('gdelt-artlist.json'), { 'content-type': 'text/html' }),
    );
    const got = await run('gdelt', AbortSignal.timeout(5000));
    const q = server.requests[0]!.url.searchParams;
    expect(q.get('mode')).toBe('artlist');
    expect(q.get('format')).toBe('json');
    expect(q.get('query')).toContain('"European Central Bank"');
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({
      url: 'https://news.example/ecb-rates-2024',
      siteName: 'news.example',
      publishedAt: '2024-04-11T14:30:00.000Z',
    });
  });

  it('GDELT: a plain-text query complaint is no results, a rate-limit sentence is quota', async () => {
    server.handle((_req, _url, res) =>
      send(res, 200, 'Your search contained a phrase that was too short.', {
        'content-type': 'text/html',
      }),
    );
    expect(await run('gdelt', AbortSignal.timeout(5000))).toEqual([]);
    server.handle((_req, _url, res) =>
      send(res, 200, 'Please limit requests to one every 5 seconds.', {
        'content-type': 'text/html',
      }),
    );
    expect((await failure('gdelt')).code).toBe('quota');
  });

  it('Kiwix: OpenSearch RSS items with links resolved against the server', async () => {
    server.requests.length = 0;
    server.handle((_req, _url, res) =>
      send(res, 200, fixture('kiwix-search.xml'), { 'content-type': 'application/rss+xml' }),
    );
    const got = await run('kiwix', AbortSignal.timeout(5000));
    const q = server.requests[0]!.url;
    expect(q.pathname).toBe('/search');
    expect(q.searchParams.get('books.name')).toBe('wikipedia_en_all');
    expect(q.searchParams.get('format')).toBe('xml');
    expect(got.map((c) => c.url)).toEqual([
      `${server.base}/content/wikipedia_en_all/A/European_Central_Bank`,
      `${server.base}/content/wikipedia_en_all/A/Eurosystem`,
    ]);
    expect(got[0]!.snippet).toBe(
      'The ...European Central Bank (ECB) is the central bank of the euro area...',
    );
  });

  it('SearxNG: JSON results with content as snippet and dates', async () => {
    server.requests.length = 0;
    server.handle((_req, _url, res) => send(res, 200, fixture('searxng.json')));
    const got = await run('searxng', AbortSignal.timeout(5000));
    expect(server.requests[0]!.url.searchParams.get('format')).toBe('json');
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({
      siteName: 'ecb.example',
      publishedAt: '2024-04-11T00:00:00.000Z',
    });
    expect(got[1]!.title).toBe('Lagarde & the June cut');
    expect(got[1]!.snippet).toBeUndefined();
  });

  it('OpenSearch: _search on the named index with the configured fields and Basic auth', async () => {
    server.requests.length = 0;
    server.handle((_req, _url, res) => send(res, 200, fixture('opensearch.json')));
    const got = await run('opensearch', AbortSignal.timeout(5000));
    const r = server.requests[0]!;
    expect(r.url.pathname).toBe('/news/_search');
    expect(r.headers.authorization).toBe(
      `Basic ${Buffer.from('elastic:secret').toString('base64')}`,
    );
    const body = JSON.parse(r.url.searchParams.get('source')!);
    expect(body.query.multi_match.fields).toEqual(['headline^2', 'text']);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      url: 'https://archive.example/2024/04/ecb',
      title: 'ECB keeps rates on hold',
      publishedAt: '2024-04-11T00:00:00.000Z',
    });
    expect(got[0]!.snippet).toMatch(/^Frankfurt\. The European/);
  });

  it('Fact Check: every claimReview becomes a candidate with its verdict', async () => {
    server.requests.length = 0;
    server.handle((_req, _url, res) => send(res, 200, fixture('factcheck.json')));
    const got = await run('factcheck', AbortSignal.timeout(5000));
    const q = server.requests[0]!.url.searchParams;
    expect(q.get('key')).toBe('k-123');
    expect(q.get('languageCode')).toBe('en');
    expect(got).toEqual([
      {
        url: 'https://factdesk.example/ecb-zero-rates',
        title: 'No, the ECB did not cut rates to zero',
        snippet: 'Social media posts: The ECB cut interest rates to zero in April 2024',
        siteName: 'Fact Desk',
        publishedAt: '2024-04-13T00:00:00.000Z',
        verdict: 'False',
      },
      {
        url: 'https://checks.example/ecb',
        title: 'The ECB cut interest rates to zero in April 2024',
        snippet: 'Social media posts: The ECB cut interest rates to zero in April 2024',
        siteName: 'checks.example',
        publishedAt: '2024-04-12T00:00:00.000Z',
        verdict: 'Misleading',
      },
    ]);
  });

  it('Brave: the token travels in X-Subscription-Token, never in the URL', async () => {
    server.requests.length = 0;
    server.handle((_req, _url, res) => send(res, 200, fixture('brave.json')));
    const got = await run('brave', AbortSignal.timeout(5000));
    const r = server.requests[0]!;
    expect(r.headers['x-subscription-token']).toBe('brave-token');
    expect(r.url.search).not.toContain('brave-token');
    expect(got).toEqual([
      {
        url: 'https://www.ecb.example/press/conference',
        title: 'ECB Lagarde press conference',
        snippet: 'Statement by Christine Lagarde, President of the ECB',
        siteName: 'European Central Bank',
        publishedAt: '2024-04-11T14:45:00.000Z',
      },
    ]);
  });
});

const ALL = Object.keys(PROVIDERS) as ProviderId[];

describe.each(ALL)('%s maps failures to reader-facing errors', (id) => {
  it('401 → bad key', async () => {
    server.handle((_req, _url, res) => send(res, 401, '{}'));
    const e = await failure(id);
    expect(e.code).toBe('bad-key');
    expect(e.message).toContain(PROVIDERS[id].name);
  });

  it('429 with Retry-After → quota, with the wait honoured', async () => {
    server.handle((_req, _url, res) =>
      send(res, 429, '{}', { 'content-type': 'application/json', 'retry-after': '120' }),
    );
    const e = await failure(id);
    expect(e.code).toBe('quota');
    expect(e.retryAfterMs).toBe(120_000);
  });

  it('5xx → server error', async () => {
    server.handle((_req, _url, res) => send(res, 503, 'down'));
    expect((await failure(id)).code).toBe('server');
  });

  it('malformed answer → not the expected kind of endpoint', async () => {
    server.handle((_req, _url, res) => send(res, 200, '{"results": [ {"url": '));
    expect((await failure(id)).code).toBe('wrong-endpoint');
  });

  it('well-formed JSON of the wrong shape → not the expected kind of endpoint', async () => {
    server.handle((_req, _url, res) => send(res, 200, '[1, 2, 3]'));
    expect((await failure(id)).code).toBe('wrong-endpoint');
  });

  it('a slow drip → timeout', async () => {
    server.handle((_req, _url, res) => drip(res));
    const t0 = Date.now();
    expect((await failure(id)).code).toBe('timeout');
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('nobody listening → unreachable', async () => {
    const dead = await startServer();
    await dead.close();
    const p = quick(PROVIDERS[id]);
    const config = {
      ...configFor(id),
      endpoint: configFor(id).endpoint!.replace(server.base, dead.base),
    };
    const e = await p
      .search(p.buildQuery(sentence, page), config, {
        signal: AbortSignal.timeout(5000),
        fetch: nodeFetch,
      })
      .catch((x: unknown) => x);
    expect(isProviderError(e) && e.code).toBe('unreachable');
  });
});

describe('provider-specific error bodies', () => {
  it('Fact Check: 400 API_KEY_INVALID is a bad key', async () => {
    server.handle((_req, _url, res) => send(res, 400, fixture('factcheck-bad-key.json')));
    expect((await failure('factcheck')).code).toBe('bad-key');
  });
  it('Brave: 422 SUBSCRIPTION_TOKEN_INVALID is a bad key; 429 X-RateLimit-Reset is the wait', async () => {
    server.handle((_req, _url, res) => send(res, 422, fixture('brave-bad-token.json')));
    expect((await failure('brave')).code).toBe('bad-key');
    server.handle((_req, _url, res) =>
      send(res, 429, '{}', {
        'content-type': 'application/json',
        'x-ratelimit-reset': '1, 1419704',
      }),
    );
    expect((await failure('brave')).retryAfterMs).toBe(1000);
  });
  it('SearxNG: 403 (JSON format disabled) is the wrong endpoint, not a bad key', async () => {
    server.handle((_req, _url, res) =>
      send(res, 403, 'Forbidden', { 'content-type': 'text/html' }),
    );
    expect((await failure('searxng')).code).toBe('wrong-endpoint');
  });
  it('OpenSearch: a missing index is the wrong endpoint', async () => {
    server.handle((_req, _url, res) => send(res, 404, fixture('opensearch-index-missing.json')));
    expect((await failure('opensearch')).code).toBe('wrong-endpoint');
  });
  it('Wikipedia: an API error inside a 200 is the wrong endpoint', async () => {
    server.handle((_req, _url, res) => send(res, 200, fixture('wikipedia-error.json')));
    expect((await failure('wikipedia')).code).toBe('wrong-endpoint');
  });
  it('an aborted signal stops the request as aborted', async () => {
    server.handle((_req, _url, res) => drip(res));
    const c = new AbortController();
    setTimeout(() => c.abort(), 50);
    const p = PROVIDERS.searxng;
    const e = await p
      .search(p.buildQuery(sentence, page), configFor('searxng'), {
        signal: c.signal,
        fetch: nodeFetch,
      })
      .catch((x: unknown) => x);
    expect(isProviderError(e) && e.code).toBe('aborted');
  });
});
