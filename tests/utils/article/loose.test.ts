import { describe, expect, it } from 'vitest';
import { inLongRuns, longRuns, looseText, LOOSE_MIN_CHARS } from '../../../utils/article/loose';

describe('loose text', () => {
  it('reads only the text outside block-level children, a space where each stood', () => {
    const div = document.createElement('div');
    div.innerHTML =
      'Lead <em>words</em> here<p>Tagged paragraph.</p>more <a href="#">loose</a> text<div><span>deep</span></div><script>x()</script>';
    expect(looseText(div).replace(/\s+/g, ' ').trim()).toBe('Lead words here more loose text');
  });

  it('keeps the runs between breaks that are long enough to be prose', () => {
    const long = 'The harbour master opened the new quay on Monday. '.repeat(3);
    expect(long.trim().length).toBeGreaterThanOrEqual(LOOSE_MIN_CHARS);
    const text = `${long}\nFiled under: harbour\n${long}`;
    const first = long.length + 1;
    const second = first + 'Filed under: harbour\n'.length;
    expect(longRuns(text, [first, second])).toEqual([
      [0, first],
      [second, text.length],
    ]);
    expect(longRuns('Short label only', [])).toEqual([]);
    // The sentences kept are those that start in a long run, in order.
    const spans = [0, 50, 100, first, first + 13, second, second + 50].map((start) => ({ start }));
    expect(inLongRuns(spans, text, [first, second]).map((s) => s.start)).toEqual([
      0,
      50,
      100,
      second,
      second + 50,
    ]);
  });
});
