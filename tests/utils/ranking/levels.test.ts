// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { buildIndex, contentOnlyLevel, rankDocuments, type Passage } from '../../../utils/ranking';
import {
  CONTENT_ONLY_MIN_COVERAGE,
  CONTENT_ONLY_THRESHOLD,
  PARTLY_THRESHOLD,
} from '../../../utils/ranking/levels';

const doc = (docId: string, sentences: string[]): Passage[] =>
  sentences.map((text, index) => ({ docId, index, text }));

describe('contentOnlyLevel', () => {
  it('asks more of a source the sentence does not cite than of a cited one', () => {
    expect(CONTENT_ONLY_THRESHOLD).toBeGreaterThan(PARTLY_THRESHOLD);
    // Partly by the cited bar, but a low score or a thin overlap is only "related" uncited.
    expect(contentOnlyLevel({ level: 'partly', score: 0.3, coverage: 0.8 })).toBe('related');
    expect(contentOnlyLevel({ level: 'partly', score: 0.9, coverage: 0.1 })).toBe('related');
    expect(contentOnlyLevel({ level: 'numbers-differ', score: 0.9, coverage: 0.2 })).toBe(
      'related',
    );
    // A strong, broad match keeps its level.
    expect(contentOnlyLevel({ level: 'partly', score: 0.6, coverage: 0.5 })).toBe('partly');
    expect(contentOnlyLevel({ level: 'supports', score: 0.99, coverage: 0.9 })).toBe('supports');
    expect(contentOnlyLevel({ level: 'related', score: 0.99, coverage: 0.9 })).toBe('related');
  });

  it('keeps a wire story from "partly" backing a sentence that only shares a word with its lead', () => {
    const wire = doc('wire', [
      'PORT ALDERY, March 27 (MPA) – A High Court judge on Thursday declared ineffective a 14-year contract to run ferries between Port Aldery and the islands, in a ruling that could force the city council to rerun the tender.',
      'The council said it would study the judgment before deciding whether to appeal.',
      '"We asked only for a fair contest, and the court has agreed that we did not get one," he said.',
    ]);
    const idx = buildIndex(wire, { lang: 'en' });
    for (const text of [
      'Commuters on the early sailing to Skerra seemed largely unaware of the ruling.',
      'One deckhand, who asked not to be named, said crews had heard nothing from their employer.',
    ]) {
      const [top] = rankDocuments(idx, { text, lang: 'en' }, 1);
      expect(top).toBeDefined();
      expect(top!.coverage).toBeLessThan(CONTENT_ONLY_MIN_COVERAGE);
      expect(contentOnlyLevel(top!)).toBe('related');
    }
    // The sentence the story does back keeps its level without a citation.
    const [backed] = rankDocuments(
      idx,
      { text: 'A judge declared the 14-year ferry contract ineffective on Thursday.', lang: 'en' },
      1,
    );
    expect(backed!.coverage).toBeGreaterThanOrEqual(CONTENT_ONLY_MIN_COVERAGE);
    expect(contentOnlyLevel(backed!)).not.toBe('related');
  });
});
