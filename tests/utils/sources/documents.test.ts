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
});
