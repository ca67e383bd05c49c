// @vitest-environment node
/**
 * The card's look and accessibility, in Chromium and Firefox with the built extension:
 * - a hostile page (`* { all: unset }`, a 2px root font, hidden divs and spans, the card's own
 *   custom property names on :root) gets exactly the same card, computed style for computed
 *   style, as a plain page;
 * - axe-core finds no violation in the tooltip, the pinned card on a light and on a dark page
 *   (the card follows the page background), the popup and the options page;
 * - the popup's page summary and its "next unsourced sentence" button, the pinned card's
 *   "wrong source" (remembered across visits) and "copy with sources", touch taps;
 * - screenshots of the tooltip, the pinned card (light, dark), the popup and the options page
 *   match the committed baselines (tests/e2e/screenshots/<browser>/) within a small tolerance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateIn,
  launchChromium,
  launchFirefox,
  REPO_ROOT,
  startFixtureServer,
  TEST_BUILD_DIRS,
  type AnyPage,
  type ChromiumSession,
  type FirefoxSession,
  type FixtureServer,
} from './harness/index.ts';
import { checkScreenshot } from './support/screenshots.ts';
import {
  hoverSentence,
  readCard,
  recordStatus,
  sentencePoint,
  waitForCard,
  waitForNoCard,
  waitForState,
} from './support/sourcelight.ts';

const FIXTURES = join(REPO_ROOT, 'tests/e2e/fixtures/hostile');
const AXE_PATH = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');
const CLAIM = 'The island ferry will resume its daily crossings on 3 June';

/** The card parts compared, and the computed properties read on each. */
const PARTS = ['.sl-card', '.sl-title', '.sl-quote'] as const;
const PROPS = [
  'font-size',
  'font-family',
  'font-weight',
  'line-height',
  'letter-spacing',
  'text-transform',
  'direction',
  'color',
  'background-color',
  'width',
  'height',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'display',
  'border-top-left-radius',
  'border-top-right-radius',
  'border-bottom-right-radius',
  'border-bottom-left-radius',
  // Not max-height: the overlay sets it from the room around the sentence, which is layout.
] as const;

type Styles = Record<string, Record<string, string>>;

/** Computed styles of the card parts inside the (test-build: open) shadow root. */
async function cardStyles(page: AnyPage): Promise<Styles> {
  return evaluateIn(
    page,
    (arg: { parts: string[]; props: string[] }) => {
      const root = document.querySelector('sourcelight-ui')?.shadowRoot;
      const out: Record<string, Record<string, string>> = {};
      for (const sel of arg.parts) {
        const el = root?.querySelector(sel);
        if (!el) continue;
        const cs = getComputedStyle(el);
        out[sel] = Object.fromEntries(arg.props.map((p) => [p, cs.getPropertyValue(p)]));
      }
      return out;
    },
    { parts: [...PARTS], props: [...PROPS] },
  );
}

interface AxeSummary {
  passes: number;
  incomplete: string[];
  inapplicable: number;
  violations: Array<{ id: string; impact: string | null; help: string; targets: string[] }>;
}

/**
 * Runs axe-core on the page (or only inside `include`, which axe follows into open shadow
 * roots). Injected as a script tag; extension pages forbid inline scripts, so there the
 * source is evaluated through the driver instead, which CSP does not govern.
 */
async function runAxe(page: AnyPage, include: string | null, label: string): Promise<AxeSummary> {
  const has = () => evaluateIn(page, () => 'axe' in window, null);
  if (!(await has())) {
    await (page as { addScriptTag(o: { path: string }): Promise<unknown> })
      .addScriptTag({ path: AXE_PATH })
      .catch(() => undefined);
  }
  if (!(await has()))
    await (page as { evaluate(s: string): Promise<unknown> }).evaluate(`${AXE_SOURCE}\n;undefined`);
  expect(await has(), 'axe-core injected').toBe(true);
  const summary = await evaluateIn(
    page,
    async (sel: string | null) => {
      type Result = {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      };
      const axe = (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              opts: unknown,
            ): Promise<{
              passes: Result[];
              incomplete: Result[];
              inapplicable: Result[];
              violations: Result[];
            }>;
          };
        }
      ).axe;
      const r = await axe.run(sel ? { include: [[sel]] } : document, {
        resultTypes: ['violations'],
      });
      return {
        passes: r.passes.length,
        incomplete: r.incomplete.map((v) => v.id),
        inapplicable: r.inapplicable.length,
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => JSON.stringify(n.target)),
        })),
      };
    },
    include,
  );
  console.log(
    `[axe] ${label}: ${summary.passes} rules passed, ${summary.violations.length} violations` +
      `, ${summary.incomplete.length} incomplete [${summary.incomplete.join(', ')}], ${summary.inapplicable} inapplicable` +
      summary.violations
        .map((v) => `\n  ${v.id} (${v.impact}): ${v.help} ${v.targets.join(' ')}`)
        .join(''),
  );
  return summary;
}

