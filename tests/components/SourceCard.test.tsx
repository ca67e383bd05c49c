import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SourceCard, type SourceCardProps } from '../../components/SourceCard.tsx';
import { source, sourced } from './fixtures.ts';

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

const now = new Date('2024-04-10T12:00:00Z');

function mount(overrides: Partial<SourceCardProps> = {}) {
  const props: SourceCardProps = {
    sentence: 'Unemployment fell to 3.8% in March.',
    answer: { id: 's1', status: 'sourced', sources: [source()] },
    mode: 'tooltip',
    onPin: vi.fn(),
    onClose: vi.fn(),
    now,
    ...overrides,
  };
  render(<SourceCard {...props} />, container);
  const card = container.querySelector<HTMLElement>('.sl-card');
  if (!card) throw new Error('card not rendered');
  return { card, props };
}

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((el) => el.textContent);

describe('SourceCard states', () => {
  it('loading: calm status text and a skeleton', () => {
    const { card } = mount({ answer: { status: 'loading' } });
    expect(card.textContent).toContain('Looking for sources…');
    expect(card.querySelector('[role="status"]')?.textContent).toBe('Looking for sources…');
    expect(card.querySelectorAll('.sl-skeleton-line').length).toBeGreaterThan(0);
    expect(card.getAttribute('aria-busy')).toBe('true');
    expect(card.querySelector('a')).toBeNull();
  });

  it('none: says so with the default reason or the given one', () => {
    const { card } = mount({ answer: { id: 's1', status: 'none', sources: [] } });
    expect(card.textContent).toContain('No source found for this sentence');
    expect(card.textContent).toContain('Nothing the article links to backs it up.');
    mount({
      answer: { id: 's1', status: 'none', sources: [], error: 'The sentence has no links.' },
    });
    expect(container.textContent).toContain('The sentence has no links.');
  });

  it('sourced with an empty list reads as none', () => {
    const { card } = mount({ answer: { id: 's1', status: 'sourced', sources: [] } });
    expect(card.textContent).toContain('No source found for this sentence');
  });

  it('error: shows the specific reason', () => {
    const { card } = mount({
      answer: {
        id: 's1',
        status: 'error',
        sources: [],
        error: 'The linked page could not be reached',
      },
    });
    expect(card.textContent).toContain('Couldn’t check sources');
    expect(card.textContent).toContain('The linked page could not be reached');
  });

  it('error without a reason falls back to a generic one', () => {
    const { card } = mount({ answer: { id: 's1', status: 'error', sources: [] } });
    expect(card.textContent).toContain('Something went wrong while checking this sentence.');
  });
});

describe('SourceCard sources', () => {
  it('shows site, title, badge, date and a safe link', () => {
    const { card } = mount();
    expect(card.querySelector('.sl-heading')?.textContent).toBe('1 source');
    expect(card.querySelector('.sl-site')?.textContent).toBe('Bureau of Labor Statistics');
    expect(card.querySelector('.sl-title')?.textContent).toBe(
      'The Employment Situation — March 2024',
    );
    expect(card.querySelector('.sl-badge')?.textContent).toBe('Supports');
    const time = card.querySelector('time');
    expect(time?.textContent).toBe('5 days ago');
    expect(time?.getAttribute('title')).toBe('Published April 5, 2024');
    const link = card.querySelector('a');
    expect(link?.getAttribute('href')).toBe(
      'https://www.bls.gov/news.release/empsit.nr0.htm#:~:text=unemployment%20rate',
    );
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link?.textContent).toContain('Open at quote');
  });

  it('emphasises matched terms with <mark>', () => {
    const { card } = mount();
    expect(texts(card, '.sl-quote mark')).toEqual(['unemployment rate', 'March']);
    expect(card.querySelector('.sl-quote')?.textContent).toBe(
      'The unemployment rate edged down to 3.8 percent in March.',
    );
  });

  it('renders HTML in a passage, title or site name as text', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { card } = mount({
      answer: {
        id: 's1',
        status: 'sourced',
        sources: [
          source({
            passage: `Before ${payload} after rate`,
            title: payload,
            siteName: `<b>${payload}</b>`,
            matchedTerms: ['rate', 'img', payload],
          }),
        ],
      },
    });
    expect(card.querySelector('img:not(.sl-fav)')).toBeNull();
    expect(card.querySelector('b')).toBeNull();
    expect(card.querySelector('.sl-quote')?.textContent).toBe(`Before ${payload} after rate`);
    expect(card.querySelector('.sl-title')?.textContent).toBe(payload);
    expect(texts(card, '.sl-quote mark')).toContain('rate');
  });

  it('drops unsafe links and falls back to the plain URL when only the fragment URL is bad', () => {
    const { card } = mount({
      answer: {
        id: 's1',
        status: 'sourced',
        sources: [
          source({ url: 'javascript:alert(1)', fragmentUrl: 'javascript:alert(1)' }),
          source({ url: 'https://ok.example/', fragmentUrl: 'data:text/html,hi' }),
        ],
      },
    });
    const hrefs = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://ok.example/']);
  });

  it('uses the favicon data URL, else a letter avatar; never a remote image', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const { card } = mount({
      answer: {
        id: 's1',
        status: 'sourced',
        sources: [
          source({ faviconDataUrl: png, siteName: 'Reuters', url: 'https://reuters.com/a' }),
          source({ faviconDataUrl: 'https://evil.example/f.ico', siteName: 'apnews.com' }),
        ],
      },
    });
    const srcs = [...card.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(srcs.length).toBeGreaterThan(0);
    expect(srcs.every((s) => s === png)).toBe(true);
    expect(texts(card, '.sl-list .sl-avatar')).toEqual(['A']);
  });

  it('marks numbers-differ distinctly', () => {
    const { card } = mount({
      answer: { id: 's1', status: 'sourced', sources: [source({ level: 'numbers-differ' })] },
    });
    const badge = card.querySelector('.sl-badge');
    expect(badge?.textContent).toBe('Numbers differ');
    expect(badge?.classList.contains('sl-badge--numbers-differ')).toBe(true);
    expect(badge?.querySelector('svg')).not.toBeNull();
    expect(card.querySelector('.sl-source--numbers-differ')).not.toBeNull();
  });

  it('omits the date when unknown or unparseable', () => {
    const { card } = mount({
      answer: {
        id: 's1',
        status: 'sourced',
        sources: [source({ publishedAt: undefined }), source({ publishedAt: 'soon' })],
      },
    });
    expect(card.querySelector('time')).toBeNull();
  });
});

