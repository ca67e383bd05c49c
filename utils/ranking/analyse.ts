// Turns a sentence into the terms the ranker compares: accent-folded, stemmed words without
// function words, numbers in one canonical form, months as month numbers, and short forms
// (acronyms) as extra terms. Offsets into the original text are kept for emphasis.

import {
  canonicalNumber,
  isPercentPair,
  isPercentWord,
  monthOf,
  parseFigure,
  scaleValue,
  unitWordValue,
} from './numbers';
import { stem } from './stem';
import { isStopword } from './stopwords';

/** One content word or figure of a text. */
export interface Token {
  /** Canonical term: a stem, `#1200` / `#5%` for figures, `@m8` for a month. */
  term: string;
  /** Offsets of the raw words in the analysed text (a figure may span "five per cent"). */
  start: number;
  end: number;
  /** Capitalised in the middle of a sentence: likely part of a name. */
  name: boolean;
}

/** A figure with the words that say what it counts, for telling "600 freed" from "80 freed". */
export interface NumberMention {
  term: string;
  /** Stems of the nearest content words before and after, `%` and currency symbols. */
  keys: string[];
  /** A bare four-digit year-like figure: differing years alone say little. */
  yearLike: boolean;
}

/** What `analyse` returns. */
export interface Analysis {
  tokens: Token[];
  /** Position-less terms: acronyms and the initials of multi-word names (`^who`). */
  extra: string[];
  numbers: NumberMention[];
}

/** Switches for the ablation study; everything on by default. */
export interface AnalyseOptions {
  stem?: boolean;
  numbers?: boolean;
  acronyms?: boolean;
}

interface Raw {
  kind: 'num' | 'word' | 'sym';
  raw: string;
  fold: string;
  start: number;
  end: number;
  cap: boolean;
  initial: boolean;
}

