/** The one error type the network door throws: a machine code plus a sentence for the reader. */

export type NetErrorCode =
  | 'blocked'
  | 'timeout'
  | 'too-large'
  | 'unsupported-type'
  | 'http-status'
  | 'network'
  | 'too-many-redirects'
  | 'aborted'
  | 'no-access';

const READER_MESSAGES: Record<NetErrorCode, string> = {
  blocked: 'Sourcelight does not open addresses on private or local networks',
  timeout: 'The linked page took too long to answer',
  'too-large': 'The linked page is too large to read',
  'unsupported-type': 'The link is not a page Sourcelight can read',
  'http-status': 'The linked page answered with an error',
  network: 'The linked page could not be reached',
  'too-many-redirects': 'The link redirected too many times',
  aborted: 'The request was cancelled',
  'no-access':
    'Sourcelight has not been allowed to read linked pages. You can allow it in Sourcelight’s options',
};

/**
 * An expected network failure. `message` is short and fit to show a reader; `detail` is for logs
 * (the technical reason, never shown).
 */
export class NetError extends Error {
  override readonly name = 'NetError';
  constructor(
    readonly code: NetErrorCode,
    readonly detail = '',
    /** The HTTP status, for `http-status`. */
    readonly status?: number,
  ) {
    super(
      code === 'http-status' && status
        ? `${READER_MESSAGES[code]} (${status})`
        : READER_MESSAGES[code],
    );
  }
}

/** Narrowing helper for callers that catch `unknown`. */
export function isNetError(e: unknown): e is NetError {
  return e instanceof NetError;
}
