/**
 * How many different pages one page view may have the background load. The content script is
 * trusted to report the article's links, but the page can put any links it likes into its DOM,
 * so the background bounds what a page can make it fetch (issue 7, case 5):
 * - the page's URL is the sender's (see `bindPageToSender` in utils/messaging/protocol.ts);
 * - every candidate is an absolute http(s) URL of at most LIMITS.urlChars, at most
 *   LIMITS.linksPerSentence/footnotesPerSentence/outboundLinks per message (validators);
 * - at most LIMITS.pagesPerBatch pages are loaded per message (service.ts), and at most
 *   PAGE_CANDIDATE_BUDGET distinct candidate URLs per tab and page URL over all its messages
 *   (this module; kept in the worker's memory, so a restarted worker starts a new budget);
 * - every load goes through utils/net (no internal addresses, credentials or other schemes;
 *   bounded size and time).
 * Provider results and favicons of loaded pages are the only other URLs the background fetches.
 */
import type { FindSourcesRequest, LinkRef } from '../messaging/types';

/** Distinct candidate URLs per tab and page URL: an article's 300 outbound links and then some. */
export const PAGE_CANDIDATE_BUDGET = 400;
/** Page views remembered at once (least recently used forgotten first). */
const MAX_PAGES = 64;

const bare = (u: string) => u.split('#')[0]!;

export class CandidateBudget {
  private readonly pages = new Map<string, Set<string>>();

  constructor(
    private readonly perPage = PAGE_CANDIDATE_BUDGET,
    private readonly maxPages = MAX_PAGES,
  ) {}

  /**
   * The request with every link beyond the page's budget removed (the sentence's own links are
   * admitted first, then footnotes, then the article's outbound links). Links admitted earlier
   * stay admitted.
   */
  admit(tabId: number, req: FindSourcesRequest): FindSourcesRequest {
    const key = `${tabId} ${bare(req.page.url)}`;
    const seen = this.pages.get(key) ?? new Set<string>();
    this.pages.delete(key);
    this.pages.set(key, seen);
    while (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
    const keep = (l: LinkRef) => {
      const url = bare(l.href);
      if (seen.has(url)) return true;
      if (seen.size >= this.perPage) return false;
      seen.add(url);
      return true;
    };
    const sentences = req.sentences.map((s) => ({ ...s, links: s.links.filter(keep) }));
    for (const s of sentences)
      s.footnotes = s.footnotes.map((f) => ({ ...f, links: f.links.filter(keep) }));
    return {
      page: { ...req.page, outboundLinks: req.page.outboundLinks.filter(keep) },
      sentences,
    };
  }

  /** Forgets a tab's page views (the tab closed). */
  forget(tabId: number): void {
    for (const key of [...this.pages.keys()])
      if (key.startsWith(`${tabId} `)) this.pages.delete(key);
  }
}
