// `npm run test:hostile`: the hostile-pages-and-bad-input suite (issue 7). Runs the node-level
// files (tests/hostile/**/*.test.ts[x], unit config) and the browser-level files
// (tests/e2e/hostile-*.e2e.test.ts, e2e config, after building the test build when stale), then
// prints one table: case | bad input | expected outcome | result, and `N passed, N failed`.
//
// Convention (shared by every hostile test): each test sits in a
// `describe('case N: <short case name>', …)` and its title reads `<bad input> → <expected outcome>`;
// browser tests may prefix the title with `[chromium] ` or `[firefox] `. A test that breaks the
// convention is counted as failed, so the table always says what each test proves.
//
// Options: `--only=unit` or `--only=e2e` runs one half; any other argument is passed to both
// vitest runs (e.g. `-t "case 3"`).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestBuild, requireBrowsers } from './test-build.mjs';
import { runVitest } from './vitest-run.mjs';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const passThrough = args.filter((a) => !a.startsWith('--only='));

/** Files under `dir` (recursively) whose name passes `test`. */
function filesUnder(dir, test) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, test));
    else if (test(entry.name)) out.push(path);
  }
  return out;
}

const unitFiles = filesUnder('tests/hostile', (n) => /\.test\.tsx?$/.test(n));
const e2eFiles = filesUnder('tests/e2e', (n) => /^hostile-.*\.e2e\.test\.ts$/.test(n));

const work = mkdtempSync(join(tmpdir(), 'sourcelight-hostile-'));

/** Runs one vitest set with a readable and a JSON reporter; returns the parsed JSON or null. */
function runSet(name, vitestArgs) {
  const jsonPath = join(work, `${name}.json`);
  console.log(`\n▶ hostile ${name}: vitest ${vitestArgs.join(' ')}`);
  const r = runVitest([
    'run',
    ...vitestArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonPath}`,
    ...passThrough,
  ]);
  let report = null;
  if (existsSync(jsonPath)) {
    try {
      report = JSON.parse(readFileSync(jsonPath, 'utf8'));
    } catch (err) {
      console.error(`[hostile] could not read ${jsonPath}: ${err}`);
    }
  }
  return { status: r.status ?? 1, report };
}

const sets = [];
if (only !== 'e2e') {
  if (unitFiles.length) sets.push({ name: 'unit', ...runSet('unit', ['tests/hostile']) });
  else console.log('\n[hostile] no node-level files in tests/hostile yet');
}
if (only !== 'unit') {
  if (e2eFiles.length) {
    requireBrowsers('hostile');
    ensureTestBuild('hostile');
    sets.push({
      name: 'e2e',
      ...runSet('e2e', ['-c', 'vitest.e2e.config.ts', 'tests/e2e/hostile-']),
    });
  } else console.log('\n[hostile] no browser-level files tests/e2e/hostile-*.e2e.test.ts yet');
}
rmSync(work, { recursive: true, force: true });

const CASE = /^case (\d+):\s*(.+)$/;
const BROWSER = /^\[(chromium|firefox)\]\s+/;
const RESULT = { passed: 'pass', failed: 'fail', pending: 'skip', skipped: 'skip', todo: 'todo' };

/** Table rows keyed by case + bad input + expected outcome; browsers share a row. */
const rows = new Map();
const problems = [];
let passed = 0;
let failed = 0;
let skipped = 0;

for (const set of sets) {
  if (!set.report) {
    failed++;
    problems.push(`${set.name}: vitest exited ${set.status} without a JSON report`);
    continue;
  }
  let failedHere = 0;
  for (const file of set.report.testResults ?? []) {
    const assertions = file.assertionResults ?? [];
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed')) {
      // The file failed outside any test (import error, failing hook, unhandled rejection).
      failed++;
      failedHere++;
      problems.push(
        `${file.name}: ${String(file.message || 'failed outside a test').split('\n')[0]}`,
      );
    }
    for (const a of assertions) {
      const caseTitle = [...(a.ancestorTitles ?? [])].reverse().find((t) => CASE.test(t));
      const browser = BROWSER.exec(a.title)?.[1];
      const title = a.title.replace(BROWSER, '');
      const arrow = title.indexOf(' → ');
      let result = RESULT[a.status] ?? a.status;
      if (!caseTitle || arrow < 0) {
        result = 'fail';
        problems.push(
          `${a.fullName}: not in the hostile convention (describe('case N: …') and a title ` +
            `'<bad input> → <expected outcome>')`,
        );
      }
      if (result === 'pass') passed++;
      else if (result === 'fail') {
        failed++;
        failedHere++;
      } else skipped++;
      const [, num, caseName] = caseTitle ? CASE.exec(caseTitle) : [null, '?', '(no case)'];
      const bad = arrow < 0 ? title : title.slice(0, arrow);
      const expected = arrow < 0 ? '' : title.slice(arrow + 3);
      const key = `${num}\u0000${bad}\u0000${expected}`;
      const row = rows.get(key) ?? { num: Number(num), caseName, bad, expected, results: [] };
      row.results.push(browser ? `${browser} ${result}` : result);
      rows.set(key, row);
    }
  }
  if (set.status !== 0 && failedHere === 0) {
    failed++;
    problems.push(`${set.name}: vitest exited ${set.status} although no test failed`);
  }
}

const table = [...rows.values()].sort((a, b) => (a.num || 1e9) - (b.num || 1e9));
const header = ['case', 'bad input', 'expected outcome', 'result'];
const cells = table.map((r) => [
  `${Number.isNaN(r.num) ? '?' : r.num} ${r.caseName}`,
  r.bad,
  r.expected,
  r.results.join(' · '),
]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => `| ${c.map((s, i) => s.padEnd(widths[i])).join(' | ')} |`;
console.log('\nHostile pages and bad input');
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
let lastCase = null;
for (const c of cells) {
  // The case name is printed once per group of rows.
  const shown = c[0] === lastCase ? ['', ...c.slice(1)] : c;
  lastCase = c[0];
  console.log(line(shown));
}
if (problems.length) {
  console.log('\nProblems:');
  for (const p of problems) console.log(`  ✗ ${p}`);
}
if (skipped) console.log(`\n${skipped} skipped`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || sets.length === 0 ? 1 : 0);
