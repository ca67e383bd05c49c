/**
 * The one message protocol between the content script, the background and the extension pages.
 * Every message is declared here with who may send it and a validator for its payload; replies
 * are always `{ ok: true, value } | { ok: false, error }` (see ./channel.ts).
 */
import {
  LIMITS,
  type FindSourcesRequest,
  type PageStatus,
  type PageSummary,
  type RevealKind,
  type SentenceSources,
} from './types';
import { PROVIDER_IDS, type ProviderId } from '../sources/providers/types';
import { arr, bool, httpUrl, num, obj, oneOf, optional, str, type Validator } from './validate';

const link = obj({
  href: httpUrl(LIMITS.urlChars),
  text: str(LIMITS.linkTextChars),
});

const footnote = obj({
  marker: str(32),
  text: str(LIMITS.footnoteTextChars),
  links: arr(link, LIMITS.linksPerSentence),
});

const sentence = obj({
  id: str(LIMITS.idChars, { min: 1, pattern: /^[\w-]+$/ }),
  text: str(LIMITS.sentenceChars, { min: 1 }),
  prevText: optional(str(LIMITS.sentenceChars)),
  links: arr(link, LIMITS.linksPerSentence),
  footnotes: arr(footnote, LIMITS.footnotesPerSentence),
});

const page = obj({
  url: httpUrl(LIMITS.urlChars),
  canonicalUrl: optional(httpUrl(LIMITS.urlChars)),
  title: str(LIMITS.titleChars),
  lang: optional(str(35, { pattern: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/ })),
  publishedAt: optional(str(40)),
  outboundLinks: arr(link, LIMITS.outboundLinks),
});

const count = num(0, 1_000_000, { integer: true });

const pageStatus: Validator<PageStatus> = obj({
  state: oneOf(['scanning', 'matching', 'done', 'off', 'not-article'] as const),
  sentences: count,
  sourced: count,
  sources: count,
  pending: count,
});

const pageSummary: Validator<PageSummary> = obj({
  status: pageStatus,
  sources: arr(
    obj({
      url: httpUrl(LIMITS.urlChars),
      siteName: str(LIMITS.titleChars),
      title: str(LIMITS.titleChars),
      sentences: count,
    }),
    LIMITS.summarySources,
  ),
  unsourced: count,
  numbersDiffer: count,
});

const revealKind = oneOf(['unsourced', 'numbers-differ'] as const satisfies readonly RevealKind[]);

/** Who may send a message: a content script in a tab, or an extension page/the background. */
export type SenderKind = 'content' | 'extension';

/** Message name → request and response types. */
export interface ProtocolMap {
  /** content → background: find sources for a batch of sentences. */
  findSources: { req: FindSourcesRequest; res: { results: SentenceSources[] } };
  /** content → background: the tab's counts, for the badge. */
  reportStatus: { req: PageStatus; res: null };
  /** popup → content: the page's counts and progress. */
  getStatus: { req: Record<string, never>; res: PageStatus };
  /** popup → content: counts, the page's sources and what is left to review. */
  getSummary: { req: Record<string, never>; res: PageSummary };
  /** popup → content: scroll to the next sentence of a kind and pin its card. */
  reveal: { req: { kind: RevealKind }; res: { moved: boolean } };
  /**
   * content → background: the reader says a source does (not) back a sentence. Stored by the
   * background; the reply is every source URL marked wrong for that sentence.
   */
  markSource: {
    req: { sentence: string; url: string; wrong: boolean };
    res: { wrong: string[] };
  };
  /** options page → background: try a provider with a harmless query. */
  checkProvider: { req: { id: ProviderId }; res: { ok: boolean; message: string } };
  /** background → content: a keyboard command (browser `commands` API). */
  command: { req: { name: 'next' | 'previous' }; res: { moved: boolean } };
}

export type MessageType = keyof ProtocolMap;
export type Req<K extends MessageType> = ProtocolMap[K]['req'];
export type Res<K extends MessageType> = ProtocolMap[K]['res'];

/** What dispatch knows about a sender (set by the browser, never by the message). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

interface Spec<K extends MessageType> {
  from: SenderKind;
  validate: Validator<Req<K>>;
  /**
   * Replaces what the sender could lie about with what the browser says about the sender. Runs
   * after validation and the sender check, before the handler.
   */
  bind?: (req: Req<K>, sender: SenderInfo) => Req<K>;
  /** Checks the reply's value where the receiver is less trusted than the sender (a page tab). */
  reply?: Validator<Res<K>>;
}

/**
 * The page a content script speaks for is the page the browser says it runs in: `page.url` is
 * taken from the sender (its frame's URL, else its tab's), never from the message. (Security
 * rule of issue 7, case 5: a content script cannot name another page as its own.)
 */
export function bindPageToSender(req: FindSourcesRequest, sender: SenderInfo): FindSourcesRequest {
  const url = sender.url ?? sender.tab?.url;
  if (!url || !/^https?:/i.test(url)) throw new Error('A content sender without a page URL');
  return { ...req, page: { ...req.page, url } };
}

export const PROTOCOL: { [K in MessageType]: Spec<K> } = {
  findSources: {
    from: 'content',
    validate: obj({ page, sentences: arr(sentence, LIMITS.sentencesPerBatch) }) as Validator<
      Req<'findSources'>
    >,
    bind: bindPageToSender,
  },
  reportStatus: { from: 'content', validate: pageStatus },
  getStatus: {
    from: 'extension',
    validate: obj({}) as Validator<Req<'getStatus'>>,
    reply: pageStatus,
  },
  getSummary: {
    from: 'extension',
    validate: obj({}) as Validator<Req<'getSummary'>>,
    reply: pageSummary,
  },
  reveal: {
    from: 'extension',
    validate: obj({ kind: revealKind }),
    reply: obj({ moved: bool }),
  },
  markSource: {
    from: 'content',
    validate: obj({
      sentence: str(LIMITS.sentenceChars, { min: 1 }),
      url: httpUrl(LIMITS.urlChars),
      wrong: bool,
    }),
    reply: obj({ wrong: arr(httpUrl(LIMITS.urlChars), 200) }),
  },
  checkProvider: {
    from: 'extension',
    validate: obj({ id: oneOf(PROVIDER_IDS) }),
  },
  command: {
    from: 'extension',
    validate: obj({ name: oneOf(['next', 'previous'] as const) }),
  },
};

/** Largest serialised payload accepted, checked before validation. */
export const MAX_PAYLOAD_CHARS = 512 * 1024;