let site: FixtureServer;
let source: FixtureServer;

beforeAll(async () => {
  source = await startFixtureServer(join(FIXTURES, 'source'), { port: 8612 });
  site = await startFixtureServer(join(FIXTURES, 'site'), { port: 8611 });
});
afterAll(async () => {
  await site?.close();
  await source?.close();
});

interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Driver {
  name: 'chromium' | 'firefox';
  newPage(): Promise<AnyPage>;
  goto(page: AnyPage, url: string): Promise<void>;
  openPopup(query?: string): Promise<AnyPage>;
  openOptions(): Promise<AnyPage>;
  /** A PNG of the viewport, or of `clip` in it. */
  screenshot(page: AnyPage, clip?: Clip): Promise<Uint8Array>;
  /** A touch tap at a viewport point. */
  tap(page: AnyPage, x: number, y: number): Promise<void>;
}

/** The card's box with room for its shadow, inside the viewport. */
async function cardClip(page: AnyPage): Promise<Clip> {
  const clip = await evaluateIn(
    page,
    () => {
      const card = document.querySelector('sourcelight-ui')?.shadowRoot?.querySelector('.sl-card');
      if (!card) return null;
      const r = card.getBoundingClientRect();
      const x = Math.max(0, Math.floor(r.left) - 16);
      const y = Math.max(0, Math.floor(r.top) - 16);
      return {
        x,
        y,
        width: Math.min(innerWidth, Math.ceil(r.right) + 16) - x,
        height: Math.min(innerHeight, Math.ceil(r.bottom) + 24) - y,
      };
    },
    null,
  );
  if (!clip) throw new Error('no card to photograph');
  return clip;
}

/** Compare a screenshot with its baseline; fails the test with the paths on a mismatch. */
async function expectScreenshot(d: Driver, page: AnyPage, name: string, clip?: Clip) {
  // Let transitions end and fonts settle, and park the pointer where it covers nothing.
  await evaluateIn(page, () => document.fonts.ready.then(() => undefined), null);
  await new Promise((r) => setTimeout(r, 400));
  const result = checkScreenshot(d.name, name, await d.screenshot(page, clip));
  console.log(`[screenshot] ${d.name} ${result.message}`);
  expect(['match', 'updated'], result.message).toContain(result.outcome);
}

/** The id of the tab showing `url`, asked from an extension page. */
async function tabIdOf(d: Driver, url: string): Promise<number> {
  const page = await d.openPopup();
  const id = await evaluateIn(
    page,
    async (want: string) => {
      const g = globalThis as unknown as {
        browser?: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
        chrome?: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
      };
      const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
      return tabs.find((t) => t.url === want)?.id ?? null;
    },
    url,
  );
  await page.close();
  if (id === null) throw new Error(`no tab at ${url}`);
  return id;
}

const pageUrlOf = (page: AnyPage) => evaluateIn(page, () => location.href, null);

