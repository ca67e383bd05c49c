import { describe, expect, it } from 'vitest';
import { findArticle, findArticleChunked, isSkippedInline } from '../../../utils/article/index';
import { ownText } from '../../../utils/article/loose';
import { BASIC, EXCLUSIONS, P1, P2, P3, page } from './fixtures';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

const texts = (doc: Document): string[] => {
  const article = findArticle(doc);
  if (!article) throw new Error('no article found');
  return article.blocks.map((b) => (b.element.textContent ?? '').replace(/\s+/g, ' ').trim());
};

describe('findArticle', () => {
  it('finds the body paragraphs of a plain article, without headline or byline', () => {
    const doc = parse(BASIC);
    const article = findArticle(doc)!;
    expect(article.headline).toBe('Night buses to run until 3am');
    expect(texts(doc)).toEqual([P1, P2, P3]);
    expect(article.root.localName).toBe('article');
    expect(article.lang).toBe('en');
  });

  for (const [rule, { html, chrome }] of Object.entries(EXCLUSIONS)) {
    it(`leaves out ${rule}`, () => {
      const found = texts(parse(html));
      expect(found.join('\n')).not.toContain(chrome);
      for (const p of [P1, P2, P3]) expect(found).toContain(p);
    });
  }

  it('leaves out a photo gallery inside the body even when its legends outweigh the story', () => {
    const legend = (i: number) =>
      `<li><h2><span class="counter">${i}/12</span> Photo ${i}</h2><p>Legend ${i}: the depot seen from the river at dawn, with the first of the new buses waiting to leave for the station.</p></li>`;
    const slides = Array.from({ length: 12 }, (_, i) => legend(i + 1)).join('');
    const found = texts(
      parse(
        page(
          `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><div class="wrapper type-gallery"><ul class="slides">${slides}</ul></div><p>${P3}</p><p>${P1} ${P2}</p></article>`,
        ),
      ),
    );
    expect(found.join('\n')).not.toContain('Legend');
    expect(found).toEqual([P1, P2, P3, `${P1} ${P2}`]);
  });

  it('returns blocks in document order, none nested in another', () => {
    const doc = parse(EXCLUSIONS.related!.html);
    const blocks = findArticle(doc)!.blocks.map((b) => b.element);
    for (let i = 1; i < blocks.length; i++) {
      const order = blocks[i - 1]!.compareDocumentPosition(blocks[i]!);
      expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(order & Node.DOCUMENT_POSITION_CONTAINED_BY).toBeFalsy();
    }
  });

  it('keeps subheadings followed by text and drops headings left with nothing under them', () => {
    const doc = parse(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><h2>What it costs</h2><p>${P2}</p><p>${P3}</p><h2>Most read</h2></article>`,
      ),
    );
    const article = findArticle(doc)!;
    expect(article.blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expect(texts(doc)).not.toContain('Most read');
  });

  it('labels list items, quotes and cells', () => {
    const doc = parse(
      page(`<article><h1>Night buses</h1><p>${P1}</p><ul><li>Route N1 runs from the station to the hospital every twenty minutes.</li></ul>
      <blockquote><p>We have waited years for this, and it will change how people get home.</p></blockquote>
      <table><tr><td>Route N2 will serve the university campus and the northern estates.</td></tr></table><p>${P2}</p><p>${P3}</p></article>`),
    );
    const kinds = findArticle(doc)!.blocks.map((b) => b.kind);
    expect(kinds).toEqual(['paragraph', 'list-item', 'quote', 'cell', 'paragraph', 'paragraph']);
  });

  it('drops link lists inside the article', () => {
    const doc = parse(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p><a href="/x">Read more: the history of the night bus in our city since 1950</a></p><p>${P2}</p><p>${P3}</p></article>`,
      ),
    );
    expect(texts(doc).join(' ')).not.toContain('Read more');
  });

  it('keeps loose text beside paragraphs as a block of its own, in its place, and drops short loose labels', () => {
    // The first paragraph has no tag: too little text beside the tagged ones to merge them all.
    const lead = `${P1} ${P3}`;
    const doc = parse(
      page(
        `<article><h1>Night buses</h1><div class="text">${lead}<p>${P2}</p><p>${P3}</p><p>${P1}</p><p>${P2} ${P3}</p><span>Filed under: buses</span></div></article>`,
      ),
    );
    const blocks = findArticle(doc)!.blocks;
    expect(blocks.map((b) => ownText(b).replace(/\s+/g, ' ').trim())).toEqual([
      // The loose text, without the short label after the paragraphs (its own text only).
      `${lead} Filed under: buses`,
      P2,
      P3,
      P1,
      `${P2} ${P3}`,
    ]);
    expect(blocks[0]!.loose).toBe(true);
    expect(blocks[0]!.element.className).toBe('text');
    expect(blocks.slice(1).every((b) => !b.loose)).toBe(true);

    const labels = parse(
      page(
        `<article><h1>Night buses</h1><div class="text">Updated 3 May<p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article>`,
      ),
    );
    expect(findArticle(labels)!.blocks.map((b) => ownText(b))).toEqual([P1, P2, P3]);
    // Many short runs (captions between the paragraphs) are labels, not a paragraph.
    const caption = (i: number) => `The depot at dawn, picture ${i}`;
    const credits = parse(
      page(
        `<article><h1>Night buses</h1><div class="text">${[P1, P2, P3, P1, P2, P3].map((p, i) => `${caption(i)}<p>${p}</p>`).join('')}</div></article>`,
      ),
    );
    expect(findArticle(credits)!.blocks.every((b) => !b.loose)).toBe(true);
  });

  it('treats an orphan run of text in a container as one block', () => {
    const doc = parse(page(`<div class="story">${P1}<br><br>${P2}<br><br>${P3}</div>`));
    const article = findArticle(doc)!;
    expect(article.blocks).toHaveLength(1);
    expect(article.blocks[0]!.element.className).toBe('story');
  });

  it('returns null for a page that is only links and labels', () => {
    const links = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/s/${i}">Story number ${i} of the day</a></li>`,
    ).join('');
    expect(findArticle(parse(page(`<ul>${links}</ul>`)))).toBeNull();
  });

  it('returns null for an empty page', () => {
    expect(findArticle(parse('<html><body></body></html>'))).toBeNull();
  });
});

