/**
 * The page opened on install: what Sourcelight reads, what it sends where, and one consent
 * checkbox per search provider naming exactly where that provider's data goes. A view; the
 * entrypoint passes the stored provider settings and the consent flow.
 */
import { useId } from 'preact/hooks';
import { PROVIDER_IDS, type ProvidersSettings } from '../utils/settings/providers.ts';
import { PROVIDERS } from '../utils/sources/providers/registry.ts';
import type { ProviderId } from '../utils/sources/providers/types.ts';
import { t } from './i18n.ts';
import { LinkedPagesAccess, type LinkedPagesAccessProps } from './options-access.tsx';
import { consentLabel } from './options-providers.tsx';

/** Props for {@link Onboarding}. */
export interface OnboardingProps {
  /** Null while loading. */
  providers: ProvidersSettings | null;
  /** Gives or withdraws consent for one provider (turning it on or off). */
  onConsent: (id: ProviderId, on: boolean) => void;
  onOpenOptions: () => void;
  /** Host access for reading linked pages: its state and the request (from the click). */
  access: Pick<LinkedPagesAccessProps, 'check' | 'allow'>;
}

function Consent(props: {
  id: ProviderId;
  providers: ProvidersSettings;
  onConsent: OnboardingProps['onConsent'];
}) {
  const { id, providers } = props;
  const config = providers[id];
  const inputId = `sl-consent-${useId()}`;
  const noteId = `${inputId}-note`;
  // A provider that still needs an address or key has no destination to agree to yet.
  const ready = PROVIDERS[id].isConfigured(config);
  return (
    <li class="sl-consent">
      <input
        id={inputId}
        type="checkbox"
        class="sl-checkbox"
        checked={config.enabled && !!config.consentedAt}
        disabled={!ready}
        aria-describedby={ready ? undefined : noteId}
        onChange={(e) => props.onConsent(id, (e.currentTarget as HTMLInputElement).checked)}
      />
      <div>
        <label for={inputId} class="sl-consent-label">
          {consentLabel(id, config)}
        </label>
        {!ready && (
          <p class="sl-field-hint" id={noteId}>
            {t('obNeedsSetup')}
          </p>
        )}
      </div>
    </li>
  );
}

/** The onboarding page view. */
export function Onboarding({ providers, onConsent, onOpenOptions, access }: OnboardingProps) {
  return (
    <main class="sl-options sl-onboarding">
      <header class="sl-popup-header">
        <span class="sl-logo" aria-hidden="true" />
        <h1 class="sl-popup-title">{t('obTitle')}</h1>
      </header>
      <p class="sl-opt-lead">{t('obIntro')}</p>

      <section class="sl-opt-section" aria-labelledby="sl-ob-reads">
        <h2 class="sl-opt-h2" id="sl-ob-reads">
          {t('obReadsTitle')}
        </h2>
        <p class="sl-opt-intro">{t('obReads')}</p>
      </section>

      <section class="sl-opt-section" aria-labelledby="sl-ob-sends">
        <h2 class="sl-opt-h2" id="sl-ob-sends">
          {t('obSendsTitle')}
        </h2>
        <ul class="sl-ob-list">
          <li>{t('obSendsPages')}</li>
          <li>{t('obSendsUs')}</li>
          <li>{t('obSendsProviders')}</li>
        </ul>
      </section>

      <section class="sl-opt-section" aria-labelledby="sl-ob-access">
        <h2 class="sl-opt-h2" id="sl-ob-access">
          {t('accessTitle')}
        </h2>
        <p class="sl-opt-intro">{t('accessIntro')}</p>
        <LinkedPagesAccess check={access.check} allow={access.allow} />
      </section>

      <section class="sl-opt-section" aria-labelledby="sl-ob-providers">
        <h2 class="sl-opt-h2" id="sl-ob-providers">
          {t('obProvidersTitle')}
        </h2>
        <p class="sl-opt-intro">{t('obProvidersIntro')}</p>
        {providers && (
          <ul class="sl-consent-list">
            {PROVIDER_IDS.map((id) => (
              <Consent key={id} id={id} providers={providers} onConsent={onConsent} />
            ))}
          </ul>
        )}
        <div class="sl-check-row">
          <button type="button" class="sl-button" onClick={onOpenOptions}>
            {t('obOpenOptions')}
          </button>
        </div>
        <p class="sl-opt-intro">{t('obDone')}</p>
      </section>
    </main>
  );
}
