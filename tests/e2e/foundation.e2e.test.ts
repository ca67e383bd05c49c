// @vitest-environment node
/**
 * The whole hover-to-source path on the demo news site, in Chromium and Firefox with the built
 * extension: sentences are marked (and nothing in page chrome), hovering a sourced sentence
 * shows the right source and passage, pin and Escape work, the switch restores the page exactly,
 * and (Chromium) a killed service worker loses no answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers } from '../../scripts/demo-server.mjs';
import {
  domSnapshot,
  diffSnapshots,
  evaluateIn,
  launchChromium,
  launchFirefox,
  REPO_ROOT,
  startFixtureServer,
  TEST_BUILD_DIRS,
  type AnyPage,
  type ChromiumSession,
  type FirefoxSession,
} from './harness/index.ts';
import {
  highlightTexts,
  hoverSentence,
  recordStatus,
  sentencePoint,
  waitForCard,
  waitForNoCard,
  waitForState,
} from './support/sourcelight.ts';
import { decodePng } from './support/png.ts';

interface Expected {
  path: string;
  title: string;
  sourced: Array<{
    sentence: string;
    sourceUrl: string;
    sourceTitle: string;
    passageIncludes: string;
    via: string;
    level: string;
  }>;
  unsourced: string[];
  neverMarked: string[];
}

const expectations = JSON.parse(
  readFileSync(join(REPO_ROOT, 'demo-site/expectations.json'), 'utf8'),
) as { articles: Expected[] };

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const lower = (s: string) => collapse(s).toLowerCase();

let servers: {
  sites: Record<string, string>;
  counts: Map<number, number>;
  reset(): void;
  close(): Promise<void>;
};

beforeAll(async () => {
  servers = await startDemoServers();
});
afterAll(async () => {
  await servers?.close();
});

interface Driver {
  name: string;
  newPage(): Promise<AnyPage>;
  goto(page: AnyPage, url: string): Promise<void>;
  /** Toggle the global switch through the real popup UI. */
  setGlobalSwitch(on: boolean): Promise<void>;
  /** Click at (x, y) and return the page that the click opened in a new tab. */
  clickForNewPage(page: AnyPage, x: number, y: number): Promise<AnyPage>;
  /** Press Alt+Shift+<key>. */
  shortcut(page: AnyPage, key: string): Promise<void>;
  /** Bring a page's tab to the front (after the popup tab closed). */
  front(page: AnyPage): Promise<void>;
}

/**
 * Each quote of the shown card: whether it is in view with its text cut (the tooltip shows at
 * most four lines) and, in page pixels, the strip of its bottom padding, inside the borders.
 */
async function quoteStrips(
  page: AnyPage,
): Promise<Array<{ clamped: boolean; x: number; y: number; width: number; height: number }>> {
  return evaluateIn(
    page,
    () => {
      const root = document.querySelector('sourcelight-ui')?.shadowRoot;
      return [...(root?.querySelectorAll('.sl-quote') ?? [])].map((box) => {
        const text = box.querySelector('.sl-quote-text') as HTMLElement;
        const b = box.getBoundingClientRect();
        const cs = getComputedStyle(box);
        const bottom = b.bottom - parseFloat(cs.borderBottomWidth);
        const left = b.left + parseFloat(cs.borderLeftWidth);
        // Only a quote the reader can see: the card's body scrolls, and may hide the later ones.
        let visible = b.top >= 0 && b.bottom <= innerHeight;
        for (let el = box.parentElement; el; el = el.parentElement) {
          if (!/auto|scroll|hidden/.test(getComputedStyle(el).overflowY)) continue;
          const r = el.getBoundingClientRect();
          visible &&= b.top >= r.top && b.bottom <= r.bottom;
        }
        return {
          clamped: visible && text.scrollHeight > text.clientHeight + 1,
          // A pixel in from each edge (anti-aliasing, the rounded corner).
          x: Math.ceil(left) + 1,
          y: Math.ceil(bottom - parseFloat(cs.paddingBottom)) + 1,
          width: Math.floor(b.right - 8) - (Math.ceil(left) + 1),
          height: Math.max(
            1,
            Math.floor(bottom) - 1 - (Math.ceil(bottom - parseFloat(cs.paddingBottom)) + 1),
          ),
        };
      });
    },
    null,
  );
}

