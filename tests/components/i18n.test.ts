// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGES, messagesJson, setTranslator, t, tPlural } from '../../components/i18n.ts';

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
});
