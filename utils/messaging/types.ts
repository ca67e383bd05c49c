/**
 * Data shapes that cross the content/background boundary. Kept free of browser APIs so that
 * ranking, sources and tests can import them anywhere (Node included).
 */

/** Hard limits on what a page may send; validators reject anything larger. */
export const LIMITS = {
  sentenceChars: 2000,
  sentencesPerBatch: 32,
  linksPerSentence: 24,
  footnotesPerSentence: 12,
  outboundLinks: 300,
  /**
   * Most candidate pages the background loads for one batch: the sentences' own citations
   * first, then the article's outbound links in order. So the content script sends no more
   * outbound links than this (more would never be read, only serialised with every batch).
   */
  pagesPerBatch: 40,
  urlChars: 2048,
  titleChars: 500,
  linkTextChars: 300,
  footnoteTextChars: 1000,
  idChars: 64,
  summarySources: 50,
} as const;

/** A link as it appears in the article: its absolute URL and visible text. */
export interface LinkRef {
  href: string;
  text: string;
}

/** A footnote marker inside a sentence ("[3]", "¹") resolved to its reference-list entry. */
export interface FootnoteRef {
  marker: string;
  /** The text of the reference-list entry the marker points to. */
  text: string;
  /** The links inside that entry. */
  links: LinkRef[];
}

/** One article sentence that the content script asks sources for. */
export interface SentenceRequest {
  /** Stable within a page view; the content script chooses it. */
  id: string;
  text: string;
  /** The sentence before it in the same block, for pronoun context ("he", "the agency"). */
  prevText?: string;
  links: LinkRef[];
  footnotes: FootnoteRef[];
}

/** What the content script knows about the page as a whole. */
export interface PageContext {
  url: string;
  canonicalUrl?: string;
  title: string;
  lang?: string;
  /** ISO 8601, when the page states a publication date. */
  publishedAt?: string;
  /** The article's outbound links that are not inside any one sentence. */
  outboundLinks: LinkRef[];
}

/** How strongly a source's best passage backs the sentence. */
export type SupportLevel = 'supports' | 'partly' | 'related' | 'numbers-differ';

/** Where a candidate source came from. */
export type SourceVia = 'inline' | 'footnote' | 'outbound' | 'provider';

/** One source shown for a sentence. */
export interface SourceResult {
  url: string;
  /** `url` with a `#:~:text=` fragment that selects `passage` in the source. */
  fragmentUrl: string;
  title: string;
  siteName: string;
  /** A data: URL fetched by the background, when the source has a small favicon. */
  faviconDataUrl?: string;
  /** ISO 8601, when the source states a date. */
  publishedAt?: string;
  /** The best-matching passage of the source, at most 300 characters. */
  passage: string;
  /** Words of the passage that match the sentence, for emphasis. */
  matchedTerms: string[];
  /** Calibrated 0–1. */
  score: number;
  level: SupportLevel;
  via: SourceVia;
  /** Number of near-duplicate copies folded into this entry. */
  copies?: number;
  /** A fact-checker's rating of the claim, when the source is a fact-check. */
  verdict?: string;
  /** The reader marked this source wrong for this sentence; it is listed last. */
  flagged?: boolean;
}

/** The answer for one sentence. */
export interface SentenceSources {
  id: string;
  status: 'sourced' | 'none' | 'error';
  sources: SourceResult[];
  /**
   * A short, human reason when status is 'error' (e.g. "The linked page could not be reached");
   * with status 'none', why a search that could have found a source did not run (a provider's
   * failure, linked pages not allowed yet).
   */
  error?: string;
}

/** Counts the content script reports for its tab (badge, popup). */
export interface PageStatus {
  state: 'scanning' | 'matching' | 'done' | 'off' | 'not-article';
  sentences: number;
  sourced: number;
  sources: number;
  /** Sentences whose answer is still pending. */
  pending: number;
}

/** One source on the page, with how many of the page's sentences it backs (popup). */
export interface PageSource {
  url: string;
  siteName: string;
  title: string;
  /** Sentences this source backs (any level). */
  sentences: number;
}

/** What the popup shows about a page: the counts, the sources and what to review. */
export interface PageSummary {
  status: PageStatus;
  /** Sources by the number of sentences they back, most first, at most {@link LIMITS}.summarySources. */
  sources: PageSource[];
  /** Checked sentences that have no source. */
  unsourced: number;
  /** Sourced sentences where a source gives different numbers. */
  numbersDiffer: number;
}

/** Sentences the popup can take the reader to. */
export type RevealKind = 'unsourced' | 'numbers-differ';

/** The error half of every reply. */
export interface ReplyError {
  code:
    | 'invalid-message'
    | 'forbidden-sender'
    | 'unknown-type'
    | 'too-large'
    | 'internal'
    | 'unavailable';
  message: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

/** content → background: one batch of sentences of one page. */
export interface FindSourcesRequest {
  page: PageContext;
  sentences: SentenceRequest[];
}
