// Makes `npm run demo` and `npm test` work straight after `git clone`: installs the npm packages
// when node_modules is missing or does not match package-lock.json, then prepares WXT's types.
//
// A newer package-lock.json alone is not enough to reinstall: a checkout, rebase or worktree
// rewrites the file with the same contents. The packages npm recorded in
// node_modules/.package-lock.json are compared with the lock's, by name and version.
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';

const stamp = 'node_modules/.package-lock.json';

/** The installable packages of a lockfile: path → version, optional platform packages aside. */
function packages(file) {
  const all = JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
  return new Map(
    Object.entries(all)
      .filter(([path, info]) => path !== '' && !info.optional)
      .map(([path, info]) => [path, info.version]),
  );
}

function isStale() {
  if (!existsSync(stamp)) return true;
  if (!existsSync('package-lock.json')) return false;
  try {
    const wanted = packages('package-lock.json');
    const installed = packages(stamp);
    for (const [path, version] of wanted) if (installed.get(path) !== version) return true;
    return false;
  } catch {
    return true;
  }
}

const stale = isStale();
if (stale) {
  console.log('[sourcelight] installing npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
if (stale || !existsSync('.wxt/tsconfig.json')) {
  execSync('npx wxt prepare', { stdio: 'inherit' });
}
