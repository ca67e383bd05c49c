import { afterEach, describe, expect, it } from 'vitest';
import { cardFonts, Overlay } from '@/utils/page/overlay';
import { drain } from '@/utils/sentences/scheduler';

const answer = {
  id: 's1',
  status: 'sourced' as const,
  sources: [
    {
      url: 'https://example.org/a',
      fragmentUrl: 'https://example.org/a#:~:text=ferry',
      title: 'Ferry service resumes',
      siteName: 'example.org',
      passage: 'The ferry resumes on 3 June.',
      matchedTerms: ['ferry'],
      score: 0.9,
      level: 'supports' as const,
      via: 'inline' as const,
    },
  ],
};

const props = {
  sentence: 'The ferry resumes on 3 June.',
  answer,
  mode: 'tooltip' as const,
  onPin: () => {},
  onClose: () => {},
};

afterEach(() => {
  document.body.innerHTML = '';
  document.querySelector('sourcelight-ui')?.remove();
});

describe('Overlay.warmSteps', () => {
  it('renders a card off the page and leaves nothing behind', () => {
    document.body.innerHTML = '<p>The ferry resumes on 3 June.</p>';
    const before = document.documentElement.outerHTML;
    const overlay = new Overlay(document);
    drain(overlay.warmSteps(props));
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector('sourcelight-ui')).toBeNull();
    expect(overlay.isShown).toBe(false);
  });

  it('yields between its pieces, so the scheduler can spread them over idle time', () => {
    const overlay = new Overlay(document);
    const steps = overlay.warmSteps(props);
    let n = 0;
    while (!steps.next().done) n++;
    // The render, the placing, then at least one step per typeface (happy-dom may lack a
    // canvas context, in which case the font steps are skipped).
    expect(n).toBeGreaterThanOrEqual(2);
  });
});

describe('cardFonts', () => {
  it('names every size and weight of the card stylesheet, upright and italic', () => {
    const fonts = cardFonts();
    for (const size of ['10px', '11px', '12px', '13px', '14px'])
      expect(fonts.some((f) => f.includes(` ${size} `))).toBe(true);
    for (const weight of ['400', '600', '700'])
      expect(fonts.some((f) => f.startsWith(`normal ${weight} `))).toBe(true);
    expect(fonts.some((f) => f.startsWith('italic 400 12px '))).toBe(true);
    expect(new Set(fonts).size).toBe(fonts.length);
  });
});
