import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import {
  MAX_SENTENCES,
  setWrongSource,
  withReaderVerdicts,
  wrongSourcesFor,
} from '@/utils/feedback/store';
import { sourced } from '../../components/fixtures';

const SENTENCE = 'The ferry will resume its daily crossings on 3 June.';

describe('wrong-source store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers a verdict for the sentence, whatever its spacing and case', async () => {
    expect(await setWrongSource(SENTENCE, 'https://a.example/', true)).toEqual([
      'https://a.example/',
    ]);
    const found = await wrongSourcesFor(['the ferry will resume its  daily crossings on 3 June.']);
    expect([...found.values()].map((s) => [...s])).toEqual([['https://a.example/']]);
  });

  it('undoes a verdict and forgets the sentence when nothing is left', async () => {
    await setWrongSource(SENTENCE, 'https://a.example/', true);
    expect(await setWrongSource(SENTENCE, 'https://a.example/', false)).toEqual([]);
    expect((await wrongSourcesFor([SENTENCE])).size).toBe(0);
    expect(await browser.storage.local.get('wrongSources')).toEqual({ wrongSources: {} });
  });

  it('serialises quick writes so none is lost', async () => {
    await Promise.all([
      setWrongSource(SENTENCE, 'https://a.example/', true),
      setWrongSource(SENTENCE, 'https://b.example/', true),
    ]);
    const urls = [...((await wrongSourcesFor([SENTENCE])).get(SENTENCE) ?? [])].sort();
    expect(urls).toEqual(['https://a.example/', 'https://b.example/']);
  });

  it('forgets the oldest sentences beyond its bound', async () => {
    const table: Record<string, { urls: string[]; at: number }> = {};
    for (let i = 0; i < MAX_SENTENCES; i++)
      table[`sentence ${i}`] = { urls: ['https://x/'], at: i };
    await browser.storage.local.set({ wrongSources: table });
    await setWrongSource('A new sentence.', 'https://y.example/', true, 10_000_000);
    const stored = (await browser.storage.local.get('wrongSources')).wrongSources as object;
    expect(Object.keys(stored)).toHaveLength(MAX_SENTENCES);
    expect(stored).not.toHaveProperty('sentence 0');
    expect(stored).toHaveProperty('a new sentence.');
  });

  it('ignores malformed stored entries', async () => {
    await browser.storage.local.set({
      wrongSources: { [SENTENCE.toLowerCase()]: { urls: 'nope', at: 1 }, other: null },
    });
    expect((await wrongSourcesFor([SENTENCE])).size).toBe(0);
  });

  it('applies verdicts to a batch of answers by sentence text', async () => {
    await setWrongSource(SENTENCE, 'https://site1.example/a', true);
    const results = [
      { ...sourced(2), id: 'a' },
      { ...sourced(2), id: 'b' },
    ];
    const out = await withReaderVerdicts(
      [
        { id: 'a', text: SENTENCE },
        { id: 'b', text: 'Another sentence entirely.' },
      ],
      results,
    );
    expect(out[0]!.sources.map((s) => s.siteName)).toEqual(['Site 2', 'Site 1']);
    expect(out[0]!.sources[1]!.flagged).toBe(true);
    expect(out[1]).toBe(results[1]);
  });
});
