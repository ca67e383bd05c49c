/**
 * General, site-independent signals that an element is page chrome rather than article body:
 * its tag, its ARIA role, and words in its class and id. No rule here names a particular site.
 */

/** Elements whose whole subtree is never body text. */
export const NEVER_BODY_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'img',
  'picture',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'label',
  'dialog',
  'menu',
  'nav',
  'aside',
  'footer',
  'figure',
  'figcaption',
  'pre',
  'code',
  'kbd',
  'samp',
  'head',
  'title',
  'link',
  'meta',
]);

/** Roles that mark landmarks and widgets which are never body text. */
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'dialog',
  'alertdialog',
  'search',
  'menu',
  'menubar',
  'tablist',
  'toolbar',
  'button',
  'form',
  'figure',
  'img',
  'doc-footnotes',
  'doc-endnotes',
]);

/** Tags that flow inside a paragraph; everything else is treated as block-level. */
export const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'mark',
  'nobr',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  // Never text themselves, but they sit inside paragraphs without breaking them.
  'img',
  'picture',
  'svg',
  'button',
  'input',
  'label',
  'select',
  'textarea',
  'code',
  'kbd',
  'samp',
  'math',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
]);

/** Tags that may hold the body but carry no text of their own in a normal article. */
export const STRUCTURAL_KEEP = new Set(['html', 'body', 'main', 'article']);

/**
 * Words that, as a whole token of a class or id (split on `-`, `_`, spaces and camelCase),
 * say "this is not the body". Matched per token so that `shared-content` does not hit `share`.
 */
const NEGATIVE_TOKENS = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'promo',
  'promoted',
  'promotion',
  'banner',
  'comment',
  'comments',
  'commentlist',
  'discussion',
  'disqus',
  'replies',
  'reply',
  'respond',
  'share',
  'sharing',
  'shares',
  'sharebar',
  'social',
  'socials',
  'sociallinks',
  'related',
  'recommended',
  'recommendations',
  'recommendation',
  'outbrain',
  'taboola',
  'newsletter',
  'subscribe',
  'subscription',
  'signup',
  'paywall',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'pagination',
  'pager',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'footer',
  'masthead',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'popup',
  'modal',
  'dialog',
  'login',
  'signin',
  'register',
  'registration',
  'overlay',
  'toolbar',
  'byline',
  'bylines',
  'author',
  'authors',
  'dateline',
  'timestamp',
  'published',
  'caption',
  'captions',
  'legend',
  'legends',
  'gallery',
  'slideshow',
  'carousel',
  'credit',
  'credits',
  'tags',
  'taglist',
  'tagcloud',
  'date',
  'dates',
  'datetime',
  'pubdate',
  'posted',
  'postmeta',
  'entrymeta',
  'keywords',
  'topics',
  'rating',
  'rate',
  'tweet',
  'twitter',
  'facebook',
  'instagram',
  'embed',
  'skip',
  'sronly',
  'srt',
  'offscreen',
  'visuallyhidden',
  'screenreader',
  'readmore',
  'readalso',
  'seealso',
  'also',
  'trending',
  'popular',
  'mostread',
  'infobox',
  // A box of facts or a short story of its own set into the article ("mol-factbox", "fact-box").
  'factbox',
  'toc',
  'footnotes',
  'references',
  'meta',
  'metadata',
  'header',
  'jump',
  'bio',
  'profile',
]);

/**
 * Tokens that say "this is the body"; they outweigh negatives on the same element. Only specific
 * compounds: generic words like "content" also appear in "related-content".
 */
const POSITIVE_TOKENS = new Set([
  'articlebody',
  'storybody',
  'postbody',
  'entrycontent',
  'postcontent',
  'articlecontent',
  'storycontent',
  'bodytext',
  'articletext',
  'storytext',
  'richtext',
  'prose',
]);

const tokenCache = new Map<string, string[]>();

/**
 * Split a class/id string into lower-case word tokens, plus joined neighbour pairs. Words found
 * only by splitting camelCase count when at least 5 letters long: "tagStyle" must not say "tag".
 */
export function tokens(value: string): string[] {
  const hit = tokenCache.get(value);
  if (hit) return hit;
  const out: string[] = [];
  for (const word of value.split(/[^A-Za-z0-9]+/)) {
    if (!word) continue;
    const lower = word.toLowerCase();
    out.push(lower);
    const camel = word
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(' ');
    if (camel.length > 1) {
      for (const c of camel) if (c.length >= 5) out.push(c);
      for (let i = 0; i + 1 < camel.length; i++) out.push(camel[i]! + camel[i + 1]!);
    }
  }
  // "article-body" and "share-bar" also count as the joined word ("articlebody", "sharebar").
  const parts = value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (let i = 0; i + 1 < parts.length; i++) out.push(parts[i]! + parts[i + 1]!);
  if (tokenCache.size > 5000) tokenCache.clear();
  tokenCache.set(value, out);
  return out;
}

/** Atomic-CSS class names ("Mstart(82px)--modalMinWidth", "md:text-2xl") describe looks, not roles. */
const ATOMIC = /[():!@[\]]/;

function nameOf(el: Element): string {
  let cls = el.getAttribute('class') ?? '';
  if (ATOMIC.test(cls)) {
    cls = cls
      .split(/\s+/)
      .filter((c) => !ATOMIC.test(c))
      .join(' ');
  }
  const id = el.getAttribute('id') ?? '';
  return id ? `${cls} ${id}` : cls;
}

