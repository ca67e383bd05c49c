/**
 * One search provider on the options page: its consent switch (naming where data goes), its
 * settings checked as they are typed, and "Check connection".
 */
import { useRef, useState } from 'preact/hooks';
import type { ProviderSettings } from '../utils/settings/providers.ts';
import { PROVIDERS } from '../utils/sources/providers/registry.ts';
import type { ProviderId } from '../utils/sources/providers/types.ts';
import { t } from './i18n.ts';
import type { CheckOutcome } from './options-actions.ts';
import {
  checkField,
  destination,
  PROVIDER_FIELDS,
  readField,
  type FieldName,
} from './options-fields.ts';
import { Switch, TextField } from './options-ui.tsx';
import type { Problem } from './options-validate.ts';

/** The consent wording for a provider: "Wikipedia (wikipedia.org): key terms of …". */
export function consentLabel(id: ProviderId, config: ProviderSettings): string {
  return t('optProviderSends', PROVIDERS[id].name, destination(id, config) ?? t('destYourServer'));
}

/** Props for {@link ProviderCard}. */
export interface ProviderCardProps {
  id: ProviderId;
  config: ProviderSettings;
  onToggle: (on: boolean) => Promise<unknown>;
  /** Saves a checked value; the card awaits it before a connection check. */
  onField: (name: FieldName, value: string) => Promise<unknown>;
  onCheck: () => Promise<CheckOutcome>;
  /**
   * Asks the browser for access to the host the settings name; called straight from the click on
   * "Check connection" (a prompt needs a user gesture), and awaited before the check runs.
   */
  onRequestAccess?: (config: ProviderSettings) => Promise<boolean>;
}

/** A provider's switch, fields and connection check. */
export function ProviderCard({
  id,
  config,
  onToggle,
  onField,
  onCheck,
  onRequestAccess,
}: ProviderCardProps) {
  const specs = PROVIDER_FIELDS[id];
  const name = PROVIDERS[id].name;
  // Drafts start from the stored values and then follow the reader's typing only, so a save
  // arriving mid-typing never moves the caret or undoes a keystroke.
  const [drafts, setDrafts] = useState<Partial<Record<FieldName, string>>>(() =>
    Object.fromEntries(specs.map((s) => [s.name, readField(config, s.name)])),
  );
  const [problems, setProblems] = useState<Partial<Record<FieldName, Problem | null>>>({});
  const [check, setCheck] = useState<CheckOutcome | null>(null);
  const [checking, setChecking] = useState(false);
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  const on = config.enabled && !!config.consentedAt;
  const configured = PROVIDERS[id].isConfigured(config);

  const edit = (fieldName: FieldName, value: string) => {
    const spec = specs.find((s) => s.name === fieldName)!;
    const p = checkField(spec, value);
    setDrafts((d) => ({ ...d, [fieldName]: value }));
    setProblems((ps) => ({ ...ps, [fieldName]: p }));
    setCheck(null);
    // Only valid values are stored; an empty field clears the setting (and says it is needed).
    if (!p || p.key === 'errRequired')
      saving.current = saving.current.then(() => onField(fieldName, value)).catch(() => {});
  };

  const runCheck = async () => {
    // The address as typed (when valid) is the one about to be saved and checked.
    const typed = drafts.endpoint;
    const asked = onRequestAccess?.(
      typed && !problems.endpoint ? { ...config, endpoint: typed } : config,
    );
    setChecking(true);
    setCheck(null);
    await asked;
    await saving.current;
    setCheck(await onCheck());
    setChecking(false);
  };

  return (
    <div class="sl-provider" data-provider={id}>
      <Switch
        label={
          <>
            <span class="sl-provider-name">{name}</span>
            <span class="sl-provider-sends">{consentLabel(id, config)}</span>
          </>
        }
        checked={on}
        onChange={(v) => void onToggle(v)}
      />
      {config.enabled && !config.consentedAt && (
        <p class="sl-provider-note">{t('optReconsent', name)}</p>
      )}
      {on && !configured && <p class="sl-provider-note">{t('optNeedsSetup', name)}</p>}
      {specs.length > 0 && (
        <div class="sl-provider-fields">
          {specs.map((s) => (
            <TextField
              key={s.name}
              name={`${id}-${s.name}`}
              label={t(s.label)}
              value={drafts[s.name] ?? ''}
              problem={problems[s.name] ?? null}
              type={s.secret ? 'password' : s.name === 'endpoint' ? 'url' : 'text'}
              placeholder={s.placeholder}
              onInput={(v) => edit(s.name, v)}
            />
          ))}
        </div>
      )}
      <div class="sl-check-row">
        <button
          type="button"
          class="sl-button sl-button--quiet"
          onClick={runCheck}
          disabled={checking}
        >
          {checking ? t('optChecking') : t('optCheck')}
        </button>
        <p
          class={`sl-check${check ? (check.ok ? ' sl-check--ok' : ' sl-check--bad') : ''}`}
          role="status"
        >
          {check?.message ?? ''}
        </p>
      </div>
    </div>
  );
}
