/** Order statistics for the evaluation and bench reports (nearest-rank, no interpolation). */

/** The q-quantile (0..1) of an ascending array; NaN when empty. */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;

/** Ascending copy without nulls and NaNs. */
export const ascending = (xs: readonly (number | null | undefined)[]): number[] =>
  xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);

/** Median, p95 and max of the finite values in `xs`, with their count. */
export function summary(xs: readonly (number | null | undefined)[]): {
  n: number;
  median: number;
  p95: number;
  max: number;
} {
  const s = ascending(xs);
  return { n: s.length, median: quantile(s, 0.5), p95: quantile(s, 0.95), max: s.at(-1) ?? NaN };
}