/**
 * The largest difference of any channel between a strip's pixels and its first pixel. The strip
 * is in viewport pixels, cut from a screenshot of the viewport (the drivers' own clips do not
 * agree on whether a scrolled page's clip is in viewport or document coordinates).
 */
async function stripSpread(
  page: AnyPage,
  strip: { x: number; y: number; width: number; height: number },
): Promise<number> {
  const shot = (page as unknown as { screenshot(): Promise<Uint8Array> }).screenshot();
  const img = decodePng(await shot);
  const scale = img.width / (await evaluateIn(page, () => innerWidth, null));
  const at = (x: number, y: number, c: number) =>
    img.data[(Math.round(y * scale) * img.width + Math.round(x * scale)) * 4 + c]!;
  let spread = 0;
  for (let y = strip.y; y < strip.y + strip.height; y++)
    for (let x = strip.x; x < strip.x + strip.width; x++)
      for (let c = 0; c < 3; c++)
        spread = Math.max(spread, Math.abs(at(x, y, c) - at(strip.x, strip.y, c)));
  return spread;
}

function behaviour(getDriver: () => Driver) {
  const article = expectations.articles[0]!;
  const url = () => `${servers.sites.news}${article.path}`;
  /** A new page at `href`, once the extension has marked and sourced it. */
  const openDone = async (d: Driver, href: string): Promise<AnyPage> => {
    const page = await d.newPage();
    await recordStatus(page);
    await d.goto(page, href);
    await waitForState(page, ['done'], 60_000);
    return page;
  };

  it('marks the article sentences and nothing in navigation, captions, asides, forms or code', async () => {
    const d = getDriver();
    for (const a of expectations.articles) {
      const page = await openDone(d, `${servers.sites.news}${a.path}`);
      const marked = (await highlightTexts(page, 'sourcelight-sentence')).map(lower);
      for (const s of [...a.sourced.map((x) => x.sentence), ...a.unsourced])
        expect(marked, `${a.path}: “${s}” should be marked`).toContain(lower(s));
      for (const chrome of a.neverMarked) {
        const hit = marked.find((m) => m.includes(lower(chrome)) || lower(chrome).includes(m));
        expect(hit, `${a.path}: “${chrome}” must not be marked`).toBeUndefined();
      }
      await page.close();
    }
  });

  it('shows the right source and passage when a sourced sentence is hovered', async () => {
    const d = getDriver();
    let clampedQuotes = 0;
    for (const a of expectations.articles) {
      const page = await openDone(d, `${servers.sites.news}${a.path}`);
      // One sentence may list several acceptable sources (a wire story and its copy).
      const bySentence = new Map<string, Expected['sourced']>();
      for (const want of a.sourced)
        bySentence.set(want.sentence, [...(bySentence.get(want.sentence) ?? []), want]);
      for (const [sentence, wants] of bySentence) {
        await page.mouse.move(1, 1);
        await waitForNoCard(page);
        await hoverSentence(page, sentence);
        const card = await waitForCard(page, 'tooltip');
        expect(card.role).toBe('tooltip');
        const hit = wants
          .map((w) => ({ w, source: card.sources.find((s) => s.title === w.sourceTitle) }))
          .find((x) => x.source);
        expect(
          hit,
          `${a.path}: card for “${sentence}”: ${JSON.stringify(card.sources)}`,
        ).toBeDefined();
        const { w, source } = hit!;
        expect(lower(source!.passage)).toContain(lower(w.passageIncludes).slice(0, 40));
        expect(source!.href).toMatch(/#:~:text=/);
        if (w.level === 'numbers-differ') expect(source!.level).toBe('numbers-differ');
        for (const { clamped, ...clip } of await quoteStrips(page)) {
          if (!clamped) continue;
          // A cut quote's bottom padding is plain background: nothing of the next line shows.
          expect(
            await stripSpread(page, clip),
            `${sentence}: ${JSON.stringify(clip)}`,
          ).toBeLessThan(24);
          clampedQuotes++;
        }
      }
      await page.close();
    }
    // The demo has passages too long for the tooltip: the cut was really exercised.
    expect(clampedQuotes).toBeGreaterThan(0);
  });

  it('opens the source scrolled to the quote, far below its first screen', async () => {
    const d = getDriver();
    const a = expectations.articles.find((x) => x.path.includes('skelby'))!;
    const want = a.sourced[0]!;
    const page = await openDone(d, `${servers.sites.news}${a.path}`);
    let p = await sentencePoint(page, want.sentence);
    await page.mouse.click(p.x, p.y);
    await waitForCard(page, 'pinned');
    // A real click on "Open at quote" (its position read from the shadow root).
    const link = await evaluateIn(
      page,
      (title: string) => {
        const root = document.querySelector('sourcelight-ui')?.shadowRoot;
        const item = [...(root?.querySelectorAll('.sl-source') ?? [])].find(
          (li) => li.querySelector('.sl-title')?.textContent?.trim() === title,
        );
        const a = item?.querySelector('a.sl-link');
        if (!a) return null;
        a.scrollIntoView({ block: 'center' });
        const r = a.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, href: a.getAttribute('href') };
      },
      want.sourceTitle,
    );
    expect(link?.href).toContain('#:~:text=');
    p = link!;
    const source = await d.clickForNewPage(page, p.x, p.y);
    const where = await expect
      .poll(
        () =>
          evaluateIn(
            source,
            (needle: string) => {
              const el = [...document.querySelectorAll('p')].find((x) =>
                x.textContent?.replace(/\s+/g, ' ').includes(needle),
              );
              if (!el) return null;
              const r = el.getBoundingClientRect();
              return { top: r.top, bottom: r.bottom, vh: innerHeight, scrollY };
            },
            collapse(want.passageIncludes),
          ),
        { timeout: 10_000 },
      )
      .toSatisfy(
        (w: { top: number; bottom: number; vh: number; scrollY: number } | null) =>
          !!w && w.top >= 0 && w.top < w.vh && w.scrollY > 2 * w.vh,
      );
    void where;
    await (source as { close(): Promise<void> }).close();
    await page.close();
  });

  it('pins on click; Escape, the close button and a click outside close it', async () => {
    const d = getDriver();
    const page = await openDone(d, url());
    const sentence = article.sourced[0]!.sentence;

    let p = await sentencePoint(page, sentence);
    await page.mouse.click(p.x, p.y);
    const pinned = await waitForCard(page, 'pinned');
    expect(pinned.role).toBe('dialog');
    // A pinned card stays while the pointer wanders.
    await page.mouse.move(5, 5);
    await new Promise((r) => setTimeout(r, 600));
    await waitForCard(page, 'pinned');
    await page.keyboard.press('Escape');
    await waitForNoCard(page);

    p = await sentencePoint(page, sentence);
    await page.mouse.click(p.x, p.y);
    await waitForCard(page, 'pinned');
    // A real click on the close button: the card ignores clicks the page synthesises (case 11).
    const close = await evaluateIn(
      page,
      () => {
        const btn = document
          .querySelector('sourcelight-ui')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('.sl-close');
        const r = btn?.getBoundingClientRect();
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      },
      null,
    );
    expect(close).not.toBeNull();
    await page.mouse.click(close!.x, close!.y);
    await waitForNoCard(page);

    p = await sentencePoint(page, sentence);
    await page.mouse.click(p.x, p.y);
    await waitForCard(page, 'pinned');
    await page.mouse.click(3, 3);
    await waitForNoCard(page);
    await page.close();
  });

  it('places the card by its sentence: below it, above it near the bottom, with it on scroll, on a transformed root', async () => {
    const d = getDriver();
    const page = await openDone(d, url());
    // A sentence of two lines or more, so that "below" and "above" mean its last and first line.
    const sentence = article.sourced.map((s) => s.sentence).find((s) => s.length > 120)!;
    const geometry = () =>
      evaluateIn(
        page,
        (want: string) => {
          document.dispatchEvent(new Event('sourcelight:expose-marks'));
          const set = CSS.highlights.get('sourcelight-sentence') as unknown as Set<Range>;
          const range = [...(set ?? [])].find((r) =>
            r.toString().replace(/\s+/g, ' ').trim().startsWith(want.slice(0, 60)),
          );
          document.dispatchEvent(new Event('sourcelight:hide-marks'));
          const card = document
            .querySelector('sourcelight-ui')
            ?.shadowRoot?.querySelector('.sl-card')
            ?.getBoundingClientRect();
          const lines = [...(range?.getClientRects() ?? [])].filter((r) => r.width > 4);
          if (!lines.length) return null;
          // A line box may hold several rects (a link, an emphasis): take the whole line.
          const line = (at: DOMRect) => {
            const on = lines.filter((r) => Math.abs(r.top - at.top) < 3);
            return {
              top: Math.min(...on.map((r) => r.top)),
              bottom: Math.max(...on.map((r) => r.bottom)),
              left: Math.min(...on.map((r) => r.left)),
            };
          };
          return {
            first: line(lines[0]!),
            last: line(lines[lines.length - 1]!),
            card: card
              ? { top: card.top, bottom: card.bottom, left: card.left, right: card.right }
              : { top: NaN, bottom: NaN, left: NaN, right: NaN },
            viewport: { width: document.documentElement.clientWidth, height: innerHeight },
          };
        },
        collapse(sentence),
      );
    const settle = () => new Promise((r) => setTimeout(r, 300));
    type Geometry = NonNullable<Awaited<ReturnType<typeof geometry>>>;
    /** Pin the card with a click on the sentence's first line; its geometry once placed. */
    const pinFirstLine = async (g: Geometry): Promise<Geometry> => {
      await page.mouse.click(g.first.left + 20, (g.first.top + g.first.bottom) / 2);
      await waitForCard(page, 'pinned');
      await settle();
      return (await geometry())!;
    };
    /** Under the last line, 8 px down, where that line starts. */
    const expectBelow = (g: Geometry) => {
      expect(g.card.top - g.last.bottom).toBeGreaterThanOrEqual(6);
      expect(g.card.top - g.last.bottom).toBeLessThanOrEqual(10);
      expect(Math.abs(g.card.left - Math.max(8, g.last.left))).toBeLessThanOrEqual(2);
    };
    /** Close the card, run `fn` in the page, and read the sentence where it then is. */
    const closeAndRun = async <A>(fn: (arg: A) => void, arg: A): Promise<Geometry> => {
      await page.keyboard.press('Escape');
      await waitForNoCard(page);
      await evaluateIn(page, fn, arg);
      await settle();
      return (await geometry())!;
    };

    // In the middle of the screen: under the sentence, inside the viewport.
    await sentencePoint(page, sentence);
    let g = await pinFirstLine((await geometry())!);
    expect(g.last.top, 'a sentence of several lines').toBeGreaterThan(g.first.top);
    expectBelow(g);
    expect(g.card.left).toBeGreaterThanOrEqual(7);
    expect(g.card.right).toBeLessThanOrEqual(g.viewport.width - 7);

    // The page scrolls under a pinned card: the card goes with its sentence.
    await evaluateIn(page, () => scrollBy({ top: 90, behavior: 'instant' }), null);
    await settle();
    expectBelow((await geometry())!);

    // Near the bottom of the screen there is no room below: the card goes above the first line.
    g = await closeAndRun(
      (bottom: number) => scrollBy({ top: bottom - (innerHeight - 30), behavior: 'instant' }),
      (await geometry())!.last.bottom,
    );
    g = await pinFirstLine(g);
    expect(g.last.bottom).toBeGreaterThan(g.viewport.height - 60);
    expect(g.first.top - g.card.bottom).toBeGreaterThanOrEqual(6);
    expect(g.first.top - g.card.bottom).toBeLessThanOrEqual(10);
    expect(g.card.top).toBeGreaterThanOrEqual(0);

    // A page whose root is a containing block (a transform): the card's fixed position is then
    // relative to the root, which scrolls; it must still open under the sentence.
    g = await closeAndRun((top: number) => {
      document.documentElement.style.transform = 'translateX(0)';
      scrollBy({ top: top - innerHeight / 3, behavior: 'instant' });
    }, g.first.top);
    expectBelow(await pinFirstLine(g));
    await page.close();
  });

  it('moves through sourced sentences from the keyboard; Enter pins, Escape closes', async () => {
    const d = getDriver();
    const page = await openDone(d, url());
    const sourced = await highlightTexts(page, 'sourcelight-sourced');
    await d.shortcut(page, 'J');
    const first = await waitForCard(page, 'tooltip');
    expect(first.sources.length).toBeGreaterThan(0);
    expect(await highlightTexts(page, 'sourcelight-active')).toEqual([sourced[0]]);
    await new Promise((r) => setTimeout(r, 100));
    await d.shortcut(page, 'J');
    await expect
      .poll(async () => (await highlightTexts(page, 'sourcelight-active'))[0])
      .toBe(sourced[1]);
    await page.keyboard.press('Enter');
    const pinned = await waitForCard(page, 'pinned');
    expect(pinned.role).toBe('dialog');
    // Focus moved into the card (the shadow host is the page's active element).
    expect(await evaluateIn(page, () => document.activeElement?.localName, null)).toBe(
      'sourcelight-ui',
    );
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    expect(await highlightTexts(page, 'sourcelight-active')).toEqual([]);
    await page.close();
  });

  it('the switch off gives back the page exactly; on brings the marks back', async () => {
    const d = getDriver();
    await d.setGlobalSwitch(false);
    const page = await d.newPage();
    try {
      await recordStatus(page);
      await d.goto(page, url());
      // The page as its owner made it: the extension is off.
      await new Promise((r) => setTimeout(r, 500));
      const pristine = await domSnapshot(page);
      expect(pristine.highlights).toEqual([]);
      await d.setGlobalSwitch(true);
      await waitForState(page, ['done'], 60_000);
      const marked = await highlightTexts(page, 'sourcelight-sentence');
      expect(marked.length).toBeGreaterThan(5);
      // Use the card so its host element exists too, then switch off from the popup.
      await d.front(page);
      await hoverSentence(page, article.sourced[0]!.sentence);
      await waitForCard(page, 'tooltip');
      await d.setGlobalSwitch(false);
      await expect
        .poll(() => evaluateIn(page, () => CSS.highlights.size, null), { timeout: 10_000 })
        .toBe(0);
      const after = await domSnapshot(page);
      expect(diffSnapshots(pristine, after)).toEqual([]);
      expect(after.html).toBe(pristine.html);
      await d.setGlobalSwitch(true);
      await expect
        .poll(async () => (await highlightTexts(page, 'sourcelight-sentence')).length, {
          timeout: 20_000,
        })
        .toBe(marked.length);
    } finally {
      await d.setGlobalSwitch(true);
      await page.close();
    }
  });
}

