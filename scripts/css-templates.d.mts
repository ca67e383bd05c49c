import type { Plugin } from 'vite';

/** Minify the template literal whose body starts at `start`; `end` is its closing backtick. */
export function minifyTemplate(code: string, start: number): { body: string; end: number };
/** The same minification of finished CSS text (no interpolations). */
export function minifyCss(text: string): string;
/** Rewrite every sheet`…` in a module's source. */
export function minifyCssTemplates(code: string): string;
/** The Vite plugin: applied to our own modules under components/. */
export function cssTemplates(): Plugin;
