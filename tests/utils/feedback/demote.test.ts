import { describe, expect, it } from 'vitest';
import { applyWrongSources, sentenceKey } from '@/utils/feedback/demote';
import { source, sourced } from '../../components/fixtures';

describe('applyWrongSources', () => {
  it('flags the wrong source and moves it after the others, keeping their order', () => {
    const answer = sourced(3);
    const out = applyWrongSources(answer, new Set(['https://site1.example/a']));
    expect(out.sources.map((s) => [s.siteName, s.flagged ?? false])).toEqual([
      ['Site 2', false],
      ['Site 3', false],
      ['Site 1', true],
    ]);
    // The input is not changed.
    expect(answer.sources[0]!.flagged).toBeUndefined();
  });

  it('unflags a source no longer in the set', () => {
    const answer = { id: 's1', status: 'sourced' as const, sources: [source({ flagged: true })] };
    const out = applyWrongSources(answer, new Set());
    expect(out.sources[0]).not.toHaveProperty('flagged');
  });

  it('leaves answers without sources alone', () => {
    const none = { id: 's1', status: 'none' as const, sources: [] };
    expect(applyWrongSources(none, new Set(['https://x.example/']))).toBe(none);
  });
});

describe('sentenceKey', () => {
  it('folds whitespace and case', () => {
    expect(sentenceKey('  The  Council\nvoted. ')).toBe(sentenceKey('the council voted.'));
  });
});
