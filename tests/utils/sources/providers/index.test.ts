// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultProviderSettings, type ProvidersSettings } from '@/utils/settings/providers';
import {
  findProviderCandidates,
  groupSentences,
  resetProviderClock,
  type BudgetLike,
} from '@/utils/sources/providers';
import { PROVIDERS } from '@/utils/sources/providers/registry';
import type { ProviderId } from '@/utils/sources/providers/types';
import { fixture, nodeFetch, send, startServer, type FixtureServer } from './server';

let server: FixtureServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  resetProviderClock();
});

/** An in-memory budget with the persisted one's surface. */
function memoryBudget(): BudgetLike & {
  used: Map<ProviderId, number>;
  blocked: Map<ProviderId, number>;
} {
  const used = new Map<ProviderId, number>();
  const blocked = new Map<ProviderId, number>();
  return {
    used,
    blocked,
    remaining: async (id, limit) => limit - (used.get(id) ?? 0),
    spend: async (id, n = 1) => void used.set(id, (used.get(id) ?? 0) + n),
    blockedUntil: async (id) => blocked.get(id) ?? 0,
    block: async (id, until) => void blocked.set(id, until),
  };
}

const first = 'The European Central Bank held rates at 4% in April 2024.';
const sentences = [
  { id: 's1', text: first, links: [], footnotes: [] },
  {
    id: 's2',
    text: 'The European Central Bank said inflation was falling.',
    prevText: first,
    links: [],
    footnotes: [],
  },
  { id: 's3', text: 'Elsewhere, Tesla recalled 2 million cars.', links: [], footnotes: [] },
];
const page = { lang: 'en', publishedAt: '2024-04-11T12:00:00Z' };

function searxOn(consent: boolean): ProvidersSettings {
  const s = defaultProviderSettings();
  s.searxng = {
    enabled: true,
    endpoint: server.base,
    ...(consent ? { consentedAt: '2024-04-01T00:00:00Z' } : {}),
  };
  return s;
}

