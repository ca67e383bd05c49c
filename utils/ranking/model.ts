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
  'titleDoc',
] as const;

/**
 * Passage model over FEATURE_NAMES: P(passage is one that supports the sentence). The page-level
 * features (ctxDoc, docCov, docBm25, titleDoc) are deliberately 0 here: they belong to DOC_MODEL.
 */
export const PASSAGE_MODEL: LinearModel = {
  bias: -4.5252,
  // cov, bm25, covWin, winGain, neighbor, bigram, numMatch, numConflict, nameCov, ctxCov, ctxDoc,
  // docCov, logLen, short, lead, covSq, heading, precision, docBm25, first, docNameCov, docNumCov,
  // prefixCov, titleDoc
  weights: [
    1.7878, 0.2484, 2.7794, 0.9916, -2.2147, 0.3671, 1.2103, -0.0166, 0.333, 0.6003, 0, 0, 0.2559,
    -0.2366, 2.8757, -0.8417, 0.3116, 1.934, 0, 0.0915, 0, 0, 3.5525, 0,
  ],
};

/** Document model over DOC_FEATURE_NAMES: orders candidate sources for one sentence. */
export const DOC_MODEL: LinearModel = {
  bias: -4.514,
  // best, second, docCov, ctxDoc, docBm25, top3, docNameCov, docNumCov, titleDoc
  weights: [0.7309, 0.562, -0.7723, 1.2141, 4.029, 0.0396, 0.4656, -0.5825, 3.4302],
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
