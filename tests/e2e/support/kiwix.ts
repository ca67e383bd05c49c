/**
 * A real Kiwix for end-to-end tests: builds a small ZIM from our own fixture pages
 * (`tests/e2e/fixtures/kiwix/`) with `zimwriterfs`, serves it with `kiwix-serve` on 127.0.0.1 and
 * records every request on its way to kiwix-serve, so a test can say what the extension asked
 * the real server, not what a stand-in would have seen. (kiwix-serve's own `--verbose` log was
 * read first, but it answers requests on several threads and their log lines interleave: a
 * search's arguments went missing when two requests came at once.)
 *
 * Checked against Debian bookworm's zim-tools 3.1.3 and kiwix-tools 3.3.0 (libkiwix 11):
 * - `books.name` is the ZIM file's name without `.zim`, not the `--name` metadata;
 * - search answers `/search?books.name=<book>&pattern=…&format=xml` with OpenSearch RSS whose
 *   item links are root-relative `/<book>/<path>` (no `/content/` prefix in this version) and
 *   resolve to the article page, with kiwix-serve's toolbar injected;
 * - several words in `pattern` must all match (a stricter search than most engines).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { REPO_ROOT } from '../harness/index.ts';

/** Our encyclopedia pages, packed into the ZIM. */
export const KIWIX_FIXTURES = join(REPO_ROOT, 'tests/e2e/fixtures/kiwix');

const INSTALL_HINT = 'apt-get install zim-tools kiwix-tools';

/**
 * Throws, naming the Debian packages, when `zimwriterfs` or `kiwix-serve` is missing. The test
 * must fail, not skip: a skipped provider test would look like a passing one in CI.
 */
export function requireKiwixTools(): void {
  const missing = ['zimwriterfs', 'kiwix-serve'].filter(
    (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error !== undefined,
  );
  if (missing.length)
    throw new Error(
      `${missing.join(' and ')} not found: the Kiwix provider test needs a real kiwix-serve. ` +
        `Install them with \`${INSTALL_HINT}\`.`,
    );
}

/** A plain 48×48 RGB PNG: zimwriterfs insists on an illustration of exactly that size. */
export function illustrationPng(size = 48, [r, g, b] = [30, 90, 160]): Buffer {
  const row = 1 + size * 3;
  const raw = Buffer.alloc(size * row);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) raw.set([r, g, b], y * row + 1 + x * 3); // filter byte 0
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
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

/** A built ZIM in a temporary folder. */
export interface FixtureZim {
  /** Absolute path of the `.zim` file. */
  path: string;
  /** What kiwix-serve calls the book (`books.name`): the file name without `.zim`. */
  book: string;
  /** Deletes the temporary folder. */
  remove(): void;
}

/** Packs the fixture pages into `<tmp>/<book>.zim` with a full-text index. */
export function buildFixtureZim(book = 'harrow_coast'): FixtureZim {
  requireKiwixTools();
  const dir = mkdtempSync(join(tmpdir(), 'sourcelight-kiwix-'));
  const html = join(dir, 'html');
  cpSync(KIWIX_FIXTURES, html, { recursive: true });
  writeFileSync(join(html, 'illustration.png'), illustrationPng());
  const path = join(dir, `${book}.zim`);
  const args = [
    '--welcome=index.html',
    '--illustration=illustration.png',
    '--language=eng',
    '--title=Harrow Coast Encyclopedia',
    '--description=Encyclopedia fixture for Sourcelight tests',
    '--creator=Sourcelight',
    '--publisher=Sourcelight',
    // Deliberately not the file name: kiwix-serve searches by file name, and the test proves it.
    '--name=sourcelight-harrow-coast',
    html,
    path,
  ];
  const run = spawnSync('zimwriterfs', args, { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`zimwriterfs failed (${run.status}): ${run.stderr || run.stdout}`);
  }
  return { path, book, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One request kiwix-serve logged. */
export interface KiwixRequest {
  /** The path, e.g. `/search` or `/harrow_coast/Storm_Ilsa.html`. */
  path: string;
  /** The query arguments kiwix-serve parsed. */
  args: Record<string, string>;
}

/** A port nothing listens on now, for kiwix-serve behind the recorder. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A pass-through on `port` that records each request (path and query arguments) and forwards it
 * untouched to kiwix-serve on `inner`, streaming the answer back as kiwix-serve gave it.
 */
async function startRecorder(
  port: number,
  inner: number,
  recorded: KiwixRequest[],
): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    recorded.push({ path: url.pathname, args: Object.fromEntries(url.searchParams) });
    const upstream = forward(
      { host: '127.0.0.1', port: inner, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

/** A running kiwix-serve. */
export interface KiwixServer {
  origin: string;
  /** Every request sent to kiwix-serve, in order. */
  readonly requests: KiwixRequest[];
  /** Requests whose path equals `path`; all when omitted. */
  count(path?: string): number;
  close(): Promise<void>;
}

/** Asked of kiwix-serve directly (not through the recorder) until it answers. */
const PROBE = '/skin/caret.png';

/** Starts `kiwix-serve --verbose` for `zim` on 127.0.0.1:`port` and waits until it answers. */
export async function startKiwixServe(zim: string, port = 8615): Promise<KiwixServer> {
  requireKiwixTools();
  const origin = `http://127.0.0.1:${port}`;
  const inner = await freePort();
  // kiwix-serve writes its log through stdio, block-buffered into a pipe: the last requests
  // would sit in its buffer (seen: an article fetch missing from the count). stdbuf makes it
  // line-buffered (it execs kiwix-serve, so the child's pid is kiwix-serve's own).
  const child: ChildProcess = spawn(
    'stdbuf',
    [
      '-oL',
      '-eL',
      'kiwix-serve',
      '--verbose',
      '--address',
      '127.0.0.1',
      '--port',
      String(inner),
      zim,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (log += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const until = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kiwix-serve exited: ${log}`);
    const ok = await fetch(`http://127.0.0.1:${inner}${PROBE}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) {
      child.kill();
      throw new Error(`kiwix-serve did not answer on ${origin}: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const recorded: KiwixRequest[] = [];
  const recorder = await startRecorder(port, inner, recorded).catch((err: unknown) => {
    child.kill();
    throw err;
  });
  const requests = () => [...recorded];
  return {
    origin,
    get requests() {
      return requests();
    },
    count: (path?: string) =>
      requests().filter((r) => path === undefined || r.path === path).length,
    async close() {
      recorder.closeAllConnections();
      await new Promise((resolve) => recorder.close(resolve));
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
