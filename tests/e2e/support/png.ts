/**
 * Just enough PNG for screenshot tests: decode the 8-bit RGB/RGBA, non-interlaced images that
 * Chromium and Firefox write, encode RGBA, and compare two images with a per-pixel threshold.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Decodes a PNG; throws on anything but 8-bit grey, RGB, grey+alpha or RGBA without interlace. */
export function decodePng(png: Uint8Array): Image {
  const buf = Buffer.from(png);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const body = buf.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colour!] ?? 0;
      if (depth !== 8 || !channels || interlace !== 0)
        throw new Error(
          `unsupported PNG (depth ${depth}, colour ${colour}, interlace ${interlace})`,
        );
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[out + x - channels]! : 0;
      const b = y > 0 ? rows[out - stride + x]! : 0;
      const c = x >= channels && y > 0 ? rows[out - stride + x - channels]! : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      rows[out + x] = (raw[src + x]! + pred) & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += channels) {
    const grey = channels <= 2;
    data[i * 4] = rows[j]!;
    data[i * 4 + 1] = grey ? rows[j]! : rows[j + 1]!;
    data[i * 4 + 2] = grey ? rows[j]! : rows[j + 2]!;
    data[i * 4 + 3] = channels === 4 ? rows[j + 3]! : channels === 2 ? rows[j + 1]! : 255;
  }
  return { width, height, data };
}

function chunk(type: string, body: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes RGBA as a PNG (no filtering; the diff images are small and only for people). */
export function encodePng(img: Image): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(img.width, 0);
  ihdr.writeUInt32BE(img.height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const stride = img.width * 4;
  const raw = Buffer.alloc((stride + 1) * img.height);
  for (let y = 0; y < img.height; y++)
    raw.set(img.data.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export interface CompareOptions {
  /** A pixel differs when a channel differs by more than this (0–255). */
  threshold: number;
  /** The share of differing pixels (0–1) still accepted. */
  maxDiffShare: number;
}

export interface Comparison {
  sameSize: boolean;
  differing: number;
  share: number;
  pass: boolean;
  /** The actual image faded, with differing pixels in red (null when the sizes differ). */
  diff: Image | null;
}

/** Compares `actual` with `expected` pixel by pixel. */
export function compareImages(expected: Image, actual: Image, opts: CompareOptions): Comparison {
  if (expected.width !== actual.width || expected.height !== actual.height)
    return { sameSize: false, differing: -1, share: 1, pass: false, diff: null };
  const n = actual.width * actual.height;
  const diff = new Uint8Array(n * 4);
  let differing = 0;
  for (let i = 0; i < n * 4; i += 4) {
    let max = 0;
    for (let c = 0; c < 4; c++)
      max = Math.max(max, Math.abs(expected.data[i + c]! - actual.data[i + c]!));
    const grey =
      (actual.data[i]! * 0.3 + actual.data[i + 1]! * 0.59 + actual.data[i + 2]! * 0.11) | 0;
    if (max > opts.threshold) {
      differing++;
      diff.set([255, 0, 0, 255], i);
    } else
      diff.set(
        [255 - ((255 - grey) >> 2), 255 - ((255 - grey) >> 2), 255 - ((255 - grey) >> 2), 255],
        i,
      );
  }
  const share = differing / n;
  return {
    sameSize: true,
    differing,
    share,
    pass: share <= opts.maxDiffShare,
    diff: { width: actual.width, height: actual.height, data: diff },
  };
}
