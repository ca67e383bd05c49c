/**
 * Turns response bytes into text with the right character set: byte-order mark, then the
 * Content-Type header, then a `<meta>` declaration in the first 1024 bytes (as browsers do), and
 * finally UTF-8 with a windows-1252 fallback for bytes that are not valid UTF-8.
 */

/** The `charset` parameter of a Content-Type header value, lower-cased, if any. */
export function charsetFromContentType(contentType: string | null): string | undefined {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m?.[2]?.toLowerCase();
}

/** The MIME type of a Content-Type header value, lower-cased, without parameters. */
export function mimeType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return undefined;
}

/** The charset a `<meta charset>` or `<meta http-equiv=content-type>` declares near the top. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps bytes 1:1 to code points, so ASCII markup is readable whatever the real charset.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return undefined;
}

/** windows-1252's printable characters at bytes 0x80–0x9F ('' where the byte is undefined). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Some runtimes (Node 20 at least) decode windows-1252 as ISO-8859-1, leaving C1 controls where
 * curly quotes and dashes belong. Browsers do not; mapping them back is a no-op there.
 */
function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** A TextDecoder for `label`, or undefined when the platform does not know the label. */
function decoderFor(label: string, fatal = false): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined;
  }
}

/**
 * Decodes a response body. `headerCharset` comes from Content-Type; `html` enables the `<meta>`
 * prescan. Returns the text and the encoding actually used.
 */
export function decodeBody(
  bytes: Uint8Array,
  headerCharset: string | undefined,
  html: boolean,
): { text: string; charset: string } {
  let label = bomCharset(bytes) ?? headerCharset;
  if (!label && html) {
    const meta = metaCharset(bytes);
    // A page cannot be UTF-16 if its ASCII meta tag was readable; browsers read it as UTF-8.
    label = meta && /^utf-16/.test(meta) ? 'utf-8' : meta;
  }
  const declared = label ? decoderFor(label) : undefined;
  if (declared) {
    const text = declared.decode(bytes);
    const fixed = declared.encoding === 'windows-1252' ? fixCp1252(text) : text;
    return { text: fixed, charset: declared.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    const text = fixCp1252(new TextDecoder('windows-1252').decode(bytes));
    return { text, charset: 'windows-1252' };
  }
}
