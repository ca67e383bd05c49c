// Runs the real-browser tests: checks the browsers are installed, (re)builds the test build of
// the extension when it is missing or older than its sources, then runs vitest with the e2e
// config. Arguments are passed through to vitest (e.g. a file filter or `-t name`).
import { fileURLToPath } from 'node:url';
import { ensureTestBuild, requireBrowsers } from './test-build.mjs';
import { runVitest } from './vitest-run.mjs';

// Paths below are relative to the repository root, wherever this is started from.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

requireBrowsers('e2e');
ensureTestBuild('e2e');

const run = runVitest(['run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
process.exit(run.status ?? 1);
