// The learned part of the ranker: two small linear models and the thresholds that turn a score
// into a support level. The weights are fitted by `eval/match.ts --fit` (logistic regression on the
// WiCE dev split, L2-regularised) and pasted here as constants, so shipping code never trains.

/** A logistic model: `sigmoid(bias + Σ w_i x_i)`. */
export interface LinearModel {
  bias: number;
  weights: readonly number[];
}

/** Names of the document-level features, in vector order. */
export const DOC_FEATURE_NAMES = ['best', 'second', 'docCov', 'ctxDoc', 'docBm25'] as const;

/**
 * Passage model over FEATURE_NAMES: P(passage is one that supports the sentence). The page-level
 * features (ctxDoc, docCov, docBm25) are deliberately 0 here: they belong to DOC_MODEL.
 */
export const PASSAGE_MODEL: LinearModel = {
  bias: -4.3467,
  // cov, bm25, covWin, winGain, neighbor, bigram, numMatch, numConflict, nameCov, ctxCov, ctxDoc,
  // docCov, logLen, short, lead, covSq, heading, precision, docBm25
  weights: [
    3.1492, 0.74, 3.6351, 0.4858, -2.2376, 0.6472, 1.144, -0.0384, 0.2836, 0.6016, 0, 0, 0.3185,
    -0.0715, 1.4816, -0.2778, -0.5153, 1.9201, 0,
  ],
};

/** Document model over DOC_FEATURE_NAMES: orders candidate sources for one sentence. */
export const DOC_MODEL: LinearModel = {
  bias: -4.5087,
  // best, second, docCov, ctxDoc, docBm25
  weights: [1.0384, 0.2613, -0.7173, 3.1788, 5.6193],
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
