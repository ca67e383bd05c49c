// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  buildIndex,
  rankDocuments,
  rankPassages,
  SHOW_THRESHOLD,
  type Passage,
} from '../../../utils/ranking';
import { analyse } from '../../../utils/ranking/analyse';
import { needsContext, titleTerms } from '../../../utils/ranking/context';

/** A sentence's terms, as the ranker analyses its query. */
const termsOf = (text: string) => new Set(analyse(text, 'en').tokens.map((t) => t.term));

const doc = (docId: string, sentences: string[]): Passage[] =>
  sentences.map((text, index) => ({ docId, index, text }));

describe('rankPassages', () => {
  const page = doc('a', [
    'The ministry published its annual report on Tuesday.',
    'Rebels freed 80 hostages near the border, officials said.',
    'The weather in the capital was mild.',
    'Talks between the two sides resume next month.',
  ]);

  it('finds the passage that states the claim', () => {
    const idx = buildIndex(page, { lang: 'en' });
    const [top] = rankPassages(idx, { text: 'Rebels freed 80 hostages near the border.' });
    expect(top?.index).toBe(1);
    expect(top?.level).not.toBe('numbers-differ');
    expect(top?.matchedTerms).toEqual(
      expect.arrayContaining(['Rebels', 'freed', '80', 'hostages', 'border']),
    );
  });

  it('flags a passage stating another figure for the same thing', () => {
    const idx = buildIndex(page, { lang: 'en' });
    const [top] = rankPassages(idx, { text: 'Rebels freed 600 hostages near the border.' });
    expect(top?.index).toBe(1);
    expect(top?.level).toBe('numbers-differ');
  });

  it('quotes two adjacent sentences when the claim needs both', () => {
    const idx = buildIndex(
      doc('b', [
        'The museum opened a new wing.',
        'Maria Keller was appointed director of the Oslo museum in 2019.',
        'Under her lead, the collection grew to 40,000 objects.',
        'Visitors praised the cafe.',
      ]),
      { lang: 'en' },
    );
    const [top] = rankPassages(idx, {
      text: 'Keller became director of the museum in 2019 and grew its collection to 40,000 objects.',
    });
    expect(top?.index).toBe(1);
    expect(top?.text).toContain('40,000 objects');
    expect(top?.text.length).toBeLessThanOrEqual(300);
  });

  it('quotes the sentence alone when its neighbour only names who said it', () => {
    // The press release's sentence before the one that backs the claim names the ministry: a
    // window of the two ranks well, but the quote should open with the supporting sentence.
    const idx = buildIndex(
      doc('m', [
        'Amnesty for people held over dock protests to take effect on 8 April',
        'The Ministry of Justice has confirmed that up to 600 people held over the dock protests are eligible for release.',
        'The amnesty does not cover anyone charged with an offence involving violence against a person.',
        'Such cases will continue through the courts in the usual way.',
      ]),
      { lang: 'en' },
    );
    const text =
      'The amnesty does not cover anyone charged with violence against a person, the ministry said.';
    const [top] = rankPassages(idx, { text });
    expect(top?.index).toBe(2);
    expect(top?.span).toBe(1);
    expect(top?.text).toMatch(/^The amnesty does not cover/);
    // Without the attribution, the same neighbour adds nothing either; with a fact, it joins.
    const [both] = rankPassages(idx, {
      text: 'The amnesty does not cover anyone charged with violence against a person, though up to 600 people held over the protests are eligible for release.',
    });
    expect(both?.span).toBe(2);
  });

  it('returns nothing for a query sharing no word with the index', () => {
    const idx = buildIndex(page, { lang: 'en' });
    expect(rankPassages(idx, { text: 'Quantum chromodynamics lattice' })).toEqual([]);
  });

  it('is deterministic', () => {
    const idx = buildIndex(page, { lang: 'en' });
    const q = { text: 'The ministry report on hostages' };
    expect(rankPassages(idx, q)).toEqual(rankPassages(buildIndex(page, { lang: 'en' }), q));
  });
});

describe('calibration', () => {
  it('scores rise with the share of the claim a passage covers, and stay in 0–1', () => {
    const words = ['Heinz', 'Wolters', 'founded', 'Kiel', 'orchestra', 'Baltic', '1987'];
    const passages = words.map((_, i) => ({
      docId: `d${i}`,
      index: 0,
      text: `${words.slice(0, i + 1).join(' ')} and some unrelated filler text here.`,
    }));
    // padding documents so IDF is meaningful
    for (let k = 0; k < 20; k++)
      passages.push({ docId: `pad${k}`, index: 0, text: `Filler sentence number ${k} text.` });
    const idx = buildIndex(passages, { lang: 'en' });
    const ranked = rankPassages(idx, { text: words.join(' ') }, 50).filter((r) =>
      r.docId.startsWith('d'),
    );
    const byCoverage = [...ranked].sort((a, b) => a.docId.localeCompare(b.docId));
    for (let i = 1; i < byCoverage.length; i++)
      expect(byCoverage[i]!.score).toBeGreaterThan(byCoverage[i - 1]!.score);
    for (const r of ranked) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
    expect(byCoverage.at(-1)!.score).toBeGreaterThan(SHOW_THRESHOLD);
    expect(byCoverage.at(-1)!.level).toBe('supports');
  });
});

