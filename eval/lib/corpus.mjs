// Reads a folder of page folders: source.html, optional meta.json and one optional expected file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ kind: 'html' | 'txt', text: string } | { kind: 'json', with: string[], without: string[] }} Expected
 * @typedef {{ name: string, dir: string, url?: string, expected?: Expected, group?: string }} Page
 */

/**
 * List the pages under `dir` in name order. `group` comes from an `index.jsonl` beside or above
 * the folder (the readability corpus marks tiny synthetic pages as `small_fixture`).
 * @returns {Page[]}
 */
export function listPages(dir) {
  const groups = readGroups(dir);
  const pages = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = join(dir, name);
    if (!existsSync(join(folder, 'source.html'))) continue;
    /** @type {Page} */
    const page = { name, dir: folder };
    const meta = join(folder, 'meta.json');
    if (existsSync(meta)) {
      try {
        page.url = JSON.parse(readFileSync(meta, 'utf8')).url;
      } catch {
        // A broken meta.json only loses the URL.
      }
    }
    if (existsSync(join(folder, 'expected.html'))) {
      page.expected = { kind: 'html', text: readFileSync(join(folder, 'expected.html'), 'utf8') };
    } else if (existsSync(join(folder, 'expected.txt'))) {
      page.expected = { kind: 'txt', text: readFileSync(join(folder, 'expected.txt'), 'utf8') };
    } else if (existsSync(join(folder, 'expected.json'))) {
      const j = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
      page.expected = { kind: 'json', with: j.with ?? [], without: j.without ?? [] };
    }
    if (groups.has(name)) page.group = groups.get(name);
    pages.push(page);
  }
  return pages;
}

/** @returns {Map<string, string>} page name → 'fixtures' | 'real' */
function readGroups(dir) {
  const groups = new Map();
  for (const file of [join(dir, 'index.jsonl'), join(dir, '..', 'index.jsonl')]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const row = JSON.parse(line);
        if (row.name) groups.set(row.name, row.small_fixture ? 'fixtures' : 'real');
      } catch {
        // Skip a malformed line.
      }
    }
    break;
  }
  return groups;
}
