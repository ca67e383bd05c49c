/**
 * Input rules of the options page. Each check answers null (fine) or the reason a value is
 * refused, as a message key with its substitutions, so the page can show it next to the field
 * and tests can assert which rule fired.
 */
import type { MessageKey } from './i18n.ts';

/** Why a value was refused: a message key and its `$1`… substitutions. */
export interface Problem {
  key: MessageKey;
  subs: string[];
}

const problem = (key: MessageKey, ...subs: Array<string | number>): Problem => ({
  key,
  subs: subs.map(String),
});

/** Longest value any provider field may hold (as utils/settings/providers.ts keeps). */
export const MAX_FIELD_CHARS = 2048;
/** Longest API key accepted: real keys are far shorter; this only stops pasted documents. */
export const MAX_KEY_CHARS = 512;
/** The hover delay range the settings accept, in ms. */
export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 2000;

/** A server address: an absolute http(s) URL without credentials in it. */
export function checkEndpoint(value: string): Problem | null {
  const v = value.trim();
  if (v.length > MAX_FIELD_CHARS) return problem('errTooLong', MAX_FIELD_CHARS);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return problem('errUrlInvalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return problem('errUrlScheme');
  if (!url.hostname) return problem('errUrlInvalid');
  // Credentials in a URL end up in logs and history; the key field is where they belong.
  if (url.username || url.password) return problem('errUrlCredentials');
  return null;
}

/** An API key (or OpenSearch `user:password`): one token, no whitespace, printable. */
export function checkApiKey(value: string): Problem | null {
  if (/\s/.test(value.trim())) return problem('errSpaces');
  if (value.trim().length > MAX_KEY_CHARS) return problem('errTooLong', MAX_KEY_CHARS);
  // Control characters cannot travel in an HTTP header.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(value)) return problem('errKeyChars');
  return null;
}

/**
 * An OpenSearch / Elasticsearch index name, by the engines' own rules: lower case, none of
 * `\ / * ? " < > | , # :` or spaces, not starting with `-`, `_` or `+`, not `.` or `..`, at most
 * 255 bytes.
 */
export function checkIndexName(value: string): Problem | null {
  const v = value.trim();
  if (new TextEncoder().encode(v).length > 255) return problem('errTooLong', 255);
  if (/[\s\\/*?"<>|,#:]/.test(v)) return problem('errIndexChars');
  if (v !== v.toLowerCase()) return problem('errIndexCase');
  if (/^[-_+]/.test(v) || v === '.' || v === '..') return problem('errIndexStart');
  return null;
}

/** A document field name, possibly dotted (`meta.url`). */
export function checkFieldName(value: string): Problem | null {
  const v = value.trim();
  if (v.length > 255) return problem('errTooLong', 255);
  if (!/^[\p{L}\p{N}_@-]+(\.[\p{L}\p{N}_@-]+)*$/u.test(v)) return problem('errFieldChars');
  return null;
}

/** A Kiwix book name (`wikipedia_en_all_maxi_2024-01`). */
export function checkBookName(value: string): Problem | null {
  const v = value.trim();
  if (v.length > 200) return problem('errTooLong', 200);
  if (!/^[A-Za-z0-9._-]+$/.test(v)) return problem('errBookChars');
  return null;
}

/**
 * Reads a site the reader typed or pasted ("News.Example.com", "https://news.example.com/a")
 * into the host name the settings key on, or the reason it is not one. International names
 * come back in their ASCII (punycode) form, which is what `location.hostname` reports.
 */
export function parseHost(value: string): { host: string } | { problem: Problem } {
  const v = value.trim();
  const bad = { problem: problem('errHostInvalid') };
  if (!v || v.length > 253 + 8) return bad;
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`).hostname;
  } catch {
    return bad;
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (host.length > 253) return bad;
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  const labels = host.split('.');
  const named =
    labels.length >= 2 &&
    labels.every((l) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) &&
    !/^\d+$/.test(labels[labels.length - 1]!);
  if (!ipv4 && !named && host !== 'localhost') return bad;
  return { host };
}

/** The hover delay as typed: a whole number of ms within the accepted range. */
export function parseHoverDelay(value: string): { ms: number } | { problem: Problem } {
  const v = value.trim();
  if (!/^\d{1,5}$/.test(v)) return { problem: problem('errDelayRange') };
  const ms = Number(v);
  if (ms < HOVER_DELAY_MIN || ms > HOVER_DELAY_MAX) return { problem: problem('errDelayRange') };
  return { ms };
}