/** Click the first button in the card's shadow root matching `selector`. */
async function clickInCard(page: AnyPage, selector: string): Promise<void> {
  const point = await evaluateIn(
    page,
    (sel: string) => {
      const el = document.querySelector('sourcelight-ui')?.shadowRoot?.querySelector(sel);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    selector,
  );
  if (!point) throw new Error(`no ${selector} in the card`);
  await page.mouse.click(point.x, point.y);
}

/** Open a fixture page and wait until its sentences are checked. */
async function openArticle(d: Driver, name: string): Promise<AnyPage> {
  const page = await d.newPage();
  await recordStatus(page);
  // A unique URL per visit, so no two tabs share one.
  await d.goto(page, site.url(`/${name}.html?visit=${Date.now()}`));
  const done = await waitForState(page, ['done'], 60_000);
  expect(done.sourced, `${name}: the claim is sourced`).toBeGreaterThan(0);
  return page;
}

function behaviour(getDriver: () => Driver) {
  it('shows the same card on a hostile page as on a plain one', async () => {
    const d = getDriver();
    const styles: Record<string, Styles> = {};
    for (const name of ['plain', 'hostile']) {
      const page = await openArticle(d, name);
      await hoverSentence(page, CLAIM);
      const card = await waitForCard(page, 'tooltip');
      expect(card.sources[0]?.title).toBe('Ferry service to the islands resumes');
      // Let the placement settle (it sets --sl-max-height from the room by the sentence).
      await new Promise((r) => setTimeout(r, 300));
      styles[name] = await cardStyles(page);
      await page.close();
    }
    expect(Object.keys(styles.plain!)).toEqual([...PARTS]);
    expect(styles.plain!['.sl-card']!['font-size']).toBe('14px');
    expect(styles.hostile).toEqual(styles.plain);
  });

  it('has no axe violations in the tooltip and the pinned card, light and dark', async () => {
    const d = getDriver();
    const light = await openArticle(d, 'plain');
    await hoverSentence(light, CLAIM);
    await waitForCard(light, 'tooltip');
    expect((await runAxe(light, 'sourcelight-ui', 'tooltip, light page')).violations).toEqual([]);
    await expectScreenshot(d, light, 'tooltip', await cardClip(light));
    let p = await sentencePoint(light, CLAIM);
    await light.mouse.click(p.x, p.y);
    await waitForCard(light, 'pinned');
    expect((await runAxe(light, 'sourcelight-ui', 'pinned card, light page')).violations).toEqual(
      [],
    );
    // The pointer rests on the sentence, away from the card's buttons (no hover fill).
    await expectScreenshot(d, light, 'pinned-light', await cardClip(light));
    const lightBg = (await cardStyles(light))['.sl-card']!['background-color'];
    await light.close();

    const dark = await openArticle(d, 'dark');
    p = await sentencePoint(dark, CLAIM);
    await dark.mouse.click(p.x, p.y);
    await waitForCard(dark, 'pinned');
    const darkBg = (await cardStyles(dark))['.sl-card']!['background-color'];
    // The card follows the page: the dark theme's background, not the light one.
    expect(darkBg).not.toBe(lightBg);
    expect(darkBg).toBe('rgb(31, 34, 40)');
    expect((await runAxe(dark, 'sourcelight-ui', 'pinned card, dark page')).violations).toEqual([]);
    await expectScreenshot(d, dark, 'pinned-dark', await cardClip(dark));
    await dark.close();
  });

  it('popup: page summary, sources, "next unsourced sentence", axe and screenshot', async () => {
    const d = getDriver();
    const article = await openArticle(d, 'plain');
    const tab = await tabIdOf(d, await pageUrlOf(article));
    const popup = await d.openPopup(`?tab=${tab}`);
    await expect
      .poll(() => evaluateIn(popup, () => document.querySelectorAll('.sl-source-row').length, null))
      .toBe(1);
    const view = await evaluateIn(
      popup,
      () => ({
        stats: [...document.querySelectorAll('.sl-stat-value')].map((e) => e.textContent),
        source: document.querySelector('.sl-source-row')?.textContent ?? '',
        review: [...document.querySelectorAll<HTMLButtonElement>('.sl-review-button')].map(
          (b) => [b.dataset.kind, b.textContent, b.disabled] as const,
        ),
      }),
      null,
    );
    const status = await waitForState(article, ['done']);
    expect(view.stats[0]).toBe(String(status.sentences));
    expect(view.source).toContain('backs 1 sentence');
    expect(status.sourced).toBe(1);
    // The fixture's two other sentences of the article body have no source.
    expect(view.review).toEqual([
      ['unsourced', 'Next unsourced sentence2', false],
      ['numbers-differ', 'Next sentence where numbers differ0', true],
    ]);
    expect((await runAxe(popup, null, 'popup with a page summary')).violations).toEqual([]);
    await expectScreenshot(d, popup, 'popup');

    // The button takes the tab to an unsourced sentence and pins its card there.
    await evaluateIn(
      popup,
      () => document.querySelector<HTMLButtonElement>('[data-kind="unsourced"]')!.click(),
      null,
    );
    await popup.close();
    const card = await waitForCard(article, 'pinned');
    expect(card.heading).toContain('No source found');
    expect(card.text).toContain('Islanders had relied on a small water taxi');
    await article.close();
  });

  it('pinned card: "wrong source" is remembered; copy puts the sentence with sources on the clipboard', async () => {
    const d = getDriver();
    let page = await openArticle(d, 'plain');
    let p = await sentencePoint(page, CLAIM);
    await page.mouse.click(p.x, p.y);
    await waitForCard(page, 'pinned');

    await clickInCard(page, 'button[data-copy="markdown"]');
    await expect.poll(async () => (await readCard(page))?.text ?? '').toContain('Copied.');
    // Paste into a field of our own to read what the clipboard holds.
    await evaluateIn(
      page,
      () => {
        const area = document.createElement('textarea');
        area.id = 'paste-here';
        area.setAttribute(
          'style',
          'position: fixed; bottom: 0; left: 0; width: 300px; height: 60px;',
        );
        document.body.append(area);
      },
      null,
    );
    await page.mouse.click(100, 880);
    await waitForNoCard(page);
    await page.keyboard.down('Control');
    await page.keyboard.press('v' as never);
    await page.keyboard.up('Control');
    const pasted = await evaluateIn(
      page,
      () => (document.getElementById('paste-here') as HTMLTextAreaElement).value,
      null,
    );
    expect(pasted.split('\n').slice(0, 4)).toEqual([
      `> ${CLAIM} after a four-month hull repair, the operator said.`,
      '',
      'Sources:',
      expect.stringMatching(
        /^1\. \[Ferry service to the islands resumes\]\(http:\/\/127\.0\.0\.1:8612\/report\.html#:~:text=.+\): .+, (Supports|Partly supports)$/,
      ),
    ]);

    p = await sentencePoint(page, CLAIM);
    await page.mouse.click(p.x, p.y);
    await waitForCard(page, 'pinned');
    await clickInCard(page, 'button.sl-wrong');
    await expect
      .poll(async () => (await readCard(page))?.text ?? '')
      .toContain('You marked this source as wrong');
    await page.close();

    // Another visit: the background applies the verdict to the (cached) answer.
    page = await openArticle(d, 'plain').catch(async () => {
      throw new Error('the page did not finish');
    });
    p = await sentencePoint(page, CLAIM);
    await page.mouse.click(p.x, p.y);
    const again = await waitForCard(page, 'pinned');
    expect(again.text).toContain('You marked this source as wrong');
    await clickInCard(page, 'button.sl-wrong');
    await expect
      .poll(async () => (await readCard(page))?.text ?? '')
      .not.toContain('You marked this source as wrong');
    await page.close();
  });

  it('touch: a tap opens the card, a tap outside closes it', async () => {
    const d = getDriver();
    const page = await openArticle(d, 'plain');
    const p = await sentencePoint(page, CLAIM);
    await d.tap(page, p.x, p.y);
    const card = await waitForCard(page, 'pinned');
    expect(card.sources[0]?.title).toBe('Ferry service to the islands resumes');
    await d.tap(page, 5, 5);
    await waitForNoCard(page);
    await page.close();
  });

  it('options page: axe and screenshot', async () => {
    const d = getDriver();
    const options = await d.openOptions();
    await expect
      .poll(() =>
        evaluateIn(
          options,
          () => document.querySelector('[name="underlineUnsourced"]') !== null,
          null,
        ),
      )
      .toBe(true);
    expect((await runAxe(options, null, 'options page')).violations).toEqual([]);
    await expectScreenshot(d, options, 'options');
    await options.close();
  });

  it('has no axe violations in the popup', async () => {
    const popup = await getDriver().openPopup();
    await expect
      .poll(() => evaluateIn(popup, () => document.querySelector('.sl-popup') !== null, null))
      .toBe(true);
    expect((await runAxe(popup, null, 'popup')).violations).toEqual([]);
    await popup.close();
  });
}

describe('Chromium', () => {
  let session: ChromiumSession;
  const sized = async (page: import('playwright-core').Page, width = 1200, height = 900) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    return page;
  };
  const driver: Driver = {
    name: 'chromium',
    newPage: async () => sized(await session.newPage()),
    goto: async (page, url) => {
      await (page as import('playwright-core').Page).goto(url);
    },
    openPopup: async (query = '') =>
      sized(await session.openExtensionPage(`popup.html${query}`), 360, 560),
    openOptions: async () => sized(await session.openExtensionPage('options.html'), 900, 1000),
    screenshot: (page, clip) =>
      (page as import('playwright-core').Page).screenshot({
        ...(clip ? { clip } : {}),
        animations: 'disabled',
        caret: 'hide',
      }),
    tap: async (page, x, y) => {
      // Playwright's touchscreen wants a touch-enabled context; CDP taps work in any page.
      const pw = page as import('playwright-core').Page;
      const cdp = await pw.context().newCDPSession(pw);
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await cdp.detach();
    },
  };
  beforeAll(async () => {
    session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
  });
  afterAll(async () => {
    await session?.close();
  });
  behaviour(() => driver);
});

describe('Firefox', () => {
  let session: FirefoxSession;
  const sized = async (page: import('puppeteer-core').Page, width = 1200, height = 900) => {
    await page.setViewport({ width, height });
    return page;
  };
  const driver: Driver = {
    name: 'firefox',
    newPage: async () => sized(await session.newPage()),
    goto: async (page, url) => {
      await (page as import('puppeteer-core').Page).goto(url);
    },
    openPopup: async (query = '') =>
      sized(await session.openExtensionPage(`popup.html${query}`), 360, 560),
    openOptions: async () => sized(await session.openExtensionPage('options.html'), 900, 1000),
    screenshot: async (page, clip) =>
      (page as import('puppeteer-core').Page).screenshot({ ...(clip ? { clip } : {}) }),
    tap: (page, x, y) => (page as import('puppeteer-core').Page).touchscreen.tap(x, y),
  };
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
  });
  afterAll(async () => {
    await session?.close();
  });
  behaviour(() => driver);
});
