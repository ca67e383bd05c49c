// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fitListwise, fitLogistic } from '../../../utils/ranking/fit';
import { linear, sigmoid } from '../../../utils/ranking/model';
import { Bm25 } from '../../../utils/ranking/bm25-baseline';

describe('fitLogistic', () => {
  it('learns the informative feature and ignores the noise', () => {
    const x: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < 400; i++) {
      const signal = (i % 20) / 20;
      const noise = ((i * 7919) % 13) / 13;
      x.push([signal, noise]);
      y.push(signal + 0.1 * Math.sin(i) > 0.5 ? 1 : 0);
    }
    const m = fitLogistic(x, y, { lambda: 0.1 });
    expect(m.weights[0]).toBeGreaterThan(5);
    expect(Math.abs(m.weights[1]!)).toBeLessThan(1);
    expect(sigmoid(linear(m, [0.9, 0.5]))).toBeGreaterThan(0.9);
    expect(sigmoid(linear(m, [0.1, 0.5]))).toBeLessThan(0.1);
  });

  it('zeroes masked features', () => {
    const m = fitLogistic(
      [
        [1, 1],
        [0, 0],
        [1, 0],
        [0, 1],
      ],
      [1, 0, 1, 0],
      { mask: [false, true] },
    );
    expect(m.weights[0]).toBe(0);
  });
});

describe('fitListwise', () => {
  it('learns to put the supporting candidate of each group first', () => {
    const groups = Array.from({ length: 30 }, (_, g) => ({
      x: [
        [0.9, (g % 5) / 5],
        [0.2, ((g + 2) % 5) / 5],
        [0.4, ((g + 4) % 5) / 5],
      ],
      y: [1, 0, 0],
    }));
    const m = fitListwise(groups, { lambda: 0.01 });
    expect(m.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(m.weights[1]!)).toBeLessThan(m.weights[0]!);
  });
});

describe('Bm25 baseline', () => {
  it('ranks the document with the rarer matching word first', () => {
    const bm = new Bm25(['the cat sat', 'the dog sat', 'the zebra ran']);
    expect(bm.rank('zebra sat')[0]).toBe(2);
    expect(bm.scores('unicorn').every((s) => s === 0)).toBe(true);
  });
});
