// Makes `npm run demo` and `npm test` work straight after `git clone`: installs the npm packages
// when node_modules is missing or older than package-lock.json, then prepares WXT's types.
import { existsSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';

const stamp = 'node_modules/.package-lock.json';
const stale =
  !existsSync(stamp) ||
  (existsSync('package-lock.json') &&
    statSync('package-lock.json').mtimeMs > statSync(stamp).mtimeMs + 1000);
if (stale) {
  console.log('[sourcelight] installing npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
if (stale || !existsSync('.wxt/tsconfig.json')) {
  execSync('npx wxt prepare', { stdio: 'inherit' });
}
