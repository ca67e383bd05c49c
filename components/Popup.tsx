/**
 * The toolbar popup: on/off switches and what Sourcelight found on the current page. A pure
 * view; the popup entrypoint reads settings and the tab's status and passes them in.
 */
import { useId } from 'preact/hooks';
import type { PageStatus, PageSummary, RevealKind } from '../utils/messaging/types.ts';
import { formatNumber, t, tPlural, uiLocale, type MessageKey } from './i18n.ts';

/** How many of the page's sources the popup lists before "and N more". */
export const POPUP_MAX_SOURCES = 6;

/** Props for {@link Popup}. */
export interface PopupProps {
  /** The content script's counts for the active tab; null when it has not reported. */
  status: PageStatus | null;
  /** Why there is no status: the tab cannot be scripted, or there is no tab page at all. */
  reason?: 'not-permitted' | 'no-page';
  /** The global switch. */
  enabled: boolean;
  /** The switch for the active tab's site. */
  siteEnabled: boolean;
  /** The active tab's host name, for the site switch label. */
  host?: string;
  onToggleEnabled: (value: boolean) => void;
  onToggleSite: (value: boolean) => void;
  /** The page's sources and review counts, when the content script sent them. */
  summary?: PageSummary | null;
  /** Asks the tab to scroll to the next sentence of a kind and pin its card. */
  onReveal?: (kind: RevealKind) => void;
}

/** What the body of the popup shows, decided once from all the props. */
export type PopupView =
  | { kind: 'message'; title: MessageKey; body: MessageKey }
  | { kind: 'scanning' }
  | { kind: 'counts'; status: PageStatus };

/** Picks the popup body: permission and switch states win over whatever the page reported. */
export function popupView(
  props: Pick<PopupProps, 'status' | 'reason' | 'enabled' | 'siteEnabled'>,
): PopupView {
  const { status, reason, enabled, siteEnabled } = props;
  if (reason === 'not-permitted') {
    return { kind: 'message', title: 'stateNotPermittedTitle', body: 'stateNotPermittedBody' };
  }
  if (reason === 'no-page') {
    return { kind: 'message', title: 'stateNoPageTitle', body: 'stateNoPageBody' };
  }
  if (!enabled) return { kind: 'message', title: 'stateOffTitle', body: 'stateOffBody' };
  if (!siteEnabled || status?.state === 'off') {
    return { kind: 'message', title: 'stateSiteOffTitle', body: 'stateSiteOffBody' };
  }
  if (!status) return { kind: 'message', title: 'stateWaitingTitle', body: 'stateWaitingBody' };
  if (status.state === 'not-article') {
    return { kind: 'message', title: 'stateNotArticleTitle', body: 'stateNotArticleBody' };
  }
  if (status.state === 'scanning') return { kind: 'scanning' };
  return { kind: 'counts', status };
}

function percent(part: number, whole: number): string {
  const share = whole > 0 ? Math.min(1, Math.max(0, part / whole)) : 0;
  try {
    return new Intl.NumberFormat(uiLocale(), { style: 'percent' }).format(share);
  } catch {
    return `${Math.round(share * 100)}%`;
  }
}

