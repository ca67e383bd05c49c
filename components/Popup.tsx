/**
 * The toolbar popup: on/off switches and what Sourcelight found on the current page. A pure
 * view; the popup entrypoint reads settings and the tab's status and passes them in.
 */
import { useId } from 'preact/hooks';
import type { PageStatus } from '../utils/messaging/types.ts';
import { formatNumber, t, uiLocale, type MessageKey } from './i18n.ts';

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

function Counts({ status }: { status: PageStatus }) {
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
        {view.kind === 'counts' && <Counts status={view.status} />}
      </section>
    </main>
  );
}
