/**
 * Where the reader's "wrong source" verdicts live: extension storage (storage.local), written
 * only by the background when a content script asks through the validated `markSource`
 * message, so a page can never write it. Bounded: the oldest sentences are forgotten first.
 */
import { storage } from 'wxt/utils/storage';
import type { SentenceSources } from '../messaging/types';
import { applyWrongSources, sentenceKey } from './demote';

/** Sentences remembered at most. */
export const MAX_SENTENCES = 2000;
/** Sources marked wrong per sentence at most. */
export const MAX_PER_SENTENCE = 50;

interface Entry {
  /** Source URLs marked wrong for the sentence. */
  urls: string[];
  /** When it last changed (ms since epoch), for forgetting the oldest. */
  at: number;
}

type Table = Record<string, Entry>;

const item = storage.defineItem<Table>('local:wrongSources', { fallback: {} });

/** Reads what is stored, dropping anything malformed. */
async function read(): Promise<Table> {
  const raw: unknown = await item.getValue();
  const table: Table = {};
  if (typeof raw !== 'object' || raw === null) return table;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const e = value as Partial<Entry> | null;
    if (!e || !Array.isArray(e.urls) || typeof e.at !== 'number') continue;
    const urls = e.urls.filter((u): u is string => typeof u === 'string');
    if (urls.length) table[key] = { urls, at: e.at };
  }
  return table;
}

/** Every sentence's wrong sources, for applying to a batch of answers with one read. */
export async function wrongSourcesFor(texts: readonly string[]): Promise<Map<string, Set<string>>> {
  const table = await read();
  const out = new Map<string, Set<string>>();
  for (const text of texts) {
    const e = table[sentenceKey(text)];
    if (e) out.set(text, new Set(e.urls));
  }
  return out;
}

// Writes are serialised so two quick clicks do not overwrite each other.
let queue: Promise<unknown> = Promise.resolve();

/** Marks (or unmarks) `url` as a wrong source for `sentence`; returns the sentence's list. */
export function setWrongSource(
  sentence: string,
  url: string,
  wrong: boolean,
  now = Date.now(),
): Promise<string[]> {
  const run = queue.then(async () => {
    const table = await read();
    const key = sentenceKey(sentence);
    const urls = (table[key]?.urls ?? []).filter((u) => u !== url);
    if (wrong) urls.push(url);
    if (urls.length) table[key] = { urls: urls.slice(-MAX_PER_SENTENCE), at: now };
    else delete table[key];
    const keys = Object.keys(table);
    if (keys.length > MAX_SENTENCES) {
      keys.sort((a, b) => table[a]!.at - table[b]!.at);
      for (const k of keys.slice(0, keys.length - MAX_SENTENCES)) delete table[k];
    }
    await item.setValue(table);
    return table[key]?.urls ?? [];
  });
  queue = run.catch(() => undefined);
  return run;
}

/** `results` with the reader's verdicts for their sentences applied (one storage read). */
export async function withReaderVerdicts(
  sentences: ReadonlyArray<{ id: string; text: string }>,
  results: SentenceSources[],
): Promise<SentenceSources[]> {
  const wrong = await wrongSourcesFor(sentences.map((s) => s.text));
  if (!wrong.size) return results;
  const textOf = new Map(sentences.map((s) => [s.id, s.text]));
  return results.map((r) => {
    const w = wrong.get(textOf.get(r.id) ?? '');
    return w ? applyWrongSources(r, w) : r;
  });
}
