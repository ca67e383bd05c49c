/**
 * Builds the terms a provider may send for one sentence: its names, figures, dates and a few key
 * words — never the sentence itself, so a provider learns the topic, not the article's wording.
 */
import { foldWord } from '../../ranking/analyse';
import { isStopword } from '../../ranking/stopwords';
import type { PageContext, SentenceRequest } from '../../messaging/types';
import type { ProviderQuery } from './types';

const MAX_ENTITIES = 4;
const MAX_TERMS = 4;

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE_RE = new RegExp(
  `\\b(?:(?:\\d{1,2}\\s+)?(?:${MONTHS})(?:\\s+\\d{1,2})?,?\\s+\\d{4}|(?:1[89]|20)\\d{2})\\b`,
  'g',
);
const NUMBER_RE =
  /(?:[$€£]\s?)?\d[\d,.]*(?:\s?(?:%|per ?cent|percent|million|billion|bn|m)\b|%)?/gi;
// A capitalised word, possibly joined to more by "of"/"de"/"for" or hyphens: "Bank of England".
const ENTITY_RE =
  /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:of|de|del|der|von|van|for|la|le)\s+)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;

function uniq(xs: string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The page's primary language subtag, 'en' when unknown. */
export function pageLang(lang: string | undefined): string {
  const primary = (lang ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
}

/** The query for `sentence` on `page`. */
export function buildQuery(
  sentence: Pick<SentenceRequest, 'text'>,
  page: Pick<PageContext, 'lang' | 'publishedAt'>,
): ProviderQuery {
  const lang = pageLang(page.lang);
  const text = sentence.text.replace(/\s+/g, ' ').trim();
  const dates = uniq(text.match(DATE_RE) ?? []);
  const rest = dates.reduce((t, d) => t.split(d).join(' '), text);
  const numbers = uniq(
    (rest.match(NUMBER_RE) ?? []).map((n) => n.replace(/[.,]$/, '').trim()),
  ).filter((n) => /\d/.test(n));

  const entities: string[] = [];
  for (const m of text.matchAll(ENTITY_RE)) {
    const words = m[0].split(/\s+/);
    // "The European Central Bank" at a sentence start: the article is not part of the name.
    while (words.length > 1 && isStopword(foldWord(words[0]!), lang)) words.shift();
    const name = words.join(' ');
    if (words.length === 1 && isStopword(foldWord(words[0]!), lang)) continue;
    if (MONTHS.split('|').includes(name)) continue;
    entities.push(name);
  }
  const inEntities = new Set(entities.flatMap((e) => e.toLowerCase().split(/\s+/)));
  const terms = uniq(
    (text.match(/[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu) ?? []).filter((w) => {
      const lower = w.toLowerCase();
      return w.length > 3 && !inEntities.has(lower) && !isStopword(foldWord(w), lang);
    }),
  )
    .map((w) => w.toLowerCase())
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_TERMS);

  return {
    entities: uniq(entities).slice(0, MAX_ENTITIES),
    numbers: numbers.slice(0, 2),
    dates: dates.slice(0, 2),
    terms,
    lang,
    ...(page.publishedAt ? { pageDate: page.publishedAt } : {}),
  };
}

/** A plain keyword string: entities, then dates, numbers and key terms. */
export function keywords(
  q: ProviderQuery,
  opts: { quote?: boolean; numbers?: boolean } = {},
): string {
  const ents = q.entities.map((e) => (opts.quote && /\s/.test(e) ? `"${e}"` : e));
  return [...ents, ...q.dates, ...(opts.numbers === false ? [] : q.numbers), ...q.terms]
    .join(' ')
    .trim();
}
