// Numbers, units and months as news writes them, reduced to one canonical form so "1,200",
// "1.2k" and "twelve hundred" meet, and "5%", "five percent" and "5 per cent" meet. All word
// lists are accent-folded and lower-case.

/** Small numbers written as words, in the languages we stem. */
const UNITS = new Map<string, number>();
const addWords = (words: string, start: number, step = 1): void => {
  words
    .split(/\s+/)
    .filter(Boolean)
    .forEach((w, i) => {
      for (const alt of w.split('|')) UNITS.set(alt, start + i * step);
    });
};
addWords(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
   sixteen seventeen eighteen nineteen`,
  0,
);
addWords('twenty thirty forty fifty sixty seventy eighty ninety', 20, 10);
// de, fr, es, pt, it, nl: one to twelve plus tens that news spells out. "un"/"uno"/"een" are
// left out: they are also articles and would make every sentence contain a 1.
addWords(
  'null|zéro eins|deux|dos|dois|due|twee zwei|trois|tres|três|tre|drie vier|quatre|cuatro|quatro|quattro',
  0,
);
addWords(
  'fünf|funf|cinq|cinco|cinque|vijf sechs|six|seis|sei|zes sieben|sept|siete|sete|sette|zeven',
  5,
);
addWords('acht|huit|ocho|oito|otto neun|neuf|nueve|nove|negen zehn|dix|diez|dez|dieci|tien', 8);
addWords('elf|onze|once|undici zwölf|zwolf|douze|doce|dodici|twaalf', 11);
addWords('zwanzig|vingt|veinte|vinte|venti|twintig', 20);
addWords('dreißig|dreissig|trente|treinta|trinta|trenta|dertig', 30);

/** Multipliers, as words or as the short forms after a figure ("1.2k", "3bn", "€5m"). */
const SCALES = new Map<string, number>(
  Object.entries({
    hundred: 100,
    hundreds: 100,
    thousand: 1e3,
    thousands: 1e3,
    k: 1e3,
    million: 1e6,
    millions: 1e6,
    mn: 1e6,
    m: 1e6,
    mio: 1e6,
    millionen: 1e6,
    millones: 1e6,
    milhoes: 1e6,
    milhao: 1e6,
    milioni: 1e6,
    milione: 1e6,
    miljoen: 1e6,
    billion: 1e9,
    billions: 1e9,
    bn: 1e9,
    b: 1e9,
    milliard: 1e9,
    milliarde: 1e9,
    milliarden: 1e9,
    milliards: 1e9,
    miljard: 1e9,
    trillion: 1e12,
    tausend: 1e3,
    mille: 1e3,
    mil: 1e3,
    duizend: 1e3,
    hundert: 100,
    cent: 100,
    cents: 100,
    cien: 100,
    cento: 100,
    honderd: 100,
  }),
);

/** Scales that only count straight after a figure: as words they mean something else. */
const FIGURE_ONLY_SCALES = new Set(['k', 'm', 'b', 'mn', 'bn', 'cent', 'cents', 'mil']);

/** Words meaning "percent" (single words; "per cent" and "por ciento" are two). */
const PERCENT_WORDS = new Set(['percent', 'pct', 'prozent', 'procent', 'pourcent']);
/** First words of two-word percent forms, with the second words they accept. */
const PERCENT_PAIRS = new Map<string, readonly string[]>(
  Object.entries({
    per: ['cent'],
    pour: ['cent'],
    por: ['ciento', 'cento'],
  }),
);

const MONTHS = new Map<string, number>();
const monthNames = [
  'january|jan|januar|janvier|enero|janeiro|gennaio|januari|janner',
  'february|feb|februar|fevrier|febrero|fevereiro|febbraio|februari',
  'march|mar|marz|mars|marzo|marco|maart',
  'april|apr|avril|abril|aprile',
  'may|mai|mayo|maio|maggio|mei',
  'june|jun|juni|juin|junio|junho|giugno',
  'july|jul|juli|juillet|julio|julho|luglio',
  'august|aug|aout|agosto|augustus',
  'september|sep|sept|septembre|septiembre|setembro|settembre',
  'october|oct|oktober|octobre|octubre|outubro|ottobre',
  'november|nov|novembre|noviembre|novembro',
  'december|dec|dezember|decembre|diciembre|dezembro|dicembre',
];
monthNames.forEach((names, i) => names.split('|').forEach((n) => MONTHS.set(n, i + 1)));

/** Month names that are also ordinary words: only a month when capitalised. */
const AMBIGUOUS_MONTHS = new Set([
  'may',
  'march',
  'mar',
  'jan',
  'sep',
  'dec',
  'mai',
  'mei',
  'marco',
  'jun',
  'jul',
  'apr',
]);

/** Month number for a folded word, or 0. `capitalised`: the raw word started upper-case. */
export function monthOf(word: string, capitalised: boolean): number {
  const m = MONTHS.get(word.replace(/\.$/, '')) ?? 0;
  if (m && AMBIGUOUS_MONTHS.has(word) && !capitalised) return 0;
  return m;
}

/** Value of a number word ("five", "cinq"), or undefined. */
export function unitWordValue(word: string): number | undefined {
  return UNITS.get(word);
}

/** Multiplier for a scale word; `afterFigure` allows the short forms ("k", "bn"). */
export function scaleValue(word: string, afterFigure: boolean): number | undefined {
  if (!afterFigure && FIGURE_ONLY_SCALES.has(word)) return undefined;
  return SCALES.get(word);
}

/** True when `word` alone means percent. */
export function isPercentWord(word: string): boolean {
  return PERCENT_WORDS.has(word);
}

/** True when `first second` is a two-word percent ("per cent", "por ciento"). */
export function isPercentPair(first: string, second: string): boolean {
  return PERCENT_PAIRS.get(first)?.includes(second) ?? false;
}

/**
 * Parses a figure as written ("1,200", "1.200", "1 200", "3,5", "12.5") to a number. English
 * uses the comma for thousands; the other stemmed languages use it for decimals. A separator
 * followed by exactly three digits is a thousands separator in every language except after a
 * decimal point already seen.
 */
export function parseFigure(raw: string, lang: string): number {
  const s = raw.replace(/[\u00a0\u202f\u2009 ]/g, ' ');
  const decimalComma = lang !== 'en' && KNOWN_DECIMAL_COMMA.has(lang);
  const parts = s.split(/([.,' ])/);
  let intDigits = '';
  let frac = '';
  for (let i = 0; i < parts.length; i += 2) {
    const digits = parts[i] ?? '';
    const sep = i > 0 ? parts[i - 1] : '';
    if (i === 0) {
      intDigits = digits;
      continue;
    }
    const isLast = i === parts.length - 1;
    const thousands =
      digits.length === 3 &&
      (sep === ' ' || sep === "'" || (decimalComma ? sep === '.' : sep === ',') || !isLast);
    if (thousands && !frac) intDigits += digits;
    else if (!frac) frac = digits;
  }
  const v = Number(`${intDigits || '0'}${frac ? '.' + frac : ''}`);
  return Number.isFinite(v) ? v : NaN;
}

const KNOWN_DECIMAL_COMMA = new Set(['de', 'fr', 'es', 'pt', 'it', 'nl']);

/** Canonical text for a value: no float noise, no trailing zeros ("1200", "1.25"). */
export function canonicalNumber(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return String(r);
}
