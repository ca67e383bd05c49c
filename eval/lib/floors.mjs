// Quality floors: the lowest figures a change may reach before eval:extract fails. Timings never
// gate (the machine's load moves them).
import { readFileSync } from 'node:fs';

/**
 * Compare `figures` with the floors recorded for the corpus at `pagesDir`. The floors file maps a
 * path suffix (e.g. "trafilatura-eval-dev/pages") to `{ "<group>.<metric>.<p|r|f1>": floor }`.
 * @returns {string[]} one message per figure below its floor
 */
export function checkFloors(file, pagesDir, figures) {
  const floors = JSON.parse(readFileSync(file, 'utf8'));
  const dir = pagesDir.replace(/\/+$/, '');
  const key = Object.keys(floors.corpora ?? {}).find((k) => dir.endsWith(k));
  if (!key) return [`no floors recorded for ${dir} in ${file}`];
  const failures = [];
  for (const [name, floor] of Object.entries(floors.corpora[key])) {
    const value = figures[name];
    if (value === undefined) continue; // e.g. a --subset run has no figures for the other group
    if (value < floor) failures.push(`${name} = ${value.toFixed(4)} < floor ${floor} (${key})`);
  }
  return failures;
}