describe('context from prevText', () => {
  it('detects anaphora', () => {
    expect(needsContext('He later joined the band.')).toBe(true);
    expect(needsContext('The agency denied it.')).toBe(true);
    expect(needsContext('Barker later joined Blink-182.')).toBe(false);
  });

  it('lets "he" borrow the name said before', () => {
    const passages = [
      ...doc('barker', ['Travis Barker joined the band in 1998 as drummer.']),
      ...doc('other', ['Scott Raynor joined the band in 1993 as drummer.']),
    ];
    const idx = buildIndex(passages, { lang: 'en' });
    const q = {
      text: 'He joined the band as drummer.',
      prevText: 'Travis Barker was born in Fontana.',
    };
    expect(rankDocuments(idx, q)[0]?.docId).toBe('barker');
  });
});

describe('the article title', () => {
  it("takes the title's content words the sentence lacks, without the site's name", () => {
    expect(
      titleTerms(
        termsOf('He was found dead in 2009.'),
        'Police confirm goalkeeper Robert Enke left note | Football | The Guardian',
        'en',
      ),
    ).toEqual(['polic', 'confirm', 'goalkeep', 'robert', 'enke', 'left', 'note']);
    expect(titleTerms(termsOf('Robert Enke was a goalkeeper.'), 'Robert Enke', 'en')).toEqual([]);
    // A title that is all separators and names keeps its words rather than vanishing.
    expect(titleTerms(termsOf('It rained.'), 'Storm - Wales', 'en')).toEqual(['storm']);
    expect(titleTerms(termsOf('It rained.'), undefined, 'en')).toEqual([]);
  });

  it("prefers the page about the article's subject when the sentence does not name it", () => {
    const passages = [
      ...doc('enke', [
        'Robert Enke played for Hannover 96.',
        'He returned to the national team in January as first-choice keeper.',
      ]),
      ...doc('other', [
        'The club signed a new keeper.',
        'He returned to the national team in January as first-choice keeper.',
      ]),
    ];
    const idx = buildIndex(passages, { lang: 'en' });
    const text = 'He returned to the national team in January as number one keeper.';
    // Without the title the two pages tie on the sentence, and the tie goes to the first indexed.
    const reversed = buildIndex([...passages.slice(2), ...passages.slice(0, 2)], { lang: 'en' });
    expect(rankDocuments(reversed, { text })[0]?.docId).toBe('other');
    expect(rankDocuments(reversed, { text, title: 'Robert Enke – Wikipedia' })[0]?.docId).toBe(
      'enke',
    );
    expect(rankDocuments(idx, { text, title: 'Robert Enke – Wikipedia' })[0]?.docId).toBe('enke');
  });
});

describe('rankDocuments', () => {
  it('gives one passage per document, best document first', () => {
    const idx = buildIndex(
      [
        ...doc('x', [
          'Storm Ciara closed 300 schools in Wales.',
          'Storm Ciara brought heavy rain to Wales.',
        ]),
        ...doc('y', ['The football season resumes in August.']),
        ...doc('z', ['Heavy rain is forecast for the weekend.']),
      ],
      { lang: 'en' },
    );
    const r = rankDocuments(idx, { text: 'Storm Ciara closed 300 schools in Wales.' });
    expect(r[0]?.docId).toBe('x');
    expect(r[0]?.index).toBe(0);
    expect(new Set(r.map((p) => p.docId)).size).toBe(r.length);
  });
});

describe('other languages', () => {
  it('matches German inflections and spelled-out figures', () => {
    const idx = buildIndex(
      doc('de', [
        'Die Regierung hat am Montag neue Regeln beschlossen.',
        'Nach Angaben der Polizei wurden fünf Demonstranten festgenommen.',
        'Das Wetter bleibt kühl.',
      ]),
      { lang: 'de' },
    );
    const [top] = rankPassages(idx, { text: 'Die Polizei nahm 5 Demonstranten fest.' });
    expect(top?.index).toBe(1);
  });

  it('matches French text without accents and with elisions', () => {
    const idx = buildIndex(
      doc('fr', [
        "L'Assemblée nationale a adopté le budget mardi.",
        'Le ministre a annoncé une hausse de 5 pour cent des salaires.',
        'La météo reste clémente.',
      ]),
      { lang: 'fr' },
    );
    expect(rankPassages(idx, { text: 'assemblee nationale budget adopte' })[0]?.index).toBe(0);
    expect(
      rankPassages(idx, { text: 'Le ministre annonce une hausse des salaires de 5%' })[0]?.index,
    ).toBe(1);
  });
});
