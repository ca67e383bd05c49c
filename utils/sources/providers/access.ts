/**
 * Which hosts each provider contacts, as match patterns the options and onboarding pages request
 * (with the reader's click) when a provider is turned on, and the endpoints the reader named,
 * which the network guard lets through even on their own network.
 */
import { hostPattern } from '../../net/access';
import type { ProvidersSettings } from '../../settings/providers';
import { PROVIDER_IDS, type ProviderConfig, type ProviderId } from './types';

/** The hosts of the hosted services, when the reader set no address of their own. */
const HOSTED_PATTERNS: Partial<Record<ProviderId, string>> = {
  wikipedia: 'https://*.wikipedia.org/*',
  gdelt: 'https://api.gdeltproject.org/*',
  factcheck: 'https://factchecktools.googleapis.com/*',
  brave: 'https://api.search.brave.com/*',
};

/**
 * The match patterns provider `id` needs host access to: its endpoint's host when the reader set
 * one, else the hosted service's; empty for a self-hosted provider with no address yet.
 */
export function providerHostPatterns(id: ProviderId, config: ProviderConfig): string[] {
  const own = config.endpoint ? hostPattern(config.endpoint) : null;
  if (own) return [own];
  const hosted = HOSTED_PATTERNS[id];
  return hosted ? [hosted] : [];
}

/** Every endpoint address the reader typed for a provider (self-hosted or not). */
export function namedEndpoints(settings: ProvidersSettings): string[] {
  return PROVIDER_IDS.map((id) => settings[id].endpoint).filter((e): e is string => !!e);
}
