/**
 * The card shown for one sentence: a hover tooltip (top sources) or a pinned dialog (all of
 * them). A pure view: the integrator positions it, handles Escape and outside clicks, and
 * calls back through `onPin` / `onClose`.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { SentenceSources, SourceResult } from '../utils/messaging/types.ts';
import type { CopyFormat } from './copy-text.ts';
import { splitByTerms } from './emphasis.ts';
import { Favicon } from './Favicon.tsx';
import { formatDate } from './format-date.ts';
import { t, tPlural, uiLocale, type MessageKey } from './i18n.ts';
import { CloseIcon, ExternalIcon, PinIcon } from './icons.tsx';
import { plainText } from './plain-text.ts';
import { safeHref } from './safe-href.ts';
import { SupportBadge } from './SupportBadge.tsx';

/** The answer while the background is still working on it. */
export interface LoadingAnswer {
  status: 'loading';
}

/** Props for {@link SourceCard}. */
export interface SourceCardProps {
  /** The article sentence the card is about. */
  sentence: string;
  answer: SentenceSources | LoadingAnswer;
  /** `tooltip`: transient, top sources; `pinned`: a non-modal dialog with every source. */
  mode: 'tooltip' | 'pinned';
  /** Asks the integrator to pin the card (from the tooltip's "+N more" and pin buttons). */
  onPin: () => void;
  /** Asks the integrator to close the card (pinned close button; the integrator maps Escape). */
  onClose: () => void;
  /** Id for the heading that names the dialog; generated when omitted. */
  labelId?: string;
  /** "Now" for relative dates; tests pass a fixed one. */
  now?: Date;
  /** Forces a theme; by default the card follows the OS setting. */
  theme?: 'light' | 'dark';
  /**
   * Pinned card: copy the sentence with its sources. The event is passed so the integrator can
   * require a trusted click; resolves to whether the clipboard took the text.
   */
  onCopy?: (format: CopyFormat, event: Event) => Promise<boolean> | boolean;
  /** Pinned card: the reader marks (or unmarks) a source as wrong for this sentence. */
  onMarkWrong?: (url: string, wrong: boolean, event: Event) => void;
}

/** How many sources the tooltip shows before "+N more". */
export const TOOLTIP_MAX_SOURCES = 3;
/** How many favicons the header stacks. */
const STACK_MAX = 3;

