// @vitest-environment node
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatNumber,
  MESSAGES,
  messagesJson,
  setTranslator,
  t,
  tPlural,
} from '../../components/i18n.ts';

afterEach(() => setTranslator(undefined));

describe('i18n', () => {
  it('substitutes $1… in the English defaults', () => {
    expect(t('moreSources', 4)).toBe('+4 more');
    expect(t('progressMatching', '3', '10')).toBe('Matching sources: 3 of 10 sentences checked');
  });

  it('chooses plural forms', () => {
    expect(tPlural('sourceCount', 1)).toBe('1 source');
    expect(tPlural('sourceCount', 5)).toBe('5 sources');
    expect(tPlural('sourceCount', 1200)).toBe('1,200 sources');
  });

  it('uses a translator when set and falls back when it has no message', () => {
    setTranslator(
      (key, subs) =>
        key === 'pin' ? 'Épingler' : key === 'moreSources' ? `+${subs[0]} de plus` : '',
      'fr',
    );
    expect(t('pin')).toBe('Épingler');
    expect(t('moreSources', 2)).toBe('+2 de plus');
    expect(t('close')).toBe('Close');
  });

  it('has keys that messages.json accepts', () => {
    for (const key of Object.keys(MESSAGES)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('exports messages.json entries with named placeholders', () => {
    const json = messagesJson();
    expect(Object.keys(json)).toEqual(Object.keys(MESSAGES));
    expect(json.progressMatching).toEqual({
      message: 'Matching sources: $ARG1$ of $ARG2$ sentences checked',
      placeholders: { arg1: { content: '$1' }, arg2: { content: '$2' } },
    });
    expect(json.close).toEqual({ message: 'Close' });
  });

  it('formats small counts exactly as Intl.NumberFormat does in every UI language', () => {
    const langs = readdirSync(new URL('../../public/_locales/', import.meta.url));
    expect(langs.length).toBeGreaterThan(1);
    for (const lang of langs) {
      for (const locale of [lang, `${lang}-${lang === 'en' ? 'GB' : lang.toUpperCase()}`]) {
        setTranslator(() => undefined, locale);
        for (let n = 0; n < 1000; n++)
          expect(formatNumber(n)).toBe(new Intl.NumberFormat(locale).format(n));
        for (const n of [1000, 12345, 2.5, -3])
          expect(formatNumber(n)).toBe(new Intl.NumberFormat(locale).format(n));
      }
    }
  });
});