describe('SourceCard modes', () => {
  it('tooltip: role=tooltip, top 3 and "+N more" that pins', () => {
    const { card, props } = mount({ answer: sourced(5) });
    expect(card.getAttribute('role')).toBe('tooltip');
    expect(texts(card, '.sl-site')).toEqual(['Site 1', 'Site 2', 'Site 3']);
    expect(card.querySelector('.sl-heading')?.textContent).toBe('5 sources');
    const more = [...card.querySelectorAll('button')].find((b) => b.textContent === '+2 more');
    expect(more).toBeDefined();
    more?.click();
    expect(props.onPin).toHaveBeenCalledTimes(1);
    expect(card.querySelector('[aria-label="Close"]')).toBeNull();
  });

  it('tooltip with 3 or fewer sources has no "+N more"', () => {
    const { card } = mount({ answer: sourced(3) });
    expect(card.textContent).not.toMatch(/\+\d+ more/);
    expect(card.querySelectorAll('.sl-source').length).toBe(3);
  });

  it('pinned: all sources, a named dialog and a real close button', () => {
    const { card, props } = mount({ answer: sourced(5), mode: 'pinned', labelId: 'lbl' });
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.querySelectorAll('.sl-source').length).toBe(5);
    expect(card.textContent).not.toContain('more');
    const labelledBy = card.getAttribute('aria-labelledby');
    expect(labelledBy).toBe('lbl');
    expect(container.querySelector(`#${labelledBy}`)?.textContent).toBe('5 sources');
    const describedBy = card.getAttribute('aria-describedby');
    expect(describedBy && container.querySelector(`#${describedBy}`)?.textContent).toBe(
      'Unemployment fell to 3.8% in March.',
    );
    const close = card.querySelector<HTMLButtonElement>('button[aria-label="Close"]');
    expect(close?.tagName).toBe('BUTTON');
    expect(close?.type).toBe('button');
    close?.click();
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });

  it('pinned without labelId generates one that resolves', () => {
    const { card } = mount({ answer: { id: 's', status: 'none', sources: [] }, mode: 'pinned' });
    const id = card.getAttribute('aria-labelledby');
    expect(id).toBeTruthy();
    expect(container.querySelector(`[id="${id}"]`)?.textContent).toBe(
      'No source found for this sentence',
    );
  });

  it('passes a forced theme through as data-theme', () => {
    const { card } = mount({ theme: 'dark' });
    expect(card.getAttribute('data-theme')).toBe('dark');
  });
});

describe('SourceCard reader actions', () => {
  it('pinned: every source has a "Wrong source" button naming its site', () => {
    const onMarkWrong = vi.fn();
    const { card } = mount({ mode: 'pinned', answer: sourced(5), onMarkWrong });
    const buttons = [...card.querySelectorAll<HTMLButtonElement>('button.sl-wrong')];
    expect(buttons).toHaveLength(5);
    expect(buttons[2]?.getAttribute('aria-label')).toBe('Wrong source: Site 3');
    buttons[2]!.click();
    expect(onMarkWrong).toHaveBeenCalledWith('https://site3.example/a', true, expect.any(Event));
  });

  it('a flagged source says so and offers Undo', () => {
    const onMarkWrong = vi.fn();
    const answer = sourced(2);
    answer.sources[1] = { ...answer.sources[1]!, flagged: true };
    const { card } = mount({ mode: 'pinned', answer, onMarkWrong });
    const flagged = card.querySelector('.sl-source--flagged');
    expect(flagged?.textContent).toContain('You marked this source as wrong');
    const undo = flagged?.querySelector<HTMLButtonElement>('button.sl-wrong');
    expect(undo?.textContent).toBe('Undo');
    undo!.click();
    expect(onMarkWrong).toHaveBeenCalledWith('https://site2.example/a', false, expect.any(Event));
  });

  it('the tooltip has no reader actions', () => {
    const { card } = mount({ onMarkWrong: vi.fn(), onCopy: vi.fn() });
    expect(card.querySelector('button.sl-wrong, .sl-copybar')).toBeNull();
  });

  it('copy buttons report the result politely', async () => {
    const onCopy = vi.fn().mockResolvedValueOnce(true).mockResolvedValueOnce(false);
    const { card } = mount({ mode: 'pinned', onCopy });
    const status = card.querySelector('.sl-copybar [role="status"]');
    card.querySelector<HTMLButtonElement>('button[data-copy="markdown"]')!.click();
    await vi.waitFor(() => expect(status?.textContent).toBe('Copied.'));
    expect(onCopy).toHaveBeenCalledWith('markdown', expect.any(Event));
    card.querySelector<HTMLButtonElement>('button[data-copy="text"]')!.click();
    await vi.waitFor(() => expect(status?.textContent).toContain('Could not copy'));
  });
});
