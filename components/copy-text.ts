/**
 * "Copy sentence with sources": the sentence and the sources that back it, as plain text or
 * Markdown, ready to paste into notes or a reply. Sources the reader marked wrong are left out.
 */
import type { SourceResult, SupportLevel } from '../utils/messaging/types.ts';
import { t, type MessageKey } from './i18n.ts';
import { safeHref } from './safe-href.ts';

export type CopyFormat = 'text' | 'markdown';

const LEVEL_KEYS: Record<SupportLevel, MessageKey> = {
  supports: 'levelSupports',
  partly: 'levelPartly',
  related: 'levelRelated',
  'numbers-differ': 'levelNumbersDiffer',
};

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Escapes what Markdown would read as syntax in running text. */
function mdText(s: string): string {
  return oneLine(s).replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** A URL safe inside Markdown's `(…)`: parentheses and spaces percent-encoded. */
function mdUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) =>
    c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c),
  );
}

function siteOf(s: SourceResult): string {
  if (s.siteName.trim()) return oneLine(s.siteName);
  try {
    return new URL(s.url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The sentence and its (not flagged) sources in the given format. */
export function formatSentenceWithSources(
  sentence: string,
  sources: readonly SourceResult[],
  format: CopyFormat,
): string {
  const kept = sources.filter((s) => !s.flagged);
  const lines: string[] = [];
  if (format === 'markdown') lines.push(`> ${mdText(sentence)}`, '');
  else lines.push(`“${oneLine(sentence)}”`, '');
  if (!kept.length) {
    lines.push(t('noneTitle'));
    return lines.join('\n');
  }
  lines.push(t('copySourcesHeading'));
  kept.forEach((s, i) => {
    const url = safeHref(s.fragmentUrl) ?? safeHref(s.url) ?? '';
    const title = oneLine(s.title) || siteOf(s);
    const level = t(LEVEL_KEYS[s.level]);
    const passage = oneLine(s.passage);
    if (format === 'markdown') {
      const link = url ? `[${mdText(title)}](${mdUrl(url)})` : mdText(title);
      lines.push(`${i + 1}. ${link}: ${mdText(siteOf(s))}, ${level}`);
      if (passage) lines.push(`   > ${mdText(passage)}`);
    } else {
      lines.push(`${i + 1}. ${title}: ${siteOf(s)}, ${level}`);
      if (url) lines.push(`   ${url}`);
      if (passage) lines.push(`   “${passage}”`);
    }
  });
  return lines.join('\n');
}
