/**
 * "Check connection" for the options page: one real search with a harmless query (a common
 * word, never page text), answered with a sentence the reader can act on.
 */
import type { ProviderSettings } from '../../settings/providers';
import { isProviderError } from './errors';
import { PROVIDERS } from './registry';
import type { ProviderFetch, ProviderId } from './types';

const PROBE = 'weather';

export async function checkProvider(
  id: ProviderId,
  config: ProviderSettings,
  fetch: ProviderFetch,
  signal: AbortSignal = new AbortController().signal,
): Promise<{ ok: boolean; message: string }> {
  const p = PROVIDERS[id];
  if (!p.isConfigured(config))
    return { ok: false, message: `${p.name} needs its address or key filled in first.` };
  try {
    const results = await p.search(p.buildQuery({ text: PROBE }, { lang: 'en' }), config, {
      signal,
      fetch,
    });
    return {
      ok: true,
      message: `${p.name} answered: ${results.length} result${results.length === 1 ? '' : 's'} for a test query.`,
    };
  } catch (err) {
    if (isProviderError(err))
      return { ok: false, message: err.message.replace('This provider', p.name) };
    return { ok: false, message: `${p.name} could not be checked.` };
  }
}
