/**
 * UI strings. Every visible string goes through `t()`, so the integrator can back it with the
 * extension's `_locales` (via `setTranslator`) without touching the components. Keys use only
 * [A-Za-z0-9_], which is what `messages.json` accepts; substitutions are `$1`, `$2`, … as in
 * `browser.i18n.getMessage(key, subs)`.
 */

/** English defaults: the source of truth for keys. Keep keys stable; add, don't rename. */
export const MESSAGES = {
  // Card header
  sourceCountOne: '$1 source',
  sourceCountOther: '$1 sources',
  // Card states
  loading: 'Looking for sources…',
  noneTitle: 'No source found for this sentence',
  noneReason: 'Nothing the article links to backs it up.',
  errorTitle: 'Couldn’t check sources',
  errorGeneric: 'Something went wrong while checking this sentence.',
  // Card actions
  openAtQuote: 'Open at quote',
  opensInNewTab: '(opens in a new tab)',
  moreSources: '+$1 more',
  pin: 'Pin',
  pinHint: 'Pin this card to see all sources',
  close: 'Close',
  copyText: 'Copy with sources',
  copyTextHint: 'Copy the sentence and its sources as plain text',
  copyMarkdown: 'Copy as Markdown',
  copyDone: 'Copied.',
  copyFailed: 'Could not copy: the browser refused.',
  copySourcesHeading: 'Sources:',
  markWrong: 'Wrong source',
  markWrongLabel: 'Wrong source: $1',
  undoWrong: 'Undo',
  undoWrongLabel: 'Undo wrong source: $1',
  flaggedNote: 'You marked this source as wrong for this sentence.',
  unflaggedNote: 'The source counts again for this sentence.',
  flagFailed: 'Could not save that: try again.',
  // Support levels
  levelSupports: 'Supports',
  levelPartly: 'Partly supports',
  levelRelated: 'Related',
  levelNumbersDiffer: 'Numbers differ',
  levelNumbersDifferHint: 'The source gives different numbers than the sentence.',
  // Source details
  publishedOn: 'Published $1',
  copiesOne: '$1 similar copy',
  copiesOther: '$1 similar copies',
  viaInline: 'Linked in the sentence',
  viaFootnote: 'Cited in a footnote',
  viaOutbound: 'Linked in the article',
  viaProvider: 'Found by search',
  // Popup
  appName: 'Sourcelight',
  // Manifest (as __MSG_…__) and the language the table is written in, which `installExtensionI18n`
  // reads back to format dates and numbers in the same language as the words.
  appDescription:
    'Hover a sentence on a news page to see which sources back it, with the supporting quote.',
  commandNext: 'Move to the next sentence with sources',
  commandPrevious: 'Move to the previous sentence with sources',
  localeCode: 'en',
  switchEnabled: 'Show sources',
  switchSite: 'On for $1',
  switchSiteNoHost: 'On for this site',
  statSentences: 'Sentences found',
  statSourced: 'Sentences sourced',
  statSources: 'Sources',
  statShare: '$1 of sentences',
  progressScanning: 'Reading the page…',
  progressMatching: 'Matching sources: $1 of $2 sentences checked',
  doneSummary: 'All sentences checked.',
  popupSourcesTitle: 'Sources on this page',
  popupMoreSources: 'and $1 more',
  sentenceCountOne: 'backs $1 sentence',
  sentenceCountOther: 'backs $1 sentences',
  popupNextUnsourced: 'Next unsourced sentence',
  popupNextNumbersDiffer: 'Next sentence where numbers differ',
  stateOffTitle: 'Sourcelight is off',
  stateOffBody: 'Turn it on to see where sentences on news pages come from.',
  stateSiteOffTitle: 'Off for this site',
  stateSiteOffBody: 'Turn it on for this site to check the sentences on this page.',
  stateNotArticleTitle: 'This page doesn’t look like an article',
  stateNotArticleBody: 'Sourcelight checks the sentences of news articles and posts.',
  stateNotPermittedTitle: 'Sourcelight can’t run here',
  stateNotPermittedBody: 'Browser pages and extension stores are off-limits to extensions.',
  stateNoPageTitle: 'No page to check',
  stateNoPageBody: 'Open a news article to see its sources.',
  stateWaitingTitle: 'This page hasn’t been checked yet',
  stateWaitingBody: 'Reload the page if it was open before Sourcelight was switched on.',
  // Options page
  optTitle: 'Sourcelight settings',
  optProvidersTitle: 'Search providers',
  optProvidersIntro:
    'All off until you turn them on. A provider you turn on receives the key terms of the sentences Sourcelight checks and the page’s language, never whole sentences or the page address. Turning it off withdraws your consent.',
  optProviderSends: '$1 ($2): key terms of the sentences being checked',
  destYourServer: 'a server you choose',
  optReconsent:
    'The address changed, so $1 was turned off: turn it on again to agree to send to the new address.',
  optNeedsSetup: 'Fill in the fields below for $1 to work.',
  optEndpoint: 'Server address',
  optApiKey: 'API key',
  optApiKeyOptional: 'API key or user:password (optional)',
  optIndex: 'Index name',
  optFieldUrl: 'URL field',
  optFieldTitle: 'Title field',
  optFieldBody: 'Text field',
  optFieldDate: 'Date field',
  optBook: 'Book name',
  optCheck: 'Check connection',
  optChecking: 'Checking…',
  errRequired: 'Required.',
  errTooLong: 'Too long: at most $1 characters.',
  errUrlInvalid: 'Not a full address: write it like https://search.example.org.',
  errUrlScheme: 'The address must start with http:// or https://.',
  errUrlCredentials: 'Put a user name and password in the key field, not in the address.',
  errSpaces: 'No spaces allowed.',
  errKeyChars: 'Contains characters a key cannot have.',
  errIndexChars: 'Index names cannot contain spaces or \\ / * ? " < > | , # :',
  errIndexCase: 'Index names are lower case.',
  errIndexStart: 'Index names cannot start with -, _ or +, nor be . or ..',
  errFieldChars: 'Use letters, digits and _ - @, with dots only between parts.',
  errBookChars: 'Use letters, digits and _ - . only.',
  errHostInvalid: 'Not a site name: write it like news.example.com.',
  errHostDuplicate: '$1 is already on the list.',
  errDelayRange: 'Enter a whole number from 0 to 2000.',
  errBoolean: 'It must be true or false.',
  optSitesTitle: 'Sites',
  optSitesIntro:
    'Sourcelight runs on every site except the ones listed here. The toolbar button turns the current site on or off too.',
  optSiteToAdd: 'Site to turn off',
  optAdd: 'Add',
  optSitesOffList: 'Turned off on',
  optSitesEmpty: 'No site is turned off.',
  optRemove: 'Remove $1',
  optRemoveShort: 'Remove',
  optReadingTitle: 'Reading',
  optHoverDelay: 'Hover delay in milliseconds',
  optUnderlineUnsourced: 'Underline sentences without a source too',
  optUnderlineUnsourcedHint:
    'A faint dashed line under checked sentences for which no source was found.',
  optHoverDelayHint: 'How long the pointer rests on a sentence before its sources show.',
  optCacheTitle: 'Cache',
  optCacheIntro:
    'Pages Sourcelight downloaded and the answers it found are kept on this computer for up to a day, so an article opens faster the second time.',
  optCacheClear: 'Clear cached pages and answers',
  optCacheCleared: 'Cached pages and answers were deleted.',
  optCacheFailed: 'The cache could not be cleared: $1',
  optTransferTitle: 'Export and import',
  optTransferIntro:
    'Save your settings to a file, or load them from one. Importing never turns a search provider on: you do that here.',
  optIncludeKeys: 'Include API keys',
  optIncludeKeysWarn: 'Anyone who has the file can use your keys. Keep it private.',
  optExport: 'Export settings',
  optImport: 'Import settings',
  optImportApplied: 'Imported: $1.',
  optImportRefused: 'Not imported: $1',
  impTooLarge: 'the file is larger than 1 MB.',
  impNotJson: 'the file is not JSON.',
  impNotOurs: 'the file is not a Sourcelight settings export.',
  impNewer: 'the file comes from a newer version of Sourcelight.',
  impNothing: 'the file holds no settings.',
  impInvalid: '$1 is not valid. $2',
  impUnknownProvider: 'the file names an unknown search provider, $1.',
  impUnknownField: 'the file has a setting Sourcelight does not know, $1.',
  impPartSwitch: 'main switch',
  impPartSites: 'site list ($1)',
  impPartDelay: 'hover delay',
  impPartProviders: 'search provider settings ($1)',
  impPartKeys: 'API keys',
  optTheme: 'Colours of the settings pages',
  optThemeAuto: 'Same as the system',
  optThemeLight: 'Light',
  optThemeDark: 'Dark',
  impPartTheme: 'theme',
  impPartUnderline: 'underlining of sentences without a source',
  errTheme: 'It must be auto, light or dark.',
  // Onboarding page
  obTitle: 'Welcome to Sourcelight',
  obIntro:
    'Rest the pointer on a sentence in a news article to see which sources back it, with the quote that does.',
  obReadsTitle: 'What it reads',
  obReads: 'The text of the articles you open. It is read on your computer, in your browser.',
  obSendsTitle: 'What it sends, and where',
  obSendsPages:
    'It downloads the pages an article links to, to find the passage that backs a sentence. These downloads are anonymous: no cookies and no referrer are sent.',
  obSendsUs: 'Nothing is sent to us: there is no account, no analytics and no server of ours.',
  obSendsProviders:
    'Search providers stay off unless you turn one on. Then only the key terms of a sentence go to that provider, never whole sentences or the page address.',
  obProvidersTitle: 'Search providers (optional)',
  obProvidersIntro:
    'Tick a provider to let Sourcelight send it the key terms named next to it. You can change this at any time in the settings.',
  obNeedsSetup: 'Needs an address or a key first: set it up in the settings.',
  obOpenOptions: 'Open settings',
  obDone: 'That is all. Open a news article to try it.',
  // Host access (onboarding and options)
  accessTitle: 'Reading linked pages',
  accessIntro:
    'To find the passage that backs a sentence, Sourcelight downloads the pages an article links to. Your browser asks you once to allow this; until then only the article itself is read.',
  accessGranted: 'Allowed: Sourcelight reads the pages articles link to.',
  accessMissing: 'Not allowed yet: only the article itself is read.',
  accessAllow: 'Allow reading linked pages',
  accessRevoke: 'Stop reading linked pages',
} as const;

