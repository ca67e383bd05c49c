/**
 * A real Kiwix for end-to-end tests: builds a small ZIM from our own fixture pages
 * (`tests/e2e/fixtures/kiwix/`) with `zimwriterfs`, serves it with `kiwix-serve` on 127.0.0.1 and
 * counts the requests kiwix-serve itself logged (its `--verbose` output), so a test can say
 * what the extension asked the server, not what a stand-in would have seen.
 *
 * Checked against Debian bookworm's zim-tools 3.1.3 and kiwix-tools 3.3.0 (libkiwix 11):
 * - `books.name` is the ZIM file's name without `.zim`, not the `--name` metadata;
 * - search answers `/search?books.name=<book>&pattern=…&format=xml` with OpenSearch RSS whose
 *   item links are root-relative `/<book>/<path>` (no `/content/` prefix in this version) and
 *   resolve to the article page, with kiwix-serve's toolbar injected;
 * - several words in `pattern` must all match (a stricter search than most engines).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
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

/** A running kiwix-serve. */
export interface KiwixServer {
  origin: string;
  /** Every request kiwix-serve reported, in order. */
  readonly requests: KiwixRequest[];
  /** Requests whose path equals `path`; all when omitted. */
  count(path?: string): number;
  close(): Promise<void>;
}

/**
 * Reads kiwix-serve's `--verbose` log: each request is a block starting `Requesting :`, with
 * `full_url  : <path>` and the parsed `arguments :` as ` - name : value` lines.
 */
export function parseKiwixLog(log: string): KiwixRequest[] {
  const out: KiwixRequest[] = [];
  for (const block of log.split(/^Requesting :/m).slice(1)) {
    const path = /^full_url\s*:\s*(\S+)/m.exec(block)?.[1];
    if (!path) continue;
    const args: Record<string, string> = {};
    const section = /^arguments :\n((?: - .*\n)*)/m.exec(block)?.[1] ?? '';
    for (const line of section.split('\n')) {
      const m = /^ - (\S+) : (.*)$/.exec(line);
      if (m) args[m[1]!] = m[2]!;
    }
    out.push({ path, args });
  }
  return out;
}

const PROBE_ID = 'sourcelight-readiness';
const PROBE = `/skin/caret.png?probe=${PROBE_ID}`;

/** Starts `kiwix-serve --verbose` for `zim` on 127.0.0.1:`port` and waits until it answers. */
export async function startKiwixServe(zim: string, port = 8615): Promise<KiwixServer> {
  requireKiwixTools();
  const origin = `http://127.0.0.1:${port}`;
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
      String(port),
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
    const ok = await fetch(`${origin}${PROBE}`).then(
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
  // The readiness probes are ours, not the extension's.
  const requests = () => parseKiwixLog(log).filter((r) => r.args.probe !== PROBE_ID);
  return {
    origin,
    get requests() {
      return requests();
    },
    count: (path?: string) =>
      requests().filter((r) => path === undefined || r.path === path).length,
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
