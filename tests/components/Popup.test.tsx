import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupProps } from '../../components/Popup.tsx';
import type { PageStatus } from '../../utils/messaging/types.ts';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function status(overrides: Partial<PageStatus> = {}): PageStatus {
  return { state: 'done', sentences: 40, sourced: 12, sources: 9, pending: 0, ...overrides };
}

function mount(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    status: status(),
    enabled: true,
    siteEnabled: true,
    host: 'www.example.com',
    onToggleEnabled: vi.fn(),
    onToggleSite: vi.fn(),
    ...overrides,
  };
  render(<Popup {...props} />, container);
  return props;
}

function switches() {
  return [...container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
}

function labelOf(input: HTMLInputElement): string | null | undefined {
  return container.querySelector(`label[for="${input.id}"]`)?.textContent;
}

describe('Popup', () => {
  it('has two labelled switches reflecting the settings', () => {
    mount({ siteEnabled: false });
    const [global, site] = switches();
    expect(global?.getAttribute('role')).toBe('switch');
    expect(site?.getAttribute('role')).toBe('switch');
    expect(global && labelOf(global)).toBe('Show sources');
    expect(site && labelOf(site)).toBe('On for www.example.com');
    expect(global?.checked).toBe(true);
    expect(site?.checked).toBe(false);
  });

  it('reports toggles through the callbacks', () => {
    const props = mount();
    const [global, site] = switches();
    global?.click();
    expect(props.onToggleEnabled).toHaveBeenCalledWith(false);
    site?.click();
    expect(props.onToggleSite).toHaveBeenCalledWith(false);
  });

  it('shows counts with the sourced share when done', () => {
    mount();
    const values = [...container.querySelectorAll('.sl-stat')].map((el) => [
      el.querySelector('dt')?.textContent,
      el.querySelector('.sl-stat-number')?.textContent,
    ]);
    expect(values).toEqual([
      ['Sentences found', '40'],
      ['Sentences sourced', '12'],
      ['Sources', '9'],
    ]);
    expect(container.querySelector('.sl-stat-share')?.textContent).toBe('30%');
    expect(container.querySelector('progress')).toBeNull();
  });

  it('shows a determinate progress bar while matching', () => {
    mount({ status: status({ state: 'matching', pending: 30 }) });
    const bar = container.querySelector('progress');
    expect(bar?.getAttribute('value')).toBe('10');
    expect(bar?.getAttribute('max')).toBe('40');
    const label = bar && container.querySelector(`#${bar.getAttribute('aria-labelledby')}`);
    expect(label?.textContent).toBe('Matching sources: 10 of 40 sentences checked');
  });

  it('shows an indeterminate bar while scanning', () => {
    mount({ status: status({ state: 'scanning', sentences: 0, pending: 0 }) });
    const bar = container.querySelector('progress');
    expect(bar).not.toBeNull();
    expect(bar?.hasAttribute('value')).toBe(false);
    expect(container.textContent).toContain('Reading the page…');
  });

  it.each<[string, Partial<PopupProps>, string]>([
    ['globally off', { enabled: false }, 'Sourcelight is off'],
    ['off for the site', { siteEnabled: false }, 'Off for this site'],
    ['page says off', { status: status({ state: 'off' }) }, 'Off for this site'],
    [
      'not an article',
      { status: status({ state: 'not-article' }) },
      'doesn’t look like an article',
    ],
    ['not permitted', { reason: 'not-permitted', status: null }, 'Sourcelight can’t run here'],
    ['no page', { reason: 'no-page', status: null, host: undefined }, 'No page to check'],
    ['no report yet', { status: null }, 'hasn’t been checked yet'],
  ])('%s: shows a clear state', (_name, overrides, text) => {
    mount(overrides);
    expect(container.querySelector('.sl-message')?.textContent).toContain(text);
    expect(container.querySelector('.sl-stats')).toBeNull();
  });

  it('disables the site switch where it cannot apply', () => {
    mount({ reason: 'not-permitted', status: null, host: 'chrome' });
    expect(switches()[1]?.disabled).toBe(true);
    mount({ enabled: false });
    expect(switches()[1]?.disabled).toBe(true);
    expect(switches()[1]?.checked).toBe(true);
    mount({ host: undefined });
    expect(switches()[1] && labelOf(switches()[1]!)).toBe('On for this site');
  });

  it('lists the page sources by sentences backed, and the review buttons', () => {
    const onReveal = vi.fn();
    mount({
      onReveal,
      summary: {
        status: status(),
        unsourced: 3,
        numbersDiffer: 0,
        sources: [
          { url: 'https://a.example/1', siteName: 'Alpha', title: 'A', sentences: 4 },
          { url: 'https://www.b.example/2', siteName: '', title: 'B', sentences: 1 },
        ],
      },
    });
    const rows = [...container.querySelectorAll('.sl-source-row')].map((r) => r.textContent);
    expect(rows).toEqual(['Alphabacks 4 sentences', 'b.examplebacks 1 sentence']);
    expect(container.querySelector('.sl-sources h2')?.textContent).toBe('Sources on this page');
    // The stat says 9 sources; two are listed.
    expect(container.querySelector('.sl-sources .sl-note')?.textContent).toBe('and 7 more');
    const [unsourced, differ] = [
      ...container.querySelectorAll<HTMLButtonElement>('.sl-review-button'),
    ];
    expect(unsourced?.textContent).toBe('Next unsourced sentence3');
    expect(differ?.disabled).toBe(true);
    unsourced!.click();
    expect(onReveal).toHaveBeenCalledWith('unsourced');
  });

  it('shows no summary parts while the page is only being read', () => {
    mount({
      status: status({ state: 'scanning' }),
      summary: { status: status(), unsourced: 1, numbersDiffer: 1, sources: [] },
    });
    expect(container.querySelector('.sl-review, .sl-sources')).toBeNull();
    expect(container.querySelector('progress')).not.toBeNull();
  });
});
