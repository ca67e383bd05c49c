// `npm test`: every check a reviewer would run, in order, stopping at the first failure:
// typecheck, lint + format, unit tests, both builds, then end-to-end tests in Chromium and
// Firefox against the built extension (scripts/e2e.mjs checks the browsers are installed).
// The hostile suite (tests/hostile/**, tests/e2e/hostile-*) is left out of the unit and e2e steps
// and run once by its own step, which prints its table (scripts/hostile.mjs). `npx vitest run`
// alone still runs tests/hostile too.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'npx', ['vitest', 'run', '--exclude', 'tests/hostile/**']],
  ['demo site links and expectations', 'node', ['demo-site/validate.mjs', '--port', '18601']],
  ['production build', 'npm', ['run', '--silent', 'build']],
  ['manifest permissions reviewed', 'node', ['scripts/check-manifest.mjs']],
  [
    'end-to-end tests',
    'node',
    ['scripts/e2e.mjs', '--exclude', 'tests/e2e/hostile-*', ...process.argv.slice(2)],
  ],
  ['hostile pages and bad input', 'node', ['scripts/hostile.mjs']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed after ${secs} s`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs} s)`);
}
console.log('\nAll checks passed.');
