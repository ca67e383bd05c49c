import { describe, expect, it } from 'vitest';
import { GAP, PAD, lineBoxes, place } from '@/utils/page/position';

const box = (left: number, top: number, right: number, bottom: number) => ({
  left,
  top,
  right,
  bottom,
});
const view = { width: 1000, height: 800 };

describe('lineBoxes', () => {
  it('merges the runs of one line and starts a new box for the next line', () => {
    const lines = lineBoxes([
      box(100, 100, 200, 118),
      box(200, 101, 320, 118),
      box(40, 120, 260, 138),
      box(0, 0, 0, 0),
    ]);
    expect(lines).toEqual([box(100, 100, 320, 118), box(40, 120, 260, 138)]);
  });
});

describe('place', () => {
  it('puts the card under the last line, aligned with its start', () => {
    const lines = [box(300, 100, 600, 118), box(40, 120, 260, 138)];
    const p = place(lines, { width: 380, height: 200 }, view);
    expect(p).toMatchObject({ side: 'bottom', x: 40, y: 138 + GAP });
    // The room below, capped at 60% of the viewport.
    expect(p.maxHeight).toBe(480);
  });

  it('goes over the first line when it does not fit below and there is more room above', () => {
    const lines = [box(300, 600, 600, 618), box(40, 620, 260, 638)];
    const p = place(lines, { width: 380, height: 300 }, view);
    expect(p.side).toBe('top');
    expect(p.x).toBe(300);
    expect(p.y).toBe(600 - GAP - 300);
  });

  it('stays below when there is more room there, and limits its height to that room', () => {
    const lines = [box(40, 300, 260, 318)];
    const p = place(lines, { width: 380, height: 700 }, view);
    expect(p.side).toBe('bottom');
    expect(p.maxHeight).toBe(800 - PAD - (318 + GAP));
  });

  it('keeps the card inside the viewport horizontally', () => {
    const right = place([box(900, 100, 990, 118)], { width: 380, height: 100 }, view);
    expect(right.x).toBe(1000 - 380 - PAD);
    const left = place([box(-50, 100, 90, 118)], { width: 380, height: 100 }, view);
    expect(left.x).toBe(PAD);
  });

  it('keeps a side it is told to keep', () => {
    const lines = [box(40, 600, 260, 618)];
    const p = place(lines, { width: 380, height: 150 }, view, 'top');
    expect(p.side).toBe('top');
    expect(p.y).toBe(600 - GAP - 150);
  });
});
