import { describe, expect, it } from 'vitest';
import { findArticle, findArticleSteps } from '../../../utils/article/index';
import { scan } from '../../../utils/article/scan';
import { selectBlocks, selectBlocksSteps } from '../../../utils/article/select';
import { drain } from '../../../utils/article/steps';
import { readJsonLd, readJsonLdSteps } from '../../../utils/article/structured';
import { P1, P2, P3, page } from './fixtures';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** Run steps to the end, counting the yields (the points where a slice may end). */
function countYields<T>(steps: Generator<void, T, void>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, yields };
    yields++;
  }
}

/** A long article: many paragraphs, each with a link, and several JSON-LD blocks. */
function bigPage(paragraphs: number, ldBlocks: number): string {
  const body = Array.from(
    { length: paragraphs },
    (_, i) => `<p>${i % 3 === 0 ? P1 : i % 3 === 1 ? P2 : P3} <a href="/n/${i}">note ${i}</a></p>`,
  ).join('\n');
  const ld = Array.from(
    { length: ldBlocks },
    (_, i) =>
      `<script type="application/ld+json">${JSON.stringify({
        '@type': i === ldBlocks - 1 ? 'NewsArticle' : 'Organization',
        headline: `Stated headline ${i}`,
        datePublished: '2024-03-01T10:00:00Z',
      })}</script>`,
  ).join('');
  return page(`<article><h1>Night buses to run until 3am</h1>${body}</article>`, ld);
}

describe('resumable article finding', () => {
  it('reads every JSON-LD block in its own step, with the same answer as reading at once', () => {
    const doc = parse(bigPage(3, 12));
    const { value, yields } = countYields(readJsonLdSteps(doc));
    expect(yields).toBeGreaterThanOrEqual(12);
    expect(value).toEqual(readJsonLd(doc));
    expect(value?.headline).toBe('Stated headline 11');
  });

  it('selects blocks a few dozen per step, with the same blocks as selecting at once', () => {
    const doc = parse(bigPage(300, 0));
    const result = drain(scan(doc));
    expect(result.blocks.length).toBeGreaterThanOrEqual(300);
    const root = result.root!;
    const { value, yields } = countYields(selectBlocksSteps(result, root));
    expect(yields).toBeGreaterThanOrEqual(Math.floor(result.blocks.length / 32));
    expect(value).toEqual(selectBlocks(result, root));
  });

  it('scans in steps of a few dozen nodes', () => {
    const doc = parse(bigPage(300, 0));
    const nodes = doc.body.querySelectorAll('*').length;
    const { yields } = countYields(scan(doc));
    // Every element is opened once and each paragraph holds two text nodes: far more than 32
    // nodes per step would mean an unbounded step.
    expect(yields).toBeGreaterThanOrEqual(Math.floor(nodes / 32));
  });

  it('finds the same article in steps as at once, yielding throughout', () => {
    const doc = parse(bigPage(300, 4));
    const { value, yields } = countYields(findArticleSteps(doc));
    const once = findArticle(doc);
    expect(value?.root).toBe(once?.root);
    expect(value?.blocks).toEqual(once?.blocks);
    expect(value?.headline).toBe(once?.headline);
    expect(value?.publishedAt).toBe('2024-03-01T10:00:00.000Z');
    expect(yields).toBeGreaterThan(300 / 32);
  });
});
