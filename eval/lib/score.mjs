// Per-page scores and the printed report of eval:extract.
import {
  htmlToBlocks,
  macroPrf,
  prf,
  segmentCounts,
  sentenceCounts,
  shingleCounts,
  spread,
  textToBlocks,
} from './metrics.mjs';

/** Score one page's result against its expected file. */
export function scorePage(page, result, segmenter) {
  const articleBody = result.sentences.join('\n');
  const exp = page.expected;
  if (exp.kind === 'json') {
    const seg = segmentCounts(exp, articleBody);
    return {
      kind: 'segments',
      seg,
      summary: { tp: seg.tp, fp: seg.fp, fn: seg.fn, missed: seg.missed, wrong: seg.wrong },
    };
  }
  const blocks = exp.kind === 'html' ? htmlToBlocks(exp.text) : textToBlocks(exp.text);
  const expectedSentences = blocks.flatMap((b) => segmenter.split(b));
  const sent = sentenceCounts(expectedSentences, result.sentences);
  const sh = shingleCounts(blocks.join('\n'), articleBody);
  const shF1 = prf(sh).f1;
  return {
    kind: 'text',
    sent,
    sh,
    summary: {
      sentences: sent,
      shingleF1: round(shF1),
      expectedSentences: expectedSentences.length,
    },
  };
}

const round = (x, d = 3) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/**
 * Print the figures and return them as a flat object (`<group>.<metric>.<p|r|f1>`) for the
 * floors check.
 */
export function report(results, pages, scored, worstN) {
  const figures = {};
  const states = {};
  for (const [, r] of results) states[r.state] = (states[r.state] ?? 0) + 1;
  console.log(
    `\npages processed: ${results.length}; scored: ${scored.length}; states: ${JSON.stringify(states)}`,
  );

  const groups = new Map([['all', scored]]);
  const named = [...new Set(scored.map((s) => s.page.group).filter(Boolean))].sort();
  for (const g of named)
    groups.set(
      g,
      scored.filter((s) => s.page.group === g),
    );

  for (const [g, items] of groups) {
    const text = items.filter((s) => s.score.kind === 'text');
    const segs = items.filter((s) => s.score.kind === 'segments');
    if (text.length) {
      const sum = { tp: 0, fp: 0, fn: 0 };
      for (const s of text) for (const k of ['tp', 'fp', 'fn']) sum[k] += s.score.sent[k];
      const sp = prf(sum);
      const sh = macroPrf(text.map((s) => s.score.sh));
      console.log(
        `[${g}] ${text.length} pages  sentences P ${f3(sp.p)} R ${f3(sp.r)} F1 ${f3(sp.f1)} (TP ${sum.tp} FP ${sum.fp} FN ${sum.fn})  shingles P ${f3(sh.p)} R ${f3(sh.r)} F1 ${f3(sh.f1)}`,
      );
      Object.assign(figures, {
        [`${g}.sentences.p`]: sp.p,
        [`${g}.sentences.r`]: sp.r,
        [`${g}.sentences.f1`]: sp.f1,
        [`${g}.shingles.p`]: sh.p,
        [`${g}.shingles.r`]: sh.r,
        [`${g}.shingles.f1`]: sh.f1,
      });
    }
    if (segs.length) {
      const sum = { tp: 0, fp: 0, fn: 0 };
      for (const s of segs) for (const k of ['tp', 'fp', 'fn']) sum[k] += s.score.seg[k];
      const sp = prf(sum);
      console.log(
        `[${g}] ${segs.length} pages  segments (trafilatura rule) P ${f3(sp.p)} R ${f3(sp.r)} F1 ${f3(sp.f1)} (TP ${sum.tp} FP ${sum.fp} FN ${sum.fn})`,
      );
      Object.assign(figures, {
        [`${g}.segments.p`]: sp.p,
        [`${g}.segments.r`]: sp.r,
        [`${g}.segments.f1`]: sp.f1,
      });
    }
  }

  const all = results.map(([, r]) => r);
  const w = spread(all.map((r) => r.workMs));
  const l = spread(all.map((r) => r.longestSliceMs));
  console.log(`workMs         median ${ms(w.median)}  p95 ${ms(w.p95)}  max ${ms(w.max)}`);
  console.log(`longestSliceMs median ${ms(l.median)}  p95 ${ms(l.p95)}  max ${ms(l.max)}`);
  const st = spread(all.map((r) => r.longestStepMs));
  if (Number.isFinite(st.max))
    console.log(`longestStepMs  median ${ms(st.median)}  p95 ${ms(st.p95)}  max ${ms(st.max)}`);
  const slowest = results
    .filter(([, r]) => Number.isFinite(r.longestSliceMs))
    .sort((a, b) => b[1].longestSliceMs - a[1].longestSliceMs)
    .slice(0, 3)
    .map(([n, r]) => `${n} ${ms(r.longestSliceMs)}`);
  if (slowest.length) console.log(`longest slices: ${slowest.join(', ')}`);
  const failed = results.filter(([, r]) => !['done', 'not-article', 'matching'].includes(r.state));
  if (failed.length)
    console.log(
      `not finished: ${failed.map(([n, r]) => `${n} (${r.state}${r.error ? `: ${r.error}` : ''})`).join('; ')}`,
    );

  if (worstN > 0 && scored.length) {
    const loss = (s) =>
      s.score.kind === 'segments' ? s.score.seg.fp + s.score.seg.fn : 1 - prf(s.score.sh).f1;
    const worst = [...scored].sort((a, b) => loss(b) - loss(a)).slice(0, worstN);
    console.log(`\nworst ${worst.length} pages:`);
    for (const s of worst) {
      const r = s.result;
      if (s.score.kind === 'segments') {
        const { missed, wrong } = s.score.seg;
        console.log(
          `  ${s.page.name} [${r.state}] missed ${JSON.stringify(missed)} wrongly found ${JSON.stringify(wrong)}`,
        );
      } else {
        const c = prf(s.score.sh);
        console.log(
          `  ${s.page.name} [${r.state}] shingles P ${f3(c.p)} R ${f3(c.r)} (${s.score.sent.tp}/${s.score.sent.tp + s.score.sent.fn} sentences found, ${s.score.sent.fp} extra)`,
        );
      }
    }
  }
  return figures;
}