/** A labelled `role=switch` checkbox; the label is the row, so the whole row toggles it. */
function Switch(props: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (value: boolean) => void;
}) {
  const id = `sl-switch-${useId()}`;
  return (
    <div class={`sl-switch-row${props.disabled ? ' sl-switch-row--disabled' : ''}`}>
      <label class="sl-switch-label" for={id}>
        {props.label}
      </label>
      <input
        id={id}
        class="sl-switch"
        type="checkbox"
        role="switch"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget as HTMLInputElement).checked)}
      />
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The page's sources, each with how many sentences it backs. */
function SourceList({ summary }: { summary: PageSummary }) {
  const id = `sl-sources-${useId()}`;
  if (!summary.sources.length) return null;
  const shown = summary.sources.slice(0, POPUP_MAX_SOURCES);
  const more = Math.max(summary.sources.length, summary.status.sources) - shown.length;
  return (
    <section class="sl-sources" aria-labelledby={id}>
      <h2 class="sl-section-title" id={id}>
        {t('popupSourcesTitle')}
      </h2>
      <ul class="sl-source-list">
        {shown.map((s) => (
          <li class="sl-source-row" key={s.url}>
            <span class="sl-source-name" dir="auto" title={s.title || s.url}>
              {s.siteName.trim() || hostOf(s.url)}
            </span>
            <span class="sl-source-count">{tPlural('sentenceCount', s.sentences)}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <p class="sl-note">{t('popupMoreSources', formatNumber(more))}</p>}
    </section>
  );
}

/** "Next unsourced sentence" and "next sentence where numbers differ". */
function ReviewButtons(props: {
  summary: PageSummary;
  onReveal: ((kind: RevealKind) => void) | undefined;
}) {
  const { summary, onReveal } = props;
  const buttons: Array<{ kind: RevealKind; key: MessageKey; count: number }> = [
    { kind: 'unsourced', key: 'popupNextUnsourced', count: summary.unsourced },
    { kind: 'numbers-differ', key: 'popupNextNumbersDiffer', count: summary.numbersDiffer },
  ];
  return (
    <div class="sl-review">
      {buttons.map((b) => (
        <button
          type="button"
          class="sl-review-button"
          key={b.kind}
          data-kind={b.kind}
          disabled={!onReveal || b.count === 0}
          onClick={() => onReveal?.(b.kind)}
        >
          <span>{t(b.key)}</span>
          <span class="sl-review-count">{formatNumber(b.count)}</span>
        </button>
      ))}
    </div>
  );
}

function Counts({
  status,
  summary,
  onReveal,
}: {
  status: PageStatus;
  summary: PageSummary | null | undefined;
  onReveal: ((kind: RevealKind) => void) | undefined;
}) {
  const sentences = Math.max(0, status.sentences);
  const pending = Math.min(sentences, Math.max(0, status.pending));
  const checked = sentences - pending;
  const matching = status.state === 'matching' && pending > 0;
  const share = percent(status.sourced, sentences);
  return (
    <>
      <dl class="sl-stats">
        <div class="sl-stat">
          <dt>{t('statSentences')}</dt>
          <dd class="sl-stat-value">
            <span class="sl-stat-number">{formatNumber(sentences)}</span>
          </dd>
        </div>
        <div class="sl-stat">
          <dt>{t('statSourced')}</dt>
          <dd class="sl-stat-value" title={t('statShare', share)}>
            <span class="sl-stat-number">{formatNumber(status.sourced)}</span>
            <span class="sl-stat-share">{share}</span>
          </dd>
        </div>
        <div class="sl-stat">
          <dt>{t('statSources')}</dt>
          <dd class="sl-stat-value">
            <span class="sl-stat-number">{formatNumber(status.sources)}</span>
          </dd>
        </div>
      </dl>
      {matching ? (
        <ProgressLine
          label={t('progressMatching', formatNumber(checked), formatNumber(sentences))}
          value={checked}
          max={sentences}
        />
      ) : (
        <p class="sl-note">{t('doneSummary')}</p>
      )}
      {summary && <ReviewButtons summary={summary} onReveal={onReveal} />}
      {summary && <SourceList summary={summary} />}
    </>
  );
}

/** A labelled progress bar; without `value` it is indeterminate. */
function ProgressLine({ label, value, max }: { label: string; value?: number; max?: number }) {
  const id = `sl-progress-${useId()}`;
  return (
    <div class="sl-progress">
      <p class="sl-note" id={id}>
        {label}
      </p>
      {/* Passing value={undefined} would make the bar determinate at 0, so omit it instead. */}
      {value === undefined ? (
        <progress aria-labelledby={id} />
      ) : (
        <progress aria-labelledby={id} value={value} max={max} />
      )}
    </div>
  );
}

/** The toolbar popup view. */
export function Popup(props: PopupProps) {
  const { enabled, siteEnabled, host, reason } = props;
  const view = popupView(props);
  const siteLabel = host ? t('switchSite', host) : t('switchSiteNoHost');
  const siteSwitchUsable = enabled && !reason && Boolean(host);
  return (
    <main class="sl-popup">
      <header class="sl-popup-header">
        <span class="sl-logo" aria-hidden="true" />
        <h1 class="sl-popup-title">{t('appName')}</h1>
      </header>
      <section class="sl-switches">
        <Switch label={t('switchEnabled')} checked={enabled} onChange={props.onToggleEnabled} />
        <Switch
          label={siteLabel}
          checked={siteEnabled && !reason && Boolean(host)}
          disabled={!siteSwitchUsable}
          onChange={props.onToggleSite}
        />
      </section>
      <section class="sl-page" aria-live="polite">
        {view.kind === 'message' && (
          <div class="sl-message">
            <p class="sl-message-title">{t(view.title)}</p>
            <p class="sl-message-body">{t(view.body)}</p>
          </div>
        )}
        {view.kind === 'scanning' && <ProgressLine label={t('progressScanning')} />}
        {view.kind === 'counts' && (
          <Counts status={view.status} summary={props.summary} onReveal={props.onReveal} />
        )}
      </section>
    </main>
  );
}
