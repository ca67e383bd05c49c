// @vitest-environment node
/**
 * Pages as they really behave: text added after load is marked once, a framework that replaces
 * and updates text nodes keeps correct marks and no errors, and a single-page-app navigation
 * re-scans. Chromium and Firefox, on a fixture page of ours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  evaluateIn,
  launchChromium,
  launchFirefox,
  startFixtureServer,
  TEST_BUILD_DIRS,
  type AnyPage,
  type FixtureServer,
} from './harness/index.ts';
import { highlightTexts, recordStatus, waitForState } from './support/sourcelight.ts';

const FIRST = 'The ferry operator added a late sailing to Skerra on Fridays from June onwards.';
const LATER = 'Passenger numbers on the route rose by a fifth over the previous summer season.';
const RERENDERED = 'Tickets for the new sailing go on sale at the harbour office next week.';
const UPDATED = 'The harbour master said the timetable would be reviewed again in September.';
const NEXT_PAGE = 'A new footbridge over the river Ald will open to walkers in early spring.';

// A tiny "framework": re-renders one paragraph by replacing its text node every 150 ms, updates
// another paragraph's text in place once, appends a paragraph later (infinite scroll), and
// navigates with history.pushState, replacing the article.
const PAGE = `<!doctype html><html lang="en"><head><title>Ferry news</title></head><body>
<nav><a href="/">Home</a> <a href="/ferries">Ferries</a></nav>
<main><article id="app">
<h1>Late ferry to Skerra</h1>
<p>${FIRST} Islanders had asked for it for years.</p>
<p id="rr">${RERENDERED}</p>
<p id="up">The harbour master said the timetable would be reviewed in the autumn.</p>
<p>Fares stay the same for residents, the operator said on Monday morning.</p>
</article></main>
<script>
  const rr = document.getElementById('rr');
  let n = 0;
  const tick = setInterval(() => {
    rr.replaceChildren(document.createTextNode(${JSON.stringify(RERENDERED)}));
    if (++n > 20) clearInterval(tick);
  }, 150);
  setTimeout(() => {
    document.getElementById('up').firstChild.data = ${JSON.stringify(UPDATED)};
  }, 800);
  setTimeout(() => {
    const p = document.createElement('p');
    p.textContent = ${JSON.stringify(LATER + ' Most of them were day visitors.')};
    document.getElementById('app').append(p);
  }, 1600);
  window.navigateNext = () => {
    history.pushState({}, '', '/next.html');
    document.getElementById('app').innerHTML =
      '<h1>Footbridge</h1><p>${NEXT_PAGE} The council approved the design in May.</p>' +
      '<p>Cyclists will have to dismount on the bridge, the plans say in some detail.</p>';
  };
</script>
</body></html>`;

// An old page: the story sits in a layout table's cell, its first paragraph written without a
// tag before the tagged ones, a short label after them; later a paragraph is added to the cell.
const LOOSE_FIRST = 'The old lighthouse on Skerra Point will be lit again this summer.';
const LOOSE_SECOND =
  'Volunteers have spent two winters repairing the lantern room and its brass fittings.';
const CELL_PARAS = [
  'The trust that owns the tower raised most of the money from islanders and visitors.',
  'A small museum on the ground floor will open on weekends from the middle of July.',
  'Guided climbs to the gallery will be offered twice a day when the weather allows.',
  'The coastguard has agreed that the light may shine from dusk until midnight.',
];
const CELL_ADDED = 'Tickets for the first evening climb sold out within an hour of going on sale.';
const OLD_PAGE = `<!doctype html><html lang="en"><head><title>Lighthouse news</title></head><body>
<table><tr><td class="menu"><a href="/">Home</a><br><a href="/isles">Isles</a></td>
<td id="story"><h1>Skerra light to shine again</h1>
${LOOSE_FIRST} ${LOOSE_SECOND}
${CELL_PARAS.map((t) => `<p>${t}</p>`).join('\n')}
Filed under: Skerra
</td></tr></table>
<script>
  setTimeout(() => {
    const p = document.createElement('p');
    p.textContent = ${JSON.stringify(CELL_ADDED)};
    document.getElementById('story').append(p);
  }, 1200);
</script>
</body></html>`;

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer(
    { '/ferry.html': PAGE, '/lighthouse.html': OLD_PAGE },
    { port: 8613 },
  );
});
afterAll(async () => {
  await server?.close();
});

const count = (list: string[], s: string) => list.filter((x) => x === s).length;

function behaviour(
  newPage: () => Promise<AnyPage>,
  goto: (p: AnyPage, u: string) => Promise<void>,
) {
  it('marks later text once, follows re-renders and in-place updates, and re-scans after SPA navigation', async () => {
    const page = await newPage();
    const errors: string[] = [];
    (page as { on(e: 'pageerror', cb: (e: Error) => void): unknown }).on('pageerror', (e) =>
      errors.push(String(e)),
    );
    await recordStatus(page);
    await goto(page, server.url('/ferry.html'));
    await waitForState(page, ['matching', 'done']);
    // Wait for the page's own changes to finish (the last one at 3.2 s) and the rescans after.
    await expect
      .poll(async () => (await highlightTexts(page, 'sourcelight-sentence')).includes(LATER), {
        timeout: 15_000,
      })
      .toBe(true);
    await new Promise((r) => setTimeout(r, 4000));
    const marked = await highlightTexts(page, 'sourcelight-sentence');
    expect(count(marked, FIRST)).toBe(1);
    expect(count(marked, LATER)).toBe(1);
    expect(count(marked, RERENDERED)).toBe(1);
    expect(count(marked, UPDATED)).toBe(1);
    expect(marked.some((m) => m.includes('reviewed in the autumn'))).toBe(false);
    expect(new Set(marked).size).toBe(marked.length);

    await evaluateIn(
      page,
      () => (window as unknown as { navigateNext(): void }).navigateNext(),
      null,
    );
    await expect
      .poll(async () => (await highlightTexts(page, 'sourcelight-sentence')).includes(NEXT_PAGE), {
        timeout: 15_000,
      })
      .toBe(true);
    const after = await highlightTexts(page, 'sourcelight-sentence');
    expect(after.includes(FIRST)).toBe(false);
    expect(errors).toEqual([]);
    await (page as { close(): Promise<void> }).close();
  });

  it('marks a paragraph written without a tag beside tagged ones, once, and not the label after them', async () => {
    const page = await newPage();
    await recordStatus(page);
    await goto(page, server.url('/lighthouse.html'));
    await waitForState(page, ['matching', 'done']);
    await expect
      .poll(async () => (await highlightTexts(page, 'sourcelight-sentence')).includes(CELL_ADDED), {
        timeout: 15_000,
      })
      .toBe(true);
    const marked = await highlightTexts(page, 'sourcelight-sentence');
    for (const s of [LOOSE_FIRST, LOOSE_SECOND, ...CELL_PARAS, CELL_ADDED])
      expect(count(marked, s), s).toBe(1);
    expect(marked.some((m) => m.includes('Filed under'))).toBe(false);
    expect(new Set(marked).size).toBe(marked.length);
    await (page as { close(): Promise<void> }).close();
  });
}

describe('Chromium', () => {
  let session: Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome });
  });
  afterAll(async () => {
    await session?.close();
  });
  behaviour(
    () => session.newPage(),
    async (p, u) => {
      await (p as import('playwright-core').Page).goto(u);
    },
  );
});

describe('Firefox', () => {
  let session: Awaited<ReturnType<typeof launchFirefox>>;
  beforeAll(async () => {
    session = await launchFirefox({ extensionDir: TEST_BUILD_DIRS.firefox });
  });
  afterAll(async () => {
    await session?.close();
  });
  behaviour(
    () => session.newPage(),
    async (p, u) => {
      // A temporary add-on can miss the first navigation after install: go twice.
      await (p as import('puppeteer-core').Page).goto(u);
      const ok = await waitForState(p, ['matching', 'done', 'not-article'], 5000).catch(() => null);
      if (!ok) await (p as import('puppeteer-core').Page).goto(u);
    },
  );
});
