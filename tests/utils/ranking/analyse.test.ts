// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyse, foldWord } from '../../../utils/ranking/analyse';
import { stem } from '../../../utils/ranking/stem';
import { guessLanguage, isStopword } from '../../../utils/ranking/stopwords';
import { parseFigure } from '../../../utils/ranking/numbers';

const terms = (text: string, lang = 'en') => analyse(text, lang).tokens.map((t) => t.term);
const figures = (text: string, lang = 'en') => terms(text, lang).filter((t) => t.startsWith('#'));

describe('numbers', () => {
  it('writes 1,200 / 1.2k / twelve hundred / 1 200 the same way', () => {
    for (const s of [
      '1,200 people',
      '1.2k people',
      'twelve hundred people',
      'one thousand two hundred people',
    ]) {
      expect(figures(s)).toEqual(['#1200']);
    }
    expect(figures('1.200 Menschen', 'de')).toEqual(['#1200']);
  });

  it('writes 5% / five percent / 5 per cent the same way, apart from a bare 5', () => {
    for (const s of ['5%', 'five percent', '5 per cent', 'five per cent'])
      expect(figures(s)).toEqual(['#5%']);
    expect(figures('cinq pour cent', 'fr')).toEqual(['#5%']);
    expect(figures('5 people')).toEqual(['#5']);
  });

  it('reads a lone spelled-out "one" as a word, not a figure', () => {
    expect(figures('One deckhand said crews had heard nothing.')).toEqual([]);
    expect(figures('the court agreed that we did not get one')).toEqual([]);
    expect(figures('one million people')).toEqual(['#1000000']);
    expect(figures('twenty-one people')).toEqual(['#21']);
    expect(figures('one per cent')).toEqual(['#1%']);
    expect(figures('1 person')).toEqual(['#1']);
  });

  it('scales millions and billions', () => {
    expect(figures('$3.5 million')).toEqual(['#3500000']);
    expect(figures('€5bn')).toEqual(['#5000000000']);
    expect(figures('3,5 Millionen', 'de')).toEqual(['#3500000']);
  });

  it('parses decimal commas only where the language uses them', () => {
    expect(parseFigure('3,5', 'de')).toBe(3.5);
    expect(parseFigure('1,200,000', 'en')).toBe(1200000);
    expect(parseFigure('12.5', 'en')).toBe(12.5);
  });

  it('reads dates: month names in several languages and ISO dates', () => {
    expect(terms('24 August 2016')).toEqual(['#24', '@m8', '#2016']);
    expect(terms('2016-08-24')).toEqual(['#2016', '@m8', '#24']);
    expect(terms('24 août 2016', 'fr')).toEqual(['#24', '@m8', '#2016']);
    // "may" the verb is not a month
    expect(terms('it may rain')).not.toContain('@m5');
  });
});

describe('words', () => {
  it('folds accents and case', () => {
    expect(foldWord('Élysée')).toBe('elysee');
    expect(foldWord('Straße')).toBe('strasse');
    expect(terms('São Paulo', 'pt')).toEqual(terms('sao paulo', 'pt'));
  });

  it('stems light inflections per language', () => {
    expect(stem('freed', 'en')).toBe(stem('free', 'en'));
    expect(stem('hostages', 'en')).toBe(stem('hostage', 'en'));
    expect(stem('studies', 'en')).toBe(stem('study', 'en'));
    expect(stem('ministros', 'es')).toBe(stem('ministro', 'es'));
    expect(stem(foldWord('libérés'), 'fr')).toBe(stem(foldWord('libéré'), 'fr'));
    expect(stem('kinderen', 'nl')).toBe(stem('kinder', 'nl'));
    expect(stem('Regierungen'.toLowerCase(), 'de')).toBe(stem('regierung', 'de'));
    // unknown language: left alone
    expect(stem('kirjat', 'fi')).toBe('kirjat');
  });

  it('drops function words and keeps possessive names', () => {
    expect(terms("the band's album")).toEqual(['band', 'album']);
    expect(isStopword('the', 'en')).toBe(true);
    expect(isStopword('regierung', 'de')).toBe(false);
  });

  it('marks names and derives short forms', () => {
    const a = analyse('Officials at the World Health Organization said so.', 'en');
    expect(a.tokens.filter((t) => t.name).map((t) => t.term)).toEqual([
      'world',
      'health',
      'organization',
    ]);
    expect(a.extra).toContain('^who');
    expect(analyse('The WHO said so.', 'en').extra).toContain('^who');
  });

  it('guesses the language from function words', () => {
    expect(guessLanguage('Der Präsident hat die Wahl gewonnen und ist nicht zurückgetreten')).toBe(
      'de',
    );
    expect(guessLanguage('El presidente ha ganado las elecciones y no se ha ido')).toBe('es');
    expect(guessLanguage('The president won the election and did not resign')).toBe('en');
  });
});