const RAW_RE =
  /(\d+(?:[.,\u00a0\u202f'](?=\d)\d+)*)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*)|([%$€£¥])/gu;
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|lorsqu|puisqu|dell|all|dall|nell|sull|un)['’]/;
const CONNECTORS = new Set([
  'of',
  'for',
  'the',
  'and',
  'de',
  'des',
  'du',
  'la',
  'le',
  'del',
  'der',
  'fur',
  'di',
  'van',
]);
const ORDINAL = /^(?:st|nd|rd|th|e|er|eme|re|o|a|º|ª)$/;
const CURRENCY = new Set(['$', '€', '£', '¥']);

/** Lower-case, accent-free form of a word; possessives and elisions removed. */
export function foldWord(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ø/g, 'o')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  w = w.replace(/[’]/g, "'");
  w = w.replace(/'s$/, '').replace(ELISION, '');
  return w.replace(/'/g, '');
}

function scan(text: string): Raw[] {
  const out: Raw[] = [];
  for (const m of text.matchAll(RAW_RE)) {
    const raw = m[0];
    const start = m.index;
    const kind = m[1] ? 'num' : m[2] ? 'word' : 'sym';
    // Sentence-initial: nothing but spaces, quotes or brackets since a sentence end or the start.
    let j = start - 1;
    while (j >= 0 && /[\s"'“”‘’«»([\-–—]/.test(text[j]!)) j--;
    const initial = j < 0 || /[.!?:;•|]/.test(text[j]!);
    const first = raw[0]!;
    out.push({
      kind,
      raw,
      fold: kind === 'word' ? foldWord(raw) : raw,
      start,
      end: start + raw.length,
      cap: kind === 'word' && first !== first.toLowerCase(),
      initial,
    });
  }
  return out;
}

/**
 * Analyses `text` for ranking. Deterministic and allocation-light: it runs once per passage at
 * index time and once per query.
 */
export function analyse(text: string, lang: string, opts: AnalyseOptions = {}): Analysis {
  const useStem = opts.stem !== false;
  const useNumbers = opts.numbers !== false;
  const useAcronyms = opts.acronyms !== false;
  const raws = scan(text);
  const tokens: Token[] = [];
  const numbers: NumberMention[] = [];
  const pendingKeys: { mention: NumberMention; need: number }[] = [];
  let lastContentStem = '';

  const wordTerm = (w: string): string => (useStem ? stem(w, lang) : w);
  const pushToken = (t: Token): void => {
    tokens.push(t);
  };

  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    if (r.kind === 'sym') continue;

    // Figures: digits, or a run of number words.
    let value: number | undefined;
    let endIdx = i;
    if (useNumbers && r.kind === 'num') {
      value = parseFigure(r.raw, lang);
      // ISO date "2016-08-24": the middle part is a month.
      const n1 = raws[i + 1];
      const n2 = raws[i + 2];
      if (
        /^\d{4}$/.test(r.raw) &&
        n1?.kind === 'num' &&
        n2?.kind === 'num' &&
        text[r.end] === '-' &&
        text[n1.end] === '-' &&
        /^\d{1,2}$/.test(n1.raw) &&
        Number(n1.raw) >= 1 &&
        Number(n1.raw) <= 12
      ) {
        pushToken({ term: `#${Number(r.raw)}`, start: r.start, end: r.end, name: false });
        pushToken({ term: `@m${Number(n1.raw)}`, start: n1.start, end: n1.end, name: false });
        pushToken({ term: `#${Number(n2.raw)}`, start: n2.start, end: n2.end, name: false });
        i += 2;
        continue;
      }
    } else if (useNumbers && r.kind === 'word' && unitWordValue(r.fold) !== undefined) {
      // "twenty five thousand", "one hundred and five"
      let total = 0;
      let cur = 0;
      let k = i;
      for (; k < raws.length; k++) {
        const w = raws[k]!;
        if (w.kind !== 'word') break;
        const u = unitWordValue(w.fold);
        const s = scaleValue(w.fold, false);
        if (u !== undefined) cur += u;
        else if (s === 100) cur = (cur || 1) * 100;
        else if (s !== undefined) {
          total += (cur || 1) * s;
          cur = 0;
        } else if (
          w.fold === 'and' &&
          k > i &&
          raws[k + 1] &&
          unitWordValue(raws[k + 1]!.fold) !== undefined
        )
          continue;
        else break;
      }
      value = total + cur;
      endIdx = k - 1;
    }

    if (value !== undefined && Number.isFinite(value)) {
      let j = Math.max(i, endIdx) + 1;
      // Ordinal suffix glued to the figure: "2nd", "1er".
      const ord = raws[j];
      if (r.kind === 'num' && ord && ord.start === raws[j - 1]!.end && ORDINAL.test(ord.fold)) j++;
      // Scale after the figure: "1.2k", "3 million", "5bn".
      const sc = raws[j];
      if (sc?.kind === 'word') {
        const mult = scaleValue(sc.fold, r.kind === 'num');
        if (mult !== undefined && (sc.start === raws[j - 1]!.end || sc.fold.length > 2)) {
          value *= mult;
          j++;
        }
      }
      // Percent: "5%", "5 percent", "5 per cent", "cinq pour cent".
      let pct = false;
      const p1 = raws[j];
      if (p1?.raw === '%') {
        pct = true;
        j++;
      } else if (p1?.kind === 'word' && isPercentWord(p1.fold)) {
        pct = true;
        j++;
      } else if (p1?.kind === 'word' && raws[j + 1] && isPercentPair(p1.fold, raws[j + 1]!.fold)) {
        pct = true;
        j += 2;
      }
      const prev = raws[i - 1];
      const currency = prev && CURRENCY.has(prev.raw) && prev.end === r.start ? prev.raw : '';
      // A lone spelled-out "one" is mostly a pronoun or an article ("one of", "the one who",
      // "did not get one"), not a figure: matching it as one made unrelated sentences agree on
      // a number. "one million", "twenty-one" and "one per cent" are still figures.
      if (r.kind === 'word' && value === 1 && endIdx === i && j === i + 1 && !pct && !currency) {
        continue;
      }
      const term = `#${canonicalNumber(value)}${pct ? '%' : ''}`;
      const last = raws[j - 1]!;
      pushToken({ term, start: r.start, end: last.end, name: false });
      const mention: NumberMention = {
        term,
        keys: [],
        yearLike: !pct && !currency && /^\d{4}$/.test(r.raw) && value >= 1000 && value <= 2200,
      };
      if (pct) mention.keys.push('%');
      if (currency) mention.keys.push(currency);
      if (lastContentStem) mention.keys.push(lastContentStem);
      numbers.push(mention);
      pendingKeys.push({ mention, need: 2 });
      i = j - 1;
      continue;
    }

    if (r.kind !== 'word') continue;
    const month = useNumbers ? monthOf(r.fold, r.cap) : 0;
    if (month) {
      pushToken({ term: `@m${month}`, start: r.start, end: r.end, name: false });
      continue;
    }
    if (!r.fold || isStopword(r.fold, lang)) continue;
    const term = wordTerm(r.fold);
    pushToken({ term, start: r.start, end: r.end, name: r.cap && !r.initial });
    lastContentStem = term;
    // The words after a figure say what it counts ("600 [people] freed").
    for (const p of pendingKeys) {
      if (p.need > 0) {
        p.mention.keys.push(term);
        p.need--;
      }
    }
  }

  const extra: string[] = [];
  const shouting = text === text.toUpperCase();
  if (useAcronyms) {
    for (let i = 0; i < raws.length; i++) {
      const r = raws[i]!;
      if (r.kind !== 'word') continue;
      // An all-capitals word is a short form in its own right.
      // ("WHO" counts even though "who" is a function word, unless the whole text shouts.)
      if (
        r.raw.length >= 2 &&
        r.raw.length <= 6 &&
        r.raw === r.raw.toUpperCase() &&
        (!isStopword(r.fold, lang) || (r.raw.length >= 3 && !shouting))
      ) {
        extra.push(`^${r.fold}`);
      }
      // A run of capitalised words (with connectors) gives its initials: "World Health Organization".
      if (!r.cap || CONNECTORS.has(r.fold)) continue;
      let initials = '';
      let k = i;
      let lastCap = i;
      for (; k < raws.length; k++) {
        const w = raws[k]!;
        if (w.kind !== 'word') break;
        if (w.cap && w.raw !== w.raw.toUpperCase()) {
          initials += w.fold[0];
          lastCap = k;
        } else if (!CONNECTORS.has(w.fold)) break;
      }
      if (initials.length >= 2) {
        extra.push(`^${initials}`);
        i = lastCap;
      }
    }
  }
  return { tokens, extra, numbers };
}
