import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../utils/article/index';
import { P1, P2, P3, page } from './fixtures';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const texts = (html: string): string[] => {
  const article = findArticle(parse(html));
  if (!article) throw new Error('no article found');
  return article.blocks.map((b) => (b.element.textContent ?? '').replace(/\s+/g, ' ').trim());
};

const LEDE =
  'The council wants buses to run all night by spring, but traders say the parking fees that pay for them will drive shoppers away.';
const BODY = `<div class="body-text"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`;

const SHARE = `<ul class="share-tools"><li><a href="/fb">Facebook</a></li><li><a href="/tw">Twitter</a></li><li><a href="/mail">Email</a></li></ul>`;

/** A story whose header (headline, lede, share bar) sits outside the body container. */
const story = (head: string, between = ''): string =>
  page(
    `<article class="story"><div class="story-header">${head}${SHARE}</div>${between}${BODY}</article>`,
  );

const rootOf = (html: string): string => findArticle(parse(html))!.root.className;

describe('the lede above the body container', () => {
  it('takes a deck written as a heading between the headline and the body', () => {
    const html = story(`<h1>Night buses</h1><h2>${LEDE}</h2>`);
    expect(rootOf(html)).toBe('body-text');
    expect(texts(html)).toEqual([LEDE, P1, P2, P3]);
  });

  it('takes an intro from a chrome-named header, stepping over date, byline and caption', () => {
    const html = page(`<article class="story">
        <div class="article-header"><h1>Night buses</h1><p class="intro">${LEDE}</p>
          <div class="metadata">2 March 2024, 10:04. Updated 3 March 2024, 08:15 after the council meeting</div>
          <div class="byline">By Jane Reporter</div></div>
        <figure><img src="bus.jpg" alt=""><figcaption>A night bus waits at the depot on the edge of town, where the new routes will start next spring.</figcaption></figure>
        ${BODY}</article>`);
    expect(rootOf(html)).toBe('body-text');
    expect(texts(html)).toEqual([LEDE, P1, P2, P3]);
  });

  it('takes a short lede when its class says so, not a short line without one', () => {
    const short = 'Four new night routes will run until 3am from next spring.';
    expect(texts(story(`<h1>Night buses</h1><p class="standfirst">${short}</p>`))).toEqual([
      short,
      P1,
      P2,
      P3,
    ]);
    expect(texts(story(`<h1>Night buses</h1><p class="note">${short}</p>`))).toEqual([P1, P2, P3]);
  });

  it('takes a headline that is not an <h1> when it is the page title', () => {
    const html = page(
      `<article class="story"><div class="story-header"><div class="title-box">Night buses to run until 3am</div><h2>${LEDE}</h2>${SHARE}</div>${BODY}</article>`,
    ).replace(
      '<title>Night buses | Example News</title>',
      '<title>Night buses to run until 3am | Example News</title>',
    );
    expect(texts(html)).toEqual([LEDE, P1, P2, P3]);
  });

  it('takes nothing when no headline stands above the prose (a teaser, another story)', () => {
    const other =
      'Residents of the old harbour district gathered on Sunday to celebrate the reopening of the market hall, closed for repairs since the floods.';
    const html = story(`<p>${other}</p>`);
    expect(rootOf(html)).toBe('body-text');
    expect(texts(html)).toEqual([P1, P2, P3]);
    expect(texts(story(`<h1>Night buses</h1><p>${other}</p>`))).toEqual([other, P1, P2, P3]);
  });

  it('leaves out teasers, link lists, appeals, credits, datelines and bylines between headline and body', () => {
    const teaser = `<div class="related"><p>${LEDE}</p></div>`;
    const links = `<p><a href="/a">Read also: council budget row deepens as fees rise</a> <a href="/b">Night tram plan shelved after a decade of delays and cost overruns</a></p>`;
    const appeal = `<p>Already a subscriber? Log in to read the full story and get unlimited access to our journalism.</p>`;
    const credit = `<p>The depot where the new night routes will start next spring, as seen from the ring road (Photo: Jane Snapper)</p>`;
    const dateline = `<p>Example News | <time datetime="2024-03-02T10:04">2 March 2024, 10:04</time>, updated 3 March 2024, 08:15 | Jane Reporter (with John Writer)</p>`;
    const byline = `<p>By Jane Reporter, transport correspondent, and John Writer, who covers the city council.</p>`;
    for (const chrome of [teaser, links, appeal, credit]) {
      expect(texts(story(`<h1>Night buses</h1>`, chrome))).toEqual([P1, P2, P3]);
    }
    for (const chrome of [dateline, byline, teaser, credit]) {
      expect(texts(story(`<h1>Night buses</h1>${chrome}`))).toEqual([P1, P2, P3]);
    }
    // Stepped over, they do not hide the lede above them.
    expect(texts(story(`<h1>Night buses</h1><h2>${LEDE}</h2>${dateline}${byline}`))).toEqual([
      LEDE,
      P1,
      P2,
      P3,
    ]);
  });

  it('does not reach outside the story container', () => {
    const deep = (inner: string) =>
      '<div class="a"><div class="b"><div class="c"><div class="d"><div class="e"><div class="f"><div class="g"><div class="h"><div class="i">' +
      inner +
      '</div></div></div></div></div></div></div></div></div>';
    const html = page(`<h1>Night buses</h1><h2>${LEDE}</h2>${SHARE}${deep(BODY)}`);
    expect(texts(html)).toEqual([P1, P2, P3]);
  });

  it('takes at most two lede blocks, the ones nearest the body, in document order', () => {
    const deck =
      'Four routes will run until three in the morning from next spring, the council said on Tuesday.';
    const extra =
      'Fees in the centre go up to pay for them, and traders are not happy about it at all, they say.';
    const html = story(
      `<h1>Night buses</h1><h2>${extra}</h2><h2>${deck}</h2><h3 class="lead">${LEDE}</h3>`,
    );
    expect(rootOf(html)).toBe('body-text');
    expect(texts(html)).toEqual([deck, LEDE, P1, P2, P3]);
  });
});
