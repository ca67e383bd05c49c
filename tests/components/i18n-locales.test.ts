// @vitest-environment node
/**
 * The shipped `_locales`: every language has exactly the keys of the English table, the same
 * placeholders, and text that says something (not a copy of the key or an empty string).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  installExtensionI18n,
  MESSAGES,
  messagesJson,
  setTranslator,
  t,
  tPlural,
  uiLocale,
  type LocaleMessage,
} from '../../components/i18n.ts';

// @ts-expect-error -- a plain .mjs script without declarations; its exports are checked below.
import { localeFiles, TRANSLATIONS } from '../../scripts/locales.mjs';

const LOCALES_DIR = join(__dirname, '../../public/_locales');
const LANGS = ['de', 'en', 'es', 'fr', 'pt'];
const files = localeFiles() as Record<string, string>;
const translations = TRANSLATIONS as Record<string, Record<string, string>>;
const read = (lang: string) => JSON.parse(files[lang]!) as Record<string, LocaleMessage>;

/** The `$NAME$` placeholders a message uses, sorted. */
const used = (m: LocaleMessage) =>
  [...m.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((x) => x[1]!.toLowerCase()).sort();
/** The `$n` substitutions a table string uses, sorted. */
const subs = (text: string) => [...text.matchAll(/\$([1-9])/g)].map((x) => x[1]).sort();

/** A minimal `browser.i18n` over one messages.json, substituting like the browsers do. */
function fakeI18n(lang: string, ui: string) {
  const file = read(lang);
  return {
    getUILanguage: () => ui,
    getMessage(name: string, given?: string | string[]) {
      const entry = file[name];
      if (!entry) return '';
      const list = given === undefined ? [] : Array.isArray(given) ? given : [given];
      return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_m, ph: string) => {
        const content = entry.placeholders?.[ph.toLowerCase()]?.content ?? '';
        return content.replace(/\$([1-9])/g, (_x, n: string) => list[Number(n) - 1] ?? '');
      });
    },
  };
}

afterEach(() => setTranslator(undefined));

describe('_locales', () => {
  it('has the five languages', () => {
    expect(Object.keys(files).sort()).toEqual(LANGS);
  });

  it('English is exactly the table', () => {
    expect(read('en')).toEqual(JSON.parse(JSON.stringify(messagesJson())));
  });

  it('every translation has the same $n substitutions as the English string', () => {
    for (const [lang, table] of Object.entries(translations))
      for (const [key, english] of Object.entries(MESSAGES))
        expect(subs(table[key] ?? ''), `${lang}.${key}`).toEqual(subs(english));
  });

  // The files ship once the manifest has default_locale (see scripts/locales.mjs); from then
  // on they must be exactly what the script writes.
  it('the files in public/_locales, when present, are what the script writes', () => {
    const present = existsSync(LOCALES_DIR) ? readdirSync(LOCALES_DIR).sort() : [];
    if (present.length) expect(present).toEqual(LANGS);
    for (const lang of present)
      expect(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8'), lang).toBe(
        files[lang],
      );
  });

  for (const lang of LANGS) {
    it(`${lang}: the table's keys, placeholders and $n substitutions`, () => {
      const file = read(lang);
      const en = messagesJson();
      expect(Object.keys(file).sort()).toEqual(Object.keys(MESSAGES).sort());
      for (const key of Object.keys(MESSAGES) as Array<keyof typeof MESSAGES>) {
        const entry = file[key]!;
        expect(entry.message.trim(), `${lang}.${key}`).not.toBe('');
        expect(used(entry), `${lang}.${key} placeholders used`).toEqual(used(en[key]));
        expect(entry.placeholders ?? {}, `${lang}.${key} placeholder table`).toEqual(
          en[key].placeholders ?? {},
        );
        // Any other `$` must be escaped, or the browser would eat it.
        const rest = entry.message.replace(/\$[A-Za-z0-9_]+\$|\$\$/g, '');
        expect(rest, `${lang}.${key}`).not.toContain('$');
      }
      expect(file.localeCode!.message).toBe(lang);
    });
  }

  it('translations differ from English where the words are not names', () => {
    const en = read('en');
    for (const lang of ['de', 'es', 'fr', 'pt']) {
      const file = read(lang);
      const same = Object.keys(en).filter(
        (k) => !['appName', 'localeCode'].includes(k) && file[k]!.message === en[k]!.message,
      );
      // French shares a few words with English ("Sources", "$1 source").
      expect(same.length, `${lang}: untranslated ${same.join(', ')}`).toBeLessThanOrEqual(3);
    }
  });
});

describe('installExtensionI18n', () => {
  it('reads messages and substitutions through the extension API', () => {
    installExtensionI18n(fakeI18n('de', 'de-DE'));
    expect(t('close')).toBe('Schließen');
    expect(t('progressMatching', '3', '10')).toBe('Quellenabgleich: 3 von 10 Sätzen geprüft');
    expect(tPlural('sourceCount', 1)).toBe('1 Quelle');
    expect(tPlural('sourceCount', 1200)).toBe('1.200 Quellen');
    expect(uiLocale()).toBe('de-DE');
  });

  it('formats in the language of the messages when the browser language has none', () => {
    installExtensionI18n(fakeI18n('en', 'it-IT'));
    expect(uiLocale()).toBe('en');
    expect(tPlural('sourceCount', 1200)).toBe('1,200 sources');
  });

  it('falls back to English when the API throws', () => {
    installExtensionI18n({
      getUILanguage: () => {
        throw new Error('context invalidated');
      },
      getMessage: () => {
        throw new Error('context invalidated');
      },
    });
    expect(t('pin')).toBe('Pin');
    expect(uiLocale()).toBe('en');
  });
});
