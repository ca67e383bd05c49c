// Bundles eval/lib/inject-main.ts with the sentence segmenter into one script for
// `page.addScriptTag` (the `--inject` developer mode of eval:extract).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEGMENT_MODULE } from './segment.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The fallback segmenter, as source: Intl.Segmenter spans. */
const INTL = `
const seg = new Intl.Segmenter(undefined, { granularity: 'sentence' });
// Source line breaks are not sentence ends; same-length replacement keeps the offsets.
const segment = (text) =>
  [...seg.segment(text.replace(/[\\r\\n\\t\\f]/g, ' '))].map((s) => ({ start: s.index, end: s.index + s.segment.length }));`;

/** The repo's segmenter adapted to spans (it may return spans or strings). */
const REPO = `
import * as mod from ${JSON.stringify(SEGMENT_MODULE)};
const fn = mod.segmentSentences ?? mod.segment ?? mod.default;
const segment = (text, lang) => {
  const out = fn(text, lang);
  let from = 0;
  return out.map((s) => {
    if (typeof s !== 'string' && typeof s.start === 'number') return s;
    const str = typeof s === 'string' ? s : s.text;
    const start = Math.max(from, text.indexOf(str, from));
    from = start + str.length;
    return { start, end: from };
  });
};`;

/** @returns {Promise<{ code: string, segmenter: string }>} an IIFE that runs the pipeline once. */
export async function buildInjectScript() {
  const esbuild = await import('esbuild');
  const useRepo = existsSync(SEGMENT_MODULE);
  const contents = `import { run } from './inject-main.ts';
${useRepo ? REPO : INTL}
run(segment).catch((e) => document.dispatchEvent(new CustomEvent('sourcelight:status', {
  detail: JSON.stringify({ state: 'error', error: String(e && e.stack || e) }) })));`;
  const built = await esbuild.build({
    stdin: { contents, resolveDir: here, loader: 'ts', sourcefile: 'inject-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return {
    code: built.outputFiles[0].text,
    segmenter: useRepo ? 'utils/sentences/segment.ts' : 'Intl.Segmenter',
  };
}