/**
 * Chrome words no wrapper of a story is named by: a photo gallery's slides and their legends.
 * Elsewhere a chrome-named element that holds most of the article is taken for a wrapper with an
 * odd name ("read-more-content"); one of these words is chrome however much text it holds (fifty
 * photo legends can outweigh the story they illustrate).
 */
const ALWAYS_CHROME_TOKENS = new Set(['legend', 'legends', 'gallery', 'slideshow', 'carousel']);

/**
 * The class/id verdict on one element: -1 chrome, +1 body, 0 nothing said, -2 chrome whatever it
 * holds (see ALWAYS_CHROME_TOKENS). A positive word beats a negative one on the same element
 * ("article-body has-share" is body).
 */
export function classSignal(el: Element): -2 | -1 | 0 | 1 {
  const name = nameOf(el);
  if (!name) return 0;
  let negative: -2 | -1 | 0 = 0;
  for (const t of tokens(name)) {
    if (POSITIVE_TOKENS.has(t)) return 1;
    if (ALWAYS_CHROME_TOKENS.has(t)) negative = -2;
    else if (negative === 0 && NEGATIVE_TOKENS.has(t)) negative = -1;
  }
  return negative;
}

/** The chrome words in the element's class and id (none when a body word is there too). */
export function negativeTokens(el: Element): string[] {
  const name = nameOf(el);
  if (!name) return [];
  const ts = tokens(name);
  if (ts.some((t) => POSITIVE_TOKENS.has(t))) return [];
  return ts.filter((t) => NEGATIVE_TOKENS.has(t));
}

/** True when the element's role or attributes mark it as chrome, whatever its tag. */
export function isChromeByRole(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return !isAccordionTablist(el, role);
  if (el.hasAttribute('hidden')) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return false;
}

/**
 * A tab list holds only its tabs; the panels sit beside it. Accordions often put `role="tablist"`
 * on the element that wraps headings and panels alike: such a "tablist" holds the text.
 */
function isAccordionTablist(el: Element, role: string): boolean {
  return role === 'tablist' && el.querySelector('[role="tabpanel"]') !== null;
}

/** True for elements whose subtree is never body text, by tag, role or attributes alone. */
export function isNeverBody(el: Element): boolean {
  const name = el.localName;
  if (NEVER_BODY_TAGS.has(name)) return !isWrapperException(el);
  if (name === 'form') return !formIsPageWrapper(el);
  return isChromeByRole(el);
}

/**
 * Tags that are chrome in a normal page but are sometimes (mis)used as wrappers: a `<header>`
 * around the whole page, a `<figure>` around a data table. Such elements stay containers.
 */
const WRAPPER_EXCEPTIONS: Record<string, string> = {
  header: 'article, main, [role="main"]',
  footer: 'article, main, [role="main"]',
  figure: 'table',
};

const CODE_CLASS =
  /code|highlight|lang-|language|syntax|source|prettyprint|hljs|brush|shell|console/i;
const CODE_CHARS = /[{}();=<>[\]$|]/g;

/**
 * Is a `<pre>` a code block? Preformatted prose (plain-text RFCs, poems) is body text; code is
 * not. Code has a `<code>` inside, a class that says so, or a high density of code punctuation.
 */
export function isCodeBlock(pre: Element): boolean {
  if (pre.querySelector('code, kbd, samp')) return true;
  if (CODE_CLASS.test(pre.getAttribute('class') ?? '')) return true;
  const text = (pre.textContent ?? '').slice(0, 4000);
  if (text.length < 40) return true;
  return (text.match(CODE_CHARS)?.length ?? 0) > 0.02 * text.length;
}

/** True when a chrome tag holds what must not be cut with it (see WRAPPER_EXCEPTIONS). */
export function isWrapperException(el: Element): boolean {
  if (el.localName === 'pre') return !isCodeBlock(el);
  const sel = WRAPPER_EXCEPTIONS[el.localName];
  return sel !== undefined && el.querySelector(sel) !== null;
}

/**
 * Some frameworks wrap the whole page in one `<form>`; such a form is a container, not a form.
 * A form holding several paragraphs is taken to be such a wrapper. The form's own messages do
 * not count: a sign-up form can hold a dozen validation lines, each a `<p role="alert">`
 * (trafilatura-dev 4560cb7a1ad8, whose registration modal was marked as the article).
 */
function formIsPageWrapper(form: Element): boolean {
  let paragraphs = 0;
  for (const p of form.getElementsByTagName('p')) {
    if (isFormMessage(p)) continue;
    if (++paragraphs >= 3) return true;
  }
  return false;
}

/** A form's message to the one filling it in: a validation error or a status line. */
function isFormMessage(p: Element): boolean {
  const role = p.getAttribute('role');
  if (role === 'alert' || role === 'status') return true;
  const name = nameOf(p);
  return name !== '' && tokens(name).some((t) => t === 'error' || t === 'errors');
}

const AD_TOKENS = new Set([
  'ad',
  'ads',
  'adv',
  'advert',
  'advertisement',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'promo',
  'share',
  'sharing',
  'social',
  'newsletter',
]);

/** An ad slot or share widget, by class/id words: skipped even when it sits inside a sentence. */
export function isAdLike(el: Element): boolean {
  const name = nameOf(el);
  if (!name) return false;
  return tokens(name).some((t) => AD_TOKENS.has(t));
}
