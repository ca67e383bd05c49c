/**
 * Colour tokens for the card and the popup, in one place so the CSS and the contrast test read
 * the same values. Opaque hex only: the contrast check cannot reason about transparency.
 */

/** Every colour a theme defines. */
export interface Theme {
  /** Card / popup background. */
  bg: string;
  /** Quote blocks, hover fills, skeleton base. */
  surface: string;
  /** Body text and titles. */
  text: string;
  /** Secondary text: site names, dates, labels. */
  muted: string;
  /** Links and primary controls. */
  accent: string;
  /** Hairlines between sections (decorative, no contrast requirement). */
  border: string;
  /** The left rule of a quote (decorative). */
  quoteBorder: string;
  /** Emphasised matched words. */
  markBg: string;
  markText: string;
  /** Loading placeholders (decorative). */
  skeleton: string;
  /** Focus rings: a non-text indicator, needs ≥ 3:1 against bg. */
  focus: string;
  /** Switch track when off: a non-text control, needs ≥ 3:1 against bg. */
  trackOff: string;
  supportsFg: string;
  supportsBg: string;
  partlyFg: string;
  partlyBg: string;
  relatedFg: string;
  relatedBg: string;
  numbersFg: string;
  numbersBg: string;
  /** Border and quote rule of a numbers-differ source: warning-ish, distinct from the rest. */
  numbersBorder: string;
  /** Error state icon and title. */
  errorFg: string;
}

export const LIGHT: Theme = {
  bg: '#ffffff',
  surface: '#f5f6f8',
  text: '#1b1f24',
  muted: '#5a6370',
  accent: '#1d5fbf',
  border: '#e2e5ea',
  quoteBorder: '#c5cdd8',
  markBg: '#fdeeb0',
  markText: '#1b1f24',
  skeleton: '#e8ebef',
  focus: '#1d5fbf',
  trackOff: '#7d8694',
  supportsFg: '#17653a',
  supportsBg: '#e4f3e9',
  partlyFg: '#1c5a85',
  partlyBg: '#e3eff8',
  relatedFg: '#4c5562',
  relatedBg: '#eceff3',
  numbersFg: '#8a4500',
  numbersBg: '#fff1d6',
  numbersBorder: '#e39a2d',
  errorFg: '#a3262f',
};

export const DARK: Theme = {
  bg: '#1f2228',
  surface: '#282c33',
  text: '#e7e9ec',
  muted: '#a7afba',
  accent: '#8cb6f5',
  border: '#363b44',
  quoteBorder: '#4a515c',
  markBg: '#574713',
  markText: '#f6efd6',
  skeleton: '#30353d',
  focus: '#8cb6f5',
  trackOff: '#78808c',
  supportsFg: '#8fd5a5',
  supportsBg: '#1d3829',
  partlyFg: '#9bc8ef',
  partlyBg: '#1b3246',
  relatedFg: '#c3c9d1',
  relatedBg: '#31363e',
  numbersFg: '#ffc46e',
  numbersBg: '#3d2b0e',
  numbersBorder: '#b87a22',
  errorFg: '#ff9a9f',
};

/** Letter-avatar backgrounds; the letter is white on each (checked ≥ 4.5:1). */
export const AVATAR_COLORS = [
  '#2e6b4c',
  '#1d5fbf',
  '#7442a8',
  '#ad3645',
  '#8a5300',
  '#27697a',
  '#58606c',
  '#a0400e',
] as const;

export const AVATAR_TEXT = '#ffffff';

/** Text/background pairs the UI actually draws, each needing ≥ 4.5:1 in both themes. */
export const TEXT_PAIRS: ReadonlyArray<readonly [keyof Theme, keyof Theme]> = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['muted', 'bg'],
  ['muted', 'surface'],
  ['accent', 'bg'],
  ['accent', 'surface'],
  ['markText', 'markBg'],
  ['supportsFg', 'supportsBg'],
  ['partlyFg', 'partlyBg'],
  ['relatedFg', 'relatedBg'],
  ['numbersFg', 'numbersBg'],
  ['errorFg', 'bg'],
  ['bg', 'accent'],
];

/** Non-text indicators (focus rings, switch tracks, badge border), each needing ≥ 3:1. */
export const UI_PAIRS: ReadonlyArray<readonly [keyof Theme, keyof Theme]> = [
  ['focus', 'bg'],
  ['trackOff', 'bg'],
  ['accent', 'bg'],
];

/** The theme as CSS custom property declarations (`--sl-markBg: …;`). */
export function themeVars(theme: Theme): string {
  return Object.entries(theme)
    .map(([name, value]) => `--sl-${name}: ${value};`)
    .join(' ');
}
