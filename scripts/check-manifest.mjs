// Manifest check (issue 7, CI): every permission, optional permission, host permission, optional
// host permission, content-script match and web-accessible resource of the production builds must
// be recorded with a reason in docs/PERMISSIONS.md. Fails on anything unrecorded; warns about
// recorded entries no build has any more.
//
// Usage: node scripts/check-manifest.mjs [--chrome <dir>] [--firefox <dir>] [--doc <file>]
// (defaults: .output/chrome-mv3, .output/firefox-mv2, docs/PERMISSIONS.md)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const builds = {
  chrome: opt('chrome', '.output/chrome-mv3'),
  firefox: opt('firefox', '.output/firefox-mv2'),
};
const docPath = opt('doc', 'docs/PERMISSIONS.md');

export const KINDS = [
  'permission',
  'optional permission',
  'host permission',
  'optional host permission',
  'content script match',
  'web accessible resource',
];

/** The reviewed rows of the document's table: {browser, kind, entry, reason}. */
export function parseReviewed(markdown) {
  const rows = [];
  const errors = [];
  for (const line of markdown.split('\n')) {
    const m = /^\|\s*(chrome|firefox|both)\s*\|\s*([^|]+?)\s*\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(
      line,
    );
    if (!m) continue;
    const [, browser, kind, entry, reason] = m;
    if (!KINDS.includes(kind)) errors.push(`unknown kind "${kind}" for ${entry}`);
    else if (!reason.trim()) errors.push(`${kind} ${entry}: no reason given`);
    else rows.push({ browser, kind, entry, reason: reason.trim() });
  }
  return { rows, errors };
}

const isHostPattern = (p) => p === '<all_urls>' || /^[a-z*]+:\/\//.test(p);

/** Every reviewable entry of one manifest, as {kind, entry}. */
export function manifestEntries(manifest) {
  const out = [];
  const add = (kind, list) => {
    for (const entry of list ?? []) out.push({ kind, entry: String(entry) });
  };
  const mv2 = manifest.manifest_version === 2;
  for (const [field, kind, hostKind] of [
    ['permissions', 'permission', 'host permission'],
    ['optional_permissions', 'optional permission', 'optional host permission'],
  ]) {
    const list = manifest[field] ?? [];
    // In MV2 host permissions are listed among the permissions.
    add(kind, mv2 ? list.filter((p) => !isHostPattern(p)) : list);
    if (mv2) add(hostKind, list.filter(isHostPattern));
  }
  add('host permission', manifest.host_permissions);
  add('optional host permission', manifest.optional_host_permissions);
  for (const cs of manifest.content_scripts ?? []) add('content script match', cs.matches);
  for (const war of manifest.web_accessible_resources ?? []) {
    if (typeof war === 'string') add('web accessible resource', [war]);
    else {
      // MV3: each resource is recorded with each page pattern or extension id it is exposed to.
      const to = [...(war.matches ?? []), ...(war.extension_ids ?? [])];
      for (const r of war.resources ?? [])
        add(
          'web accessible resource',
          (to.length ? to : ['(nobody)']).map((w) => `${r} @ ${w}`),
        );
    }
  }
  return out;
}

function main() {
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  if (!existsSync(docPath)) {
    console.error(`[manifest] ${docPath} is missing`);
    process.exit(1);
  }
  const { rows, errors } = parseReviewed(readFileSync(docPath, 'utf8'));
  const problems = [...errors];
  const used = new Set();
  for (const [browser, dir] of Object.entries(builds)) {
    const file = join(dir, 'manifest.json');
    if (!existsSync(file)) {
      problems.push(`${file} not found: run \`npm run build\` first`);
      continue;
    }
    const manifest = JSON.parse(readFileSync(file, 'utf8'));
    const seen = new Set();
    for (const { kind, entry } of manifestEntries(manifest)) {
      const key = `${kind}\u0000${entry}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = rows.find(
        (r) =>
          r.kind === kind && r.entry === entry && (r.browser === 'both' || r.browser === browser),
      );
      if (row) {
        used.add(row);
        console.log(`  ✓ ${browser}: ${kind} ${entry}`);
      } else problems.push(`${browser}: ${kind} \`${entry}\` is not recorded in ${docPath}`);
    }
  }
  for (const row of rows)
    if (!used.has(row))
      console.warn(`  ! stale: ${row.browser} ${row.kind} \`${row.entry}\` is in no build`);
  if (problems.length) {
    console.error(`\n[manifest] ${problems.length} problem(s):`);
    for (const p of problems) console.error(`  ✗ ${p}`);
    console.error(`Record each new entry with its reason in ${docPath} (a reviewed decision).`);
    process.exit(1);
  }
  console.log(`[manifest] every entry of both builds is recorded in ${docPath}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
