// Build step: minifies the CSS inside template literals tagged `sheet` (components/sheet.ts) while the
// bundler reads a module, so the shipped scripts carry no CSS comments or layout whitespace. A
// content script is parsed on every page before `load`; its stylesheets were 13 KB of it.
//
// What it removes: comments (also ones that span an interpolation), runs of whitespace (one space
// is kept where two tokens need it), and the spaces next to `{ } ; , >` and after `: (`. It keeps
// quoted strings and escapes as written, the space before `(` (`and (…)` in a media query) and
// before `:` (`.a :hover` is not `.a:hover`), and the spaces of `calc()`, which need them.

const NO_SPACE_AFTER = new Set(['{', '}', ';', ',', ':', '>', '(']);
const NO_SPACE_BEFORE = new Set(['{', '}', ';', ',', '>', ')']);

/**
 * The end (index of the closing brace) of the interpolation whose `${` is at `start`: braces are
 * counted, quoted strings and nested templates skipped.
 */
function interpolationEnd(code, start) {
  let depth = 0;
  for (let i = start + 1; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') i++;
    else if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error('css-templates: unterminated interpolation');
}

/**
 * Minify the template literal whose body starts at `start` (just after its backtick). Returns the
 * new body and the index of the closing backtick.
 */
export function minifyTemplate(code, start) {
  let out = '';
  let space = false;
  let last = '';
  let comment = false;
  let i = start;
  // `first` and `end`: the token's first and last character as CSS sees them (an interpolation
  // stands for a word).
  const emit = (s, first = s[0], end = s[s.length - 1]) => {
    if (space && last && !NO_SPACE_AFTER.has(last) && !NO_SPACE_BEFORE.has(first)) out += ' ';
    space = false;
    out += s;
    last = end;
  };
  for (; i < code.length; i++) {
    const c = code[i];
    if (c === '\\') {
      if (!comment) emit(code.slice(i, i + 2));
      i++;
      continue;
    }
    if (c === '`') break;
    if (c === '$' && code[i + 1] === '{') {
      const end = interpolationEnd(code, i);
      if (!comment) emit(code.slice(i, end + 1), 'x', 'x');
      i = end;
      continue;
    }
    if (comment) {
      if (c === '*' && code[i + 1] === '/') {
        comment = false;
        i++;
      }
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      comment = true;
      i++;
      continue;
    }
    if (/\s/.test(c)) {
      space = true;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < code.length && code[j] !== c; j++) {
        if (code[j] === '\\') j++;
        else if (code[j] === '$' && code[j + 1] === '{') j = interpolationEnd(code, j);
        else if (code[j] === '`' || code[j] === '\n')
          throw new Error('css-templates: unterminated string');
      }
      emit(code.slice(i, j + 1));
      i = j;
      continue;
    }
    emit(c);
  }
  if (i >= code.length) throw new Error('css-templates: unterminated template');
  if (comment) throw new Error('css-templates: unterminated comment');
  return { body: out, end: i };
}

/** The same minification of finished CSS text (no interpolations): for tests and tools. */
export function minifyCss(text) {
  const escaped = text.replace(/[\\`$]/g, (c) => `\\${c}`);
  return minifyTemplate(`${escaped}\``, 0).body.replace(/\\([\\`$])/g, '$1');
}

/** Rewrite every `sheet\`…\`` in a module's source. */
export function minifyCssTemplates(code) {
  let out = '';
  let from = 0;
  // The tag itself: not `sheet` named in a comment or string (a backtick before it).
  for (const m of code.matchAll(/(?<![`\w.$])sheet`/g)) {
    if (m.index < from) continue;
    const start = m.index + m[0].length;
    const { body, end } = minifyTemplate(code, start);
    out += code.slice(from, start) + body + '`';
    from = end + 1;
  }
  return out + code.slice(from);
}

/** The Vite plugin: applied to our own modules under components/. */
export function cssTemplates() {
  return {
    name: 'sourcelight-css-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]components[\\/][^\\/]+\.tsx?$/.test(id) || !code.includes('sheet`')) return null;
      return { code: minifyCssTemplates(code), map: null };
    },
  };
}
