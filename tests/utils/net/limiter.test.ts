// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { Limiter } from '../../../utils/net/limiter';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Limiter', () => {
  it('caps requests per host and overall, in arrival order', async () => {
    const limiter = new Limiter({ total: 3, perHost: 2 });
    const started: string[] = [];
    const releases: Array<() => void> = [];
    const take = (host: string, tag: string) =>
      limiter.acquire(host).then((release) => {
        started.push(tag);
        releases.push(release);
      });
    void take('a', 'a1');
    void take('a', 'a2');
    void take('a', 'a3');
    void take('b', 'b1');
    void take('c', 'c1');
    await tick();
    // a3 waits for host a; b1 fills the third overall slot; c1 waits for any slot.
    expect(started).toEqual(['a1', 'a2', 'b1']);
    expect(limiter.load).toEqual({ active: 3, waiting: 2 });
    releases[0]!(); // a1 done: a3 is first in line and its host now has room
    await tick();
    expect(started).toEqual(['a1', 'a2', 'b1', 'a3']);
    releases[1]!();
    releases[1]!(); // a second call is ignored
    await tick();
    expect(started).toEqual(['a1', 'a2', 'b1', 'a3', 'c1']);
    expect(limiter.load).toEqual({ active: 3, waiting: 0 });
  });

  it('drops a waiter whose signal aborts, and rejects at once if already aborted', async () => {
    const limiter = new Limiter({ total: 1, perHost: 1 });
    const release = await limiter.acquire('a');
    const controller = new AbortController();
    const waiting = limiter.acquire('a', controller.signal);
    expect(limiter.load.waiting).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(limiter.load.waiting).toBe(0);
    await expect(limiter.acquire('a', controller.signal)).rejects.toThrow('stop');
    release();
    expect(limiter.load.active).toBe(0);
  });
});
