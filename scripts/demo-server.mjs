// Serves the bundled demo news site (port 8601) and the sites its articles cite (8602–8609), one
// site per port so that every source is a separate origin, the way real citations are. Used by
// `npm run demo` and the end-to-end tests; `node scripts/demo-server.mjs` runs it standalone.
// Plain Node, no dependencies: it must start before anything is built or installed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'demo-site');

/**
 * One entry per port, in port order from `basePort`. The test build's loopback allowance covers
 * 8601–8609 only, so this list must not grow past nine sites.
 */
export const SITES = [
  { name: 'news', dir: 'news', letter: 'H', color: [26, 54, 93] },
  { name: 'stats', dir: 'sites/stats', letter: 'B', color: [0, 110, 90] },
  { name: 'wire', dir: 'sites/wire', letter: 'M', color: [200, 40, 40], redirect: true },
  { name: 'court', dir: 'sites/court', letter: 'J', color: [80, 40, 110] },
  { name: 'lab', dir: 'sites/lab', letter: 'T', color: [0, 120, 160] },
  { name: 'council', dir: 'sites/council', letter: 'P', color: [30, 100, 40] },
  { name: 'ministry', dir: 'sites/ministry', letter: 'J', color: [40, 40, 40] },
  { name: 'courier', dir: 'sites/courier', letter: 'N', color: [150, 90, 20] },
  { name: 'met', dir: 'sites/met', letter: 'W', color: [230, 120, 0] },
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** `/huge` must exceed the extension's 3 MB page limit with room to spare. */
const HUGE_BYTES = 4 * 1024 * 1024;

/**
 * Starts one HTTP server per site on `host`, ports `basePort`…`basePort + 8`.
 * @param {{ host?: string, basePort?: number }} [options]
 * @returns {Promise<{ sites: Record<string, string>, counts: Map<number, number>,
 *   reset: () => void, close: () => Promise<void> }>} site URLs by name (`news` is the article
 *   site), requests received per port, `reset()` to zero the counts, `close()` to stop everything.
 */
export async function startDemoServers({ host = '127.0.0.1', basePort = 8601 } = {}) {
  /** @type {Map<number, number>} */
  const counts = new Map();
  /** @type {Record<string, string>} */
  const sites = {};
  const servers = [];
  try {
    for (const [i, site] of SITES.entries()) {
      const port = basePort + i;
      counts.set(port, 0);
      const favicon = makeFavicon(site.letter, site.color);
      const server = createServer((req, res) => {
        counts.set(port, (counts.get(port) ?? 0) + 1);
        handle(site, favicon, req, res).catch(() => {
          if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Server error');
          else res.destroy();
        });
      });
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(undefined);
        });
      });
      servers.push(server);
      sites[site.name] = `http://${host}:${port}`;
    }
  } catch (error) {
    await closeAll(servers);
    throw error;
  }
  return {
    sites,
    counts,
    reset() {
      for (const port of counts.keys()) counts.set(port, 0);
    },
    close: () => closeAll(servers),
  };
}

/** Stops the servers, cutting open connections (a `/slow` drip would otherwise hold them up). */
async function closeAll(servers) {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise((resolve) => {
          server.close(() => resolve(undefined));
          server.closeAllConnections();
        }),
    ),
  );
}

/** Routes one request: test endpoints on the cited sites, then static files. */
async function handle(site, favicon, req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', {
      allow: 'GET, HEAD',
    });
  }
  if (url.pathname === '/favicon.ico') return send(res, 200, 'image/png', favicon, {}, req);
  if (site.name !== 'news') {
    if (url.pathname === '/redirect' && site.redirect) return redirect(url, res);
    if (url.pathname === '/slow') return slow(url, req, res);
    if (url.pathname === '/huge') return huge(url, req, res);
    if (url.pathname === '/binary') return binary(req, res);
  }
  return serveFile(site, url.pathname, req, res);
}

/** `/redirect?to=URL[&status=301|302|303|307|308]`: an open redirect, for redirect-hop tests. */
function redirect(url, res) {
  const to = url.searchParams.get('to');
  const status = Number(url.searchParams.get('status') ?? 302);
  if (!to || ![301, 302, 303, 307, 308].includes(status)) {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad redirect request');
  }
  return send(res, status, 'text/plain; charset=utf-8', `Redirecting to ${to}`, { location: to });
}

/**
 * `/slow[?interval=ms&total=ms]`: an HTML page whose bytes arrive one small chunk per interval
 * (default every 500 ms for 60 s), to exercise fetch timeouts.
 */
function slow(url, req, res) {
  const interval = clamp(Number(url.searchParams.get('interval') ?? 500), 10, 10_000);
  const total = clamp(Number(url.searchParams.get('total') ?? 60_000), 0, 300_000);
  res.writeHead(200, headers('text/html; charset=utf-8'));
  if (req.method === 'HEAD') return res.end();
  res.write('<!doctype html><html lang="en"><head><title>Slow page</title></head><body><p>');
  const started = Date.now();
  const timer = setInterval(() => {
    if (Date.now() - started >= total) {
      clearInterval(timer);
      res.end('</p></body></html>');
    } else {
      res.write('. ');
    }
  }, interval);
  res.on('close', () => clearInterval(timer));
}

/**
 * `/huge[?chunked=1]`: more than 3 MB of HTML. By default it declares its Content-Length, so a
 * client can refuse it from the headers; `chunked=1` omits it, so only a streaming cap stops it.
 */
