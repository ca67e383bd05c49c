/**
 * Cases 1 and 2 of the hostile suite: whatever a source page puts into its title, site name,
 * text or URL, the card shows it as inert text and never as a link the browser would act on.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceCard, type SourceCardProps } from '../../components/SourceCard.tsx';
import { safeHref, safeImageDataUrl } from '../../components/safe-href.ts';
import type { SentenceSources, SourceResult } from '../../utils/messaging/types.ts';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

const now = new Date('2024-04-10T12:00:00Z');

const benign = (over: Partial<SourceResult> = {}): SourceResult => ({
  url: 'https://stats.example/report',
  fragmentUrl: 'https://stats.example/report#:~:text=rate',
  title: 'Quarterly report',
  siteName: 'Statistics Office',
  publishedAt: '2024-04-05',
  passage: 'The rate fell to 3.8 percent in March.',
  matchedTerms: ['rate'],
  score: 0.8,
  level: 'supports',
  via: 'inline',
  ...over,
});

function mount(answer: SentenceSources, over: Partial<SourceCardProps> = {}): HTMLElement {
  render(
    <SourceCard
      sentence="The rate fell to 3.8 percent."
      answer={answer}
      mode="pinned"
      onPin={vi.fn()}
      onClose={vi.fn()}
      now={now}
      theme="light"
      {...over}
    />,
    container,
  );
  return container;
}

const sourcedWith = (...sources: SourceResult[]): SentenceSources => ({
  id: 's1',
  status: 'sourced',
  sources,
});

/** Tag names and attribute names, depth first: the card's shape without any text. */
function skeleton(root: Element): string[] {
  return [...root.querySelectorAll('*')].map(
    (el) =>
      `${el.tagName.toLowerCase()}[${el
        .getAttributeNames()
        .filter((n) => n !== 'id' && n !== 'aria-labelledby' && n !== 'aria-describedby')
        .sort()
        .join(',')}]`,
  );
}

/** Every attribute of every element, as `name=value`. */
const attributes = (root: Element) =>
  [...root.querySelectorAll('*')].flatMap((el) =>
    el.getAttributeNames().map((n) => `${n}=${el.getAttribute(n)}`),
  );

const MARKUP = [
  '<img src=x onerror="globalThis.__pwned=1">',
  '<svg onload="globalThis.__pwned=1"><script>globalThis.__pwned=1</script></svg>',
  '</style><style>*{display:none}</style>',
  '"><a href="javascript:globalThis.__pwned=1">x</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
];

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

