/**
 * A small concurrency limiter: at most `total` requests in flight, at most `perHost` to any one
 * host, first come first served. Waiting requests leave the queue when their signal aborts.
 */

export interface LimiterOptions {
  total: number;
  perHost: number;
}

interface Waiter {
  host: string;
  grant: (release: () => void) => void;
}

export class Limiter {
  private active = 0;
  private readonly perHostActive = new Map<string, number>();
  private readonly queue: Waiter[] = [];

  constructor(private readonly options: LimiterOptions) {}

  /** Requests in flight and waiting, for tests and diagnostics. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.queue.length };
  }

  /**
   * Resolves with a `release` function once a slot for `host` is free. Call `release` exactly
   * once (extra calls are ignored). Rejects with the signal's reason if it aborts first.
   */
  acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { host, grant: resolve };
      const onAbort = () => {
        const i = this.queue.indexOf(waiter);
        if (i >= 0) this.queue.splice(i, 1);
        reject(signal?.reason);
      };
      waiter.grant = (release) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(release);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  private canStart(host: string): boolean {
    return (
      this.active < this.options.total && (this.perHostActive.get(host) ?? 0) < this.options.perHost
    );
  }

  private pump(): void {
    // Skip over waiters whose host is saturated so one busy host cannot stall the others.
    for (let i = 0; i < this.queue.length && this.active < this.options.total;) {
      const waiter = this.queue[i]!;
      if (!this.canStart(waiter.host)) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      this.start(waiter);
    }
  }

  private start(waiter: Waiter): void {
    this.active++;
    this.perHostActive.set(waiter.host, (this.perHostActive.get(waiter.host) ?? 0) + 1);
    let released = false;
    waiter.grant(() => {
      if (released) return;
      released = true;
      this.active--;
      const n = (this.perHostActive.get(waiter.host) ?? 1) - 1;
      if (n > 0) this.perHostActive.set(waiter.host, n);
      else this.perHostActive.delete(waiter.host);
      this.pump();
    });
  }
}

/** The limiter every guarded fetch shares: polite to servers, light on the worker. */
export const sharedLimiter = new Limiter({ total: 4, perHost: 2 });
