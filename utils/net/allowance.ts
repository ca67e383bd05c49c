/**
 * The loopback allowance: test builds may reach 127.0.0.1 on a fixed list of ports so that
 * end-to-end tests can serve pages locally. The list is compiled in by wxt.config.ts
 * (`import.meta.env.SOURCELIGHT_TEST_PORTS`, '' in production), never read from settings.
 */

declare global {
  interface ImportMetaEnv {
    /** Comma-separated loopback ports a test build may fetch from; '' in production. */
    readonly SOURCELIGHT_TEST_PORTS?: string;
  }
}

/** Ports on 127.0.0.1 (and only that address) that may be contacted. */
export interface LoopbackAllowance {
  readonly ports: readonly number[];
}

/** The production allowance: nothing on loopback, ever. */
export const NO_LOOPBACK: LoopbackAllowance = Object.freeze({ ports: Object.freeze([]) });

/** Parses a comma-separated port list; anything that is not a port number is ignored. */
export function parsePorts(list: string | undefined): LoopbackAllowance {
  const ports = (list ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => /^\d{1,5}$/.test(p))
    .map(Number)
    .filter((n) => n > 0 && n < 65536);
  return ports.length ? Object.freeze({ ports: Object.freeze(ports) }) : NO_LOOPBACK;
}

/** The allowance compiled into this build. */
export function buildAllowance(): LoopbackAllowance {
  return parsePorts(import.meta.env?.SOURCELIGHT_TEST_PORTS);
}
