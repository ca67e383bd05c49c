import { describe, expect, it } from 'vitest';
import { collapse, segmentCounts, shingles } from '../../eval/lib/metrics.mjs';

describe('eval metrics', () => {
  it('compares text as a reader sees it: soft hyphens and zero-width spaces are not there', () => {
    expect(collapse('Mit\u00ADtel\u00ADal\u00ADter  be\u200Bkannt')).toBe('Mittelalter bekannt');
    expect([...shingles('Mit\u00ADtel\u00ADal\u00ADter war der Wein').keys()]).toEqual([
      'Mittelalter war der Wein',
    ]);
    const seg = segmentCounts(
      { with: ['neben Barolo und Barbaresco'], without: ['Über den Autor'] },
      'Die Wei\u00ADne Ita\u00ADli\u00ADens, ne\u00ADben Ba\u00ADro\u00ADlo und Bar\u00ADba\u00ADres\u00ADco.',
    );
    expect(seg).toMatchObject({ tp: 1, fn: 0, fp: 0 });
  });
});
