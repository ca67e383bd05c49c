// Runs `npx vitest …` and, when the test runner itself crashes with a segmentation fault, once
// more. Seen once in a fresh-clone CI run (2026-11-29): a vitest worker process died with SIGSEGV
// between two e2e files, every test so far having passed ("Worker exited unexpectedly", the
// kernel log showing node jumping to a bad address). That is a crash of Node in the runner, not
// a result of the extension's tests, which run in the browsers; a test that fails still fails,
// and a second crash fails the run.
import { spawnSync } from 'node:child_process';

/** Exit statuses of a process killed by SIGSEGV, as the shell behind `npx` reports them. */
const SEGFAULT = new Set([139, -11]);

/** @param {string[]} args vitest arguments after `npx vitest` */
export function runVitest(args) {
  for (let attempt = 1; ; attempt++) {
    const r = spawnSync('npx', ['vitest', ...args], { stdio: 'inherit' });
    const crashed = r.signal === 'SIGSEGV' || SEGFAULT.has(r.status ?? 0);
    if (!crashed || attempt === 2) return r;
    console.error(
      '\n[vitest-run] the test runner crashed (segmentation fault), not a test failure: running the set once more\n',
    );
  }
}
