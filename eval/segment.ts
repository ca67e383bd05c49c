/**
 * Sentence segmentation evaluation: exact-match share per language for our segmenter and for bare
 * Intl.Segmenter on a JSON-lines test file, plus the throughput of both on a long real text.
 *
 *   npx tsx eval/segment.ts --data FILE.jsonl [--data FILE2.jsonl] [--json OUT.json]
 *       [--floors eval/floors/segment.json] [--failures] [--mode plain|clean|pdf|all]
 *
 * Each (lang, text) pair counts once. For files with a `mode` field (pySBD's tests), plain-mode
 * cases are scored and the other modes are printed for information only. A case passes when
 * the list of sentences, each trimmed, equals the expected list, each trimmed.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { segmentSentences } from '../utils/sentences/segment';

interface Case {
  lang: string;
  text: string;
  sentences: string[];
  mode?: string;
}

interface Tally {
  passed: number;
  total: number;
}

type Scores = Record<string, Tally>;

interface FileResult {
  file: string;
  ours: Scores;
  intl: Scores;
  failures: Array<{ lang: string; text: string; expected: string[]; got: string[] }>;
}

interface Floors {
  [file: string]: {
    total?: { minPassed?: number; minShare?: number };
    langs?: Record<string, number>;
  };
}

function parseArgs(argv: string[]): {
  data: string[];
  json?: string;
  floors?: string;
  failures: boolean;
  mode: string;
} {
  const data: string[] = [];
  let json: string | undefined;
  let floors: string | undefined;
  let failures = false;
  let mode = 'plain';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const takesValue = a === '--data' || a === '--json' || a === '--floors' || a === '--mode';
    const v = takesValue ? argv[++i] : undefined;
    if (takesValue && v === undefined) {
      console.error(`${a} needs a value`);
      process.exit(2);
    }
    if (a === '--data') data.push(v as string);
    else if (a === '--json') json = v;
    else if (a === '--floors') floors = v;
    else if (a === '--mode') mode = v as string;
    else if (a === '--failures') failures = true;
    else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (data.length === 0) {
    console.error(
      'usage: npx tsx eval/segment.ts --data FILE.jsonl [--json OUT.json] [--floors FILE] [--failures]',
    );
    process.exit(2);
  }
  return { data, json, floors, failures, mode };
}

function readCases(file: string): Case[] {
  const cases: Case[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Case;
    cases.push({ lang: o.lang, text: o.text, sentences: o.sentences, mode: o.mode });
  }
  return cases;
}

/** First occurrence of each (lang, text) pair only. */
function dedupe(cases: Case[]): Case[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = `${c.lang}\u0000${c.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const intlCache = new Map<string, Intl.Segmenter>();
function intlSegmenter(lang: string): Intl.Segmenter {
  let s = intlCache.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    intlCache.set(lang, s);
  }
  return s;
}

function oursSentences(text: string, lang: string): string[] {
  return segmentSentences(text, lang).map((s) => text.slice(s.start, s.end));
}

function intlSentences(text: string, lang: string): string[] {
  const out: string[] = [];
  for (const seg of intlSegmenter(lang).segment(text)) {
    const s = seg.segment.trim();
    if (s) out.push(s);
  }
  return out;
}

function same(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if ((a[i] as string).trim() !== (b[i] as string).trim()) return false;
  return true;
}

function score(cases: Case[], file: string): FileResult {
  const ours: Scores = {};
  const intl: Scores = {};
  const failures: FileResult['failures'] = [];
  for (const c of cases) {
    const o = (ours[c.lang] ??= { passed: 0, total: 0 });
    const n = (intl[c.lang] ??= { passed: 0, total: 0 });
    o.total++;
    n.total++;
    const expected = c.sentences.map((s) => s.trim()).filter((s) => s.length > 0);
    const got = oursSentences(c.text, c.lang);
    if (same(got, expected)) o.passed++;
    else failures.push({ lang: c.lang, text: c.text, expected, got });
    if (same(intlSentences(c.text, c.lang), expected)) n.passed++;
  }
  return { file, ours, intl, failures };
}

function total(s: Scores): Tally {
  const t = { passed: 0, total: 0 };
  for (const v of Object.values(s)) {
    t.passed += v.passed;
    t.total += v.total;
  }
  return t;
}

function pct(t: Tally): string {
  return t.total === 0 ? '  n/a' : `${((100 * t.passed) / t.total).toFixed(1).padStart(5)}%`;
}

function printTable(title: string, r: FileResult): void {
  console.log(`\n${title}`);
  console.log(`  ${'lang'.padEnd(6)} ${'ours'.padStart(14)} ${'Intl.Segmenter'.padStart(18)}`);
  const langs = Object.keys(r.ours).sort();
  for (const lang of langs) {
    const o = r.ours[lang] as Tally;
    const n = r.intl[lang] as Tally;
    console.log(
      `  ${lang.padEnd(6)} ${`${o.passed}/${o.total}`.padStart(7)} ${pct(o)} ${`${n.passed}/${n.total}`.padStart(10)} ${pct(n)}`,
    );
  }
  const to = total(r.ours);
  const tn = total(r.intl);
  console.log(
    `  ${'TOTAL'.padEnd(6)} ${`${to.passed}/${to.total}`.padStart(7)} ${pct(to)} ${`${tn.passed}/${tn.total}`.padStart(10)} ${pct(tn)}`,
  );
}

// ---- throughput -----------------------------------------------------------------------------

const WICE = resolve(import.meta.dirname, '../../shared/corpora/wice-claim-evidence/dev.jsonl');
const WICE_ALT = '/work/shared/corpora/wice-claim-evidence/dev.jsonl';

/**
 * A long real text: the WiCE evidence pages (news and web articles the claims cite), cut into
 * paragraph-sized blocks of six sentences, which is how the content script calls the segmenter.
 * (Intl.Segmenter slows down badly on multi-megabyte single strings, so one huge string would
 * not be a fair comparison.)
 */
function benchText(fallback: Case[]): { blocks: string[]; source: string } {
  const file = [WICE, WICE_ALT].find((f) => existsSync(f));
  if (file) {
    const blocks: string[] = [];
    let pages = 0;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { evidence?: string[] };
      if (!Array.isArray(o.evidence)) continue;
      pages++;
      for (let i = 0; i < o.evidence.length; i += 6)
        blocks.push(o.evidence.slice(i, i + 6).join(' '));
    }
    return {
      blocks,
      source: `WiCE dev evidence (${basename(file)}: ${pages} pages, ${blocks.length} blocks of 6 sentences)`,
    };
  }
  return { blocks: fallback.map((c) => c.text), source: 'the data file texts (WiCE not found)' };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** MB/s of UTF-8 input, median of 15 runs after 5 warm-up runs; both sides produce every span. */
function throughput(blocks: string[]): { ours: number; intl: number; mb: number } {
  const mb = blocks.reduce((a, b) => a + Buffer.byteLength(b, 'utf8'), 0) / 1e6;
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  const runOurs = (): number => {
    let count = 0;
    for (const b of blocks) count += segmentSentences(b, 'en').length;
    return count;
  };
  const runIntl = (): number => {
    let count = 0;
    for (const b of blocks) {
      // The least work that still yields each sentence's offsets (no trimming: generous to Intl).
      for (const s of seg.segment(b)) count += s.index >= 0 ? 1 : 0;
    }
    return count;
  };
  const time = (f: () => number): number[] => {
    for (let w = 0; w < 5; w++) f();
    const runs: number[] = [];
    for (let r = 0; r < 15; r++) {
      const t0 = performance.now();
      f();
      runs.push(performance.now() - t0);
    }
    return runs;
  };
  const ours = mb / (median(time(runOurs)) / 1000);
  const intl = mb / (median(time(runIntl)) / 1000);
  return { ours, intl, mb };
}

// ---- main -----------------------------------------------------------------------------------

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const results: FileResult[] = [];
  let allCases: Case[] = [];
  for (const file of args.data) {
    const cases = readCases(file);
    allCases = allCases.concat(cases);
    const hasModes = cases.some((c) => c.mode !== undefined);
    const name = basename(file);
    if (hasModes) {
      const scored = dedupe(cases.filter((c) => args.mode === 'all' || c.mode === args.mode));
      const r = score(scored, name);
      results.push(r);
      printTable(`${name} — mode ${args.mode} (scored), ${scored.length} unique cases`, r);
      for (const other of ['plain', 'clean', 'pdf'].filter(
        (m) => m !== args.mode && args.mode !== 'all',
      )) {
        const info = dedupe(cases.filter((c) => c.mode === other));
        if (info.length === 0) continue;
        const ri = score(info, name);
        const to = total(ri.ours);
        const tn = total(ri.intl);
        console.log(
          `  (informational) mode ${other}: ours ${to.passed}/${to.total} ${pct(to)}, Intl ${tn.passed}/${tn.total} ${pct(tn)}` +
            ' — these expect cleaned text (joined lines), which offsets cannot express',
        );
      }
    } else {
      const scored = dedupe(cases);
      const r = score(scored, name);
      results.push(r);
      printTable(`${name}, ${scored.length} unique cases`, r);
    }
  }

  if (args.failures) {
    for (const r of results) {
      console.log(`\nFailures in ${r.file}:`);
      for (const f of r.failures) {
        console.log(`- [${f.lang}] ${JSON.stringify(f.text)}`);
        console.log(`    expected ${JSON.stringify(f.expected)}`);
        console.log(`    got      ${JSON.stringify(f.got)}`);
      }
    }
  }

  const bench = benchText(allCases);
  const speed = throughput(bench.blocks);
  console.log(
    `\nThroughput on ${bench.source}, ${speed.mb.toFixed(2)} MB, median of 15 runs after 5 warm-ups:`,
  );
  console.log(`  ours            ${speed.ours.toFixed(1)} MB/s`);
  console.log(
    `  Intl.Segmenter  ${speed.intl.toFixed(1)} MB/s  (ours/Intl = ${(speed.ours / speed.intl).toFixed(2)})`,
  );

  if (args.json) {
    const merge = (pick: (r: FileResult) => Scores): Scores => {
      const m: Scores = {};
      for (const r of results) {
        for (const [lang, t] of Object.entries(pick(r))) {
          const x = (m[lang] ??= { passed: 0, total: 0 });
          x.passed += t.passed;
          x.total += t.total;
        }
      }
      return m;
    };
    const report = {
      ours: merge((r) => r.ours),
      intl: merge((r) => r.intl),
      mbPerSec: { ours: Number(speed.ours.toFixed(2)), intl: Number(speed.intl.toFixed(2)) },
      files: Object.fromEntries(results.map((r) => [r.file, { ours: r.ours, intl: r.intl }])),
      benchText: bench.source,
    };
    writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nwrote ${args.json}`);
  }

  if (args.floors) {
    const floors = JSON.parse(readFileSync(args.floors, 'utf8')) as Floors;
    const problems: string[] = [];
    for (const r of results) {
      const f = floors[r.file];
      if (!f) continue;
      const t = total(r.ours);
      if (f.total?.minPassed !== undefined && t.passed < f.total.minPassed) {
        problems.push(`${r.file}: total ${t.passed} passed < floor ${f.total.minPassed}`);
      }
      if (f.total?.minShare !== undefined && t.passed / t.total < f.total.minShare) {
        problems.push(
          `${r.file}: total share ${(t.passed / t.total).toFixed(3)} < floor ${f.total.minShare}`,
        );
      }
      for (const [lang, min] of Object.entries(f.langs ?? {})) {
        const got = r.ours[lang]?.passed ?? 0;
        if (got < min) problems.push(`${r.file}: ${lang} ${got} passed < floor ${min}`);
      }
    }
    if (problems.length > 0) {
      console.error(`\nBELOW FLOOR (${args.floors}):`);
      for (const p of problems) console.error(`  ${p}`);
      process.exit(1);
    }
    console.log(`\nfloors in ${args.floors}: all met`);
  }
}

main();
