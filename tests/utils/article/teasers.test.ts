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

  it('leaves out a stream of cards whose headings carry a kicker before the link', () => {
    const stream = [P3, P4, P5]
      .map(
        (p, i) =>
          `<div class="story-block"><h4><strong class="kicker">Opinion</strong> <a href="/story-${i}">Story ${i + 1}</a></h4><p class="standfirst"><em>A. Writer</em> ${p}</p></div>`,
      )
      .join('');
    const story = `<h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${BLURB}</p><p>${P4.replace('Drivers', 'Cleaners')}</p>`;
    expect(texts(page(`<article>${story}${stream}</article>`))).not.toContain(`A. Writer ${P5}`);
    // A heading with more of its own text than a kicker is a heading of the story.
    const own = stream.replaceAll('Opinion', 'What the drivers told us on the first night');
    expect(texts(page(`<article>${story}${own}</article>`))).toContain(`A. Writer ${P5}`);
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

  it('leaves out a stream of cards after the story, however long the stream', () => {
    const stream = [P3, P4, P5, BLURB, P1]
      .map(
        (p, i) =>
          `<li class="stream-item"><h3><a href="/story-${i}">Story ${i + 1}</a></h3><p>${p.slice(0, 120)}</p><span>Example Wire</span></li>`,
      )
      .join('');
    const found = texts(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p><p>${P5}</p><ul class="stream">${stream}</ul></article>`,
      ),
    );
    expect(found).toEqual([P1, P2, P3, P4, P5]);
  });

  it('keeps cards between paragraphs of the story when they are too many to be asides', () => {
    const card = (i: number, p: string) =>
      `<div class="card"><h3><a href="/story-${i}">Story ${i}</a></h3><p>${p}</p></div>`;
    const found = texts(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p>${card(1, P2)}${card(2, P3)}<p>${P4}</p>${card(3, BLURB)}<p>${P5}</p></article>`,
      ),
    );
    for (const p of [P1, P2, P3, P4, BLURB, P5]) expect(found).toContain(p);
  });

  it('keeps entries whose headings link to this very page (a live blog)', () => {
    const live = (href: (i: number) => string) =>
      page(
        `<article><h1>Night buses: live</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p>${[
          BLURB,
          P5,
          P1,
          P2,
        ]
          .map(
            (p, i) =>
              `<div class="entry"><h3><a href="${href(i)}">Update ${i + 1}</a></h3><p>${p}</p></div>`,
          )
          .join('')}</article>`,
      );
    // Linking elsewhere, the entries would be a stream of teasers...
    expect(texts(live((i) => `/other-story-${i}`))).not.toContain(BLURB);
    // ...but each links to itself on this page, with or without the page's own path.
    expect(texts(live((i) => `${location.pathname}#entry-${i}`))).toContain(BLURB);
    expect(texts(live((i) => `${location.href.split('#')[0]}#entry-${i}`))).toContain(BLURB);
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