describe('case 1: markup in source data', () => {
  it.each(MARKUP.map((m) => [m]))(
    'title, site name, passage and date set to %s → shown as literal text, no element or attribute added',
    (payload) => {
      const plain = mount(sourcedWith(benign())).querySelector('.sl-card')!;
      const expected = skeleton(plain);
      const card = mount(
        sourcedWith(
          benign({
            title: `Report ${payload}`,
            siteName: `Office ${payload}`,
            passage: `The rate ${payload} fell.`,
            matchedTerms: ['rate', payload],
            publishedAt: `2024-04-05${payload}`,
          }),
        ),
        { sentence: `The rate ${payload} fell.` },
      ).querySelector('.sl-card')!;
      // Same elements with the same attribute names as a benign card: nothing was injected.
      // (An invalid date drops the <time>; compare without it.)
      const noTime = (s: string[]) => s.filter((x) => !x.startsWith('time['));
      expect(noTime(skeleton(card))).toEqual(noTime(expected));
      expect(card.querySelector('.sl-title')!.textContent).toBe(`Report ${payload}`);
      expect(card.querySelector('.sl-site')!.textContent).toBe(`Office ${payload}`);
      expect(card.querySelector('.sl-quote')!.textContent).toBe(`The rate ${payload} fell.`);
      expect(card.querySelector('.sl-sentence')!.textContent).toBe(`The rate ${payload} fell.`);
      expect(attributes(card).filter((a) => /^on/i.test(a))).toEqual([]);
      expect(card.querySelectorAll('script, style, iframe, svg[onload], img[onerror]').length).toBe(
        0,
      );
      expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    },
  );

  it('error text from the background with markup → shown as literal text', () => {
    const payload = MARKUP[0]!;
    const card = mount({ id: 's1', status: 'error', sources: [], error: `Failed ${payload}` });
    expect(card.querySelector('.sl-state-body')!.textContent).toBe(`Failed ${payload}`);
    expect(card.querySelector('img')).toBeNull();
  });

  it.each([
    ['RLO (U+202E)', 'moc.elgoog\u202Egnp.exe'],
    ['LRO/PDF (U+202D, U+202C)', '\u202Dlive\u202C news'],
    ['RLE/LRE (U+202B, U+202A)', '\u202Bsite\u202A name'],
    ['isolates (U+2066–U+2069)', '\u2067evil\u2069 \u2066x\u2069 \u2068y\u2069'],
  ])(
    'bidi controls %s in site name, title, passage and error → removed, each field dir=auto',
    (_name, text) => {
      const card = mount(
        sourcedWith(benign({ siteName: text, title: text, passage: `rate ${text}` })),
        { sentence: text },
      );
      for (const sel of ['.sl-site', '.sl-title', '.sl-quote', '.sl-sentence']) {
        const el = card.querySelector(sel)!;
        expect(el.textContent, sel).not.toMatch(BIDI);
        expect(el.textContent!.length, sel).toBeGreaterThan(0);
        expect(el.getAttribute('dir'), sel).toBe('auto');
      }
      expect(card.textContent).not.toMatch(BIDI);
      const err = mount({ id: 's1', status: 'none', sources: [], error: text });
      expect(err.querySelector('.sl-state-body')!.textContent).not.toMatch(BIDI);
      expect(err.querySelector('.sl-state-body')!.getAttribute('dir')).toBe('auto');
    },
  );

  it('right-to-left site name and title (Arabic, Hebrew) → kept intact, isolated by dir=auto', () => {
    const card = mount(sourcedWith(benign({ siteName: 'الجزيرة', title: 'כותרת הידיעה' })));
    expect(card.querySelector('.sl-site')!.textContent).toBe('الجزيرة');
    expect(card.querySelector('.sl-title')!.textContent).toBe('כותרת הידיעה');
    expect(card.querySelector('.sl-site')!.getAttribute('dir')).toBe('auto');
  });
});

const BAD_URLS = [
  'javascript:globalThis.__pwned=1',
  'JaVaScRiPt:globalThis.__pwned=1',
  '\tjavascript:globalThis.__pwned=1',
  ' java\nscript:globalThis.__pwned=1',
  'data:text/html,<script>globalThis.__pwned=1</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  '/relative/path',
  'file:///etc/passwd',
  'blob:https://news.example/1',
  'https://',
  '',
];

describe('case 2: link schemes', () => {
  it.each(BAD_URLS.map((u) => [JSON.stringify(u), u]))(
    'source URL and fragment URL %s → no link rendered, nothing in any attribute',
    (_label, bad) => {
      expect(safeHref(bad)).toBeUndefined();
      const card = mount(sourcedWith(benign({ url: bad, fragmentUrl: bad })));
      expect(card.querySelector('a')).toBeNull();
      expect(
        card.querySelector('[href], [src], [action], [formaction], [xlink\\:href]'),
      ).toBeNull();
      if (bad.trim())
        expect(attributes(card).some((a) => a.includes(bad.trim().slice(0, 12)))).toBe(false);
    },
  );

  it('good source URL with a bad fragment URL → links to the good URL only', () => {
    const card = mount(sourcedWith(benign({ fragmentUrl: 'javascript:globalThis.__pwned=1' })));
    const links = [...card.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://stats.example/report']);
  });

  it('real http(s) links → target=_blank with rel="noopener noreferrer"', () => {
    const card = mount(
      sourcedWith(
        benign(),
        benign({ url: 'http://plain.example/', fragmentUrl: 'http://plain.example/#:~:text=a' }),
      ),
    );
    const links = [...card.querySelectorAll('a')];
    expect(links).toHaveLength(2);
    for (const a of links) {
      expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')!.split(/\s+/).sort()).toEqual(['noopener', 'noreferrer']);
    }
  });

  it.each([
    ['data:text/html favicon', 'data:text/html,<script>globalThis.__pwned=1</script>'],
    ['javascript: favicon', 'javascript:globalThis.__pwned=1'],
    ['remote favicon URL', 'https://tracker.example/favicon.ico'],
  ])('%s → no <img>, a letter avatar instead', (_label, favicon) => {
    expect(safeImageDataUrl(favicon)).toBeUndefined();
    const card = mount(sourcedWith(benign({ faviconDataUrl: favicon })));
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('.sl-avatar')).not.toBeNull();
  });
});
