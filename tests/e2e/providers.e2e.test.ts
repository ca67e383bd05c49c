// @vitest-environment node
/**
 * Search providers, end to end in Chromium with the built extension:
 * - with every provider off (a fresh profile), reading every demo article asks no provider
 *   anything;
 * - with Kiwix turned on and consented to, a sentence the article does not cite is sourced from
 *   an article of a real kiwix-serve (a ZIM built from our fixtures at set-up);
 * - the same with a SearxNG-format server.
 * Each scenario gets a fresh Chromium profile, so consent never leaks from one to the next.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../components/i18n.ts';
import { startDemoServers, type DemoServers } from '../../scripts/demo-server.mjs';
import {
  evaluateIn,
  launchChromium,
  REPO_ROOT,
  TEST_BUILD_DIRS,
  type AnyPage,
  type ChromiumSession,
} from './harness/index.ts';
import {
  buildFixtureZim,
  requireKiwixTools,
  startKiwixServe,
  type FixtureZim,
  type KiwixServer,
} from './support/kiwix.ts';
import { writeProviderRecord } from './support/provider-record.ts';
import { startSearxngServer, type SearxngServer } from './support/provider-servers.ts';
import {
  hoverSentence,
  recordStatus,
  waitForCard,
  waitForNoCard,
  waitForState,
  type CardView,
} from './support/sourcelight.ts';

interface Article {
  path: string;
  providerOnly: Array<{ sentence: string; coveredBy: string; passageIncludes: string }>;
}
interface Expectations {
  articles: Article[];
  sources: Array<{ url: string; title: string }>;
}

const expectations = JSON.parse(
  readFileSync(join(REPO_ROOT, 'demo-site/expectations.json'), 'utf8'),
) as Expectations;

const KIWIX_PORT = 8615;
const SEARXNG_PORT = 8616;
/** The fixture article that covers the storm-surge sentence (tests/e2e/fixtures/kiwix). */
const KIWIX_ARTICLE = 'Storm Ilsa';

/** The demo article whose uncited sentence our Kiwix article covers, and that sentence. */
function findProviderOnly(pattern: RegExp) {
  for (const article of expectations.articles)
    for (const want of article.providerOnly)
      if (pattern.test(want.sentence)) return { article, want };
  throw new Error(`no providerOnly sentence matches ${pattern}`);
}
const STORM = findProviderOnly(/Storm Ilsa/);
const WATER = findProviderOnly(/water charges/);
const titleOf = (url: string) => {
  const source = expectations.sources.find((s) => s.url === url);
  if (!source) throw new Error(`${url} is not a demo source`);
  return source.title;
};

let demo: DemoServers;
let zim: FixtureZim | undefined;
let kiwix: KiwixServer;
let searxng: SearxngServer;

beforeAll(async () => {
  // Fails (never skips) without the tools, naming the packages to install.
  requireKiwixTools();
  demo = await startDemoServers();
  zim = buildFixtureZim();
  kiwix = await startKiwixServe(zim.path, KIWIX_PORT);
  // The stand-in engine indexes two demo pages none of the articles link to, and one they do.
  searxng = await startSearxngServer(
    [
      {
        url: WATER.want.coveredBy,
        title: titleOf(WATER.want.coveredBy),
        content: 'Full Council minutes: water charges raised by 9.5% from 1 May; mains renewal.',
      },
      {
        url: STORM.want.coveredBy,
        title: titleOf(STORM.want.coveredBy),
        content: 'Season review of the winter storms, surge heights at tide gauges.',
      },
      {
        url: 'http://127.0.0.1:8605/reports/shoreline-change-2015-2024.html',
        title: titleOf('http://127.0.0.1:8605/reports/shoreline-change-2015-2024.html'),
        content: 'Shoreline change and cliff erosion on the Harrow Coast, 2015 to 2024.',
      },
    ],
    SEARXNG_PORT,
  );
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([demo?.close(), kiwix?.close(), searxng?.close()]);
  zim?.remove();
});

