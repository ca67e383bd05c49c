// @vitest-environment node
/** The screenshot comparison itself: PNG round trips and the tolerance rules (no browser). */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compareImages, decodePng, encodePng, type Image } from './png.ts';

function image(width: number, height: number, fill: (x: number, y: number) => number[]): Image {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(fill(x, y), (y * width + x) * 4);
  return { width, height, data };
}

const gradient = image(20, 10, (x, y) => [x * 12, y * 25, (x * y) % 256, 255]);
const tolerance = { threshold: 40, maxDiffShare: 0.01 };

describe('PNG', () => {
  it('round-trips RGBA', () => {
    expect(decodePng(encodePng(gradient))).toEqual(gradient);
  });

  it('decodes RGB rows that use every filter type', () => {
    // Hand-built: 3×5 RGB, one row per filter (None, Sub, Up, Average, Paeth).
    const w = 3;
    const rows = [0, 1, 2, 3, 4].map((f) => [
      f,
      ...Array.from({ length: w * 3 }, (_, i) => (i * 7 + f) % 50),
    ]);
    const raw = Buffer.from(rows.flat());
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(rows.length, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const chunk = (type: string, body: Buffer) => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(body.length);
      return Buffer.concat([len, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
    };
    const png = Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const img = decodePng(png);
    // Unfiltering by hand for the first pixel of each row: None keeps, Sub has no left
    // neighbour, Up adds the row above, Average adds half of it, Paeth picks the one above.
    const first = [0, 1, 2, 3, 4].map((y) => img.data[y * w * 4]);
    expect(first).toEqual([0, 1, 3, 4, 8]);
    expect(img.data[3]).toBe(255);
  });

  it('passes identical images and noise under the threshold', () => {
    const noisy = image(20, 10, (x, y) => [Math.min(255, x * 12 + 30), y * 25, (x * y) % 256, 255]);
    expect(compareImages(gradient, gradient, tolerance)).toMatchObject({
      pass: true,
      differing: 0,
    });
    expect(compareImages(gradient, noisy, tolerance).pass).toBe(true);
  });

  it('fails a changed region larger than the allowed share, and marks it red', () => {
    const changed = image(20, 10, (x, y) =>
      x < 5 && y < 2 ? [255, 255, 255, 255] : [x * 12, y * 25, (x * y) % 256, 255],
    );
    const r = compareImages(gradient, changed, tolerance);
    expect(r.pass).toBe(false);
    expect(r.differing).toBeGreaterThan(2);
    expect([...r.diff!.data.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
  });

  it('fails a size change', () => {
    const r = compareImages(
      gradient,
      image(20, 11, () => [0, 0, 0, 255]),
      tolerance,
    );
    expect(r).toMatchObject({ sameSize: false, pass: false });
  });
});