const VIA_KEYS: Record<SourceResult['via'], MessageKey> = {
  inline: 'viaInline',
  footnote: 'viaFootnote',
  outbound: 'viaOutbound',
  provider: 'viaProvider',
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The passage as text nodes with matched words in <mark>; never parsed as HTML. */
function Passage({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {splitByTerms(text, terms).map((piece, i) =>
        piece.match ? <mark key={i}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}

function SourceItem({
  source,
  now,
  onMarkWrong,
}: {
  source: SourceResult;
  now: Date;
  onMarkWrong: SourceCardProps['onMarkWrong'];
}) {
  const href = safeHref(source.fragmentUrl) ?? safeHref(source.url);
  const site = plainText(source.siteName).trim() || hostOf(source.url);
  const title = plainText(source.title).trim();
  const passage = plainText(source.passage);
  const date = formatDate(source.publishedAt, now, uiLocale());
  const copies = source.copies ?? 0;
  const via = VIA_KEYS[source.via];
  return (
    <li
      class={`sl-source sl-source--${source.level}${source.flagged ? ' sl-source--flagged' : ''}`}
    >
      <div class="sl-meta">
        <Favicon siteName={site} url={source.url} faviconDataUrl={source.faviconDataUrl} />
        <span class="sl-site" dir="auto" title={via ? t(via) : undefined}>
          {site}
        </span>
        {date && (
          <time class="sl-date" dateTime={date.iso} title={t('publishedOn', date.absolute)}>
            {date.relative}
          </time>
        )}
        <SupportBadge level={source.level} />
      </div>
      {title && (
        <p class="sl-title" dir="auto">
          {title}
        </p>
      )}
      {passage.trim() && (
        <blockquote class="sl-quote" dir="auto">
          <span class="sl-quote-text">
            <Passage text={passage} terms={source.matchedTerms ?? []} />
          </span>
        </blockquote>
      )}
      {source.flagged && <p class="sl-flagged-note">{t('flaggedNote')}</p>}
      {(href || copies > 1 || onMarkWrong) && (
        <div class="sl-source-foot">
          {href && (
            <a class="sl-link" href={href} target="_blank" rel="noopener noreferrer">
              {t('openAtQuote')}
              <ExternalIcon />
              <span class="sl-visually-hidden"> {t('opensInNewTab')}</span>
            </a>
          )}
          {copies > 1 && <span class="sl-copies">{tPlural('copies', copies)}</span>}
          {onMarkWrong && (
            <button
              type="button"
              class="sl-button sl-wrong"
              aria-label={t(source.flagged ? 'undoWrongLabel' : 'markWrongLabel', site)}
              onClick={(e) => onMarkWrong(source.url, !source.flagged, e)}
            >
              {t(source.flagged ? 'undoWrong' : 'markWrong')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** Up to three distinct site icons for the header. */
function FaviconStack({ sources }: { sources: SourceResult[] }) {
  const seen = new Set<string>();
  const picked: SourceResult[] = [];
  for (const source of sources) {
    const key = plainText(source.siteName).trim().toLowerCase() || hostOf(source.url);
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(source);
    if (picked.length === STACK_MAX) break;
  }
  return (
    <span class="sl-stack" aria-hidden="true">
      {picked.map((s) => (
        <Favicon
          key={s.url}
          siteName={plainText(s.siteName).trim() || hostOf(s.url)}
          url={s.url}
          faviconDataUrl={s.faviconDataUrl}
        />
      ))}
    </span>
  );
}

function Skeleton() {
  return (
    <span class="sl-skeleton" aria-hidden="true">
      <span class="sl-skeleton-line" />
      <span class="sl-skeleton-line" />
      <span class="sl-skeleton-line" />
    </span>
  );
}

/** The pinned card's copy buttons and what became of the last copy. */
function CopyBar({
  sentence,
  onCopy,
}: {
  sentence: string;
  onCopy: NonNullable<SourceCardProps['onCopy']>;
}) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(null), 4000);
    return () => clearTimeout(timer);
  }, [result]);
  const copy = async (format: CopyFormat, e: Event) => {
    let ok: boolean;
    try {
      ok = await onCopy(format, e);
    } catch {
      ok = false;
    }
    setResult(ok ? 'copied' : 'failed');
  };
  return (
    <div class="sl-footer sl-copybar">
      <span class="sl-copy-status" role="status">
        {result === 'copied' ? t('copyDone') : result === 'failed' ? t('copyFailed') : ''}
      </span>
      <span class="sl-copy-buttons">
        <button
          type="button"
          class="sl-button"
          data-copy="text"
          title={t('copyTextHint')}
          disabled={!sentence}
          onClick={(e) => void copy('text', e)}
        >
          {t('copyText')}
        </button>
        <button
          type="button"
          class="sl-button"
          data-copy="markdown"
          disabled={!sentence}
          onClick={(e) => void copy('markdown', e)}
        >
          {t('copyMarkdown')}
        </button>
      </span>
    </div>
  );
}

type CardState = 'loading' | 'sourced' | 'none' | 'error';

const HEADING_CLASS: Record<CardState, string> = {
  loading: 'sl-status',
  sourced: 'sl-heading',
  none: 'sl-state-title',
  error: 'sl-state-title sl-state-title--error',
};

/** A hover tooltip or pinned card listing the sources that back one sentence. */
export function SourceCard(props: SourceCardProps) {
  const { sentence, answer, mode, onPin, onClose, theme } = props;
  const generatedId = useId();
  const labelId = props.labelId ?? `sl-label-${generatedId}`;
  const sentenceId = `${labelId}-sentence`;
  const now = props.now ?? new Date();
  const pinned = mode === 'pinned';

  const sources = answer.status === 'sourced' ? answer.sources : [];
  const state: CardState =
    answer.status === 'loading'
      ? 'loading'
      : answer.status === 'error'
        ? 'error'
        : sources.length > 0
          ? 'sourced'
          : 'none';
  const shown = pinned ? sources : sources.slice(0, TOOLTIP_MAX_SOURCES);
  const hidden = sources.length - shown.length;

  let heading: string;
  let body: string | undefined;
  if (state === 'loading') heading = t('loading');
  else if (state === 'sourced') heading = tPlural('sourceCount', sources.length);
  else if (state === 'none') {
    heading = t('noneTitle');
    body = ('error' in answer && answer.error?.trim()) || t('noneReason');
  } else {
    heading = t('errorTitle');
    body = ('error' in answer && answer.error?.trim()) || t('errorGeneric');
  }

  return (
    <div
      class={`sl-card sl-card--${mode} sl-card--${state}`}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-labelledby={pinned ? labelId : undefined}
      aria-describedby={pinned && sentence ? sentenceId : undefined}
      aria-busy={state === 'loading' ? 'true' : undefined}
      tabIndex={pinned ? -1 : undefined}
      data-theme={theme}
    >
      <div class="sl-top">
        <div class="sl-header">
          {state === 'sourced' && <FaviconStack sources={sources} />}
          <span
            class={HEADING_CLASS[state]}
            id={labelId}
            role={state === 'loading' ? 'status' : undefined}
          >
            {heading}
          </span>
          {pinned && (
            <span class="sl-header-actions">
              <button
                type="button"
                class="sl-button sl-close"
                aria-label={t('close')}
                title={t('close')}
                onClick={() => onClose()}
              >
                <CloseIcon />
              </button>
            </span>
          )}
        </div>
        {body && (
          <p class="sl-state-body" dir="auto">
            {plainText(body)}
          </p>
        )}
        {pinned && sentence && (
          <p class="sl-sentence" id={sentenceId} dir="auto">
            {plainText(sentence)}
          </p>
        )}
        {state === 'loading' && <Skeleton />}
      </div>

      {/* Only the list scrolls, so the header (close) and footer (pin) stay in view. */}
      {state === 'sourced' && (
        <div class="sl-body">
          <ol class="sl-list">
            {shown.map((source, i) => (
              <SourceItem
                key={`${i}:${source.url}`}
                source={source}
                now={now}
                onMarkWrong={pinned ? props.onMarkWrong : undefined}
              />
            ))}
          </ol>
        </div>
      )}

      {pinned && state === 'sourced' && props.onCopy && (
        <CopyBar sentence={sentence} onCopy={props.onCopy} />
      )}

      {!pinned && state === 'sourced' && (
        <div class="sl-footer">
          {hidden > 0 && (
            <button type="button" class="sl-button" onClick={() => onPin()}>
              {t('moreSources', hidden)}
            </button>
          )}
          <button type="button" class="sl-button" title={t('pinHint')} onClick={() => onPin()}>
            <PinIcon />
            {t('pin')}
          </button>
        </div>
      )}
    </div>
  );
}
