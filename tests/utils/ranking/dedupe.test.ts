// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  collapseCopies,
  estimateJaccard,
  shingles,
  signature,
} from '../../../utils/ranking/dedupe';

const story =
  'The central bank raised its key interest rate by half a percentage point on Thursday, the largest increase in two decades, as policymakers tried to curb inflation that has reached its highest level since the early 1980s. The decision was unanimous, the bank said in a statement.';
const other =
  'A new bridge across the river opened to traffic on Monday after four years of construction delays and cost overruns that more than doubled the original budget of the project.';

describe('near-duplicate detection', () => {
  it('estimates Jaccard close to the exact value', () => {
    const a = shingles(story);
    const b = shingles(story.replace('Thursday', 'Wednesday'));
    const inter = [...a].filter((x) => b.has(x)).length;
    const exact = inter / (a.size + b.size - inter);
    expect(Math.abs(estimateJaccard(signature(a), signature(b)) - exact)).toBeLessThan(0.15);
    expect(estimateJaccard(signature(a), signature(shingles(other)))).toBeLessThan(0.1);
  });

  it('folds copies of one wire story and counts them, keeping unrelated sources', () => {
    const docs = new Map([
      ['https://a.example/1', { text: `By Jane Roe. ${story} Read more.`, siteName: 'A News' }],
      ['https://b.example/2', { text: `${story} Subscribe now.`, siteName: 'B Daily' }],
      ['https://c.example/3', { text: other, siteName: 'C Post' }],
      ['https://d.example/4', { text: `(Wire) ${story}`, siteName: 'D Times' }],
    ]);
    const items = [...docs.keys()].map((url): { url: string; copies?: number } => ({ url }));
    const out = collapseCopies(items, docs);
    expect(out).toHaveLength(2);
    expect(out[0]!.copies).toBe(2);
    expect(out[1]!.url).toBe('https://c.example/3');
    expect(out[1]!.copies).toBeUndefined();
  });

  it('keeps the earliest dated copy as the original', () => {
    const docs = new Map([
      ['u1', { text: story }],
      ['u2', { text: story }],
    ]);
    const out = collapseCopies(
      [
        { url: 'u1', publishedAt: '2022-06-17T10:00:00Z' },
        { url: 'u2', publishedAt: '2022-06-16T08:00:00Z' },
      ],
      docs,
    );
    expect(out).toEqual([{ url: 'u2', publishedAt: '2022-06-16T08:00:00Z', copies: 1 }]);
  });

  it('prefers the copy the others credit by name', () => {
    const docs = new Map([
      ['u1', { text: `${story} Reporting by Reuters.`, siteName: 'Local Herald' }],
      ['u2', { text: story, siteName: 'Reuters' }],
    ]);
    const out = collapseCopies([{ url: 'u1' }, { url: 'u2' }], docs);
    expect(out[0]!.url).toBe('u2');
  });
});