/** A fresh profile (launchChromium makes one) for each scenario, closed afterwards. */
async function withChromium(run: (s: ChromiumSession) => Promise<void>): Promise<void> {
  const session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

/** Writes the provider record from an extension page (support/provider-record.ts). */
async function writeProviderSettings(
  session: ChromiumSession,
  record: Record<string, unknown>,
): Promise<unknown> {
  const page = await session.openExtensionPage('popup.html');
  try {
    return await writeProviderRecord(page, record);
  } finally {
    await page.close();
  }
}

/** Opens a demo article (optionally at `#hash`) and waits until every sentence is answered. */
async function openArticle(session: ChromiumSession, path: string, hash = '') {
  const page = await session.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await recordStatus(page);
  await page.goto(`${demo.sites.news}${path}${hash}`);
  const status = await waitForState(page, ['done'], 60_000);
  return { page, status };
}

/** How the card labels where a source came from (the site name's tooltip), by source title. */
async function viaLabels(page: AnyPage): Promise<Record<string, string | null>> {
  return evaluateIn(
    page,
    () => {
      const root = document.querySelector('sourcelight-ui')?.shadowRoot;
      const out: Record<string, string | null> = {};
      for (const li of root?.querySelectorAll('.sl-source') ?? []) {
        const title = (li.querySelector('.sl-title')?.textContent ?? '').replace(/\s+/g, ' ');
        out[title.trim()] = li.querySelector('.sl-site')?.getAttribute('title') ?? null;
      }
      return out;
    },
    null,
  );
}

/** Hovers `sentence` and returns the card once it lists sources. */
async function cardFor(page: AnyPage, sentence: string): Promise<CardView> {
  await page.mouse.move(1, 1);
  await waitForNoCard(page);
  await hoverSentence(page, sentence);
  return waitForCard(page, 'tooltip');
}

const lower = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

describe('search providers (Chromium)', () => {
  it('asks no provider anything while every provider is off', async () => {
    await withChromium(async (session) => {
      for (const article of expectations.articles) {
        const { page, status } = await openArticle(session, article.path);
        expect(status.sentences, article.path).toBeGreaterThan(0);
        await page.close();
      }
      // Pages that were already loading get a moment to finish asking.
      await new Promise((r) => setTimeout(r, 1000));
      expect(kiwix.requests).toEqual([]);
      expect(searxng.requests.map((r) => r.url)).toEqual([]);
    });
  }, 300_000);

  it('asks no provider anything while providers are turned on without consent', async () => {
    await withChromium(async (session) => {
      const before = { kiwix: kiwix.count(), searxng: searxng.count() };
      await writeProviderSettings(session, {
        kiwix: { enabled: true, endpoint: kiwix.origin, book: zim!.book },
        searxng: { enabled: true, endpoint: searxng.origin },
      });
      for (const { article } of [STORM, WATER]) {
        const { page } = await openArticle(session, article.path);
        await page.close();
      }
      await new Promise((r) => setTimeout(r, 1000));
      expect(kiwix.count()).toBe(before.kiwix);
      expect(searxng.count()).toBe(before.searxng);
    });
  }, 180_000);

  it('sources an uncited sentence from a consented Kiwix (real kiwix-serve)', async () => {
    await withChromium(async (session) => {
      const before = { kiwix: kiwix.count(), searxng: searxng.count() };
      const stored = await writeProviderSettings(session, {
        kiwix: {
          enabled: true,
          consentedAt: new Date().toISOString(),
          endpoint: kiwix.origin,
          book: zim!.book,
        },
      });
      expect(stored).toMatchObject({ kiwix: { enabled: true, book: zim!.book } });

      const { page } = await openArticle(session, STORM.article.path);
      const card = await cardFor(page, STORM.want.sentence);
      const source = card.sources.find((s) => s.title === KIWIX_ARTICLE);
      expect(source, JSON.stringify(card.sources)).toBeDefined();
      expect(lower(source!.passage)).toContain('1.62 metres');
      // The link opens the article on kiwix-serve, at the quote.
      expect(source!.href).toMatch(
        new RegExp(`^${kiwix.origin}/${zim!.book}/Storm_Ilsa\\.html#:~:text=`),
      );
      expect((await viaLabels(page))[KIWIX_ARTICLE]).toBe(MESSAGES.viaProvider);
      await page.close();

      // kiwix-serve was searched in our book, and the background fetched the article it found.
      const searches = kiwix.requests.filter((r) => r.path === '/search');
      expect(searches.length).toBeGreaterThan(0);
      for (const s of searches) expect(s.args).toMatchObject({ 'books.name': zim!.book });
      // Our article words the surge differently ("raised", no "records"): kiwix-serve requires
      // every word of a pattern, so only the names may be required, the rest are alternatives.
      const ilsa = searches.find((s) => /Ilsa/.test(s.args.pattern ?? ''));
      expect(ilsa?.args.pattern).toMatch(/^Storm Ilsa Port Aldery \(.* OR .*\)$/);
      expect(kiwix.count(`/${zim!.book}/Storm_Ilsa.html`)).toBeGreaterThan(0);
      // The provider the reader did not turn on heard nothing.
      expect(searxng.count()).toBe(before.searxng);
      console.info(
        `kiwix-serve: ${kiwix.count() - before.kiwix} requests`,
        kiwix.requests.map((r) => `${r.path} ${r.args.pattern ?? ''}`.trim()),
      );
    });
  }, 180_000);

  it('sources an uncited sentence from a consented SearxNG-format server', async () => {
    await withChromium(async (session) => {
      const before = { kiwix: kiwix.count(), searxng: searxng.count() };
      await writeProviderSettings(session, {
        searxng: {
          enabled: true,
          consentedAt: new Date().toISOString(),
          endpoint: searxng.origin,
        },
      });
      // Providers hear at most six queries per batch, nearest the viewport first, and this
      // sentence is the article's eighth topic: open the page where a reader would be reading
      // it, at the sources list just below it.
      const { page } = await openArticle(session, WATER.article.path, '#sources-title');
      const card = await cardFor(page, WATER.want.sentence);
      const title = titleOf(WATER.want.coveredBy);
      const source = card.sources.find((s) => s.title === title);
      expect(source, JSON.stringify(card.sources)).toBeDefined();
      expect(lower(source!.passage)).toContain(lower(WATER.want.passageIncludes));
      expect((await viaLabels(page))[title]).toBe(MESSAGES.viaProvider);
      await page.close();

      expect(searxng.count()).toBeGreaterThan(before.searxng);
      expect(kiwix.count()).toBe(before.kiwix);
      console.info(`SearxNG-format server: ${searxng.count() - before.searxng} requests`, {
        queries: searxng.queries(),
      });
    });
  }, 180_000);
});
