import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssTemplates, minifyCss, minifyCssTemplates } from '../../scripts/css-templates.mjs';
import { HIGHLIGHT_CSS } from '../../components/highlights';
import { OPTIONS_CSS } from '../../components/options-styles';
import { POPUP_CSS } from '../../components/popup-styles';
import { CARD_CSS, TEXT_RESET } from '../../components/styles';

/** The minified body of the one sheet`…` in `source`. */
const body = (source: string) => {
  const out = minifyCssTemplates(`const a = sheet\`${source}\`;`);
  return out.slice('const a = sheet`'.length, -2);
};

describe('minifyCssTemplates', () => {
  it('drops comments and layout whitespace, and the spaces next to punctuation', () => {
    expect(
      body(`
        /* the card */
        .a > .b,
        .c {
          color: red;   margin: 0 auto;
          box-shadow: 0 1px 2px rgba(0, 0, 0, 0.4), 0 8px 24px red;
        }
      `),
    ).toBe(
      '.a>.b,.c{color:red;margin:0 auto;box-shadow:0 1px 2px rgba(0,0,0,0.4),0 8px 24px red;}',
    );
  });

  it('keeps the spaces CSS needs: descendant pseudo-classes, media queries, calc, !important', () => {
    expect(body('.a :hover { top: 0 }')).toBe('.a :hover{top:0}');
    expect(body('@media screen and (max-width: 600px) { .a { top: 0 } }')).toBe(
      '@media screen and (max-width:600px){.a{top:0}}',
    );
    expect(body('.a { width: calc(100vw - 16px); left: 0 !important; }')).toBe(
      '.a{width:calc(100vw - 16px);left:0 !important;}',
    );
  });

  it('keeps strings and escapes as written', () => {
    expect(body('.a::before { content: " · /* not a comment */ "; }')).toBe(
      '.a::before{content:" · /* not a comment */ ";}',
    );
    expect(body(String.raw`.a::before { content: '\201C  x'; }`)).toBe(
      String.raw`.a::before{content:'\201C  x';}`,
    );
  });

  it('keeps interpolations, as words, and drops those inside a comment', () => {
    expect(body('.a { ${vars(LIGHT)}  color: ${c}; }')).toBe('.a{${vars(LIGHT)} color:${c};}');
    expect(body('${sel} ${other} { top: 0 }')).toBe('${sel} ${other}{top:0}');
    expect(
      body('/* ::highlight(${names.a}) is unstyled */ ::highlight(${names.b}) { top: 0 }'),
    ).toBe('::highlight(${names.b}){top:0}');
    expect(body('.a[data-theme="${theme}"] { top: 0 }')).toBe('.a[data-theme="${theme}"]{top:0}');
  });

  it('skips an escaped backtick in a comment, and leaves untagged templates alone', () => {
    const source = 'const a = sheet`/* a \\`b\\` c */ .a { top: 0 }`; const b = `  keep  me  `;';
    expect(minifyCssTemplates(source)).toBe(
      'const a = sheet`.a{top:0}`; const b = `  keep  me  `;',
    );
  });

  it('leaves the tag named in a comment alone', () => {
    const source = '// a literal tagged `sheet` is minified\nconst a = sheet`.a { top: 0 }`;';
    expect(minifyCssTemplates(source)).toBe(
      '// a literal tagged `sheet` is minified\nconst a = sheet`.a{top:0}`;',
    );
  });

  it('refuses what it cannot read rather than guess', () => {
    expect(() => minifyCssTemplates('sheet`.a { top: 0 }')).toThrow(/unterminated template/);
    expect(() => minifyCssTemplates('sheet`/* .a { top: 0 }`')).toThrow(/unterminated comment/);
    expect(() => minifyCssTemplates('sheet`.a { content: "x }`')).toThrow(/unterminated string/);
  });
});

describe('the shipped stylesheets', () => {
  const sheets = { CARD_CSS, TEXT_RESET, HIGHLIGHT_CSS, POPUP_CSS, OPTIONS_CSS };
  const rules = (text: string) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    // happy-dom keeps a rule's selector and media text as written: compared without spaces.
    return [...sheet.cssRules].map((r) => r.cssText.replace(/\s+/g, ''));
  };
  const strip = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, '');

  it.each(Object.entries(sheets))(
    '%s: the same rules and tokens, minified as written',
    (_, text) => {
      const small = minifyCss(text);
      expect(small.length).toBeLessThan(text.length);
      // Only comments and whitespace went, and happy-dom's parser splits both into the same rules.
      // (The browsers' own reading is proven end to end: the card's computed styles and
      // screenshots in tests/e2e/ui.e2e.test.ts.)
      expect(strip(small)).toBe(strip(text));
      expect(rules(small)).toEqual(rules(text));
    },
  );

  it('the build rewrites them: the plugin turns each module into the minified text', () => {
    const plugin = cssTemplates() as { transform(code: string, id: string): { code: string } };
    const source = readFileSync('components/styles.ts', 'utf8');
    const out = plugin.transform(source, '/repo/components/styles.ts').code;
    expect(source).toContain('would pin line-height and letter/word spacing inline');
    expect(out).not.toContain('would pin line-height and letter/word spacing inline');
    expect(out).toContain('.sl-card *{margin:0;padding:0;}');
    expect(plugin.transform(source, '/repo/utils/page/overlay.tsx')).toBeNull();
  });
});
