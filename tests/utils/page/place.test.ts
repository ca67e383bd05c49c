import { describe, expect, it } from 'vitest';
import { GAP, lineBoxes, MARGIN, placeBox, type Box } from '@/utils/page/place';

const box = (left: number, top: number, right: number, bottom: number): Box => ({
  left,
  top,
  right,
  bottom,
});
const VIEW = box(0, 0, 1280, 900);
const CARD = { width: 400, height: 300 };

describe('lineBoxes', () => {
  it('merges the rects of one line (text runs, a link, an emphasis) and orders lines top down', () => {
    const lines = lineBoxes([
      box(300, 140, 500, 160), // second line, a link
      box(100, 100, 400, 122), // first line, text
      box(400, 101, 700, 121), // first line, an emphasis a pixel lower
      box(100, 140, 300, 160), // second line, text
    ]);
    expect(lines).toEqual([box(100, 100, 700, 122), box(100, 140, 500, 160)]);
  });

  it('leaves out empty rects (collapsed runs, line breaks)', () => {
    expect(lineBoxes([box(10, 10, 10, 30), box(5, 50, 90, 50), box(20, 60, 80, 80)])).toEqual([
      box(20, 60, 80, 80),
    ]);
    expect(lineBoxes([])).toEqual([]);
  });

  it('keeps a taller inline box (a superscript, a big initial) on its line', () => {
    const lines = lineBoxes([box(100, 100, 200, 120), box(200, 94, 220, 126)]);
    expect(lines).toEqual([box(100, 94, 220, 126)]);
  });
});

describe('placeBox', () => {
  const sentence = [box(120, 400, 800, 422), box(100, 430, 460, 452)];

  it('puts the card under the last line, GAP down, where that line starts', () => {
    const p = placeBox(sentence, CARD, VIEW);
    expect(p).toMatchObject({ side: 'below', x: 100, y: 452 + GAP });
    // The room below, 900 - 8 - 460 = 432, is under 60% of the viewport (540).
    expect(p.maxHeight).toBe(432);
  });

  it('goes above the first line when it does not fit below and fits above', () => {
    const low = [box(120, 700, 800, 722), box(100, 730, 460, 752)];
    const p = placeBox(low, CARD, VIEW);
    expect(p.side).toBe('above');
    expect(p.x).toBe(120);
    expect(p.y).toBe(700 - GAP - 300);
    // The room above (684) is more than 60% of the viewport.
    expect(p.maxHeight).toBe(540);
  });

  it('fitting nowhere, takes the side with more room and is held to it', () => {
    const tall = { width: 400, height: 500 };
    const mid = [box(100, 380, 700, 402), box(100, 410, 600, 432)];
    // Below: 900 - 8 - 440 = 452; above: 380 - 8 - 8 = 364.
    const p = placeBox(mid, tall, VIEW);
    expect(p).toMatchObject({ side: 'below', y: 440, maxHeight: 452 });
    const higher = [box(100, 520, 700, 542), box(100, 550, 600, 572)];
    // Below: 900 - 8 - 580 = 312; above: 520 - 16 = 504.
    const q = placeBox(higher, tall, VIEW);
    expect(q).toMatchObject({ side: 'above', maxHeight: 504 });
    expect(q.y).toBe(520 - GAP - 500);
  });

  it('never gives less than 120 px, even where the room is smaller', () => {
    const squeezed = box(0, 0, 1280, 300);
    const p = placeBox([box(100, 130, 600, 150)], CARD, squeezed);
    // Below: 300 - 8 - 158 = 134; above: 130 - 16 = 114.
    expect(p).toMatchObject({ side: 'below', maxHeight: 134 });
    const q = placeBox([box(100, 150, 600, 170)], CARD, box(0, 0, 1280, 290));
    // Below: 290 - 8 - 178 = 104; above: 150 - 16 = 134: above, with its room.
    expect(q).toMatchObject({ side: 'above', maxHeight: 134 });
    const r = placeBox([box(100, 100, 600, 120)], CARD, box(0, 0, 1280, 230));
    // Below: 230 - 8 - 128 = 94; above: 84: below, and at least 120.
    expect(r).toMatchObject({ side: 'below', maxHeight: 120 });
  });

  it('moves sideways to stay MARGIN inside the viewport', () => {
    const right = [box(1100, 400, 1250, 422)];
    expect(placeBox(right, CARD, VIEW).x).toBe(1280 - MARGIN - 400);
    const left = [box(2, 400, 300, 422)];
    expect(placeBox(left, CARD, VIEW).x).toBe(MARGIN);
    // Wider than the viewport's room: the left edge stays in view.
    const narrow = box(0, 0, 320, 900);
    expect(placeBox([box(50, 400, 300, 422)], CARD, narrow).x).toBe(MARGIN);
  });

  it('works in the visual viewport of a zoomed page (an offset view)', () => {
    const zoomed = box(300, 200, 940, 650);
    const p = placeBox([box(320, 300, 900, 320)], CARD, zoomed);
    expect(p).toMatchObject({ side: 'below', x: 320, y: 328 });
    expect(p.maxHeight).toBe(Math.floor(450 * 0.6));
    expect(placeBox([box(900, 300, 930, 320)], CARD, zoomed).x).toBe(940 - MARGIN - 400);
  });
});
