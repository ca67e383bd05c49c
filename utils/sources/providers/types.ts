/**
 * The one shape every search provider has: build a query from a sentence, search an endpoint
 * through an injected fetch, map the answer to candidate sources, and map failures to typed,
 * reader-facing errors. Providers never rank for the reader: their candidates are loaded and
 * ranked by the matching module like any other candidate.
 */
import type { PageContext, SentenceRequest } from '../../messaging/types';

/** The identifiers of the providers Sourcelight knows. */
export const PROVIDER_IDS = [
  'wikipedia',
  'gdelt',
  'kiwix',
  'searxng',
  'opensearch',
  'factcheck',
  'brave',
] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];

/** What a provider may learn about a sentence: only these terms ever leave the machine. */
export interface ProviderQuery {
  /** Multi-word names and capitalised words ("European Central Bank", "Lagarde"). */
  entities: string[];
  /** Figures as written ("4.5%", "1,200"). */
  numbers: string[];
  /** Years and spelled dates ("2023", "March 2024"). */
  dates: string[];
  /** Other content words, longest first. */
  terms: string[];
  /** The page's language (BCP 47 primary subtag), defaulting to 'en'. */
  lang: string;
  /** The page's publication date, ISO 8601, when known. */
  pageDate?: string;
}

/** One candidate source a provider suggests. */
export interface ProviderCandidate {
  url: string;
  title: string;
  snippet?: string;
  siteName?: string;
  /** ISO 8601 when the provider states a date. */
  publishedAt?: string;
  /** A fact-checker's rating of the claim ("False", "Mostly true"). */
  verdict?: string;
}

/** The reader-facing failure kinds of a provider request. */
export type ProviderErrorCode =
  | 'bad-key'
  | 'quota'
  | 'unreachable'
  | 'wrong-endpoint'
  | 'server'
  | 'timeout'
  | 'blocked'
  | 'no-access'
  | 'aborted';

/** A minimal HTTP answer: providers read status, a few headers and the body as text. */
export interface ProviderResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: string;
}

/** What a provider hands its fetch. */
export interface ProviderRequestInit {
  /** Extra request headers (an API token). */
  headers: Record<string, string>;
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes: number;
}

/**
 * The injected network call. Resolves with any HTTP status (non-2xx included); rejects only when
 * no answer arrived (unreachable host, aborted, refused by the guard).
 */
export type ProviderFetch = (url: string, init: ProviderRequestInit) => Promise<ProviderResponse>;

/** The reader's configuration of one provider (see utils/settings/providers.ts). */
export interface ProviderConfig {
  endpoint?: string;
  apiKey?: string;
  /** OpenSearch/Elasticsearch index name. */
  index?: string;
  /** OpenSearch/Elasticsearch field names of the indexed documents. */
  fields?: { url?: string; title?: string; body?: string; date?: string };
  /** Kiwix book name (`books.name`). */
  book?: string;
}

/** Per-provider limits: politeness towards the service and the reader's budget. */
export interface ProviderLimits {
  /** Least time between two requests to this provider. */
  minIntervalMs: number;
  /** Whole request, headers and body. */
  timeoutMs: number;
  /** Most requests per calendar day (UTC). */
  dailyBudget: number;
  /** Most candidates kept per query. */
  maxResults: number;
  /** Largest answer read. */
  maxBytes: number;
}

/** What `search` receives besides the query. */
export interface SearchContext {
  signal: AbortSignal;
  fetch: ProviderFetch;
  /** Called before each HTTP request, so budgets count requests, not searches. */
  onRequest?: () => void;
}

/** One search provider. */
export interface Provider {
  readonly id: ProviderId;
  /** Human name, for settings and error messages. */
  readonly name: string;
  readonly limits: ProviderLimits;
  /** Whether the configuration has what the provider needs (a key, an endpoint, a book). */
  isConfigured(config: ProviderConfig): boolean;
  /** The query for one sentence; the page only contributes its language and date. */
  buildQuery(
    sentence: Pick<SentenceRequest, 'text'>,
    page: Pick<PageContext, 'lang' | 'publishedAt'>,
  ): ProviderQuery;
  /** Runs the query; throws {@link ProviderError} for every expected failure. */
  search(
    query: ProviderQuery,
    config: ProviderConfig,
    ctx: SearchContext,
  ): Promise<ProviderCandidate[]>;
}