describe('general signals, not site rules', () => {
  it('keeps the lede in an article header and drops the headline and date there', () => {
    const lede = 'Four new routes will keep the city moving after midnight, the council says.';
    const doc = parse(
      page(
        `<article><header><h1>Night buses</h1><p class="standfirst">${lede}</p><time datetime="2024-03-02">2 March 2024</time></header><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`,
      ),
    );
    expect(texts(doc)).toEqual([lede, P1, P2, P3]);
  });

  it('treats a page-wide <header> that wraps the article as a container', () => {
    const doc = parse(
      `<html><body><header id="branding"><nav><a href="/">Home</a></nav><article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article></header></body></html>`,
    );
    expect(texts(doc)).toEqual([P1, P2, P3]);
  });

  it('keeps body text inside page-builder "widget" wrappers', () => {
    const w = (p: string) =>
      `<div class="builder-widget-container"><div class="text-editor"><p>${p}</p></div></div>`;
    const doc = parse(page(`<div class="post">${w(P1)}${w(P2)}${w(P3)}</div>`));
    expect(texts(doc)).toEqual([P1, P2, P3]);
  });

  it('ignores atomic-CSS class names when reading class words', () => {
    const doc = parse(
      page(
        `<div class="Mstart(82px)--modalFloating Pos(r)"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`,
      ),
    );
    expect(texts(doc)).toEqual([P1, P2, P3]);
  });

  it('keeps preformatted prose and drops code', () => {
    const prose =
      'This memo describes a protocol for storing per-user data on the web. It is an informational document and does not specify a standard.';
    const doc = parse(
      page(
        `<article><h1>Memo</h1><pre>${prose}</pre><p>${P1}</p><pre>if (x) { y = f(z); } else { return [a, b]; }</pre><p>${P2}</p></article>`,
      ),
    );
    expect(texts(doc)).toEqual([prose, P1, P2]);
  });

  it('keeps text of collapsed accordion panels and closed details, which the reader can open', () => {
    const faq =
      'Applications open on the first of May and close at the end of June, online or at any library.';
    const doc = parse(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><div class="accordion"><div class="panel-collapse collapse" style="display:none"><p>${faq}</p></div></div><p>${P3}</p></article>`,
      ),
    );
    expect(texts(doc)).toEqual([P1, P2, faq, P3]);
  });

  it('reads an accordion marked role="tablist" that holds its own panels, but not a real tab list', () => {
    const month =
      'In January the number of people out of work rose by less than in any winter of the last ten years.';
    const doc = parse(
      page(
        `<article><h1>Jobs in 2022</h1><p>${P1}</p><div class="panel-group" role="tablist"><div class="panel"><h2><a role="button" href="#jan">January</a></h2><div id="jan" class="panel-collapse collapse" role="tabpanel" style="display:none"><p>${month}</p><p>${P2}</p></div></div></div><p>${P3}</p></article>`,
      ),
    );
    expect(texts(doc)).toEqual([P1, month, P2, P3]);
    const tabs = parse(
      page(
        `<article><h1>Night buses</h1><div role="tablist"><p>Overview of the plan and what it means for the routes in the north of the city</p></div><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`,
      ),
    );
    expect(texts(tabs)).toEqual([P1, P2, P3]);
  });

  it('trims labels at the edges of the body but not short lines between paragraphs', () => {
    const doc = parse(
      page(
        `<article><h1>Night buses</h1><p>Getty Images</p><p>${P1}</p><p>Not so fast</p><p>${P2}</p><p>${P3}</p><p>Share this article:</p></article>`,
      ),
    );
    expect(texts(doc)).toEqual([P1, 'Not so fast', P2, P3]);
  });

  it('drops a rights notice that closes the body, but not one quoted mid-body', () => {
    const notice =
      '© 2024 Example News. This article is the property of Example News and may not be reprinted without written permission.';
    const mid = 'Copyright lawyers say the rule is unclear, and the council has asked for advice.';
    const doc = parse(
      page(
        `<article><h1>Night buses</h1><p>${P1}</p><p>${mid}</p><p>${P2}</p><p>${P3}</p><p>${notice}</p></article>`,
      ),
    );
    expect(texts(doc)).toEqual([P1, mid, P2, P3]);
  });
});

describe('structured data comes first', () => {
  // A decoy block with more prose than the article: layout alone would pick it.
  const other =
    'Residents of the old harbour district gathered on Sunday to celebrate the reopening of the market hall, closed for repairs since the floods.';
  const decoy = `<div class="feature"><p>${other} ${other}</p><p>${other}</p><p>${other} ${other}</p><p>${P3}</p></div>`;
  const body = `<div id="story"><p>${P1}</p><p>${P2}</p></div>`;

  it('uses JSON-LD articleBody to pick the container the page states', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Night buses to run until 3am',
      datePublished: '2024-03-02T09:30:00Z',
      articleBody: `${P1}\n\n${P2}`,
    })}</script>`;
    const doc = parse(page(`<section>${decoy}</section><section>${body}</section>`, ld));
    const article = findArticle(doc)!;
    expect(article.root.id).toBe('story');
    expect(texts(doc)).toEqual([P1, P2]);
    expect(article.publishedAt).toBe('2024-03-02T09:30:00.000Z');
  });

  it('takes a JSON-LD recipe (description, ingredients, steps) as the stated body', () => {
    const intro = 'A soft yeast dough under a crisp almond topping, baked in a muffin tin.';
    const steps = [
      'Warm the milk and melt the butter in it, then mix the flour with the yeast in a bowl.',
      'Knead everything into a smooth dough and leave it covered in a warm place until it has grown.',
    ];
    const ld = `<script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Recipe',
      name: 'Almond muffins',
      description: intro,
      recipeIngredient: ['500 g flour', '1 packet dry yeast', '200 ml milk'],
      recipeInstructions: steps.map((text) => ({ '@type': 'HowToStep', text })),
    })}</script>`;
    const doc = parse(
      page(
        `<section>${decoy}</section><div id="recipe"><p>${intro}</p><div class="box"><h3>Ingredients</h3><table><tr><td>500 g</td><td>flour</td></tr><tr><td>1 packet</td><td>dry yeast</td></tr></table></div><div class="box"><h3>Method</h3><ol><li>${steps[0]}</li><li>${steps[1]}</li></ol></div></div>`,
        ld,
      ),
    );
    const article = findArticle(doc)!;
    expect(article.root.id).toBe('recipe');
    const found = texts(doc).join('\n');
    expect(found).toContain(intro);
    expect(found).toContain('flour');
    expect(found).toContain(steps[1]);
    expect(found).not.toContain('harbour');
  });

  it('uses itemprop="articleBody"', () => {
    const doc = parse(
      page(
        `<section>${decoy}</section><section><div itemprop="articleBody" id="stated"><p>${P1}</p><p>${P2}</p></div></section>`,
      ),
    );
    expect(findArticle(doc)!.root.id).toBe('stated');
  });

  it('reads the canonical URL and headline from metadata when there is no h1', () => {
    const head = `<link rel="canonical" href="https://news.example/night-buses"><meta property="og:title" content="Night buses to run late">`;
    const doc = parse(page(`<div class="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div>`, head));
    const article = findArticle(doc)!;
    expect(article.canonicalUrl).toBe('https://news.example/night-buses');
    expect(article.headline).toBe('Night buses to run late');
  });
});

describe('findArticleChunked', () => {
  it('gives the same article as findArticle, yielding between slices', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `<p>${i % 2 ? P1 : P2}</p>`).join('');
    const doc = parse(page(`<article><h1>Long read</h1>${many}</article>`));
    let yields = 0;
    const chunked = await findArticleChunked(
      doc,
      async () => {
        yields++;
      },
      0,
    );
    expect(yields).toBeGreaterThan(0);
    expect(chunked!.blocks.map((b) => b.element)).toEqual(
      findArticle(doc)!.blocks.map((b) => b.element),
    );
  });
});

