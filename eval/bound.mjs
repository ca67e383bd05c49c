// How far the shingle F1 against an expected.html corpus can go from a given eval:extract run:
// what the run would score had it also marked the text of each kind of expected block it missed
// (list items, code, table cells, headings, figures, then paragraphs), and had it marked all
// of the expected text while keeping the sentences it marked beyond it. The last figure is the
// ceiling that the run's own extra text leaves; the others say where the missed text sits (they
// add each block's own shingles, not those spanning two blocks, so they understate a little).
//
// usage: node eval/bound.mjs --pages DIR --results FILE.json [--group real|fixtures]
//        (FILE.json is written by `npm run eval:extract -- --pages DIR --out FILE.json`)
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { listPages } from './lib/corpus.mjs';
import {
  htmlToBlockNodes,
  macroPrf,
  multisetCounts,
  normalised,
  shingles,
  TOKEN,
} from './lib/metrics.mjs';

const { values: args } = parseArgs({
  options: { pages: { type: 'string' }, results: { type: 'string' }, group: { type: 'string' } },
});
if (!args.pages || !args.results) {
  console.error('usage: node eval/bound.mjs --pages DIR --results FILE.json [--group NAME]');
  process.exit(2);
}
const results = JSON.parse(readFileSync(args.results, 'utf8'));
const pages = listPages(args.pages).filter(
  (p) =>
    p.expected?.kind === 'html' &&
    results[p.name]?.sentences &&
    (!args.group || (p.group ?? 'real') === args.group),
);

const KINDS = ['list', 'code', 'cell', 'heading', 'figure', 'paragraph'];

/** What kind of block a text node sits in: its nearest list, code, cell, heading or figure. */
function kindOf(el) {
  for (let e = el; e && e.localName !== 'body'; e = e.parentElement) {
    const n = e.localName;
    if (n === 'pre' || n === 'code') return 'code';
    if (n === 'figure' || n === 'figcaption') return 'figure';
    if (n === 'td' || n === 'th') return 'cell';
    if (/^h[1-6]$/.test(n)) return 'heading';
    if (n === 'li' || n === 'dd' || n === 'dt') return 'list';
  }
  return 'paragraph';
}

const words = (s) => (s.match(TOKEN) ?? []).join(' ');
const line = (label, perPage) => {
  const m = macroPrf(perPage);
  console.log(`${label.padEnd(66)} P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`);
};

const prepared = pages.map((p) => {
  // The scorer's own cut into blocks, each with the kind of element its text starts in.
  const blocks = htmlToBlockNodes(p.expected.text).map((b) => ({
    text: b.text,
    kind: kindOf(b.el),
  }));
  const expectedText = blocks.map((b) => b.text).join('\n');
  return { p, blocks, expected: shingles(expectedText), expectedText };
});

console.log(
  `${pages.length} pages with expected.html in ${args.pages}${args.group ? ` (${args.group})` : ''}`,
);
for (let k = 0; k <= KINDS.length; k++) {
  const added = new Set(KINDS.slice(0, k));
  const per = prepared.map(({ p, blocks, expected }) => {
    const found = shingles(results[p.name].sentences.join('\n'));
    for (const b of blocks) {
      if (!added.has(b.kind)) continue;
      for (const [key, n] of shingles(b.text)) {
        const have = found.get(key) ?? 0;
        const want = expected.get(key) ?? 0;
        if (have < want) found.set(key, Math.min(want, have + n));
      }
    }
    return normalised(multisetCounts(expected, found));
  });
  line(k === 0 ? 'as marked' : `+ the missed text of ${KINDS.slice(0, k).join(', ')}`, per);
}
const ceiling = prepared.map(({ p, expected, expectedText }) => {
  const all = ` ${words(expectedText)} `;
  const extra = results[p.name].sentences.filter((s) => words(s) && !all.includes(` ${words(s)} `));
  return normalised(multisetCounts(expected, shingles([expectedText, ...extra].join('\n'))));
});
line('all of the expected text, and the sentences marked beyond it', ceiling);
