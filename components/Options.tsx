/**
 * The options page: search providers (consent, settings, connection check), sites, reading,
 * cache and settings export/import. A view over an {@link OptionsController}; the entrypoint
 * passes the live settings and a controller bound to the extension.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import type { Settings, ThemeChoice } from '../utils/settings/index.ts';
import { PROVIDER_IDS, type ProvidersSettings } from '../utils/settings/providers.ts';
import { t } from './i18n.ts';
import { LinkedPagesAccess } from './options-access.tsx';
import type { OptionsController } from './options-actions.ts';
import { ProviderCard } from './options-providers.tsx';
import { Section, TextField } from './options-ui.tsx';
import { parseHost, parseHoverDelay, type Problem } from './options-validate.ts';

/** Offers `text` as a file download named `name`. */
export function downloadText(name: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Props for {@link Options}. */
export interface OptionsProps {
  settings: Settings;
  controller: OptionsController;
  /** Saves the export file; defaults to a download. */
  download?: (name: string, text: string) => void;
}

/** A status line under an action: polite, so screen readers read it once. */
function Status(props: { message: { ok: boolean; text: string } | null }) {
  const m = props.message;
  return (
    <p class={`sl-check${m ? (m.ok ? ' sl-check--ok' : ' sl-check--bad') : ''}`} role="status">
      {m?.text ?? ''}
    </p>
  );
}

function Providers({ controller }: { controller: OptionsController }) {
  const [providers, setProviders] = useState<ProvidersSettings | null>(null);
  useEffect(() => {
    void controller.loadProviders().then(setProviders);
  }, [controller]);
  return (
    <Section title={t('optProvidersTitle')} intro={t('optProvidersIntro')}>
      {providers &&
        PROVIDER_IDS.map((id) => (
          <ProviderCard
            key={id}
            id={id}
            config={providers[id]}
            onToggle={(on) => controller.toggleProvider(id, on, providers[id]).then(setProviders)}
            onField={(name, value) => controller.saveField(id, name, value).then(setProviders)}
            onCheck={() => controller.check(id)}
            onRequestAccess={(config) => controller.requestProviderAccess(id, config)}
          />
        ))}
    </Section>
  );
}

function Sites({ settings, controller }: Pick<OptionsProps, 'settings' | 'controller'>) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const off = Object.keys(settings.sites)
    .filter((h) => settings.sites[h] === false)
    .sort();
  const add = (e: Event) => {
    e.preventDefault();
    // Read from the input itself: a click right after typing may beat the state update.
    const field = (e.currentTarget as HTMLFormElement).elements.namedItem('site');
    const value = field instanceof HTMLInputElement ? field.value : draft;
    const parsed = parseHost(value);
    if ('problem' in parsed) return setProblem(parsed.problem);
    if (settings.sites[parsed.host] === false)
      return setProblem({ key: 'errHostDuplicate', subs: [parsed.host] });
    setProblem(null);
    setDraft('');
    void controller.setSite(parsed.host, false);
  };
  return (
    <Section title={t('optSitesTitle')} intro={t('optSitesIntro')}>
      <form class="sl-inline-form" onSubmit={add} noValidate>
        <TextField
          name="site"
          label={t('optSiteToAdd')}
          value={draft}
          problem={problem}
          placeholder="news.example.com"
          onInput={(v) => {
            setDraft(v);
            // Judge as typed only once something is there; an empty box is not an error.
            const parsed = v.trim() ? parseHost(v) : null;
            setProblem(parsed && 'problem' in parsed ? parsed.problem : null);
          }}
        />
        <button type="submit" class="sl-button">
          {t('optAdd')}
        </button>
      </form>
      <h3 class="sl-opt-h3">{t('optSitesOffList')}</h3>
      {off.length ? (
        <ul class="sl-site-list">
          {off.map((host) => (
            <li key={host} class="sl-site">
              <span class="sl-site-host">{host}</span>
              <button
                type="button"
                class="sl-button sl-button--quiet"
                aria-label={t('optRemove', host)}
                onClick={() => void controller.setSite(host, null)}
              >
                {t('optRemoveShort')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="sl-opt-empty">{t('optSitesEmpty')}</p>
      )}
    </Section>
  );
}

function Reading({ settings, controller }: Pick<OptionsProps, 'settings' | 'controller'>) {
  const [draft, setDraft] = useState(String(settings.hoverDelayMs));
  const [problem, setProblem] = useState<Problem | null>(null);
  return (
    <Section title={t('optReadingTitle')}>
      <TextField
        name="hoverDelay"
        label={t('optHoverDelay')}
        hint={t('optHoverDelayHint')}
        value={draft}
        problem={problem}
        inputMode="numeric"
        onInput={(v) => {
          setDraft(v);
          const parsed = parseHoverDelay(v);
          if ('problem' in parsed) return setProblem(parsed.problem);
          setProblem(null);
          void controller.setHoverDelay(parsed.ms);
        }}
      />
      <UnderlineUnsourced settings={settings} controller={controller} />
      <ThemeChoices settings={settings} controller={controller} />
    </Section>
  );
}

/** The option to underline checked sentences without a source too (off by default). */
function UnderlineUnsourced({
  settings,
  controller,
}: Pick<OptionsProps, 'settings' | 'controller'>) {
  const id = `sl-unsourced-${useId()}`;
  return (
    <div class="sl-check-line sl-check-line--hint">
      <input
        id={id}
        type="checkbox"
        class="sl-checkbox"
        name="underlineUnsourced"
        checked={settings.underlineUnsourced === true}
        aria-describedby={`${id}-hint`}
        onChange={(e) =>
          void controller.setUnderlineUnsourced((e.currentTarget as HTMLInputElement).checked)
        }
      />
      <span>
        <label for={id}>{t('optUnderlineUnsourced')}</label>
        <span class="sl-field-hint sl-hint" id={`${id}-hint`}>
          {t('optUnderlineUnsourcedHint')}
        </span>
      </span>
    </div>
  );
}

const THEMES = [
  ['auto', 'optThemeAuto'],
  ['light', 'optThemeLight'],
  ['dark', 'optThemeDark'],
] as const;

function ThemeChoices({ settings, controller }: Pick<OptionsProps, 'settings' | 'controller'>) {
  const name = `sl-theme-${useId()}`;
  const current: ThemeChoice | 'auto' = settings.theme ?? 'auto';
  return (
    <fieldset class="sl-choices">
      <legend>{t('optTheme')}</legend>
      {THEMES.map(([value, label]) => (
        <label key={value} class="sl-choice">
          <input
            type="radio"
            name={name}
            value={value}
            checked={current === value}
            onChange={() => void controller.setTheme(value)}
          />
          {t(label)}
        </label>
      ))}
    </fieldset>
  );
}

function Cache({ controller }: Pick<OptionsProps, 'controller'>) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const clear = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await controller.clearCache();
      setMessage({ ok: true, text: t('optCacheCleared') });
    } catch (e) {
      setMessage({ ok: false, text: t('optCacheFailed', e instanceof Error ? e.message : '') });
    }
    setBusy(false);
  };
  return (
    <Section title={t('optCacheTitle')} intro={t('optCacheIntro')}>
      <div class="sl-check-row">
        <button type="button" class="sl-button" onClick={clear} disabled={busy}>
          {t('optCacheClear')}
        </button>
        <Status message={message} />
      </div>
    </Section>
  );
}

function Transfer({ controller, download }: Pick<OptionsProps, 'controller' | 'download'>) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const keysId = `sl-keys-${useId()}`;
  const fileId = `sl-file-${useId()}`;
  const save = async () => {
    const text = await controller.exportJson(includeKeys);
    (download ?? downloadText)('sourcelight-settings.json', text);
  };
  const load = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const result = await controller.importJson(await file.text());
    setMessage({ ok: result.ok, text: result.message });
    // Cleared so choosing the same file again still reports.
    input.value = '';
  };
  return (
    <Section title={t('optTransferTitle')} intro={t('optTransferIntro')}>
      <div class="sl-check-line">
        <input
          id={keysId}
          type="checkbox"
          class="sl-checkbox"
          checked={includeKeys}
          onChange={(e) => setIncludeKeys((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={keysId}>{t('optIncludeKeys')}</label>
      </div>
      {includeKeys && <p class="sl-provider-note">{t('optIncludeKeysWarn')}</p>}
      <div class="sl-check-row">
        <button type="button" class="sl-button" onClick={() => void save()}>
          {t('optExport')}
        </button>
        {/* Visually hidden but focusable; the label after it is what shows (and gets its ring). */}
        <input
          id={fileId}
          class="sl-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void load(e.currentTarget as HTMLInputElement)}
        />
        <label class="sl-button sl-file-label" for={fileId}>
          {t('optImport')}
        </label>
      </div>
      <Status message={message} />
    </Section>
  );
}

/** The options page view. */
export function Options(props: OptionsProps) {
  return (
    <main class="sl-options">
      <header class="sl-popup-header">
        <span class="sl-logo" aria-hidden="true" />
        <h1 class="sl-popup-title">{t('optTitle')}</h1>
      </header>
      <Section title={t('accessTitle')} intro={t('accessIntro')}>
        <LinkedPagesAccess
          check={props.controller.linkedPagesAllowed}
          allow={props.controller.allowLinkedPages}
          revoke={props.controller.revokeLinkedPages}
        />
      </Section>
      <Providers controller={props.controller} />
      <Sites settings={props.settings} controller={props.controller} />
      <Reading settings={props.settings} controller={props.controller} />
      <Cache controller={props.controller} />
      <Transfer controller={props.controller} download={props.download} />
    </main>
  );
}
