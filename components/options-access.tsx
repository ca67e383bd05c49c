/**
 * "Reading linked pages": whether the reader granted host access for every http(s) page, with
 * the button that asks the browser for it (or gives it back). Shown on the onboarding and the
 * options page; the request itself runs straight from the click, as browsers require.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.ts';

/** Props for {@link LinkedPagesAccess}. */
export interface LinkedPagesAccessProps {
  /** Whether the permission is held now. */
  check: () => Promise<boolean>;
  /** Asks for it; resolves with whether it was granted. */
  allow: () => Promise<boolean>;
  /** Gives it back; resolves with whether it is still held. Absent on the onboarding page. */
  revoke?: () => Promise<boolean>;
}

/** The permission's state and its button. */
export function LinkedPagesAccess({ check, allow, revoke }: LinkedPagesAccessProps) {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    void check().then(setAllowed);
  }, [check]);
  if (allowed === null) return null;
  return (
    <div class="sl-check-row" data-access={allowed ? 'granted' : 'missing'}>
      {!allowed && (
        <button type="button" class="sl-button" onClick={() => void allow().then(setAllowed)}>
          {t('accessAllow')}
        </button>
      )}
      {allowed && revoke && (
        <button
          type="button"
          class="sl-button sl-button--quiet"
          onClick={() => void revoke().then(setAllowed)}
        >
          {t('accessRevoke')}
        </button>
      )}
      <p class={`sl-check ${allowed ? 'sl-check--ok' : ''}`} role="status">
        {allowed ? t('accessGranted') : t('accessMissing')}
      </p>
    </div>
  );
}