describe('Chromium', () => {
  let session: ChromiumSession;
  const driver: Driver = {
    name: 'chromium',
    newPage: async () => {
      const page = await session.newPage();
      await page.setViewportSize({ width: 1200, height: 900 });
      return page;
    },
    goto: async (page, url) => {
      await (page as import('playwright-core').Page).goto(url);
    },
    front: async (page) => {
      await (page as import('playwright-core').Page).bringToFront();
    },
    shortcut: async (page, key) => {
      await (page as import('playwright-core').Page).keyboard.press(`Alt+Shift+Key${key}`);
    },
    clickForNewPage: async (page, x, y) => {
      const p = page as import('playwright-core').Page;
      const [opened] = await Promise.all([
        session.context.waitForEvent('page'),
        p.mouse.click(x, y),
      ]);
      await opened.waitForLoadState('load');
      return opened;
    },
    setGlobalSwitch: async (on) => {
      const popup = await session.openExtensionPage('popup.html');
      const box = popup.getByRole('switch').first();
      await box.waitFor();
      if ((await box.isChecked()) !== on) await box.click();
      await expect.poll(() => box.isChecked()).toBe(on);
      await popup.close();
    },
  };
  beforeAll(async () => {
    session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
  });
  afterAll(async () => {
    await session?.close();
  });

  behaviour(() => driver);

  it('shows the sourced count on the badge and answers from the persistent cache after a restart', async () => {
    const article = expectations.articles[2]!;
    const page = (await driver.newPage()) as import('playwright-core').Page;
    await recordStatus(page);
    await page.goto(`${servers.sites.news}${article.path}`);
    const first = await waitForState(page, ['done'], 60_000);
    expect(first.sourced).toBeGreaterThan(0);
    const worker = await session.worker();
    const badge = () =>
      worker.evaluate(async (url) => {
        const c = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
          .chrome;
        const tab = (await c.tabs.query({})).find((t) => t.url === url);
        return c.action.getBadgeText({ tabId: tab!.id! });
      }, page.url());
    await expect.poll(badge).toBe(String(first.sourced));
    // Kill the worker: its memory is gone, IndexedDB is not. A reload is answered without a
    // single request to the cited sites.
    await session.stopServiceWorker();
    servers.reset();
    await page.reload();
    const second = await waitForState(page, ['done'], 60_000);
    expect(second.sourced).toBe(first.sourced);
    const cited = [...servers.counts.entries()].filter(([port]) => port !== 8601);
    expect(cited.reduce((n, [, c]) => n + c, 0)).toBe(0);
    await page.close();
  });

  it('loses no answer when the service worker is killed mid-request', async () => {
    // A cited page that takes 2.5 s to answer, so the kill lands while the worker waits on it.
    const claim =
      'The harbour board approved a new breakwater costing 42 million crowns on Monday.';
    const source = await startFixtureServer(
      {
        '/report.html': {
          delayMs: 2500,
          body: `<!doctype html><html lang="en"><head><title>Harbour board decision</title></head><body><article><h1>Harbour board decision</h1>
<p>Members met in the old customs house for the monthly session.</p>
<p>The harbour board on Monday approved a new breakwater at a cost of 42 million crowns, to be built over three years.</p>
<p>Other business included the annual review of mooring fees.</p></article></body></html>`,
        },
      },
      { port: 8612 },
    );
    const linked = claim.replace(
      'a new breakwater',
      `<a href="${source.url('/report.html')}">a new breakwater</a>`,
    );
    const site = await startFixtureServer(
      {
        '/story.html': `<!doctype html><html lang="en"><head><title>Breakwater approved</title></head><body><main><article><h1>Breakwater approved</h1>
<p>${linked} Work starts in spring.</p>
<p>Fishermen have asked for a breakwater for many years, and the town welcomed the decision.</p></article></main></body></html>`,
      },
      { port: 8611 },
    );
    try {
      const page = (await driver.newPage()) as import('playwright-core').Page;
      await recordStatus(page);
      await page.goto(site.url('/story.html'));
      await waitForState(page, ['matching']);
      await expect.poll(() => source.count('/report.html'), { timeout: 10_000 }).toBeGreaterThan(0);
      await session.stopServiceWorker();
      const done = await waitForState(page, ['done'], 60_000);
      expect(done.sourced).toBe(1);
      // The first request died with the worker; the answer came from a retry.
      expect(source.count('/report.html')).toBeGreaterThanOrEqual(2);
      expect(await highlightTexts(page, 'sourcelight-sourced')).toEqual([claim]);
      await page.close();
    } finally {
      await site.close();
      await source.close();
    }
  });
});