describe('isSkippedInline', () => {
  const doc = parse(`<html><body><p id="p">Text
    <button>Share</button>
    <span class="sr-only">opens in a new window</span>
    <span class="ad-slot">Advertisement</span>
    <a href="#ref-1" class="footnote-back">↩</a>
    <span style="display:none">hidden</span>
    <em>kept</em>
    <a href="https://example.org/report" class="tag">the report</a>
    <code>fetch()</code>
  </p></body></html>`);
  const el = (sel: string) => doc.querySelector(sel)!;

  it('skips buttons, screen-reader text, ad slots, backlinks and hidden text', () => {
    expect(isSkippedInline(el('button'))).toBe(true);
    expect(isSkippedInline(el('.sr-only'))).toBe(true);
    expect(isSkippedInline(el('.ad-slot'))).toBe(true);
    expect(isSkippedInline(el('.footnote-back'))).toBe(true);
    expect(isSkippedInline(el('span[style]'))).toBe(true);
  });

  it('keeps ordinary inline text, links and inline code', () => {
    expect(isSkippedInline(el('em'))).toBe(false);
    expect(isSkippedInline(el('a.tag'))).toBe(false);
    expect(isSkippedInline(el('code'))).toBe(false);
    expect(isSkippedInline(el('#p').firstChild!)).toBe(false);
  });

  it('keeps inline text that is hidden only because the whole body is, until a script shows it', () => {
    const hidden = parse(`<html><body><div style="visibility:hidden"><p>Roots in the 19<sup>th</sup>
      century, <a href="/x">said the report</a>, <span style="display:none">but not this</span>.</p></div></body></html>`);
    const q = (sel: string) => hidden.querySelector(sel)!;
    expect(isSkippedInline(q('sup'))).toBe(false);
    expect(isSkippedInline(q('a'))).toBe(false);
    // Hidden by itself, inside the hidden body: still skipped.
    expect(isSkippedInline(q('span'))).toBe(true);
  });
});
