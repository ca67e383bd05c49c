import { describe, expect, it } from 'vitest';
import { isAppeal } from '../../../utils/article/appeals';
import { P1, P2, P3, bodyTexts as texts, page } from './fixtures';

describe('isAppeal', () => {
  it('knows paywall notices and sign-up lines in several languages', () => {
    for (const t of [
      'To view the full story, please subscribe to The Daily Example.',
      'Already a subscriber? Log in here.',
      'Subscribe now to our print edition for the full story.',
      'Subscribe to our newsletter',
      'Newsletter abonnieren',
      'Ja. Ich bin Abonnent.',
      'Déjà abonné ? Connectez-vous',
    ]) {
      expect(isAppeal(t), t).toBe(true);
    }
  });

  it('leaves prose about subscriptions alone', () => {
    for (const t of [
      'The streaming service lost two million subscribers in the spring, its first fall in a decade.',
      'Readers can log in to the council website to see the timetable.',
      P1,
    ]) {
      expect(isAppeal(t), t).toBe(false);
    }
  });
});

describe('findArticle and appeals', () => {
  it('drops a newsletter line in the middle of the body', () => {
    const found = texts(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>Sign up for our morning newsletter</p><p>${P2}</p><p>${P3}</p></article>`,
      ),
    );
    expect(found).toEqual([P1, P2, P3]);
  });

  it('ends the body at a paywall notice, with the offer that follows it', () => {
    const found = texts(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p>
        <p>To view the full story, please subscribe to Example News.</p>
        <p>When you join, you get unlimited digital access to our journalism.</p>
        <p>If you are already a subscriber, log in for immediate access to this story.</p></article>`,
      ),
    );
    expect(found).toEqual([P1, P2, P3]);
  });

  it('does not cut a long body at an early mention of subscribers', () => {
    const early =
      'Already a subscriber to the bus pass scheme? Officials say nothing changes for you.';
    const found = texts(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>${early}</p><p>${P2}</p><p>${P3}</p></article>`,
      ),
    );
    expect(found).toEqual([P1, P2, P3]);
  });
});
