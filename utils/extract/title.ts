/**
 * Chooses a page's title among what it states (JSON-LD headline and name, OpenGraph, `<title>`,
 * the first `<h1>`) and trims the site name that `<title>` usually carries.
 */

export interface TitleCandidates {
  headline?: string;
  name?: string;
  og?: string;
  document?: string;
  h1?: string;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of `a`'s words that also appear in `b`. */
function overlap(a: string, b: string): number {
  const wa = words(a);
  if (!wa.size) return 0;
  const wb = words(b);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / wa.size;
}

/** Separators that, in a `<title>`, almost always come before the site's name. */
const SITE_SEPARATORS = [' | ', ' · ', ' :: ', ' » '];
/** Separators that also introduce subtitles ("Minecraft 1.8 - The Bountiful Update"). */
const DASHES = [' – ', ' — ', ' - '];

const condensed = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The distinctive label of a host name: `bbc` for www.bbc.co.uk, `wikipedia` for en.wikipedia.org. */
function hostLabel(host: string): string {
  const labels = host.toLowerCase().split('.').slice(0, -1);
  return labels.reduce((best, l) => (l.length > best.length ? l : best), '');
}

/** Whether `tail` names the site: its stated name, or text containing the host's label. */
function namesSite(tail: string, siteName: string, host: string): boolean {
  if (siteName && condensed(tail) === condensed(siteName)) return true;
  const label = hostLabel(host);
  return label.length >= 3 && condensed(tail).includes(label);
}

/**
 * Drops a trailing " | Site" part: any segment after a dash that names the site, or a short one
 * (at most four words, with at least three words before it) after a bar-like separator.
 */
export function stripSiteSuffix(title: string, siteName: string, host = ''): string {
  for (const sep of [...SITE_SEPARATORS, ...DASHES]) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const head = title.slice(0, at).trim();
    const tail = title.slice(at + sep.length).trim();
    const short = SITE_SEPARATORS.includes(sep) && words(tail).size <= 4 && words(head).size >= 3;
    if (short || namesSite(tail, siteName, host)) return head;
  }
  return title;
}

/**
 * The title to show: the structured-data headline when it agrees with what the page shows
 * (some sites put a description in `headline`), else OpenGraph, `<title>`, the headline, `<h1>`.
 */
export function chooseTitle(c: TitleCandidates, siteName: string, host = ''): string {
  const shown = [c.document, c.og, c.h1].filter((t): t is string => !!t);
  const agreed = [c.headline, c.name].find(
    (t) => t && (shown.length === 0 || shown.some((s) => overlap(t, s) >= 0.5)),
  );
  const raw = agreed ?? c.og ?? c.document ?? c.headline ?? c.h1 ?? siteName;
  return stripSiteSuffix(raw, siteName, host);
}
