/**
 * Sourcelight-specific page operations for end-to-end tests and the headless demo, working on
 * Playwright (Chromium) and Puppeteer (Firefox) pages alike. They read what a reader would see:
 * the highlight ranges the extension registered and the card in its (test-build: open) shadow
 * root.
 */
import { addInitScriptTo, evaluateIn, type AnyPage } from '../harness/index.ts';

/** The status the content script of a test build announces on `document`. */
export interface AnnouncedStatus {
  state: 'scanning' | 'matching' | 'done' | 'off' | 'not-article';
  sentences: number;
  sourced: number;
  sources: number;
  pending: number;
  headline: string;
  workMs: number;
  longestSliceMs: number;
}

/** What the card shows. */
export interface CardView {
  role: string | null;
  mode: 'tooltip' | 'pinned' | null;
  heading: string;
  text: string;
  sources: Array<{
    site: string;
    title: string;
    passage: string;
    level: string;
    href: string | null;
  }>;
}

type StatusWindow = Window & { __sourcelight?: { events: AnnouncedStatus[] } };

/** Start recording the extension's announced statuses; call before navigating. */
export async function recordStatus(page: AnyPage): Promise<void> {
  await addInitScriptTo(
    page,
    () => {
      const w = window as StatusWindow;
      w.__sourcelight = { events: [] };
      document.addEventListener('sourcelight:status', (e) => {
        try {
          w.__sourcelight!.events.push(JSON.parse(String((e as CustomEvent).detail)));
        } catch {
          /* not ours */
        }
      });
    },
    null,
  );
}

export async function lastStatus(page: AnyPage): Promise<AnnouncedStatus | null> {
  return evaluateIn(
    page,
    () => (window as StatusWindow).__sourcelight?.events.at(-1) ?? null,
    null,
  );
}

/** Wait until the announced state is one of `states`. */
export async function waitForState(
  page: AnyPage,
  states: AnnouncedStatus['state'][],
  timeoutMs = 30_000,
): Promise<AnnouncedStatus> {
  const until = Date.now() + timeoutMs;
  let last: AnnouncedStatus | null = null;
  while (Date.now() < until) {
    last = await lastStatus(page).catch(() => null);
    if (last && states.includes(last.state)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `state not in ${states.join('/')} after ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
  );
}

/** The text of every range in a highlight, in document order, whitespace-collapsed. */
export async function highlightTexts(page: AnyPage, name: string): Promise<string[]> {
  return evaluateIn(
    page,
    (hl: string) => {
      // The set of all marks is registered only for this task (utils/page/marks-probe.ts).
      document.dispatchEvent(new Event('sourcelight:expose-marks'));
      try {
        const set = CSS.highlights.get(hl) as unknown as Set<Range> | undefined;
        if (!set) return [];
        const ranges = [...set].sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
      } finally {
        document.dispatchEvent(new Event('sourcelight:hide-marks'));
      }
    },
    name,
  );
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
// Functions passed to evaluate must not declare named inner functions: tsx (esbuild keepNames)
// wraps those in __name(), which does not exist inside the page.

/**
 * Scroll the marked sentence that starts with `text` into view and return the viewport point
 * in the middle of its first line box.
 */
export async function sentencePoint(
  page: AnyPage,
  text: string,
): Promise<{ x: number; y: number }> {
  const point = await evaluateIn(
    page,
    (want: string) => {
      // The set of all marks is registered only for this task (utils/page/marks-probe.ts).
      document.dispatchEvent(new Event('sourcelight:expose-marks'));
      const set = CSS.highlights.get('sourcelight-sentence') as unknown as Set<Range> | undefined;
      const marked = [...(set ?? [])];
      document.dispatchEvent(new Event('sourcelight:hide-marks'));
      const range = marked.find((r) =>
        r.toString().replace(/\s+/g, ' ').trim().startsWith(want.slice(0, 60)),
      );
      if (!range) return null;
      const el = range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      const rects = [...range.getClientRects()].filter((r) => r.width > 4 && r.height > 4);
      const r = rects[0];
      if (!r) return null;
      return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
    },
    collapse(text),
  );
  if (!point) throw new Error(`no marked sentence starting with “${text.slice(0, 60)}”`);
  return point;
}

/** Hover the sentence like a person: move there, then wait past the intent delay. */
export async function hoverSentence(page: AnyPage, text: string): Promise<void> {
  const { x, y } = await sentencePoint(page, text);
  await page.mouse.move(x - 30, y - 30);
  await page.mouse.move(x, y, { steps: 5 });
}

/** Read the card currently shown, or null. */
export async function readCard(page: AnyPage): Promise<CardView | null> {
  return evaluateIn(
    page,
    () => {
      const root = document.querySelector('sourcelight-ui')?.shadowRoot;
      const card = root?.querySelector<HTMLElement>('.sl-card');
      if (!card || card.offsetParent === null) return null;
      return {
        role: card.getAttribute('role'),
        mode: card.classList.contains('sl-card--pinned')
          ? ('pinned' as const)
          : card.classList.contains('sl-card--tooltip')
            ? ('tooltip' as const)
            : null,
        heading: (card.querySelector('.sl-header')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        text: (card?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        sources: [...card.querySelectorAll('.sl-source')].map((li) => ({
          site: (li.querySelector('.sl-site')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          title: (li.querySelector('.sl-title')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          passage: (li.querySelector('.sl-quote')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          level: [...li.classList].find((c) => c.startsWith('sl-source--'))?.slice(11) ?? '',
          href: li.querySelector('a.sl-link')?.getAttribute('href') ?? null,
        })),
      };
    },
    null,
  );
}

/** Wait for a card to be shown (optionally in a given mode). */
export async function waitForCard(
  page: AnyPage,
  mode?: 'tooltip' | 'pinned',
  timeoutMs = 10_000,
): Promise<CardView> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const card = await readCard(page);
    if (card && (!mode || card.mode === mode)) return card;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${mode ?? ''} card shown within ${timeoutMs} ms`);
}

/** Wait for the card to be gone. */
export async function waitForNoCard(page: AnyPage, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!(await readCard(page))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the card is still shown');
}
