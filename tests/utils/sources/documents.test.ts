// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { extractFetched } from '@/utils/extract';
import { segmentSentences } from '@/utils/sentences/segment';
import { DocumentLoader, isFailed, type LoadedDoc } from '@/utils/sources/documents';

const PAGE =
  '<html><head><title>Prices</title></head><body><article><p>Consumer prices rose 3.1 per cent in the year to May, the statistics office said.</p></article></body></html>';

/** A loader whose cache writes hang until released, counting fetches. */
function slowWriteLoader() {
  const fetched: string[] = [];
  const stored = new Map<string, LoadedDoc>();
  let release = () => {};
  const writeGate = new Promise<void>((r) => (release = r));
  const loader = new DocumentLoader({
    fetchText: async (url) => {
      fetched.push(url);
      if (url.includes('dead')) throw new Error('unreachable');
      return { finalUrl: url, body: PAGE, contentType: 'text/html' };
    },
    fetchFavicon: async () => undefined,
    extract: (body, url, type) => extractFetched(body, url, type),
    segment: segmentSentences,
    cache: {
      get: async (k) => stored.get(k),
      set: async (k, v) => {
        await writeGate;
        stored.set(k, v);
      },
    },
    describeError: () => 'The linked page could not be reached',
  });
  return { loader, fetched, stored, release };
}

describe('DocumentLoader', () => {
  it('answers before its cache write finishes, and does not fetch again meanwhile', async () => {
    const { loader, fetched, stored, release } = slowWriteLoader();
    const doc = await loader.load('https://stats.example/cpi');
    expect(isFailed(doc)).toBe(false);
    expect(stored.size).toBe(0); // the write is still pending: the answer did not wait for it
    await loader.load('https://stats.example/cpi');
    expect(fetched).toEqual(['https://stats.example/cpi']);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(stored.has('https://stats.example/cpi')).toBe(true);
    await loader.load('https://stats.example/cpi'); // now from the cache
    expect(fetched).toHaveLength(1);
  });

  it('remembers a failed load behind the answer too', async () => {
    const { loader, stored, release } = slowWriteLoader();
    const doc = await loader.load('https://dead.example/');
    expect(isFailed(doc) && doc.error).toBe('The linked page could not be reached');
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(stored.get('https://dead.example/')).toEqual(doc);
  });

  it("fetches a site's favicon once for all its pages, and again after a failure", async () => {
    const icons: string[] = [];
    let fail = true;
    const loader = new DocumentLoader({
      fetchText: async (url) => ({ finalUrl: url, body: PAGE, contentType: 'text/html' }),
      fetchFavicon: async (url) => {
        icons.push(url);
        if (url.includes('flaky') && fail) {
          fail = false;
          throw new Error('timeout');
        }
        return 'data:image/png;base64,AA==';
      },
      extract: (body, url, type) => extractFetched(body, url, type),
      segment: segmentSentences,
      cache: { get: async () => undefined, set: async () => {} },
      describeError: () => 'failed',
    });
    const docs = await Promise.all(
      ['https://stats.example/cpi', 'https://stats.example/gdp', 'https://news.example/a'].map(
        (u) => loader.load(u),
      ),
    );
    await loader.load('https://stats.example/jobs');
    expect(icons).toEqual([
      'https://stats.example/favicon.ico',
      'https://news.example/favicon.ico',
    ]);
    for (const d of docs)
      expect(!isFailed(d) && d.faviconDataUrl).toBe('data:image/png;base64,AA==');
    // A failed icon is not remembered: the site's next page asks again, and gets it.
    const first = await loader.load('https://flaky.example/1');
    const second = await loader.load('https://flaky.example/2');
    expect(!isFailed(first) && first.faviconDataUrl).toBeUndefined();
    expect(!isFailed(second) && second.faviconDataUrl).toBe('data:image/png;base64,AA==');
  });
});
