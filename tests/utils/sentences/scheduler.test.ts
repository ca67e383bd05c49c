import { describe, expect, it } from 'vitest';
import { newStats, runInSlices } from '@/utils/sentences/scheduler';

function* busy(steps: number, msEach: number) {
  let done = 0;
  for (let i = 0; i < steps; i++) {
    const until = performance.now() + msEach;
    while (performance.now() < until) {
      /* work */
    }
    done++;
    yield;
  }
  return done;
}

describe('runInSlices', () => {
  it('runs the work to the end in several slices, each near the budget', async () => {
    const stats = newStats();
    const result = await runInSlices(busy(40, 2), { budgetMs: 8, stats });
    expect(result).toBe(40);
    expect(stats.slices).toBeGreaterThan(4);
    // A slice ends at the first yield after the budget: budget + one step.
    expect(stats.longestSliceMs).toBeLessThan(8 + 2 + 5);
    expect(stats.workMs).toBeGreaterThanOrEqual(80);
  });

  it('stops between slices when aborted', async () => {
    const ctrl = new AbortController();
    const run = runInSlices(busy(1000, 1), { budgetMs: 4, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 20);
    await expect(run).rejects.toThrow(/Abort/);
  });
});
