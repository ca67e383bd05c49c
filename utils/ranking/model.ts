// The learned part of the ranker: two small linear models and the thresholds that turn a score
// into a support level. The weights are fitted by `eval/match.ts --fit` (logistic regression on the
// WiCE dev split, L2-regularised) and pasted here as constants, so shipping code never trains.

/** A logistic model: `sigmoid(bias + Σ w_i x_i)`. */
export interface LinearModel {
  bias: number;
  weights: readonly number[];
}

/** Names of the document-level features, in vector order. */
export const DOC_FEATURE_NAMES = [
  'best',
  'second',
  'docCov',
  'ctxDoc',
  'docBm25',
  'top3',
  'docNameCov',
  'docNumCov',
] as const;

/**
 * Passage model over FEATURE_NAMES: P(passage is one that supports the sentence). The page-level
 * features (ctxDoc, docCov, docBm25) are deliberately 0 here: they belong to DOC_MODEL.
 */
export const PASSAGE_MODEL: LinearModel = {
  bias: -4.5854,
  // cov, bm25, covWin, winGain, neighbor, bigram, numMatch, numConflict, nameCov, ctxCov, ctxDoc,
  // docCov, logLen, short, lead, covSq, heading, precision, docBm25
  weights: [
    3.1506, 0.8989, 3.6294, 0.4788, -2.3576, 0.7212, 1.1014, -0.0608, 0.3034, 0.6215, 0, 0, 0.3064,
    -0.2311, 2.8227, -0.3848, 0.3383, 1.9235, 0,
  ],
};

/** Document model over DOC_FEATURE_NAMES: orders candidate sources for one sentence. */
export const DOC_MODEL: LinearModel = {
  bias: -4.5946,
  // best, second, docCov, ctxDoc, docBm25
  weights: [1.0189, 0.2716, -0.551, 3.1846, 5.5778],
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
