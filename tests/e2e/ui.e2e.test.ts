// @vitest-environment node
/**
 * The card's look and accessibility, in Chromium and Firefox with the built extension:
 * - a hostile page (`* { all: unset }`, a 2px root font, hidden divs and spans, the card's own
 *   custom property names on :root) gets exactly the same card, computed style for computed
 *   style, as a plain page;
 * - axe-core finds no violation in the tooltip, the pinned card on a light and on a dark page
 *   (the card follows the page background), and the popup.
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
import {
  hoverSentence,
  recordStatus,
  sentencePoint,
  waitForCard,
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
  // Not max-height: Floating UI sets it from the room around the sentence, which is layout.
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

interface Driver {
  newPage(): Promise<AnyPage>;
  goto(page: AnyPage, url: string): Promise<void>;
  openPopup(): Promise<AnyPage>;
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
      // Let Floating UI settle (it sets --sl-max-height once the position is known).
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
    let p = await sentencePoint(light, CLAIM);
    await light.mouse.click(p.x, p.y);
    await waitForCard(light, 'pinned');
    expect((await runAxe(light, 'sourcelight-ui', 'pinned card, light page')).violations).toEqual(
      [],
    );
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
    await dark.close();
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
  const driver: Driver = {
    newPage: async () => {
      const page = await session.newPage();
      await page.setViewportSize({ width: 1200, height: 900 });
      return page;
    },
    goto: async (page, url) => {
      await (page as import('playwright-core').Page).goto(url);
    },
    openPopup: () => session.openExtensionPage('popup.html'),
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
  const driver: Driver = {
    newPage: async () => {
      const page = await session.newPage();
      await page.setViewport({ width: 1200, height: 900 });
      return page;
    },
    goto: async (page, url) => {
      await (page as import('puppeteer-core').Page).goto(url);
    },
    openPopup: () => session.openExtensionPage('popup.html'),
  };
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
  });
  afterAll(async () => {
    await session?.close();
  });
  behaviour(() => driver);
});