/** A key of the message table. */
export type MessageKey = keyof typeof MESSAGES;

/** A lookup that returns the localised message, or '' / undefined when it has none. */
export type Translator = (key: MessageKey, subs: string[]) => string | undefined;

let translator: Translator | undefined;
let locale = 'en';
/** Set by `installExtensionI18n` until the first string or number is asked for. */
let pendingApi: ExtensionI18n | undefined;

/**
 * Back `t()` with another source (e.g. `browser.i18n.getMessage`) and set the locale used for
 * plurals, dates and numbers. Missing translations fall back to the English table.
 */
export function setTranslator(next: Translator | undefined, nextLocale = 'en'): void {
  pendingApi = undefined;
  translator = next;
  locale = nextLocale;
}

/** The part of `browser.i18n` the UI needs (kept structural so components import no browser API). */
export interface ExtensionI18n {
  getMessage(name: string, substitutions?: string | string[]): string;
  getUILanguage(): string;
}

/**
 * Backs `t()` with the extension's `_locales` (one call from each entrypoint). Dates and numbers
 * follow the language the messages actually came from: the browser's own locale when it is the
 * same language (keeps the region, e.g. es-MX), otherwise the message file's (`localeCode`), so
 * an Italian browser reading the English fallback does not get Italian dates in English text.
 *
 * Nothing is asked of the API until the first string is needed: in a content script the first
 * `getMessage` loads the message catalogue synchronously (14 ms measured in Chromium 156), work
 * that every page would otherwise pay while the script starts, though most never show a card.
 */
