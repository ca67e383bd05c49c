// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createCache, estimateBytes, type CacheOptions } from '../../../utils/cache/cache';
import { createMemoryBackend } from '../../../utils/cache/memory';
import { CACHE_SPECS, openPageCache, openResultCache } from '../../../utils/cache/stores';

function setup(overrides: Partial<CacheOptions> = {}) {
  const clock = { t: 1_000_000 };
  const backend = createMemoryBackend();
  const open = () =>
    createCache<{ text: string }>({
      name: 'test',
      maxBytes: 1000,
      ttlMs: 10_000,
      backend,
      now: () => clock.t,
      ...overrides,
    });
  return { clock, backend, open, cache: open() };
}

const doc = (n: number) => ({ text: 'x'.repeat(n) });

describe('createCache', () => {
  it('stores and returns copies of values', async () => {
    const { cache } = setup();
    const value = { text: 'hello' };
    await cache.set('k', value);
    value.text = 'mutated';
    const got = await cache.get('k');
    expect(got).toEqual({ text: 'hello' });
    got!.text = 'changed';
    expect(await cache.get('k')).toEqual({ text: 'hello' });
    expect(await cache.get('missing')).toBeUndefined();
    expect(await cache.stats()).toMatchObject({
      entries: 1,
      hits: 2,
      misses: 1,
      backend: 'custom',
    });
  });

  it('expires entries after their time to live, with per-entry overrides', async () => {
    const { cache, clock } = setup();
    await cache.set('default', doc(1));
    await cache.set('short', doc(1), 1000);
    clock.t += 1000;
    expect(await cache.get('short')).toBeUndefined();
    expect(await cache.get('default')).toEqual(doc(1));
    clock.t += 9000;
    expect(await cache.get('default')).toBeUndefined();
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0, expired: 2 });
  });

  it('sweeps expired entries when a new context opens the same store', async () => {
    const { cache, clock, open } = setup();
    await cache.set('old', doc(10), 1000);
    await cache.set('fresh', doc(20));
    clock.t += 5000;
    const restarted = open();
    await restarted.ready;
    const stats = await restarted.stats();
    expect(stats).toMatchObject({ entries: 1, expired: 1, hits: 0 });
    expect(stats.bytes).toBe(estimateBytes('fresh', doc(20)));
    expect(await restarted.get('fresh')).toEqual(doc(20));
  });

  it('evicts the least recently used entries when over the size cap', async () => {
    const { cache, clock } = setup({ maxBytes: 800, ttlMs: 3_600_000 });
    await cache.set('a', doc(200));
    clock.t += 61_000;
    await cache.set('b', doc(200));
    clock.t += 61_000;
    await cache.set('c', doc(200));
    clock.t += 61_000;
    expect(await cache.get('a')).toBeDefined(); // a is now the most recently used
    await cache.set('d', doc(200));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
    expect(await cache.get('d')).toBeDefined();
    const stats = await cache.stats();
    expect(stats.evicted).toBe(1);
    expect(stats.bytes).toBeLessThanOrEqual(800 * 0.9);
    expect(stats.entries).toBe(3);
  });

  it('keeps byte and entry totals right when replacing, deleting and clearing', async () => {
    const { cache } = setup();
    await cache.set('k', doc(100));
    await cache.set('k', doc(10));
    expect(await cache.stats()).toMatchObject({ entries: 1, bytes: estimateBytes('k', doc(10)) });
    await cache.delete('k');
    await cache.delete('never-there');
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    await cache.set('x', doc(1));
    await cache.set('y', doc(1));
    await cache.clear();
    expect(await cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect(await cache.get('x')).toBeUndefined();
  });

  it('does not store an entry larger than the whole cache', async () => {
    const { cache } = setup({ maxBytes: 100 });
    await cache.set('small', doc(10));
    await cache.set('huge', doc(500));
    expect(await cache.get('huge')).toBeUndefined();
    expect(await cache.get('small')).toEqual(doc(10));
  });

  it('runs concurrent operations in order', async () => {
    const { cache } = setup();
    const writes = Array.from({ length: 20 }, (_, i) => cache.set(`k${i % 5}`, doc(i)));
    const read = cache.get('k4');
    await Promise.all(writes);
    expect(await read).toEqual(doc(19));
    expect(await cache.stats()).toMatchObject({ entries: 5 });
  });

  it('uses memory where IndexedDB does not exist', async () => {
    const cache = createCache({ name: 'auto', maxBytes: 100, ttlMs: 1000 });
    await cache.set('k', { v: 1 });
    expect(await cache.get('k')).toEqual({ v: 1 });
    expect((await cache.stats()).backend).toBe('memory');
  });
});

describe('named caches', () => {
  it('pages live a day and results six hours', () => {
    expect(CACHE_SPECS.pages.ttlMs).toBe(24 * 3600_000);
    expect(CACHE_SPECS.results.ttlMs).toBe(6 * 3600_000);
    expect(CACHE_SPECS.pages.name).not.toBe(CACHE_SPECS.results.name);
  });

  it('open typed caches', async () => {
    const pages = openPageCache('memory');
    await pages.set('https://example.com/', {
      url: 'https://example.com/',
      title: 'T',
      siteName: 'example.com',
      text: 'a',
      blocks: ['a'],
    });
    expect((await pages.get('https://example.com/'))?.title).toBe('T');
    const results = openResultCache('memory');
    expect(await results.get('none')).toBeUndefined();
    expect((await results.stats()).maxBytes).toBe(CACHE_SPECS.results.maxBytes);
  });
});

describe('estimateBytes', () => {
  it('grows with the value', () => {
    expect(estimateBytes('k', { text: 'abc' })).toBeLessThan(
      estimateBytes('k', { text: 'abcdef' }),
    );
    expect(estimateBytes('key', undefined)).toBe(3);
  });
});
