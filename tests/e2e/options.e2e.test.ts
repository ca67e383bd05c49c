// @vitest-environment node
/**
 * The options and onboarding pages in Chromium with the built extension: a provider is set up
 * and turned on through the page, "Check connection" reports the specific failure against a
 * 127.0.0.1 port where nothing listens, the cache is cleared, and axe-core finds no violation.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  REPO_ROOT,
  TEST_BUILD_DIRS,
  type ChromiumSession,
} from './harness/index.ts';

const AXE_SOURCE = readFileSync(join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
/** In the test build's allowed range (8611–8619) and, as checked below, with nobody listening. */
const DEAD_PORT = 8619;

/** Resolves true when nothing accepts connections on 127.0.0.1:`port` (we can bind it). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface AxeViolation {
  id: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the whole page. Extension pages forbid inline scripts, so the source is
 * evaluated through the driver, which the page's CSP does not govern.
 */
async function axeViolations(page: Page, label: string): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const violations = await page.evaluate(async () => {
    type Result = { id: string; help: string; nodes: { target: unknown[] }[] };
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Result[] }> };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  console.log(
    `[axe] ${label}: ${violations.length} violations` +
      violations.map((v) => `\n  ${v.id}: ${v.help} ${v.targets.join(' ')}`).join(''),
  );
  return violations;
}

let session: ChromiumSession;

beforeAll(async () => {
  session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
});
afterAll(async () => {
  await session?.close();
});

async function openOptions(width = 900): Promise<Page> {
  const page = await session.openExtensionPage('options.html');
  await page.setViewportSize({ width, height: 900 });
  await page.locator('[data-provider="searxng"]').waitFor();
  return page;
}

describe('options page (Chromium)', () => {
  it('sets up SearxNG, turns it on, and Check connection names the failure', async () => {
    expect(await portIsFree(DEAD_PORT), `nothing may listen on ${DEAD_PORT}`).toBe(true);
    const page = await openOptions();
    const card = page.locator('[data-provider="searxng"]');
    const endpoint = card.getByLabel('Server address');

    // A refused value is explained next to the field.
    await endpoint.fill('ftp://127.0.0.1');
    await expect
      .poll(() => card.locator('.sl-field-error').textContent())
      .toBe('The address must start with http:// or https://.');
    expect(await endpoint.getAttribute('aria-invalid')).toBe('true');

    await endpoint.fill(`http://127.0.0.1:${DEAD_PORT}`);
    await expect.poll(() => card.locator('.sl-field-error').count()).toBe(0);

    const toggle = card.getByRole('switch');
    expect(await toggle.isChecked()).toBe(false);
    // The switch's label names exactly where the key terms would go.
    expect(await card.locator('label').first().textContent()).toContain(
      `SearxNG (127.0.0.1:${DEAD_PORT}): key terms of the sentences being checked`,
    );
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);

    await card.getByRole('button', { name: 'Check connection' }).click();
    const status = card.getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/could not/);
    expect(await status.textContent()).toBe('SearxNG could not be reached');
    expect(await status.getAttribute('class')).toContain('sl-check--bad');

    // What the page stored survives a reload: on, consented, with the address.
    const again = await openOptions();
    const card2 = again.locator('[data-provider="searxng"]');
    expect(await card2.getByRole('switch').isChecked()).toBe(true);
    expect(await card2.getByLabel('Server address').inputValue()).toBe(
      `http://127.0.0.1:${DEAD_PORT}`,
    );
    await again.close();
    await page.close();
  });

  it('clears the cache databases', async () => {
    const page = await openOptions();
    // A cache database as the background would have it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('sourcelight-cache-pages', 1);
          r.onupgradeneeded = () => r.result.createObjectStore('values');
          r.onsuccess = () => {
            r.result.close();
            resolve();
          };
          r.onerror = () => reject(r.error);
        }),
    );
    const names = () =>
      page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
    expect(await names()).toContain('sourcelight-cache-pages');
    await page.getByRole('button', { name: 'Clear cached pages and answers' }).click();
    await expect
      .poll(() => page.getByText('Cached pages and answers were deleted.').count())
      .toBe(1);
    expect((await names()).filter((n) => n.startsWith('sourcelight-cache-'))).toEqual([]);
    await page.close();
  });

  it('has no axe violations, wide and narrow, with errors showing', async () => {
    for (const width of [900, 400]) {
      const page = await openOptions(width);
      // An error and a check result on screen, so their colours are checked too.
      await page.locator('[data-provider="kiwix"]').getByLabel('Book name').fill('bad name');
      await page.getByLabel('Site to turn off').fill('not a site');
      await page.locator('.sl-field-error').nth(1).waitFor();
      expect(await axeViolations(page, `options ${width}px`)).toEqual([]);
      if (width === 900) {
        // The reader's dark theme, chosen on the page, applies at once and passes too.
        await page.getByLabel('Dark').check();
        await expect
          .poll(() => page.evaluate(() => document.documentElement.dataset.theme))
          .toBe('dark');
        expect(await axeViolations(page, `options ${width}px, dark`)).toEqual([]);
        await page.getByLabel('Same as the system').check();
        await expect
          .poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-theme')))
          .toBe(false);
      }
      // Nothing spills sideways at either width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await page.close();
    }
  });

  it('the onboarding page has no axe violations and its consent works', async () => {
    const page = await session.openExtensionPage('onboarding.html');
    await page.setViewportSize({ width: 800, height: 900 });
    const wikipedia = page.getByLabel(
      'Wikipedia (wikipedia.org): key terms of the sentences being checked',
    );
    await wikipedia.waitFor();
    expect(await axeViolations(page, 'onboarding')).toEqual([]);
    await wikipedia.check();
    const reloaded = await session.openExtensionPage('onboarding.html');
    await expect
      .poll(() =>
        reloaded
          .getByLabel('Wikipedia (wikipedia.org): key terms of the sentences being checked')
          .isChecked(),
      )
      .toBe(true);
    await reloaded.close();
    await page.close();
  });
});
