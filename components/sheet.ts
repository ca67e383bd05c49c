/**
 * The tag of the extension's stylesheets: `sheet\`…\``. At run time it only joins the template like
 * an untagged one; at build time it marks the CSS that scripts/css-templates.mjs minifies. (Not
 * named `css`: Prettier would take that for styled-components CSS and reformat it.)
 */
export function sheet(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += String(values[i]) + strings[i + 1]!;
  return out;
}
