/** Dates shown on source cards: relative for reading, absolute for the tooltip title. */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** A date in two forms: "3 days ago" and "12 March 2024". */
export interface FormattedDate {
  relative: string;
  absolute: string;
  /** The parsed date as ISO 8601, for a <time datetime>. */
  iso: string;
}

/**
 * Formats an ISO 8601 date relative to `now`, or returns `undefined` when it does not parse.
 * Sub-minute differences read as "now" because sources are never that fresh in practice.
 */
export function formatDate(
  iso: string | undefined,
  now: Date = new Date(),
  locale = 'en',
): FormattedDate | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  const seconds = (time - now.getTime()) / 1000;
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let relative = rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (abs >= size) {
      relative = rtf.format(Math.trunc(seconds / size), unit);
      break;
    }
  }
  // A date-only ISO string ("2024-03-12") means that calendar day, so show it in UTC to avoid
  // slipping to the previous day west of Greenwich.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso.trim());
  const absolute = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    ...(dateOnly ? { timeZone: 'UTC' } : { timeStyle: 'short' }),
  }).format(date);
  return { relative, absolute, iso: date.toISOString() };
}