describe('Firefox', () => {
  let session: FirefoxSession;
  const driver: Driver = {
    name: 'firefox',
    newPage: async () => {
      const page = await session.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      return page;
    },
    goto: async (page, url) => {
      await (page as import('puppeteer-core').Page).goto(url);
    },
    front: async (page) => {
      await (page as import('puppeteer-core').Page).bringToFront();
    },
    clickForNewPage: async (page, x, y) => {
      const p = page as import('puppeteer-core').Page;
      const before = new Set(await session.browser.pages());
      await p.mouse.click(x, y);
      let opened: import('puppeteer-core').Page | undefined;
      for (let i = 0; i < 100 && !opened; i++) {
        opened = (await session.browser.pages()).find((q) => !before.has(q));
        if (!opened) await new Promise((r) => setTimeout(r, 100));
      }
      if (!opened) throw new Error('the quote link opened no page');
      await opened.waitForFunction(() => document.readyState === 'complete');
      return opened;
    },
    shortcut: async (page, key) => {
      const kb = (page as import('puppeteer-core').Page).keyboard;
      await kb.down('Alt');
      await kb.down('Shift');
      await kb.press(`Key${key}` as import('puppeteer-core').KeyInput);
      await kb.up('Shift');
      await kb.up('Alt');
    },
    setGlobalSwitch: async (on) => {
      const popup = await session.openExtensionPage('popup.html');
      const sel = 'input[role="switch"]';
      await popup.waitForSelector(sel);
      const checked = await popup.$eval(sel, (el) => (el as HTMLInputElement).checked);
      if (checked !== on) await popup.click(sel);
      await popup.waitForFunction(
        (s, want) => (document.querySelector(s) as HTMLInputElement | null)?.checked === want,
        {},
        sel,
        on,
      );
      await popup.close();
    },
  };
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
    // A temporary add-on's content scripts can miss the very first navigation after install:
    // warm up until the extension answers on a page.
    const page = await driver.newPage();
    await recordStatus(page);
    for (let attempt = 0; attempt < 3; attempt++) {
      await driver.goto(page, `${servers.sites.news}/`);
      const ready = await waitForState(page, ['done', 'not-article', 'matching'], 10_000).catch(
        () => null,
      );
      if (ready) break;
    }
    await page.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  behaviour(() => driver);
});
