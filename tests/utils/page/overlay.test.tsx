import { afterEach, describe, expect, it } from 'vitest';
import { Overlay } from '@/utils/page/overlay';

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

afterEach(() => {
  document.body.innerHTML = '';
  document.querySelector('sourcelight-ui')?.remove();
});

describe('Overlay.warm', () => {
  it('renders a card off the page and leaves nothing behind', () => {
    document.body.innerHTML = '<p>The ferry resumes on 3 June.</p>';
    const before = document.documentElement.outerHTML;
    const overlay = new Overlay(document);
    overlay.warm({
      sentence: 'The ferry resumes on 3 June.',
      answer,
      mode: 'tooltip',
      onPin: () => {},
      onClose: () => {},
    });
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.querySelector('sourcelight-ui')).toBeNull();
    expect(overlay.isShown).toBe(false);
  });
});
