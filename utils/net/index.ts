/** The network door: the only module that may call fetch. */
export { checkUrl, type UrlCheck } from './check-url';
export { buildAllowance, parsePorts, NO_LOOPBACK, type LoopbackAllowance } from './allowance';
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
