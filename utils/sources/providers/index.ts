/**
 * Provider orchestration: for a batch of sentences, ask the providers the reader turned on and
 * consented to, within their rate limits and daily budgets, and return candidate URLs per
 * sentence. The source service loads and ranks these like any other candidate, so a provider's
 * own ranking never decides alone.
 */
import type { PageContext, SentenceRequest } from '../../messaging/types';
import { mayUse, type ProvidersSettings } from '../../settings/providers';
import { ProviderError, isProviderError } from './errors';
import { PROVIDERS } from './registry';
import type {
  Provider,
  ProviderCandidate,
  ProviderFetch,
  ProviderId,
  ProviderQuery,
} from './types';

export type { Provider, ProviderCandidate, ProviderFetch, ProviderId } from './types';
export { ProviderError, isProviderError } from './errors';
export { fromGuardedFetch } from './guarded';
export { PROVIDERS } from './registry';

/** Most searches one provider makes for one batch: the nearest sentences come first. */
const MAX_QUERIES_PER_PROVIDER = 6;
/** Back-off after a 429 that did not say how long to wait. */
const DEFAULT_BACKOFF_MS = 60_000;

/** The budget store's surface (utils/settings/providers ProviderBudget). */
export interface BudgetLike {
  remaining(id: ProviderId, limit: number, now?: number): Promise<number>;
  spend(id: ProviderId, n?: number, now?: number): Promise<void>;
  blockedUntil(id: ProviderId, now?: number): Promise<number>;
  block(id: ProviderId, until: number, now?: number): Promise<void>;
}

export interface FindProviderOptions {
  signal: AbortSignal;
  fetch: ProviderFetch;
  budget: BudgetLike;
  now?: () => number;
  /** Injected for tests; defaults to every known provider. */
  providers?: readonly Provider[];
}

/** A provider's candidate, with where it came from. */
export type FoundCandidate = ProviderCandidate & { provider: ProviderId };

/** A provider that stopped for this batch, with the sentence to show the reader. */
export interface ProviderFailure {
  provider: ProviderId;
  code: ProviderError['code'] | 'budget';
  message: string;
}

export interface ProviderFindings {
  /** Sentence id → candidates, deduplicated by URL, in provider order. */
  candidates: Map<string, FoundCandidate[]>;
  failures: ProviderFailure[];
  /** HTTP requests made. */
  requests: number;
}

/** When each provider was last asked, in this worker's life (rate limit spacing). */
const lastRequestAt = new Map<ProviderId, number>();

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

interface Group {
  query: ProviderQuery;
  ids: string[];
  entities: Set<string>;
}

/**
 * Sentences of one paragraph (consecutive sentences chained by `prevText`) that share a named
 * entity share one query: the paragraph is usually about one thing, and one search saves budget.
 */
export function groupSentences(
  provider: Pick<Provider, 'buildQuery'>,
  sentences: readonly SentenceRequest[],
  page: Pick<PageContext, 'lang' | 'publishedAt'>,
): Group[] {
  const groups: Group[] = [];
  let paragraph: Group[] = [];
  let prev: SentenceRequest | undefined;
  for (const s of sentences) {
    if (!prev || s.prevText !== prev.text) paragraph = [];
    prev = s;
    const query = provider.buildQuery(s, page);
    if (!query.entities.length && !query.terms.length) continue;
    const keys = query.entities.map((e) => e.toLowerCase());
    const shared = paragraph.find((g) => keys.some((k) => g.entities.has(k)));
    if (shared) {
      shared.ids.push(s.id);
      continue;
    }
    const g: Group = { query, ids: [s.id], entities: new Set(keys) };
    paragraph.push(g);
    groups.push(g);
  }
  return groups;
}

/** Candidate sources from search providers for `sentences`. With no provider usable, no request. */
export async function findProviderCandidates(
  sentences: readonly SentenceRequest[],
  page: Pick<PageContext, 'lang' | 'publishedAt'>,
  settings: ProvidersSettings,
  options: FindProviderOptions,
): Promise<ProviderFindings> {
  const { signal, fetch, budget, now = Date.now, providers = Object.values(PROVIDERS) } = options;
  const findings: ProviderFindings = { candidates: new Map(), failures: [], requests: 0 };
  const usable = providers.filter((p) => mayUse(settings, p.id) && p.isConfigured(settings[p.id]));
  if (!usable.length || signal.aborted) return findings;

  const add = (id: string, c: FoundCandidate) => {
    const list = findings.candidates.get(id) ?? [];
    if (!list.some((x) => x.url === c.url)) list.push(c);
    findings.candidates.set(id, list);
  };

  const run = async (p: Provider) => {
    const config = settings[p.id];
    for (const group of groupSentences(p, sentences, page).slice(0, MAX_QUERIES_PER_PROVIDER)) {
      if (signal.aborted) return;
      const t = now();
      if ((await budget.blockedUntil(p.id, t)) > t) {
        findings.failures.push({
          provider: p.id,
          code: 'quota',
          message: new ProviderError('quota', p.name).message,
        });
        return;
      }
      if ((await budget.remaining(p.id, p.limits.dailyBudget, t)) <= 0) {
        findings.failures.push({
          provider: p.id,
          code: 'budget',
          message: `${p.name}: today's request budget is spent`,
        });
        return;
      }
      const wait = (lastRequestAt.get(p.id) ?? -Infinity) + p.limits.minIntervalMs - now();
      await sleep(wait, signal);
      if (signal.aborted) return;
      try {
        const found = await p.search(group.query, config, {
          signal,
          fetch,
          onRequest: () => {
            lastRequestAt.set(p.id, now());
            findings.requests++;
            void budget.spend(p.id, 1, now()).catch(() => undefined);
          },
        });
        for (const c of found) for (const id of group.ids) add(id, { ...c, provider: p.id });
      } catch (e) {
        if (!isProviderError(e)) throw e;
        if (e.code === 'aborted') return;
        if (e.code === 'quota')
          await budget
            .block(p.id, now() + (e.retryAfterMs ?? DEFAULT_BACKOFF_MS), now())
            .catch(() => undefined);
        findings.failures.push({ provider: p.id, code: e.code, message: e.message });
        // Every failure kind would repeat for the next query: stop this provider for the batch.
        return;
      }
    }
  };
  await Promise.all(usable.map(run));
  return findings;
}

/** Forgets rate-limit spacing (tests). */
export function resetProviderClock(): void {
  lastRequestAt.clear();
}
