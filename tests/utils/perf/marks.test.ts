import { afterEach, describe, expect, it, vi } from 'vitest';

const ours = () =>
  performance
    .getEntries()
    .filter((e) => e.name.startsWith('sourcelight:'))
    .map((e) => e.name);

describe('perf marks', () => {
  afterEach(() => {
    performance.clearMarks();
    performance.clearMeasures();
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('writes nothing to the page timeline in a production build', async () => {
    vi.stubEnv('SOURCELIGHT_TEST_PORTS', '');
    const { mark, measure, PERF_MARKS } = await import('@/utils/perf/marks');
    mark('sourced');
    measure('slice', performance.now() - 1);
    expect(PERF_MARKS).toBe(false);
    expect(ours()).toEqual([]);
  });

  it('names marks and measures sourcelight:* in a test build, with the given span', async () => {
    vi.stubEnv('SOURCELIGHT_TEST_PORTS', '8601');
    const { mark, measure } = await import('@/utils/perf/marks');
    mark('sourced');
    measure('slice', 10, 14.5);
    expect(ours().sort()).toEqual(['sourcelight:slice', 'sourcelight:sourced']);
    const slice = performance.getEntriesByName('sourcelight:slice')[0]!;
    expect(slice.startTime).toBe(10);
    expect(slice.duration).toBeCloseTo(4.5);
  });
});
