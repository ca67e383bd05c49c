// Fitting the ranker's linear models (offline, by eval/match.ts --fit): L2-regularised logistic
// regression by Newton's method. Small and deterministic; never called by the extension.

import type { LinearModel } from './model';

/** Solves A x = b for a small dense symmetric positive-definite A (Gaussian elimination). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const piv = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const k = m[r]![c]! / piv;
      if (!k) continue;
      for (let j = c; j <= n; j++) m[r]![j]! -= k * m[c]![j]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i] || 1e-12));
}

/** Options of `fitLogistic`. */
export interface FitOptions {
  /** L2 penalty on the weights (not the bias). */
  lambda?: number;
  iterations?: number;
  /** Per-row weights (e.g. to balance queries with many candidates). */
  rowWeights?: number[];
  /** Features to use; the others get weight 0 (ablation). */
  mask?: boolean[];
}

/** Fits `P(y=1|x) = sigmoid(bias + w·x)` to rows `x` with labels `y` in {0,1}. */
export function fitLogistic(
  x: ArrayLike<number>[],
  y: number[],
  opts: FitOptions = {},
): LinearModel {
  const d = x[0]?.length ?? 0;
  const lambda = opts.lambda ?? 1;
  const mask = opts.mask ?? new Array<boolean>(d).fill(true);
  const cols = [...Array(d).keys()].filter((j) => mask[j]);
  const k = cols.length + 1; // + bias
  let w = new Array<number>(k).fill(0);
  for (let it = 0; it < (opts.iterations ?? 30); it++) {
    const g = new Array<number>(k).fill(0);
    const h = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let r = 0; r < x.length; r++) {
      const row = x[r]!;
      const v = [1, ...cols.map((j) => row[j]!)];
      let z = 0;
      for (let i = 0; i < k; i++) z += w[i]! * v[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const rw = opts.rowWeights?.[r] ?? 1;
      const err = (y[r]! - p) * rw;
      const s = p * (1 - p) * rw;
      for (let i = 0; i < k; i++) {
        g[i]! += err * v[i]!;
        if (!v[i]) continue;
        const hi = h[i]!;
        for (let j = i; j < k; j++) hi[j]! += s * v[i]! * v[j]!;
      }
    }
    for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) h[i]![j] = h[j]![i]!;
    for (let i = 1; i < k; i++) {
      g[i]! -= lambda * w[i]!;
      h[i]![i]! += lambda;
    }
    h[0]![0]! += 1e-6;
    const step = solve(h, g);
    w = w.map((wi, i) => wi + step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  const weights = new Array<number>(d).fill(0);
  cols.forEach((j, i) => (weights[j] = w[i + 1]!));
  return { bias: w[0]!, weights };
}

/** One query's candidates for listwise fitting. */
export interface Group {
  x: ArrayLike<number>[];
  /** 1 for candidates that support the query. */
  y: number[];
}

/**
 * Fits ranking weights with a listwise (softmax) loss: maximises, per query, the probability mass
 * the softmax over its candidates puts on the supporting ones. Optimises the order within a
 * query only, so the result has no bias and needs calibrating. Plain gradient ascent with
 * Adam-style steps; deterministic.
 */
export function fitListwise(groups: Group[], opts: FitOptions = {}): LinearModel {
  const d = groups.find((g) => g.x.length)?.x[0]?.length ?? 0;
  const lambda = opts.lambda ?? 1;
  const mask = opts.mask ?? new Array<boolean>(d).fill(true);
  const w = new Array<number>(d).fill(0);
  const m1 = new Array<number>(d).fill(0);
  const m2 = new Array<number>(d).fill(0);
  const iters = opts.iterations ?? 400;
  const rate = 0.05;
  for (let it = 1; it <= iters; it++) {
    const g = w.map((wi) => -lambda * wi);
    for (const grp of groups) {
      if (!grp.y.some((v) => v)) continue;
      const s = grp.x.map((row) => {
        let z = 0;
        for (let j = 0; j < d; j++) if (mask[j]) z += w[j]! * row[j]!;
        return z;
      });
      const mx = Math.max(...s);
      const e = s.map((z) => Math.exp(z - mx));
      const zAll = e.reduce((a, b) => a + b, 0);
      const zPos = e.reduce((a, b, i) => a + (grp.y[i] ? b : 0), 0);
      grp.x.forEach((row, i) => {
        const coef = (grp.y[i] ? e[i]! / zPos : 0) - e[i]! / zAll;
        if (!coef) return;
        for (let j = 0; j < d; j++) if (mask[j]) g[j]! += coef * row[j]!;
      });
    }
    for (let j = 0; j < d; j++) {
      if (!mask[j]) continue;
      m1[j] = 0.9 * m1[j]! + 0.1 * g[j]!;
      m2[j] = 0.999 * m2[j]! + 0.001 * g[j]! * g[j]!;
      const mh = m1[j]! / (1 - 0.9 ** it);
      const vh = m2[j]! / (1 - 0.999 ** it);
      w[j]! += (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { bias: 0, weights: w };
}
