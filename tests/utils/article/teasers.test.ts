import { describe, expect, it } from 'vitest';
import { P1, P2, P3, bodyTexts as texts, page } from './fixtures';

const P4 =
  'Drivers will be paid an extra hour for each night shift, and the union said on Wednesday that it would accept the offer after a vote of its members.';
const P5 =
  'The first of the new routes will link the university to the hospital, with stops at the station and the market, every twenty minutes through the night.';
const BLURB =
  'Every weekday our transport reporter answers questions from readers about fares and timetables.';

describe('teaser cards in the body', () => {
  it('leaves out a card whose heading links to another page, with its box label', () => {
    const found = texts(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p>
        <div class="box"><div class="boxhead">More on this</div><div class="card"><h2><a href="/podcast">The transport podcast</a></h2><p>${BLURB}</p></div></div>
        <p>${P3}</p><p>${P4}</p><p>${P5}</p></article>`,
      ),
    );
    expect(found).toEqual([P1, P2, P3, P4, P5]);
  });

  it('keeps a page that is mostly such cards (a list of picks)', () => {
    const items = [P1, P2, P3, P4]
      .map(
        (p, i) =>
          `<div class="item"><h3><a href="/pick-${i}">Pick ${i + 1}</a></h3><p>${p}</p></div>`,
      )
      .join('');
    const found = texts(page(`<article><h1>Our picks</h1><p>${P5}</p>${items}</article>`));
    for (const p of [P1, P2, P3, P4, P5]) expect(found).toContain(p);
  });

  it('keeps text under a linked subheading that sits in the body itself', () => {
    const found = texts(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><h2><a href="/timetable">The timetable</a></h2><p>${P3}</p><p>${P4}</p></article>`,
      ),
    );
    for (const p of [P1, P2, P3, P4]) expect(found).toContain(p);
  });
});