describe('findProviderCandidates', () => {
  it('makes zero requests with every provider off (the default), even fully configured', async () => {
    server.handle((_q, _u, res) => send(res, 200, fixture('searxng.json')));
    const s = defaultProviderSettings();
    s.searxng = { enabled: false, endpoint: server.base, consentedAt: '2024-04-01T00:00:00Z' };
    s.factcheck = {
      enabled: false,
      endpoint: `${server.base}/f`,
      apiKey: 'k',
      consentedAt: '2024-04-01T00:00:00Z',
    };
    let calls = 0;
    const out = await findProviderCandidates(sentences, page, s, {
      signal: AbortSignal.timeout(5000),
      fetch: async (u, i) => (calls++, nodeFetch(u, i)),
      budget: memoryBudget(),
    });
    expect(calls).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(out.candidates.size).toBe(0);
  });

  it('makes zero requests for a provider turned on but not consented to', async () => {
    server.handle((_q, _u, res) => send(res, 200, fixture('searxng.json')));
    const out = await findProviderCandidates(sentences, page, searxOn(false), {
      signal: AbortSignal.timeout(5000),
      fetch: nodeFetch,
      budget: memoryBudget(),
    });
    expect(server.requests).toHaveLength(0);
    expect(out.requests).toBe(0);
  });

  it('shares one query between sentences of one paragraph naming the same entity', async () => {
    server.handle((_q, _u, res) => send(res, 200, fixture('searxng.json')));
    const fast = {
      ...PROVIDERS.searxng,
      limits: { ...PROVIDERS.searxng.limits, minIntervalMs: 0 },
    };
    const budget = memoryBudget();
    const out = await findProviderCandidates(sentences, page, searxOn(true), {
      signal: AbortSignal.timeout(5000),
      fetch: nodeFetch,
      budget,
      providers: [fast],
    });
    // s1+s2 share "European Central Bank"; s3 is another paragraph and topic.
    expect(server.requests).toHaveLength(2);
    expect(budget.used.get('searxng')).toBe(2);
    expect(out.candidates.get('s1')!.map((c) => c.url)).toEqual(
      out.candidates.get('s2')!.map((c) => c.url),
    );
    expect(out.candidates.get('s1')![0]!.provider).toBe('searxng');
    expect(out.candidates.get('s3')).toHaveLength(2);
  });

  it('keeps the minimum interval between two requests to one provider', async () => {
    // Timed where the requests leave, not where they arrive: a busy machine delays arrival.
    const times: number[] = [];
    server.handle((_q, _u, res) => send(res, 200, fixture('searxng.json')));
    const spaced = {
      ...PROVIDERS.searxng,
      limits: { ...PROVIDERS.searxng.limits, minIntervalMs: 300 },
    };
    await findProviderCandidates(sentences, page, searxOn(true), {
      signal: AbortSignal.timeout(5000),
      fetch: (url, init) => (times.push(Date.now()), nodeFetch(url, init)),
      budget: memoryBudget(),
      providers: [spaced],
    });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(290);
  });

  it('stops at the daily budget and after a 429, holding the provider back for Retry-After', async () => {
    server.handle((_q, _u, res) =>
      send(res, 429, '{}', { 'content-type': 'application/json', 'retry-after': '30' }),
    );
    const budget = memoryBudget();
    const fast = {
      ...PROVIDERS.searxng,
      limits: { ...PROVIDERS.searxng.limits, minIntervalMs: 0 },
    };
    const out = await findProviderCandidates(sentences, page, searxOn(true), {
      signal: AbortSignal.timeout(5000),
      fetch: nodeFetch,
      budget,
      now: () => 1_000_000,
      providers: [fast],
    });
    expect(server.requests).toHaveLength(1);
    expect(out.failures[0]).toMatchObject({ provider: 'searxng', code: 'quota' });
    expect(budget.blocked.get('searxng')).toBe(1_030_000);

    server.requests.length = 0;
    const again = await findProviderCandidates(sentences, page, searxOn(true), {
      signal: AbortSignal.timeout(5000),
      fetch: nodeFetch,
      budget,
      now: () => 1_010_000,
      providers: [fast],
    });
    expect(server.requests).toHaveLength(0);
    expect(again.failures[0]!.code).toBe('quota');

    const spent = memoryBudget();
    spent.used.set('searxng', fast.limits.dailyBudget);
    const none = await findProviderCandidates(sentences, page, searxOn(true), {
      signal: AbortSignal.timeout(5000),
      fetch: nodeFetch,
      budget: spent,
      providers: [fast],
    });
    expect(server.requests).toHaveLength(0);
    expect(none.failures[0]!.code).toBe('budget');
  });

  it('stops when the signal aborts', async () => {
    server.handle((_q, _u, res) => send(res, 200, fixture('searxng.json')));
    const c = new AbortController();
    c.abort();
    const out = await findProviderCandidates(sentences, page, searxOn(true), {
      signal: c.signal,
      fetch: nodeFetch,
      budget: memoryBudget(),
    });
    expect(server.requests).toHaveLength(0);
    expect(out.candidates.size).toBe(0);
  });
});

describe('groupSentences and the query', () => {
  it('sends names, figures, dates and key words, not the sentence', () => {
    const q = PROVIDERS.wikipedia.buildQuery({ text: first }, page);
    expect(q.entities).toEqual(['European Central Bank']);
    expect(q.dates).toContain('April 2024');
    expect(q.numbers).toContain('4%');
    expect(q.lang).toBe('en');
    expect(q.pageDate).toBe(page.publishedAt);
    expect(groupSentences(PROVIDERS.wikipedia, sentences, page).map((g) => g.ids)).toEqual([
      ['s1', 's2'],
      ['s3'],
    ]);
  });
});
