// A sentence that says "he", "she", "it" or "the agency" names its subject only in the text
// before it. We borrow the names from that text so the subject can still be matched.

import { analyse, foldWord, type AnalyseOptions } from './analyse';

const PRONOUNS = new Set([
  // en
  'he',
  'she',
  'it',
  'they',
  'him',
  'his',
  'her',
  'its',
  'their',
  'them',
  // de, fr, es, pt, it, nl
  'er',
  'sie',
  'ihr',
  'sein',
  'seine',
  'il',
  'elle',
  'ils',
  'elles',
  'lui',
  'el',
  'ella',
  'ellos',
  'ele',
  'ela',
  'eles',
  'egli',
  'lei',
  'hij',
  'zij',
  'zijn',
  'haar',
]);

/** "the agency", "the company": a definite noun phrase that stands for a name said before. */
const ROLE_NOUNS = new Set([
  'agency',
  'company',
  'firm',
  'group',
  'band',
  'team',
  'club',
  'party',
  'government',
  'ministry',
  'department',
  'court',
  'city',
  'country',
  'state',
  'organization',
  'organisation',
  'film',
  'album',
  'show',
  'series',
  'book',
  'station',
  'school',
  'university',
  'president',
  'minister',
  'senator',
  'official',
  'singer',
  'player',
  'coach',
  'actor',
  'actress',
  'author',
  'network',
  'newspaper',
  'magazine',
  'museum',
  'library',
  'church',
  'hospital',
  'airline',
  'bank',
  'council',
]);
const THE = new Set([
  'the',
  'this',
  'le',
  'la',
  'der',
  'die',
  'das',
  'el',
  'o',
  'a',
  'il',
  'de',
  'het',
]);

/** True when `text` refers back to something named only before it. */
export function needsContext(text: string): boolean {
  const words = text.match(/[\p{L}\p{M}]+/gu);
  if (!words) return false;
  for (let i = 0; i < words.length; i++) {
    const w = foldWord(words[i]!);
    if (PRONOUNS.has(w)) return true;
    if (i + 1 < words.length && THE.has(w) && ROLE_NOUNS.has(foldWord(words[i + 1]!))) return true;
  }
  return false;
}

/** How much of the preceding text is searched for names: about the last two sentences. */
const CONTEXT_CHARS = 600;

/**
 * Name terms borrowed from `prevText` for a `query` that needs them: capitalised content words of
 * the text just before, latest first, without terms the query already has.
 */
export function contextTerms(
  query: string,
  prevText: string | undefined,
  lang: string,
  opts?: AnalyseOptions,
): string[] {
  if (!prevText || !needsContext(query)) return [];
  const tail = prevText.slice(-CONTEXT_CHARS);
  const own = new Set(analyse(query, lang, opts).tokens.map((t) => t.term));
  const out: string[] = [];
  const seen = new Set<string>();
  const tokens = analyse(tail, lang, opts).tokens;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    const first = tail[t.start] ?? '';
    const capitalised = first !== first.toLowerCase();
    if (!capitalised || t.term.startsWith('#') || t.term.startsWith('@')) continue;
    if (own.has(t.term) || seen.has(t.term)) continue;
    seen.add(t.term);
    out.push(t.term);
  }
  return out.slice(0, 8);
}

/** A title's trailing part after a spaced separator: its site or section ("Headline | Site"). */
const SITE_SUFFIX = /\s+[|–—-]\s+[^|–—]{1,40}$/u;

/**
 * Content terms of the article's title that the query (its terms: `own`) lacks: the subject a
 * sentence is about even when it never names it ("He joined the club in 2009" in an article
 * titled with his name).
 * A trailing site name ("… | The Guardian") is cut first: it says where, not what.
 */
export function titleTerms(
  own: { has(term: string): boolean },
  title: string | undefined,
  lang: string,
  opts?: AnalyseOptions,
): string[] {
  if (!title) return [];
  // At most two trailing parts go ("Headline | Section | Site"); a title is never cut to nothing.
  let head = title.slice(0, CONTEXT_CHARS);
  for (let k = 0; k < 2; k++) {
    const cut = head.replace(SITE_SUFFIX, '');
    if (cut === head || !/[\p{L}\p{N}]/u.test(cut)) break;
    head = cut;
  }
  const out: string[] = [];
  for (const t of analyse(head, lang, opts).tokens) {
    if (t.term.startsWith('#') || t.term.startsWith('@')) continue;
    if (own.has(t.term) || out.includes(t.term)) continue;
    out.push(t.term);
  }
  return out.slice(0, 8);
}
