/**
 * Google Fact Check Tools `claims:search`: published fact-checks of claims like the sentence,
 * each review with its publisher and rating (the `verdict`).
 */
import { ProviderError } from './errors';
import { expectShape, parseJson, providerRequest } from './http';
import { arr, compact, httpUrl, isRecord, isoDate, str } from './parse';
import { buildQuery, keywords } from './query';
import type { Provider, ProviderCandidate, ProviderResponse } from './types';

const DEFAULT_ENDPOINT = 'https://factchecktools.googleapis.com/v1alpha1/claims:search';

/** Google APIs say "bad key" with a 400 INVALID_ARGUMENT whose reason is API_KEY_INVALID. */
function readGoogleError(res: ProviderResponse): ProviderError | undefined {
  if (res.status !== 400 && res.status !== 403) return undefined;
  if (
    /API_KEY_INVALID|API key not valid|API_KEY_SERVICE_BLOCKED|SERVICE_DISABLED|PERMISSION_DENIED/.test(
      res.body,
    )
  )
    return new ProviderError('bad-key', factcheck.name, `HTTP ${res.status}`);
  return undefined;
}

export const factcheck: Provider = {
  id: 'factcheck',
  name: 'Google Fact Check',
  limits: {
    minIntervalMs: 500,
    timeoutMs: 8000,
    dailyBudget: 1000,
    maxResults: 8,
    maxBytes: 1_000_000,
  },
  isConfigured: (c) => !!c.apiKey?.trim(),
  buildQuery,
  async search(query, config, ctx) {
    const key = config.apiKey?.trim();
    const q = keywords(query, { numbers: false });
    if (!key || !q) return [];
    const params = new URLSearchParams({
      query: q,
      key,
      languageCode: query.lang,
      pageSize: String(this.limits.maxResults),
    });
    const res = await providerRequest(
      this,
      `${config.endpoint?.trim() || DEFAULT_ENDPOINT}?${params}`,
      ctx,
      {},
      readGoogleError,
    );
    const data = parseJson(this, res.body);
    expectShape(this, isRecord(data), 'not an object');
    // No match is `{}`.
    const out: ProviderCandidate[] = [];
    for (const claim of arr((data as Record<string, unknown>).claims).filter(isRecord)) {
      const claimText = str(claim.text);
      const claimant = str(claim.claimant);
      for (const review of arr(claim.claimReview).filter(isRecord)) {
        const url = httpUrl(review.url);
        if (!url) continue;
        const publisher = isRecord(review.publisher) ? review.publisher : {};
        out.push(
          compact<ProviderCandidate>({
            url,
            title: str(review.title) ?? claimText ?? url,
            snippet: claimText ? (claimant ? `${claimant}: ${claimText}` : claimText) : undefined,
            siteName: str(publisher.name) ?? str(publisher.site),
            publishedAt: isoDate(review.reviewDate) ?? isoDate(claim.claimDate),
            verdict: str(review.textualRating),
          }),
        );
      }
    }
    return out.slice(0, this.limits.maxResults);
  },
};
