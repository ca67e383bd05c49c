// Light stemming: strips the commonest inflections (plural, gender, verb endings) so "freed" meets
// "free" and "ministros" meets "ministro". Deliberately lighter than Porter/Snowball: over-stemming
// merges unrelated words, which hurts precision more than a missed variant hurts recall. Input is
// already accent-folded and lower-case.

/** Strips the first matching suffix from `suffixes` (longest listed first) keeping ≥ `min` chars. */
function strip(word: string, suffixes: readonly string[], min: number): string {
  for (const suf of suffixes) {
    if (word.length - suf.length >= min && word.endsWith(suf)) return word.slice(0, -suf.length);
  }
  return word;
}

const VOWEL = /[aeiouy]/;

function stemEn(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (/(?:ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // "freed", "agreed": only the "d" is an ending.
  if (w.length > 4 && w.endsWith('eed')) return stemEn(w.slice(0, -1));
  let cut = '';
  for (const suf of ['ingly', 'edly', 'ing', 'ed']) {
    const stem = w.slice(0, -suf.length);
    if (w.endsWith(suf) && stem.length >= 3 && VOWEL.test(stem)) {
      cut = stem;
      break;
    }
  }
  if (cut) {
    // "stopped" → "stopp" → "stop"; keep "ll"/"ss" ("called" → "call").
    if (/([^aeiouylsz])\1$/.test(cut)) cut = cut.slice(0, -1);
    w = cut;
  } else {
    w = strip(w, ['ers', 'er', 'ly'], 4);
  }
  // Final "e" goes so "produce", "produced" and "producer" share "produc".
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.endsWith('i') && w.length > 3) w = w.slice(0, -1) + 'y';
  return w;
}

function stemDe(w: string): string {
  return strip(w, ['ern', 'em', 'en', 'er', 'es', 'e', 's', 'n'], 4);
}

function stemFr(w: string): string {
  w = strip(w, ['issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'euses', 'euse'], 4);
  w = strip(w, ['aient', 'erent', 'ees', 'ee', 'es', 'er', 'ez', 'ait', 'ant', 'e', 's', 'x'], 4);
  return w;
}

function stemEs(w: string): string {
  w = strip(w, ['amente', 'mente', 'aciones', 'acion', 'iones', 'ion'], 4);
  return strip(
    w,
    [
      'aron',
      'ieron',
      'ado',
      'ada',
      'ados',
      'adas',
      'ido',
      'ida',
      'os',
      'as',
      'es',
      'o',
      'a',
      'e',
      's',
    ],
    4,
  );
}

function stemPt(w: string): string {
  w = strip(w, ['amente', 'mente', 'acoes', 'acao', 'coes', 'cao'], 4);
  return strip(
    w,
    [
      'aram',
      'eram',
      'ado',
      'ada',
      'ados',
      'adas',
      'ido',
      'ida',
      'os',
      'as',
      'es',
      'o',
      'a',
      'e',
      's',
    ],
    4,
  );
}

function stemIt(w: string): string {
  w = strip(w, ['amente', 'mente', 'azioni', 'azione'], 4);
  return strip(w, ['ato', 'ata', 'ati', 'ate', 'ito', 'ita', 'iti', 'ite', 'o', 'a', 'i', 'e'], 4);
}

function stemNl(w: string): string {
  // "mogelijkheden" → "mogelijkheid", the singular.
  if (w.endsWith('heden') && w.length > 8) return w.slice(0, -5) + 'heid';
  return strip(w, ['ingen', 'ing', 'en', 'es', 'e', 's'], 4);
}

const STEMMERS = new Map<string, (w: string) => string>(
  Object.entries({
    en: stemEn,
    de: stemDe,
    fr: stemFr,
    es: stemEs,
    pt: stemPt,
    it: stemIt,
    nl: stemNl,
  }),
);

/**
 * Stems a folded, lower-case word for `lang`. Unknown languages fall back to the identity: safe,
 * since accent folding and exact matching still work there.
 */
export function stem(word: string, lang: string): string {
  const fn = STEMMERS.get(lang);
  return fn ? fn(word) : word;
}
