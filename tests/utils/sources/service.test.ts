// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractFetched } from '@/utils/extract';
import type { FindSourcesRequest, SentenceSources } from '@/utils/messaging/types';
import { segmentSentences } from '@/utils/sentences/segment';
import { DocumentLoader, toPassages, type LoadedDoc } from '@/utils/sources/documents';
import { NetError } from '@/utils/net/errors';
import { SourceService } from '@/utils/sources/service';

const page = (body: string, title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><meta property="og:site_name" content="${title} Site"></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

const PAGES: Record<string, string> = {
  'https://council.example/minutes': page(
    '<p>The meeting opened at seven.</p><p>Members resolved by 31 votes to 14 that water charges be raised by 9.5% from 1 May.</p><p>The meeting closed at nine.</p>',
    'Council minutes',
  ),
  'https://stats.example/cpi': page(
    '<p>Consumer prices rose by 2.4% in the year to February.</p><p>Food prices rose by 3.1%.</p>',
    'Price statistics',
  ),
  'https://club.example/enke': page(
    '<p>Robert Enke kept goal for Hannover 96 for five seasons.</p><p>He returned to the national team in January as first-choice keeper.</p>',
    'Club history',
  ),
  'https://club.example/reserve': page(
    '<p>The reserve side signed a young keeper from the academy.</p><p>He returned to the national team in January as first-choice keeper.</p>',
    'Club history',
  ),
};

function makeService(fetched: string[] = [], slowLookup?: (k: string) => Promise<void>) {
  const store = new Map<string, unknown>();
  const cache = <V>(slow?: (k: string) => Promise<void>) => ({
    get: async (k: string) => {
      await slow?.(k);
      return store.get(k) as V | undefined;
    },
    set: async (k: string, v: V) => void store.set(k, v),
  });
  const loader = new DocumentLoader({
    fetchText: async (url) => {
      fetched.push(url);
      const body = PAGES[url];
      if (!body) throw new Error('unreachable');
      return { finalUrl: url, body, contentType: 'text/html' };
    },
    fetchFavicon: async () => undefined,
    extract: (body, url, type) => extractFetched(body, url, type),
    segment: segmentSentences,
    cache: cache<LoadedDoc>(),
    describeError: () => 'The linked page could not be reached',
  });
  return new SourceService(loader, cache<SentenceSources>(slowLookup));
}

const request = (over: Partial<FindSourcesRequest['sentences'][0]> = {}): FindSourcesRequest => ({
  page: {
    url: 'https://news.example/story',
    title: 'Water bills to rise',
    lang: 'en',
    outboundLinks: [{ href: 'https://stats.example/cpi', text: 'price statistics' }],
  },
  sentences: [
    {
      id: 's1',
      text: 'Councillors voted 31 to 14 to raise water charges by 9.5 percent from 1 May.',
      links: [{ href: 'https://council.example/minutes', text: 'voted' }],
      footnotes: [],
      ...over,
    },
  ],
});

describe('SourceService', () => {
  it('answers with the cited page, its best passage and a fragment link to it', async () => {
    const [answer] = await makeService().find(request());
    expect(answer!.status).toBe('sourced');
    const top = answer!.sources[0]!;
    expect(top.url).toBe('https://council.example/minutes');
    expect(top.via).toBe('inline');
    expect(top.passage).toContain('31 votes to 14');
    expect(top.fragmentUrl).toMatch(/^https:\/\/council\.example\/minutes#:~:text=/);
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(1);
  });

  it('finds a source through a footnote', async () => {
    const [answer] = await makeService().find(
      request({
        links: [],
        footnotes: [
          {
            marker: '[1]',
            text: 'Council minutes, 18 March',
            links: [{ href: 'https://council.example/minutes', text: 'minutes' }],
          },
        ],
      }),
    );
    expect(answer!.sources[0]).toMatchObject({
      url: 'https://council.example/minutes',
      via: 'footnote',
    });
  });

  it('matches outbound links by content, and shows nothing for an unrelated sentence', async () => {
    const svc = makeService();
    const [prices] = await svc.find(
      request({ text: 'Consumer prices rose by 2.4 percent in the year to February.', links: [] }),
    );
    expect(prices!.sources[0]).toMatchObject({ url: 'https://stats.example/cpi', via: 'outbound' });
    const [none] = await svc.find(
      request({ text: 'The mayor owns two dogs and a small sailing boat.', links: [] }),
    );
    expect(none).toMatchObject({ status: 'none', sources: [] });
  });

  it('asks more of a page matched by content alone than of the page the sentence cites', async () => {
    // Shares a topic word pair with the statistics page but states none of its facts.
    const text = 'Shoppers at the Friday market seemed unaware of what consumer prices had done.';
    const [uncited] = await makeService().find(request({ text, links: [] }));
    expect(uncited).toMatchObject({ status: 'none', sources: [] });
    const [cited] = await makeService().find(
      request({ text, links: [{ href: 'https://stats.example/cpi', text: 'prices' }] }),
    );
    expect(cited!.status).toBe('sourced');
    expect(cited!.sources[0]).toMatchObject({ url: 'https://stats.example/cpi', via: 'inline' });
  });

  it('says why when every page the sentence cites failed', async () => {
    const [answer] = await makeService().find(
      request({ links: [{ href: 'https://gone.example/x', text: 'x' }] }),
    );
    expect(answer).toMatchObject({
      status: 'error',
      error: 'The linked page could not be reached',
    });
  });

  it('says which cited page was not read when the others hold no source', async () => {
    const [answer] = await makeService().find(
      request({
        text: 'The mayor owns two dogs and a small sailing boat.',
        links: [
          { href: 'https://council.example/minutes', text: 'owns' },
          { href: 'https://gone.example/x', text: 'boat' },
        ],
      }),
    );
    expect(answer).toMatchObject({
      status: 'none',
      sources: [],
      error: 'A page this sentence cites was not read: the linked page could not be reached.',
    });
  });

  it('fetches each page once and answers repeats from the cache', async () => {
    const fetched: string[] = [];
    const svc = makeService(fetched);
    await Promise.all([svc.find(request()), svc.find(request())]);
    await svc.find(request());
    expect(fetched.filter((u) => u === 'https://council.example/minutes')).toHaveLength(1);
  });

  it("prefers the page about the article's subject, named by the page title", async () => {
    const svc = makeService();
    const ask = (title: string) =>
      svc.find({
        page: {
          url: 'https://news.example/keeper',
          title,
          lang: 'en',
          outboundLinks: [
            { href: 'https://club.example/reserve', text: 'reserve' },
            { href: 'https://club.example/enke', text: 'history' },
          ],
        },
        sentences: [
          {
            id: 's1',
            text: 'He returned to the national team in January as number one keeper.',
            links: [],
            footnotes: [],
          },
        ],
      });
    const [untitled] = await ask('News');
    expect(untitled!.sources[0]?.url).toBe('https://club.example/reserve');
    // The same sentence under another title is asked again, not answered from the cache.
    const [titled] = await ask('Robert Enke dies at 32 | Sport | Example News');
    expect(titled!.sources[0]?.url).toBe('https://club.example/enke');
  });

  it('starts reading the cited pages while the cached answers are looked up', async () => {
    const fetched: string[] = [];
    const seenAtLookup: number[] = [];
    // A slow result store (a cold IndexedDB): each lookup notes how many pages were already asked for.
    const svc = makeService(fetched, async () => {
      await new Promise((r) => setTimeout(r, 30));
      seenAtLookup.push(fetched.length);
    });
    const [answer] = await svc.find(request());
    expect(answer!.status).toBe('sourced');
    // The page the sentence links to was asked for first; the article's other links after.
    expect(seenAtLookup).toEqual([1]);
    expect(fetched[0]).toBe('https://council.example/minutes');
    // Each page once, the preloaded read reused by the answer.
    expect([...fetched].sort()).toEqual([
      'https://council.example/minutes',
      'https://stats.example/cpi',
    ]);
  });

  it('never treats the page itself as its own source', () => {
    const req = request({ links: [{ href: 'https://news.example/story#top', text: 'here' }] });
    expect(SourceService.candidates(req.sentences[0]!, req.page).map((c) => c.url)).toEqual([
      'https://stats.example/cpi',
    ]);
  });
});

describe('toPassages', () => {
  it('keeps offsets into the joined text and cuts run-on blocks', () => {
    const long = Array.from({ length: 200 }, (_, i) => `item${i}`).join(' ');
    const { text, passages } = toPassages(['First one. Second one.', long], segmentSentences, 'en');
    expect(passages.slice(0, 2).map((p) => text.slice(p.start, p.end))).toEqual([
      'First one.',
      'Second one.',
    ]);
    for (const p of passages) expect(p.end - p.start).toBeLessThanOrEqual(600);
    expect(passages.length).toBeGreaterThan(3);
  });
});

describe('SourceService: why an unsourced sentence has no source', () => {
  const unsourced = (): FindSourcesRequest => ({
    page: { url: 'https://news.example/story', title: 'Story', lang: 'en', outboundLinks: [] },
    sentences: [
      {
        id: 's1',
        text: 'The harbour authority dredged the channel to 14 metres last spring.',
        links: [],
        footnotes: [],
      },
    ],
  });

  it('names each failed provider calmly, and does not cache that answer', async () => {
    const store = new Map<string, unknown>();
    const cache = <V>() => ({
      get: async (k: string) => store.get(k) as V | undefined,
      set: async (k: string, v: V) => void store.set(k, v),
    });
    const loader = new DocumentLoader({
      fetchText: async () => {
        throw new Error('unreachable');
      },
      fetchFavicon: async () => undefined,
      extract: (body, url, type) => extractFetched(body, url, type),
      segment: segmentSentences,
      cache: cache<LoadedDoc>(),
      describeError: () => 'The linked page could not be reached',
    });
    let asked = 0;
    const svc = new SourceService(loader, cache<SentenceSources>(), {
      active: async () => ['brave'],
      find: async () => {
        asked++;
        return {
          candidates: new Map(),
          failures: ["Brave Search: today's request budget is spent"],
        };
      },
    });
    const [first] = await svc.find(unsourced());
    expect(first).toMatchObject({
      status: 'none',
      error: "Brave Search: today's request budget is spent.",
    });
    // The reader may fix the cause at once: the next batch asks again.
    await svc.find(unsourced());
    expect(asked).toBe(2);
  });

  it('says linked pages are not allowed yet, and tries again once they may be', async () => {
    let granted = false;
    const fetched: string[] = [];
    const store = new Map<string, unknown>();
    const cache = <V>() => ({
      get: async (k: string) => store.get(k) as V | undefined,
      set: async (k: string, v: V) => void store.set(k, v),
    });
    const loader = new DocumentLoader({
      fetchText: async (url) => {
        if (!granted) throw new NetError('no-access');
        fetched.push(url);
        return { finalUrl: url, body: PAGES[url]!, contentType: 'text/html' };
      },
      fetchFavicon: async () => undefined,
      extract: (body, url, type) => extractFetched(body, url, type),
      segment: segmentSentences,
      cache: cache<LoadedDoc>(),
      describeError: (e) => (e instanceof Error ? e.message : String(e)),
      remember: (e) => !(e instanceof NetError && e.code === 'no-access'),
    });
    const svc = new SourceService(loader, cache<SentenceSources>());
    const req = request({ links: [] });
    req.page.outboundLinks = [{ href: 'https://council.example/minutes', text: 'minutes' }];
    const [before] = await svc.find(req);
    expect(before?.status).toBe('none');
    expect(before?.error).toMatch(/not been allowed to read linked pages/);
    granted = true;
    const [after] = await svc.find(req);
    expect(fetched).toEqual(['https://council.example/minutes']);
    expect(after?.status).toBe('sourced');
  });
});
