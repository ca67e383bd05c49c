/**
 * `npm run demo`: build the extension (test build: the only build allowed to fetch from the demo's
 * 127.0.0.1 sites), serve the demo news site and the sites it cites, and open Chromium with the
 * extension loaded. With a display it stays open for you; headless (no display, or --headless)
 * it hovers every sourced sentence, saves screenshots into demo-output/, prints a
 * sentence → sources table and exits 0 when every article got at least one sourced sentence.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { startDemoServers } from './demo-server.mjs';
import {
  launchChromium,
  observeLongTasks,
  startLongTaskTrace,
  TEST_BUILD_DIRS,
  REPO_ROOT,
} from '../tests/e2e/harness/index.ts';
import {
  hoverSentence,
  highlightTexts,
  readCard,
  recordStatus,
  waitForCard,
  waitForState,
  type CardView,
} from '../tests/e2e/support/sourcelight.ts';

interface Expectations {
  articles: Array<{ path: string; title: string }>;
}

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outDir = join(REPO_ROOT, 'demo-output');

function build(): void {
  console.log('[demo] building the extension (test build, allowed to fetch 127.0.0.1:8601-8609)…');
  for (const target of ['chrome', 'firefox']) {
    const r = spawnSync('npx', ['wxt', 'build', '-b', target, '--mode', 'test'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, SOURCELIGHT_TEST_BUILD: '1' },
    });
    if (r.status !== 0) {
      console.error('[demo] the build failed');
      process.exit(r.status ?? 1);
    }
  }
}

/** Raw and gzip size of a built file, in kB. */
function size(rel: string): string {
  const path = join(TEST_BUILD_DIRS.chrome, rel);
  const raw = statSync(path).size;
  const gz = gzipSync(readFileSync(path), { level: 9 }).length;
  return `${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzip`;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const cell = (s: string) => s.replace(/\|/g, '\\|');

async function main(): Promise<void> {
  if (!args.includes('--no-build')) build();
  const servers = await startDemoServers();
  const expectations = JSON.parse(
    readFileSync(join(REPO_ROOT, 'demo-site/expectations.json'), 'utf8'),
  ) as Expectations;
  const session = await launchChromium({ extensionDir: TEST_BUILD_DIRS.chrome, headless });
  const shutdown = async () => {
    await session.close().catch(() => {});
    await servers.close();
  };

  if (!headless) {
    const page = await session.newPage();
    await page.goto(`${servers.sites.news}/`);
    console.log(`[demo] Chromium is open on ${servers.sites.news}/ with Sourcelight loaded.`);
    console.log(
      '[demo] Hover an underlined sentence; click to pin; Alt+Shift+J moves through them.',
    );
    console.log('[demo] Close the browser window (or press Ctrl-C) to stop.');
    await new Promise<void>((resolve) => {
      session.context.on('close', () => resolve());
      process.on('SIGINT', () => resolve());
    });
    await shutdown();
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const rows: string[] = [
    '| article | sentence | source (site — title) | level | quote |',
    '|---|---|---|---|---|',
  ];
  const perf: string[] = [
    '| article | long tasks (longtask observer) | longest, ms | extension script time in a long task, ms (trace) | content script work, ms | longest slice, ms |',
    '|---|---|---|---|---|---|',
  ];
  let screenshots = 0;
  let failed = false;
  for (const article of expectations.articles) {
    const page = await session.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await recordStatus(page);
    const longTasks = await observeLongTasks(page);
    const trace = await startLongTaskTrace(session.context, page, {
      extensionOrigin: session.extensionBaseUrl.replace(/\/$/, ''),
    });
    await page.goto(`${servers.sites.news}${article.path}`);
    const status = await waitForState(page, ['done'], 60_000);
    await page.waitForTimeout(300);
    const { tasks } = await trace.stop();
    const observed = await longTasks.read();
    const longestObserved = Math.max(0, ...observed.longTasks.map((t) => t.duration));
    const longestExtension = Math.max(0, ...tasks.map((t) => t.extensionMs));
    perf.push(
      `| ${cell(clip(article.title, 40))} | ${observed.longTasks.length} | ${longestObserved.toFixed(0)} | ${longestExtension.toFixed(1)} | ${status.workMs} | ${status.longestSliceMs} |`,
    );
    const sourced = [
      ...(await highlightTexts(page, 'sourcelight-sourced')),
      ...(await highlightTexts(page, 'sourcelight-numbers-differ')),
    ];
    console.log(
      `\n[demo] ${article.title}\n       ${status.sentences} sentences, ${status.sourced} sourced, ${status.sources} sources`,
    );
    if (!sourced.length) failed = true;
    let i = 0;
    for (const sentence of sourced) {
      await page.mouse.move(1, 1);
      await page.waitForTimeout(350);
      await hoverSentence(page, sentence);
      let card: CardView | null;
      try {
        card = await waitForCard(page, 'tooltip', 5000);
      } catch {
        card = await readCard(page);
      }
      const top = card?.sources[0];
      rows.push(
        `| ${cell(clip(article.title, 40))} | ${cell(clip(sentence, 90))} | ${cell(
          top ? `${top.site} — ${clip(top.title, 50)}` : '(no card)',
        )}${card && card.sources.length > 1 ? ` (+${card.sources.length - 1})` : ''} | ${top?.level ?? ''} | ${cell(
          clip(top?.passage ?? '', 90),
        )} |`,
      );
      console.log(
        `  • ${clip(sentence, 100)}\n      → ${top ? `${top.site} — ${top.title} [${top.level}]` : 'no card'}`,
      );
      if (i < 2) {
        const slug = article.path.replace(/^\/articles\//, '').replace(/\.html$/, '');
        await page.screenshot({ path: join(outDir, `${slug}-${i + 1}.png`) });
        screenshots++;
      }
      i++;
    }
    await page.close();
  }
  const table = rows.join('\n');
  const perfTable = perf.join('\n');
  const sizes = [
    `content script: ${size('content-scripts/content.js')}`,
    `background: ${size('background.js')}`,
  ].join('\n');
  writeFileSync(join(outDir, 'sources-table.md'), `${table}\n`);
  writeFileSync(join(outDir, 'performance.md'), `${perfTable}\n\n${sizes}\n`);
  console.log(`\n${table}\n`);
  console.log(
    `Main-thread cost while the pages load and get marked (Chromium, headless):\n${perfTable}\n`,
  );
  console.log(`Built sizes (test build, Chrome):\n${sizes}\n`);
  console.log(`[demo] ${screenshots} screenshots and sources-table.md written to ${outDir}`);
  await shutdown();
  if (failed) {
    console.error('[demo] at least one article got no sourced sentence');
    process.exit(1);
  }
}

main().catch((err) => {
  console.error('[demo] failed:', err);
  process.exit(1);
});
