// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../components/contrast.ts';
import { POPUP_CSS } from '../../components/popup-styles.ts';
import { CARD_CSS, HIGHLIGHT_CSS, HIGHLIGHT_NAMES } from '../../components/styles.ts';
import {
  AVATAR_COLORS,
  AVATAR_TEXT,
  DARK,
  LIGHT,
  TEXT_PAIRS,
  UI_PAIRS,
} from '../../components/theme.ts';

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the well-known 4.54:1 grey.
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });
});

describe('theme contrast', () => {
  for (const [name, theme] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it.each(TEXT_PAIRS.map(([fg, bg]) => [fg, bg]))(`${name}: text %s on %s ≥ 4.5`, (fg, bg) => {
      expect(contrastRatio(theme[fg], theme[bg])).toBeGreaterThanOrEqual(4.5);
    });
    it.each(UI_PAIRS.map(([fg, bg]) => [fg, bg]))(`${name}: indicator %s on %s ≥ 3`, (fg, bg) => {
      expect(contrastRatio(theme[fg], theme[bg])).toBeGreaterThanOrEqual(3);
    });
  }

  it.each([...AVATAR_COLORS])('avatar letter on %s ≥ 4.5', (color) => {
    expect(contrastRatio(AVATAR_TEXT, color)).toBeGreaterThanOrEqual(4.5);
  });
});

/** Numbers followed by a unit that scales with some font size. */
const RELATIVE_UNIT = /(?:\d|\.)(?:r?em|ex|ch|r?lh|cap|ic)\b/;

describe('stylesheets', () => {
  it.each([
    ['CARD_CSS', CARD_CSS],
    ['POPUP_CSS', POPUP_CSS],
    ['HIGHLIGHT_CSS', HIGHLIGHT_CSS],
  ])('%s uses no font-relative units', (_name, css) => {
    expect(css).not.toMatch(RELATIVE_UNIT);
  });

  it('card CSS resets the host and pins inherited text properties', () => {
    expect(CARD_CSS).toMatch(/:host\s*\{\s*all:\s*initial;\s*\}/);
    for (const prop of [
      'font-family',
      'font-size: 14px',
      'line-height',
      'letter-spacing',
      'text-transform',
      'direction',
      'max-width: min(400px',
      'max-height: min(60vh, var(--sl-max-height, 60vh))',
      'prefers-color-scheme: dark',
      'data-theme="dark"',
      'data-theme="light"',
      'prefers-reduced-motion',
      'focus-visible',
    ]) {
      expect(CARD_CSS).toContain(prop);
    }
  });

  it('card CSS defines every colour of both themes', () => {
    for (const value of [...Object.values(LIGHT), ...Object.values(DARK)]) {
      expect(CARD_CSS).toContain(value);
    }
  });

  it('highlight CSS styles the named highlights with highlight-safe properties only', () => {
    const allowed = new Set([
      'color',
      'background-color',
      'text-decoration',
      'text-decoration-color',
      'text-decoration-line',
      'text-decoration-style',
      'text-decoration-thickness',
      'text-underline-offset',
      'text-shadow',
    ]);
    const rules = [...HIGHLIGHT_CSS.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)];
    expect(rules.length).toBeGreaterThan(0);
    for (const [, name, body] of rules) {
      expect(Object.values(HIGHLIGHT_NAMES)).toContain(name);
      for (const decl of body!.split(';').filter((d) => d.trim())) {
        expect(allowed).toContain(decl.split(':')[0]!.trim());
      }
    }
    const styled = new Set(rules.map((r) => r[1]));
    expect(styled).toContain(HIGHLIGHT_NAMES.sourced);
    expect(styled).toContain(HIGHLIGHT_NAMES.numbersDiffer);
    expect(styled).toContain(HIGHLIGHT_NAMES.active);
    expect(styled).not.toContain(HIGHLIGHT_NAMES.sentence);
    expect(HIGHLIGHT_CSS).toMatch(/underline dotted 1px color-mix\(/);
    expect(HIGHLIGHT_CSS).toContain('text-underline-offset');
  });
});
