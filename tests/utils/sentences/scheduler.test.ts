import { afterEach, describe, expect, it, vi } from 'vitest';
import { newStats, runInSlices } from '@/utils/sentences/scheduler';

/** Work whose every step "takes" `msEach` on a fake clock. */
function* steps(count: number, msEach: number, clock: { t: number }) {
  for (let i = 0; i < count; i++) {
    clock.t += msEach;
    yield;
  }
  return count;
}

describe('runInSlices', () => {
  afterEach(() => vi.restoreAllMocks());

  it('ends each slice at the first yield past the budget and accounts the time', async () => {
    const clock = { t: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.t);
    const stats = newStats();
    const result = await runInSlices(steps(40, 3, clock), { budgetMs: 8, stats });
    expect(result).toBe(40);
    // 3 ms steps against an 8 ms budget: 3 steps (9 ms) per slice, 40 steps → 14 slices.
    expect(stats.slices).toBe(14);
    expect(stats.longestSliceMs).toBe(9);
    expect(stats.workMs).toBe(120);
  });

  it('records the longest single step and the longest afterSlice', async () => {
    const clock = { t: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.t);
    function* uneven() {
      for (const ms of [2, 2, 30, 1, 5]) {
        clock.t += ms;
        yield;
      }
    }
    let after = 0;
    const stats = newStats();
    await runInSlices(uneven(), {
      budgetMs: 8,
      stats,
      afterSlice: () => (clock.t += ++after === 2 ? 4 : 0.5),
    });
    // The 30 ms step makes its slice long on its own: 2 + 2 + 30 ms of steps and a 0.5 ms afterSlice.
    expect(stats.longestStepMs).toBe(30);
    expect(stats.longestAfterMs).toBe(4);
    expect(stats.longestSliceMs).toBe(34.5);
  });

  it('stops between slices when aborted', async () => {
    const ctrl = new AbortController();
    const clock = { t: 0 };
    vi.spyOn(performance, 'now').mockImplementation(() => clock.t);
    const run = runInSlices(steps(1_000_000, 1, clock), { budgetMs: 4, signal: ctrl.signal });
    setTimeout(() => ctrl.abort(), 20);
    await expect(run).rejects.toThrow(/Abort/);
  });
});
