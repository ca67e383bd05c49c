// Shared by scripts/e2e.mjs and scripts/hostile.mjs: checks the browsers are installed and
// (re)builds the test build of the extension when it is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const browsers = [
  [process.env.SOURCELIGHT_CHROMIUM ?? '/usr/bin/chromium', 'apt-get install chromium'],
  [process.env.SOURCELIGHT_FIREFOX ?? '/usr/bin/firefox-esr', 'apt-get install firefox-esr'],
];

/** Exits with a message naming the package to install when a browser is missing. */
export function requireBrowsers(tag = 'e2e') {
  const missing = browsers.filter(([path]) => !existsSync(path));
  if (missing.length === 0) return;
  for (const [path, fix] of missing) {
    console.error(`[${tag}] ${path} not found; install it with:`);
    console.error(fix);
  }
  process.exit(1);
}

const outputs = ['.output-test/chrome-mv3-test', '.output-test/firefox-mv2-test'];
const sources = ['entrypoints', 'components', 'utils', 'public', 'assets', 'locales'];
const configFiles = [
  'wxt.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  // A build step (the stylesheet minifier, a Vite plugin).
  'scripts/css-templates.mjs',
];

/** Newest modification time under `path` (file or folder), 0 when absent. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = info.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/**
 * Whether a build in `dirs` (folders holding a manifest.json, relative to `root` or absolute) is
 * missing or older than the sources and configuration it is built from.
 */
export function isStale(dirs, root = '.') {
  const builtAt = Math.min(...dirs.map((dir) => newest(resolve(root, dir, 'manifest.json')) || 0));
  const sourcesAt = Math.max(...[...sources, ...configFiles].map((p) => newest(resolve(root, p))));
  return builtAt === 0 || sourcesAt > builtAt;
}

/**
 * Builds `.output-test/*-test` when missing or stale (or SOURCELIGHT_E2E_REBUILD=1); exits on a
 * failed build. Must run from the repository root.
 */
export function ensureTestBuild(tag = 'e2e') {
  if (isStale(outputs) || process.env.SOURCELIGHT_E2E_REBUILD === '1') {
    console.log(`[${tag}] building the test build (.output-test/*-test)…`);
    // `npm run build:test` installs missing npm packages first (scripts/ensure-deps.mjs).
    const build = spawnSync('npm', ['run', 'build:test'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  } else if (existsSync('scripts/ensure-deps.mjs')) {
    // A fresh clone with a copied build still needs node_modules for vitest.
    const deps = spawnSync('node', ['scripts/ensure-deps.mjs'], { stdio: 'inherit' });
    if (deps.status !== 0) process.exit(deps.status ?? 1);
  }
}
