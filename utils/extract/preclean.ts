/**
 * Drops what can never be article text from the HTML string before it is parsed: comments,
 * scripts (except JSON-LD metadata), styles, inline SVG, noscript fallbacks, frames and form
 * controls. On news pages these are often most of
 * the bytes, and every node linkedom does not build is one Readability does not walk.
 *
 * One left-to-right pass, so whichever construct opens first wins, as in the HTML tokenizer
 * (a script ends at the first `</script`, whatever its JavaScript says). It does what the regular
 * expression
 *   /<!--[\s\S]*?-->|<(script|style|svg|template|noscript|iframe|select|textarea)\b([^>]*)>
 *    [\s\S]*?<\/\1\s*>|<\/?(?:script|style|svg)\b[^>]*>/gi
 * does, but in linear time: that expression searches to the end of the page again at every
 * `<!--`, `<script` or unterminated tag that has no end, so a hostile page of 200 kB of
 * `<script a=b` took 25 s. Here each "where is the next `-->` / `>` / `</script>`" is searched
 * once and remembered until the scan passes it.
 */

/** Elements dropped with their content, when they are closed. */
const DROPPED = new Set([
  'script',
  'style',
  'svg',
  'template',
  'noscript',
  'iframe',
  'select',
  'textarea',
]);
/** Tags dropped on their own (stray or unclosed), keeping what follows. */
const STRAY = new Set(['script', 'style', 'svg']);

const TAG_AT = /<(\/?)([a-z]+)\b/iy;

/** Remembers the next occurrence of each needle, so no stretch of the page is searched twice. */
class NextFinder {
  private readonly memo = new Map<string, { from: number; at: number; end: number }>();
  constructor(private readonly html: string) {}

  private cached(key: string, pos: number, search: () => { at: number; end: number }) {
    const hit = this.memo.get(key);
    if (hit && pos >= hit.from && (hit.at === -1 || pos <= hit.at)) return hit;
    const found = { from: pos, ...search() };
    this.memo.set(key, found);
    return found;
  }

  /** Index of the first `needle` at or after `pos`, or -1. */
  literal(needle: string, pos: number): number {
    return this.cached(needle, pos, () => ({ at: this.html.indexOf(needle, pos), end: 0 })).at;
  }

  /** End index of the first `</tag\s*>` (any case) at or after `pos`, or -1. */
  closing(tag: string, pos: number): number {
    return this.cached(`</${tag}`, pos, () => {
      const re = new RegExp(`</${tag}\\s*>`, 'gi');
      re.lastIndex = pos;
      const m = re.exec(this.html);
      return m ? { at: m.index, end: m.index + m[0].length } : { at: -1, end: -1 };
    }).end;
  }
}

/** End of the construct that starts at `at` and should go, or -1; `keep` for JSON-LD. */
function constructAt(html: string, at: number, find: NextFinder): { end: number; keep: boolean } {
  if (html.startsWith('<!--', at)) {
    const close = find.literal('-->', at + 4);
    if (close !== -1) return { end: close + 3, keep: false };
  }
  TAG_AT.lastIndex = at;
  const m = TAG_AT.exec(html);
  if (!m) return { end: -1, keep: false };
  const closingTag = m[1] === '/';
  const tag = m[2]!.toLowerCase();
  if (!DROPPED.has(tag)) return { end: -1, keep: false };
  const afterName = at + m[0].length;
  const gt = find.literal('>', afterName);
  if (gt === -1) return { end: -1, keep: false };
  if (!closingTag) {
    const end = find.closing(tag, gt + 1);
    if (end !== -1) {
      const keep = tag === 'script' && /application\/ld\+json/i.test(html.slice(afterName, gt));
      return { end, keep };
    }
  }
  return STRAY.has(tag) ? { end: gt + 1, keep: false } : { end: -1, keep: false };
}

/** `html` without the constructs above; JSON-LD scripts are kept for the metadata. */
export function precleanHtml(html: string): string {
  const find = new NextFinder(html);
  const out: string[] = [];
  let copied = 0;
  let at = html.indexOf('<');
  while (at !== -1) {
    const { end, keep } = constructAt(html, at, find);
    if (end === -1) {
      at = html.indexOf('<', at + 1);
      continue;
    }
    if (!keep) {
      out.push(html.slice(copied, at));
      copied = end;
    }
    at = html.indexOf('<', end);
  }
  out.push(html.slice(copied));
  return out.join('');
}
