/**
 * Which settings each search provider shows on the options page, how each is checked, and where
 * a provider sends what it is given (named in its consent label).
 */
import type { ProviderSettings } from '../utils/settings/providers.ts';
import type { ProviderId } from '../utils/sources/providers/types.ts';
import type { MessageKey } from './i18n.ts';
import {
  checkApiKey,
  checkBookName,
  checkEndpoint,
  checkFieldName,
  checkIndexName,
  type Problem,
} from './options-validate.ts';

/** A provider setting the page can edit; `fields.x` are OpenSearch document field names. */
export type FieldName =
  | 'endpoint'
  | 'apiKey'
  | 'index'
  | 'book'
  | 'fields.url'
  | 'fields.title'
  | 'fields.body'
  | 'fields.date';

/** One input of a provider's settings. */
export interface FieldSpec {
  name: FieldName;
  label: MessageKey;
  /** The provider cannot work without it (an empty value is reported, not saved as valid). */
  required: boolean;
  check: (value: string) => Problem | null;
  /** Shown greyed in the empty input: an example or the default used when empty. */
  placeholder?: string;
  /** API keys: a password input, never exported unless asked. */
  secret?: boolean;
}

const endpoint = (placeholder: string): FieldSpec => ({
  name: 'endpoint',
  label: 'optEndpoint',
  required: true,
  check: checkEndpoint,
  placeholder,
});
const apiKey = (required: boolean): FieldSpec => ({
  name: 'apiKey',
  label: required ? 'optApiKey' : 'optApiKeyOptional',
  required,
  check: checkApiKey,
  secret: true,
});
const docField = (name: FieldName, label: MessageKey, placeholder: string): FieldSpec => ({
  name,
  label,
  required: false,
  check: checkFieldName,
  placeholder,
});

/** The inputs of each provider, in display order. Hosted public services need none. */
export const PROVIDER_FIELDS: Record<ProviderId, readonly FieldSpec[]> = {
  wikipedia: [],
  gdelt: [],
  kiwix: [
    endpoint('http://localhost:8080'),
    {
      name: 'book',
      label: 'optBook',
      required: true,
      check: checkBookName,
      placeholder: 'wikipedia_en_all_maxi',
    },
  ],
  searxng: [endpoint('https://searx.example.org')],
  opensearch: [
    endpoint('http://localhost:9200'),
    {
      name: 'index',
      label: 'optIndex',
      required: true,
      check: checkIndexName,
      placeholder: 'news',
    },
    apiKey(false),
    docField('fields.url', 'optFieldUrl', 'url'),
    docField('fields.title', 'optFieldTitle', 'title'),
    docField('fields.body', 'optFieldBody', 'body'),
    docField('fields.date', 'optFieldDate', 'date'),
  ],
  factcheck: [apiKey(true)],
  brave: [apiKey(true)],
};

/** The field's reason to refuse `value`, or null; an empty optional field is fine. */
export function checkField(spec: FieldSpec, value: string): Problem | null {
  if (!value.trim()) return spec.required ? { key: 'errRequired', subs: [] } : null;
  return spec.check(value);
}

/** The stored value of one field ('' when unset). */
export function readField(config: ProviderSettings, name: FieldName): string {
  if (name.startsWith('fields.')) {
    const key = name.slice(7) as keyof NonNullable<ProviderSettings['fields']>;
    return config.fields?.[key] ?? '';
  }
  return config[name as 'endpoint' | 'apiKey' | 'index' | 'book'] ?? '';
}

/** `config` with one field set; an empty value removes it (the provider's default applies). */
export function writeField(
  config: ProviderSettings,
  name: FieldName,
  value: string,
): ProviderSettings {
  const v = value.trim();
  if (name.startsWith('fields.')) {
    const key = name.slice(7) as keyof NonNullable<ProviderSettings['fields']>;
    const fields = { ...config.fields };
    if (v) fields[key] = v;
    else delete fields[key];
    const { fields: _old, ...rest } = config;
    return Object.keys(fields).length ? { ...rest, fields } : rest;
  }
  const key = name as 'endpoint' | 'apiKey' | 'index' | 'book';
  const { [key]: _old, ...rest } = config;
  return v ? { ...rest, [key]: v } : rest;
}

/** Where the hosted providers send their queries, for the consent label. */
const HOSTED: Partial<Record<ProviderId, string>> = {
  wikipedia: 'wikipedia.org',
  gdelt: 'api.gdeltproject.org',
  factcheck: 'Google, factchecktools.googleapis.com',
  brave: 'Brave, api.search.brave.com',
};

/**
 * The destination a provider's queries go to: the host of the address the reader set, else the
 * hosted service's domain; undefined for a self-hosted provider with no address yet.
 */
export function destination(id: ProviderId, config: ProviderSettings): string | undefined {
  if (config.endpoint) {
    try {
      return new URL(config.endpoint).host || undefined;
    } catch {
      // A stored value that is not a URL: fall through to the hosted name, if any.
    }
  }
  return HOSTED[id];
}
