/** Extraction of fetched pages: pure functions of (body, url), no network, no browser APIs. */
export { extractDocument, extractFetched, extractPlainText, siteFromUrl } from './extract';
export { toIsoDate } from './metadata';
export type { ExtractedDoc } from './types';