function huge(url, req, res) {
  const chunked = url.searchParams.get('chunked') === '1';
  const paragraph = Buffer.from(
    '<p>This page is deliberately enormous so that size limits can be tested. ' +
      'Nothing on it is worth reading, and a careful client stops downloading it early.</p>\n',
  );
  const head = Buffer.from(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge page</title></head><body>\n',
  );
  const tail = Buffer.from('</body></html>\n');
  const repeats = Math.ceil((HUGE_BYTES - head.length - tail.length) / paragraph.length);
  const length = head.length + repeats * paragraph.length + tail.length;
  res.writeHead(
    200,
    headers('text/html; charset=utf-8', chunked ? {} : { 'content-length': String(length) }),
  );
  if (req.method === 'HEAD') return res.end();
  res.write(head);
  const block = Buffer.concat(Array.from({ length: 256 }, () => paragraph));
  let left = repeats;
  // Respect back-pressure so a client that stops reading does not make us buffer 4 MB.
  const pump = () => {
    while (left > 0) {
      const n = Math.min(256, left);
      left -= n;
      const ok = res.write(n === 256 ? block : block.subarray(0, n * paragraph.length));
      if (!ok) return void res.once('drain', pump);
    }
    res.end(tail);
  };
  res.on('close', () => (left = 0));
  pump();
}

/** `/binary`: 64 KiB of non-text bytes labelled application/octet-stream. */
function binary(req, res) {
  const bytes = Buffer.alloc(65_536);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 0xff;
  return send(res, 200, 'application/octet-stream', bytes, {}, req);
}

/** Serves a file from the site's folder; `/` and `/dir/` map to `index.html`. */
async function serveFile(site, pathname, req, res) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return notFound(res);
  }
  const siteRoot = path.join(root, site.dir);
  let file = path.join(siteRoot, path.normalize(decoded));
  if (!file.startsWith(siteRoot + path.sep) && file !== siteRoot) return notFound(res);
  if (decoded.endsWith('/')) file = path.join(file, 'index.html');
  const type = TYPES[path.extname(file)];
  if (!type) return notFound(res);
  try {
    if (!(await stat(file)).isFile()) return notFound(res);
  } catch {
    return notFound(res);
  }
  return send(res, 200, type, await readFile(file), {}, req);
}

function notFound(res) {
  const body =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title>' +
    '</head><body><h1>Page not found</h1><p>There is no page at this address.</p></body></html>';
  return send(res, 404, 'text/html; charset=utf-8', body);
}

/** Headers every response carries: the demo must never be served from a cache. */
function headers(type, extra = {}) {
  return { 'content-type': type, 'cache-control': 'no-store', ...extra };
}

function send(res, status, type, body, extra = {}, req = undefined) {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, headers(type, { 'content-length': String(buffer.length), ...extra }));
  res.end(req?.method === 'HEAD' ? undefined : buffer);
}

function clamp(n, lo, hi) {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}

// --- favicons: a 32×32 PNG per site, a white capital on the site's colour, drawn in code ---

/** 5×7 glyphs for the capitals the sites use, one string per row. */
const GLYPHS = {
  B: ['1111 ', '1   1', '1   1', '1111 ', '1   1', '1   1', '1111 '],
  H: ['1   1', '1   1', '1   1', '11111', '1   1', '1   1', '1   1'],
  J: ['  111', '   1 ', '   1 ', '   1 ', '1  1 ', '1  1 ', ' 11  '],
  M: ['1   1', '11 11', '1 1 1', '1 1 1', '1   1', '1   1', '1   1'],
  N: ['1   1', '11  1', '1 1 1', '1 1 1', '1  11', '1   1', '1   1'],
  P: ['1111 ', '1   1', '1   1', '1111 ', '1    ', '1    ', '1    '],
  T: ['11111', '  1  ', '  1  ', '  1  ', '  1  ', '  1  ', '  1  '],
  W: ['1   1', '1   1', '1   1', '1 1 1', '1 1 1', '11 11', '1   1'],
};

/** Draws the site's letter and encodes it as a PNG (RGB, no filter), returning the file bytes. */
export function makeFavicon(letter, [r, g, b]) {
  const size = 32;
  const scale = 4;
  const glyph = GLYPHS[letter] ?? GLYPHS.H;
  const left = (size - 5 * scale) / 2;
  const top = (size - 7 * scale) / 2;
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    raw[row] = 0; // filter type: none
    for (let x = 0; x < size; x++) {
      const gx = Math.floor((x - left) / scale);
      const gy = Math.floor((y - top) / scale);
      const on = x >= left && y >= top && glyph[gy]?.[gx] === '1';
      const at = row + 1 + x * 3;
      raw[at] = on ? 255 : r;
      raw[at + 1] = on ? 255 : g;
      raw[at + 2] = on ? 255 : b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

let crcTable;
function crc32(buf) {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// --- standalone: `node scripts/demo-server.mjs [--port 8601]` ---

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const portFlag = process.argv.indexOf('--port');
  const basePort = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 8601;
  const demo = await startDemoServers({ basePort });
  console.log('Sourcelight demo sites (Ctrl-C to stop):');
  for (const [name, url] of Object.entries(demo.sites)) console.log(`  ${name.padEnd(9)}${url}/`);
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
