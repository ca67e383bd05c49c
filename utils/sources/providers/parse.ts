/** Small, total readers for untyped JSON answers and snippets. */

/** Whether `v` is a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` if it is a non-empty string, else undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** `v` if it is an array, else an empty one. */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Plain text of an HTML snippet: tags dropped, common entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code =
          e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000
          ? String.fromCodePoint(code)
          : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** An http(s) URL, resolved against `base` when relative; undefined otherwise. */
export function httpUrl(v: unknown, base?: string): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** An ISO 8601 date from a parseable date string, undefined otherwise. */
export function isoDate(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  // GDELT's compact form: 20240131T120000Z.
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  const t = compact
    ? Date.UTC(
        +compact[1]!,
        +compact[2]! - 1,
        +compact[3]!,
        +compact[4]!,
        +compact[5]!,
        +compact[6]!,
      )
    : Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** Drops undefined fields, so optional properties stay absent under exactOptionalPropertyTypes. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The endpoint without a trailing slash, or undefined when it is not an http(s) URL. */
export function baseUrl(endpoint: string | undefined, fallback?: string): string | undefined {
  const u = httpUrl(endpoint ?? fallback);
  return u?.replace(/\/+$/, '');
}
