// @vitest-environment node
/**
 * Case 15 of the hostile suite, the parts below the message layer: a flood of distinct sentences
 * keeps the result cache under its cap, and a store that runs out of space degrades to no cache
 * without an unhandled rejection. (Content scripts asking to write or clear the cache are
 * refused in background.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheBackend } from '../../utils/cache';
import {
  CACHE_SPECS,
  createMemoryBackend,
  openPageCache,
  openResultCache,
} from '../../utils/cache';
import { extractFetched } from '../../utils/extract';
import type { SentenceSources } from '../../utils/messaging/types';
import { segmentSentences } from '../../utils/sentences/segment';
import { DocumentLoader, type LoadedDoc } from '../../utils/sources/documents';
import { SourceService } from '../../utils/sources/service';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.restoreAllMocks();
});

/** A memory store that refuses every write for lack of space, as IndexedDB does when full. */
function fullBackend(): CacheBackend & { writes: number } {
  const inner = createMemoryBackend();
  const b = {
    ...inner,
    writes: 0,
    async write() {
      b.writes++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  };
  return b;
}

const answer = (i: number): SentenceSources => ({
  id: `s${i}`,
  status: 'sourced',
  sources: [
    {
      url: `https://source${i % 97}.example/article/${i}`,
      fragmentUrl: `https://source${i % 97}.example/article/${i}#:~:text=sentence%20${i}`,
      title: `A source title number ${i} that is about as long as real ones are`,
      siteName: `Source ${i % 97}`,
      passage:
        `Distinct sentence number ${i}: the council voted on the budget and the rate fell. `.repeat(
          3,
        ),
      matchedTerms: ['council', 'budget', 'rate'],
      score: 0.7,
      level: 'supports',
      via: 'inline',
    },
  ],
});

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('case 15: cache', () => {
  it('50,000 distinct sentences answered → result cache stays under its cap', async () => {
    const backend = createMemoryBackend();
    const cache = openResultCache<SentenceSources>(backend);
    const t0 = performance.now();
    let written = 0;
    for (let i = 0; i < 50_000; i++) {
      const value = answer(i);
      written += JSON.stringify(value).length;
      await cache.set(`key-${i}-${'x'.repeat(64)}`, value);
    }
    const stats = await cache.stats();
    const stored = await backend.sweep(0); // what the store really holds
    console.log(
      `[case 15] 50,000 answers (${(written / 1e6).toFixed(1)} MB written): ` +
        `${stats.entries} kept, ${(stored.bytes / 1e6).toFixed(2)} MB stored, cap ` +
        `${(CACHE_SPECS.results.maxBytes / 1e6).toFixed(0)} MB, ${stats.evicted} evicted, ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s (noisy)`,
    );
    expect(written).toBeGreaterThan(CACHE_SPECS.results.maxBytes); // the flood really overflows
    expect(stats.bytes).toBeLessThanOrEqual(CACHE_SPECS.results.maxBytes);
    expect(stored.bytes).toBeLessThanOrEqual(CACHE_SPECS.results.maxBytes);
    expect(stored.entries).toBe(stats.entries);
    expect(stats.evicted).toBeGreaterThan(0);
    // The newest answers are the ones kept.
    expect(await cache.get(`key-49999-${'x'.repeat(64)}`)).toEqual(answer(49_999));
    expect(await cache.get(`key-0-${'x'.repeat(64)}`)).toBeUndefined();
  }, 120_000);

  it('store out of space (QuotaExceededError) on write → set resolves, cache marked full, later writes skipped', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const backend = fullBackend();
    const cache = openResultCache<SentenceSources>(backend);
    await expect(cache.set('a', answer(1))).resolves.toBeUndefined();
    await expect(cache.set('b', answer(2))).resolves.toBeUndefined();
    expect(backend.writes).toBe(1); // no retry storm against a full disk
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0, full: true });
    expect(warn).toHaveBeenCalledTimes(1);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('both caches out of space during a real lookup → sources still found, no unhandled rejection', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pages = fullBackend();
    const results = fullBackend();
    let fetches = 0;
    const loader = new DocumentLoader({
      fetchText: async (url) => {
        fetches++;
        return {
          finalUrl: url,
          contentType: 'text/html; charset=utf-8',
          body: `<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>
            <p>The city council voted 7 to 2 on Tuesday to approve the new budget.</p>
            <p>The budget raises spending on schools by four percent.</p></article></body></html>`,
        };
      },
      fetchFavicon: async () => undefined,
      extract: (body, url, type) => extractFetched(body, url, type),
      segment: segmentSentences,
      cache: openPageCache<LoadedDoc>(pages),
      describeError: () => 'failed',
    });
    const service = new SourceService(loader, openResultCache<SentenceSources>(results));
    const req = {
      page: { url: 'https://news.example/a', title: 'News', outboundLinks: [] },
      sentences: [
        {
          id: 's1',
          text: 'The council voted 7 to 2 to approve the budget.',
          links: [{ href: 'https://council.example/vote', text: 'voted' }],
          footnotes: [],
        },
      ],
    };
    const first = await service.find(req);
    expect(first[0]!.status).toBe('sourced');
    const second = await service.find(req);
    expect(second[0]!.status).toBe('sourced');
    expect(fetches).toBe(2); // nothing was cached, so the page was fetched again
    expect(pages.writes + results.writes).toBeLessThanOrEqual(2);
    await settle();
    expect(unhandled).toEqual([]);
  });
});
