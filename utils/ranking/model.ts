// The learned part of the ranker: two small linear models and the thresholds that turn a score
// into a support level. The weights are fitted by `eval/match.ts --fit` (logistic regression on the
// WiCE dev split, L2-regularised) and pasted here as constants, so shipping code never trains.

/** A logistic model: `sigmoid(bias + Σ w_i x_i)`. */
export interface LinearModel {
  bias: number;
  weights: readonly number[];
}

/** Names of the document-level features, in vector order. */
export const DOC_FEATURE_NAMES = ['best', 'second', 'docCov', 'ctxDoc'] as const;

/** Passage model over FEATURE_NAMES: P(passage is one that supports the sentence). */
export const PASSAGE_MODEL: LinearModel = {
  bias: -2.3179,
  // cov, bm25, covWin, winGain, neighbor, bigram, numMatch, numConflict, nameCov, ctxCov, ctxDoc,
  // docCov, logLen, short, lead, covSq
  weights: [
    3.9799, 2.6692, 4.4735, 0.4936, -2.0715, 1.1887, 1.1063, -0.0005, 0.3683, 0.5674, -0.2852,
    -2.4964, 0.1602, 0.1284, 1.0788, -0.7341,
  ],
};

/** Document model over DOC_FEATURE_NAMES: orders candidate sources for one sentence. */
export const DOC_MODEL: LinearModel = {
  bias: -5.8914,
  // best, second, docCov, ctxDoc
  weights: [1.151, 0.4912, 7.2476, 3.6157],
};

/** Linear score (log-odds) of a feature vector. */
export function linear(model: LinearModel, f: ArrayLike<number>): number {
  let s = model.bias;
  for (let i = 0; i < model.weights.length; i++) s += model.weights[i]! * (f[i] ?? 0);
  return s;
}

/** The logistic function, the model's calibration from log-odds to 0–1. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
