// @vitest-environment node
/**
 * Case 17 of the hostile suite: segmentation (utils/sentences) and ranking (utils/ranking) are
 * total and deterministic on any string a page or a source can contain, and finish in bounded
 * time. The time bound is a generous hang detector, printed with the measured figure; it is not
 * a speed claim (timings on this shared machine are noisy).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, rankDocuments, type Passage } from '../../utils/ranking';
import { textFragmentFor } from '../../utils/ranking/fragment';
import { segmentSentences } from '../../utils/sentences/segment';

/** Segments and checks the documented contract: in order, non-overlapping, inside the text. */
function segmentChecked(text: string, lang?: string) {
  const spans = segmentSentences(text, lang);
  let last = 0;
  for (const s of spans) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    last = s.end;
  }
  return spans;
}

/** Indexes the text's sentences as one document and ranks them against `query`. */
function rank(text: string, query: string, lang?: string) {
  const passages: Passage[] = segmentSentences(text, lang).map((s, index) => ({
    docId: 'doc',
    index,
    text: text.slice(s.start, s.end),
  }));
  const index = buildIndex(passages, lang ? { lang } : {});
  const ranked = rankDocuments(index, { text: query, ...(lang ? { lang } : {}) }, 6);
  for (const r of ranked) {
    expect(Number.isFinite(r.score)).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.text.length).toBeLessThanOrEqual(300);
  }
  return ranked;
}

const RTL = 'قال الوزير إن البطالة انخفضت إلى ٣٫٨ في المئة. הממשלה אישרה את התקציב ב-2024.';
const COMBINING =
  'Z\u0351\u036B\u0343\u036A\u0302a\u0344\u0310l\u0357g\u0346o\u0346. e\u0301te\u0301 1\u20E3.';
const EMOJI = '👨‍👩‍👧‍👦 family. 🏳️‍🌈 flag. 👍🏽 ok! 🇫🇷🇩🇪 flags? 1️⃣ done.';
const NUL = 'before\u0000after. \u0000\u0000. The rate\u0000 fell 3.8%.';
const SURROGATES = 'lone \uD800 high. lone \uDC00 low. \uDBFF\uD800 pair-ish. end\uD83D';
const CONTROLS =
  '\u202Eevil\u202C. \uFEFFbom. \u200B\u200C\u200D zero widths. \u2028line\u2029para.';

const EXPLICIT: Array<[string, string, string | undefined]> = [
  ['right-to-left Arabic and Hebrew', RTL, 'ar'],
  ['combining marks (Zalgo)', COMBINING, undefined],
  ['emoji ZWJ sequences, flags, keycaps', EMOJI, undefined],
  ['NUL characters', NUL, 'en'],
  ['lone surrogates', SURROGATES, 'en'],
  ['bidi controls, BOM, zero-width, line separators', CONTROLS, undefined],
  ['the empty string', '', 'en'],
  ['whitespace only', ' \n\t\u00A0\u3000 ', 'en'],
  ['punctuation only', '.?!…。！？..."\'«»', 'en'],
  ['an unknown language tag', 'The rate fell. It rose.', 'xx-Invalid-tag-123'],
];

describe('case 17: any string into ranking and segmentation', () => {
  it.each(EXPLICIT)(
    '%s → segmented and ranked without error, the same way twice',
    (_name, text, lang) => {
      const a = segmentChecked(text, lang);
      expect(segmentChecked(text, lang)).toEqual(a);
      const r1 = rank(text, text || 'query', lang);
      expect(rank(text, text || 'query', lang)).toEqual(r1);
      expect(() => textFragmentFor(text, 0, text.length)).not.toThrow();
    },
  );

  it('arbitrary UTF-16 strings (fast-check, lone surrogates included) → total and deterministic', () => {
    const text = fc.string({ unit: 'binary', maxLength: 400 });
    const langs = fc.constantFrom(undefined, 'en', 'de', 'ar', 'he', 'zh', 'ja', 'th', 'xx');
    fc.assert(
      fc.property(text, text, langs, (doc, query, lang) => {
        const spans = segmentChecked(doc, lang);
        expect(segmentChecked(doc, lang)).toEqual(spans);
        const r = rank(doc, query, lang);
        expect(rank(doc, query, lang)).toEqual(r);
        for (const s of spans) textFragmentFor(doc, s.start, s.end);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary grapheme strings with sentence punctuation (fast-check) → total and deterministic', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        '. ',
        '? ',
        '! ',
        '。',
        '…',
        ' Dr. ',
        ' 3.8% ',
        '\n\n',
        '"',
        '(',
        ')',
        '«',
        '»',
      ),
    );
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, text, (doc, query) => {
        const spans = segmentChecked(doc);
        expect(segmentChecked(doc)).toEqual(spans);
        expect(rank(doc, query)).toEqual(rank(doc, query));
      }),
      { numRuns: 300 },
    );
  });

  it('1 MB of mixed-script text → segmented and ranked within a generous bound (printed)', () => {
    const parts = [
      RTL,
      COMBINING,
      EMOJI,
      NUL,
      SURROGATES,
      CONTROLS,
      'The council voted 7 to 2 on Tuesday. ',
      'Mr. Smith said (see p. 3) that rates fell!? ',
    ];
    let big = '';
    for (let i = 0; big.length < 1_000_000; i++) big += parts[i % parts.length] + ' ';
    big = big.slice(0, 1_000_000);
    const t0 = performance.now();
    const spans = segmentChecked(big, 'en');
    const t1 = performance.now();
    const ranked = rank(big, 'The council voted 7 to 2 on Tuesday.', 'en');
    const t2 = performance.now();
    console.log(
      `[case 17] 1 MB: ${spans.length} sentences segmented in ${(t1 - t0).toFixed(0)} ms; ` +
        `indexed and ranked in ${(t2 - t1).toFixed(0)} ms (shared machine, noisy)`,
    );
    expect(spans.length).toBeGreaterThan(1000);
    expect(ranked.length).toBeGreaterThan(0);
    // A hang detector, not a benchmark: linear work on 1 MB takes well under a second here.
    expect(t1 - t0).toBeLessThan(30_000);
    expect(t2 - t1).toBeLessThan(60_000);
  }, 120_000);

  it('1 MB with no sentence boundary at all → one bounded pass, no blow-up (printed)', () => {
    const big = 'a'.repeat(500_000) + '\uD800'.repeat(250_000) + 'ש'.repeat(250_000);
    const t0 = performance.now();
    const spans = segmentChecked(big);
    const ranked = rank(big, 'aaa');
    const ms = performance.now() - t0;
    console.log(
      `[case 17] 1 MB unbroken: ${spans.length} spans, ranked ${ranked.length}, ${ms.toFixed(0)} ms (noisy)`,
    );
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});
