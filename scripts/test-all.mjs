// `npm test`: every check a reviewer would run, in order, stopping at the first failure:
// typecheck, lint + format, unit tests, both builds, then end-to-end tests in Chromium and
// Firefox against the built extension (scripts/e2e.mjs checks the browsers are installed).
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['demo site links and expectations', 'node', ['demo-site/validate.mjs', '--port', '18601']],
  ['production build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests', 'node', ['scripts/e2e.mjs', ...process.argv.slice(2)]],
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