export function installExtensionI18n(api: ExtensionI18n): void {
  setTranslator((key, subs) => {
    settleLocale();
    return safeCall(() => api.getMessage(key, subs.length ? subs : undefined));
  });
  pendingApi = api;
}

/** Work out the locale from the API given to `installExtensionI18n`, once. */
function settleLocale(): void {
  const api = pendingApi;
  if (!api) return;
  pendingApi = undefined;
  const ui = safeCall(() => api.getUILanguage()) ?? '';
  const messagesLang = safeCall(() => api.getMessage('localeCode')) || 'en';
  const sameLanguage =
    ui.toLowerCase().split(/[-_]/)[0] === messagesLang.toLowerCase().split(/[-_]/)[0];
  locale = sameLanguage && ui ? ui : messagesLang;
}

/** The API's answer, or undefined when it throws (e.g. the extension context was invalidated). */
function safeCall<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** The locale for `Intl` formatting in the UI. */
export function uiLocale(): string {
  settleLocale();
  return locale;
}

/** Replaces `$1`…`$9` with the substitutions; a missing one becomes ''. */
function substitute(template: string, subs: string[]): string {
  return template.replace(/\$([1-9])/g, (_m, n: string) => subs[Number(n) - 1] ?? '');
}

/** The message for `key` with `$1`… replaced by `subs`. Always returns text, never HTML. */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  const strings = subs.map(String);
  const localised = translator?.(key, strings);
  if (localised) return localised;
  return substitute(english(key), strings);
}

