// The sentence segmenter the extension uses (utils/sentences/segment.ts), bundled for Node so
// the expected text is cut exactly as the found text was. Falls back to Intl.Segmenter while
// that module does not exist yet.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const SEGMENT_MODULE = join(repo, 'utils/sentences/segment.ts');

/** Turn whatever the module's function returns (spans or strings) into sentence strings. */
export function spansToStrings(text, result) {
  if (!Array.isArray(result)) return [];
  return result
    .map((s) =>
      typeof s === 'string' ? s : typeof s?.text === 'string' ? s.text : text.slice(s.start, s.end),
    )
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

function intlSegmenter() {
  const seg = new Intl.Segmenter(undefined, { granularity: 'sentence' });
  return (text) =>
    spansToStrings(
      text,
      [...seg.segment(text)].map((s) => s.segment),
    );
}

/**
 * @returns {Promise<{ name: string, split: (text: string, lang?: string) => string[] }>}
 */
export async function loadSegmenter() {
  if (!existsSync(SEGMENT_MODULE)) return { name: 'Intl.Segmenter', split: intlSegmenter() };
  const esbuild = await import('esbuild');
  const out = join(mkdtempSync(join(tmpdir(), 'sl-seg-')), 'segment.mjs');
  const built = await esbuild.build({
    entryPoints: [SEGMENT_MODULE],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(out, built.outputFiles[0].text);
  // The path is our own temporary bundle of a repository file, not page input.
  // eslint-disable-next-line no-unsanitized/method
  const mod = await import(pathToFileURL(out).href);
  const fn = mod.segmentSentences ?? mod.segment ?? mod.default;
  if (typeof fn !== 'function') return { name: 'Intl.Segmenter', split: intlSegmenter() };
  return {
    name: 'utils/sentences/segment.ts',
    split: (text, lang) => spansToStrings(text, fn(text, lang)),
  };
}
