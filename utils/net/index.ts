/** The network door: the only module that may call fetch. */
export { checkUrl, type UrlCheck } from './check-url';
export {
  ALL_HOSTS,
  hostPattern,
  permissionsAccess,
  type HostAccess,
  type PermissionsApi,
} from './access';
export {
  buildAllowance,
  endpointOrigin,
  getReaderOrigins,
  parsePorts,
  setReaderOrigins,
  NO_LOOPBACK,
  type LoopbackAllowance,
} from './allowance';
export { NetError, isNetError, type NetErrorCode } from './errors';
export {
  guardedFetch,
  type Accept,
  type FetchedImage,
  type FetchedText,
  type GuardedFetchOptions,
} from './fetch';
export { Limiter, sharedLimiter } from './limiter';
export { installNetworkGuard } from './wall';
