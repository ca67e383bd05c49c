// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { precleanHtml } from '../../../utils/extract/preclean';

describe('precleanHtml', () => {
  it('removes scripts, styles, comments, svg and frames but keeps JSON-LD', () => {
    const html = `<p>a</p><script>var s = "<p>fake</p>";</script><style>.x{}</style>
      <!-- <p>commented</p> --><svg><text>icon</text></svg><noscript><p>enable js</p></noscript>
      <iframe src="x">frame</iframe><script type="application/ld+json">{"headline":"h"}</script><p>b</p>`;
    const out = precleanHtml(html);
    expect(out).toContain('<p>a</p>');
    expect(out).toContain('<p>b</p>');
    expect(out).toContain('{"headline":"h"}');
    expect(out).not.toMatch(/fake|\.x\{\}|commented|icon|enable js|frame</);
  });

  it('ends a script at the first closing tag, as browsers do', () => {
    const out = precleanHtml('<script>if (a) { "</script>"; }<p>after</p>');
    expect(out).toBe('"; }<p>after</p>');
  });

  it('leaves text without such constructs unchanged', () => {
    const html = '<article><h1>T</h1><p>Scripted <em>news</em> &amp; styles.</p></article>';
    expect(precleanHtml(html)).toBe(html);
  });
});
