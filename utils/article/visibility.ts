/**
 * Is an element shown to a sighted reader? In a live page the browser knows (layout and computed
 * style); in DOM-only environments (tests) we fall back to attributes and inline styles.
 */

type CheckVisibility = (opts?: {
  checkOpacity?: boolean;
  checkVisibilityCSS?: boolean;
  visibilityProperty?: boolean;
  opacityProperty?: boolean;
}) => boolean;

/** True when the element renders nothing: display:none, visibility:hidden, `hidden`, closed details. */
export function isHidden(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: CheckVisibility }).checkVisibility;
  if (typeof check === 'function' && hasLayout(el)) {
    return !check.call(el, { visibilityProperty: true, checkVisibilityCSS: true });
  }
  // Without layout: walk up, reading the `hidden` attribute and computed display.
  const view = el.ownerDocument.defaultView;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return true;
    const style = (e as HTMLElement).style;
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
    if (view && e === el) {
      const cs = view.getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
    }
  }
  return false;
}

let layoutKnown: boolean | undefined;

/**
 * Test DOMs (happy-dom) expose `checkVisibility` but compute no layout, so its answer is
 * meaningless there; a real browser gives `<body>` a non-zero box once it has any content.
 */
function hasLayout(el: Element): boolean {
  if (layoutKnown !== undefined) return layoutKnown;
  const nav = el.ownerDocument.defaultView?.navigator;
  layoutKnown = !/happy-?dom|jsdom/i.test(nav?.userAgent ?? '');
  return layoutKnown;
}

const SR_ONLY =
  /(^|[\s_-])(sr-only|srOnly|visually-hidden|visuallyhidden|screen-reader-text|screenreader|a11y-hidden|assistive-text|u-hidden-visually|element-invisible|offscreen)($|\s)/i;

/**
 * Text that only screen readers get: a class that says so, or the usual clip-to-1px pattern.
 * Such text ("Opens in a new window", "Advertisement") is not part of the sentence a reader sees.
 */
export function isScreenReaderOnly(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (cls && SR_ONLY.test(cls)) return true;
  const view = el.ownerDocument.defaultView;
  if (!view || !hasLayout(el)) return false;
  const cs = view.getComputedStyle(el);
  if (cs.position !== 'absolute' && cs.position !== 'fixed') return false;
  const clipped = cs.clip.startsWith('rect(0') || cs.clipPath === 'inset(50%)';
  const tiny = parseFloat(cs.width) <= 1 && parseFloat(cs.height) <= 1;
  return clipped || (tiny && cs.overflow === 'hidden');
}

const COLLAPSIBLE =
  /(^|[\s_-])(collapse|collapsed|collapsible|accordion|expandable|tab-?pane|tabpanel|toggle-content|spoiler)($|[\s_-])/i;

/**
 * Hidden only until the reader expands it: inside a closed `<details>`, a collapsed accordion
 * panel or an inactive tab. Such text is part of the article (the reader can open it), unlike
 * text hidden for good.
 */
export function isCollapsedSection(el: Element): boolean {
  let e: Element | null = el;
  for (let depth = 0; e && depth < 10; depth++, e = e.parentElement) {
    if (e.localName === 'details' || e.getAttribute('role') === 'tabpanel') return true;
    const cls = e.getAttribute('class');
    if (cls && COLLAPSIBLE.test(cls)) return true;
  }
  return false;
}