/**
 * The English table's text for `key`. The content script reads every string through
 * `browser.i18n` (whose `_locales/en` is this same table), so its bundle, which must stay small
 * and quick to start, leaves the table out: there only a torn-down extension context (the
 * script is being removed) ever gets here, and it gets the key.
 */
function english(key: MessageKey): string {
  return import.meta.env.ENTRYPOINT === 'content' ? key : MESSAGES[key];
}

type PluralBase = 'sourceCount' | 'copies' | 'sentenceCount';

/**
 * Picks `<base>One` or `<base>Other` by the locale's plural rules (message files have no
 * plurals of their own) and substitutes the formatted count.
 */
export function tPlural(base: PluralBase, count: number): string {
  let rule: Intl.LDMLPluralRule;
  try {
    rule = new Intl.PluralRules(uiLocale()).select(count);
  } catch {
    rule = count === 1 ? 'one' : 'other';
  }
  const key: MessageKey = rule === 'one' ? `${base}One` : `${base}Other`;
  return t(key, formatNumber(count));
}

/** UI languages whose numbers are written with the digits 0–9: every `_locales` language. */
const LATIN_DIGITS = /^(?:de|en|es|fr|pt)(?:-|$)/i;

/** A number in the UI locale ("1,234"). */
export function formatNumber(n: number): string {
  // Whole counts under 1,000 read the same in those languages, and a page's first
  // Intl.NumberFormat loads the engine's number data: 9–12 ms of the page's main thread
  // (Chromium 156), paid in the card's first rendering.
  if (Number.isInteger(n) && n >= 0 && n < 1000 && LATIN_DIGITS.test(uiLocale())) return String(n);
  try {
    return new Intl.NumberFormat(uiLocale()).format(n);
  } catch {
    return String(n);
  }
}

/** One entry of a WebExtension `_locales/<lang>/messages.json`. */
export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * The English table in `messages.json` form, written to `public/_locales/en/messages.json` by
 * `scripts/locales.mjs`.
 */
export function messagesJson(): Record<MessageKey, LocaleMessage> {
  return toMessagesJson(MESSAGES);
}

/**
 * A table of `$1`-style strings in `messages.json` form. `$1` becomes a named placeholder
 * (`$ARG1$`), the form both Chrome and Firefox document; a literal `$` is escaped as `$$`.
 */
export function toMessagesJson<K extends string>(
  table: Record<K, string>,
): Record<K, LocaleMessage> {
  const out = {} as Record<K, LocaleMessage>;
  for (const [key, text] of Object.entries(table) as Array<[K, string]>) {
    const placeholders: Record<string, { content: string }> = {};
    const message = text.replace(/\$([1-9])|\$/g, (m, n: string | undefined) => {
      if (!n) return '$$';
      placeholders[`arg${n}`] = { content: `$${n}` };
      return `$ARG${n}$`;
    });
    out[key] = Object.keys(placeholders).length ? { message, placeholders } : { message };
  }
  return out;
}
