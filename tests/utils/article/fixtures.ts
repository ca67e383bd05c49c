/**
 * Small hand-written article pages for the article finder's tests. Each page has the body text
 * we expect and, around it, one kind of chrome that must be left out.
 */
import { findArticle } from '../../../utils/article/index';

/** Body paragraphs long enough to look like prose. */
export const P1 =
  'The city council voted on Tuesday to expand the night bus network, adding four routes that will run until three in the morning from next spring.';
export const P2 =
  'Officials said the plan would cost about two million a year, paid for by a small rise in parking fees in the centre, which traders have opposed.';
export const P3 =
  'A final decision on the timetable is expected in March, after a public consultation that opens next week and runs for six weeks.';

const nav = `<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>`;

/** Wrap body HTML in a page with a site header, navigation and footer. */
export function page(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><title>Night buses | Example News</title>${head}</head><body>
<header class="site-header"><a href="/" class="logo">Example News</a>${nav}</header>
<main>${body}</main>
<footer><p>Example News Ltd, 1 Road Street. All rights reserved. Contact us for licensing and syndication requests.</p><a href="/privacy">Privacy</a></footer>
</body></html>`;
}

/** The canonical clean article: headline, byline, three paragraphs. */
export const BASIC = page(`<article>
  <h1>Night buses to run until 3am</h1>
  <p class="byline">By Jane Reporter</p>
  <p>${P1}</p><p>${P2}</p><p>${P3}</p>
</article>`);

/** One page per exclusion rule: the chrome's text must not be in the blocks. */
export const EXCLUSIONS: Record<string, { html: string; chrome: string }> = {
  aside: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><aside><p>Pull quote: the plan would cost about two million a year, officials said today.</p></aside><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'Pull quote',
  },
  related: {
    html: page(`<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p>
      <div class="related-articles"><h2>Related stories</h2><ul><li><a href="/a">Trams to get new livery in the summer</a></li><li><a href="/b">Cycle lanes extended across the river crossing</a></li></ul></div></article>`),
    chrome: 'Related stories',
  },
  share: {
    html: page(
      `<article><h1>Night buses</h1><div class="share-bar"><span>Share this story with your friends and family today</span></div><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'Share this story',
  },
  comments: {
    html: page(`<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>
      <section id="comments"><h2>Comments</h2><p>I think this is a wonderful idea and I hope they add more routes in the north of the city soon.</p></section>`),
    chrome: 'wonderful idea',
  },
  factbox: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><div class="art-ins mol-factbox floatRHS"><h3 class="mol-factbox-title">Depot staff to get a pay rise</h3><div class="mol-factbox-body"><p>Drivers and cleaners at the city's two bus depots will get a four per cent rise from April, the operator said after talks with the union on Friday.</p></div></div><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'Drivers and cleaners',
  },
  cookie: {
    html: page(
      `<div class="cookie-banner"><p>We use cookies to improve your experience on our site and to show you relevant advertising.</p></div><article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'We use cookies',
  },
  figure: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><figure><img src="bus.jpg" alt=""><figcaption>A night bus waits at the depot on the edge of town before its first run.</figcaption></figure><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'waits at the depot',
  },
  gallery: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><div class="type-gallery"><ul class="legends"><li><h2><span class="counter">1/3</span> The depot</h2><p>The new depot opened last year on the site of the old gasworks, and it can hold forty buses overnight.</p></li><li><h2><span class="counter">2/3</span> The drivers</h2><p>Drivers on the night routes volunteered for the shifts, the union said, and will be paid extra.</p></li></ul></div><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'gasworks',
  },
  form: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><form><label>Sign up to our newsletter for the latest transport news every morning</label><input name="email"></form><p>${P3}</p></article>`,
    ),
    chrome: 'Sign up',
  },
  'form messages': {
    // A sign-up form whose validation lines are paragraphs: still a form, not a page wrapper.
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p><form><h2>Create an account</h2><p class="form-field-error error-item" role="alert"><span>Please enter your display name before you continue with the registration.</span></p><p class="form-field-error error-item" role="alert"><span>This e-mail address is already registered with us, please log in instead.</span></p><p class="form-field-error error-item" role="alert"><span>The password must be at least eight characters long and contain a number.</span></p><input name="email"><input name="password" type="password"></form></article>`,
    ),
    chrome: 'already registered',
  },
  code: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><pre><code>const routes = fetchRoutes({ night: true, until: "03:00" });</code></pre><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'fetchRoutes',
  },
  contenteditable: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><div contenteditable="true"><p>Write your own response to this article here and we may publish it.</p></div><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'Write your own',
  },
  hidden: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><p hidden>This paragraph is hidden from readers and must not be treated as body text.</p><p style="display:none">Neither must this one, which a stylesheet rule hides from view.</p><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'hidden from readers',
  },
  byline: {
    html: page(
      `<article><h1>Night buses</h1><div class="article-meta"><span class="author">By Jane Reporter, Transport Correspondent</span></div><p class="dateline"><time datetime="2024-03-02">2 March 2024</time></p><p>${P1}</p><p>${P2}</p><p>${P3}</p></article>`,
    ),
    chrome: 'Transport Correspondent',
  },
  navigation: {
    html: page(
      `<article><h1>Night buses</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article><div role="navigation"><p>Previous article: the new tram depot opens its doors to visitors this weekend</p></div>`,
    ),
    chrome: 'Previous article',
  },
};

/** The text of each block the article finder keeps in `html`, whitespace collapsed. */
export function bodyTexts(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const article = findArticle(doc);
  if (!article) throw new Error('no article found');
  return article.blocks.map((b) => (b.element.textContent ?? '').replace(/\s+/g, ' ').trim());
}
