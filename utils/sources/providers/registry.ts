/** Every provider Sourcelight knows, by id. */
import { brave } from './brave';
import { factcheck } from './factcheck';
import { gdelt } from './gdelt';
import { kiwix } from './kiwix';
import { opensearch } from './opensearch';
import { searxng } from './searxng';
import type { Provider, ProviderId } from './types';
import { wikipedia } from './wikipedia';

export const PROVIDERS: Record<ProviderId, Provider> = {
  wikipedia,
  gdelt,
  kiwix,
  searxng,
  opensearch,
  factcheck,
  brave,
};
