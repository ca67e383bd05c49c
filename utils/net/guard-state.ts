/**
 * Whether the network-level wall (wall.ts) is up in this context. Kept apart from wall.ts so that
 * fetch.ts can ask without importing browser APIs (it also runs in Node for tests and evals).
 */

/** 'active': every request this extension makes is checked by the browser, redirect hops too. */
export type GuardState = 'active' | 'unavailable';

let pending: Promise<GuardState> | undefined;

/** Records the installation in progress; the first caller wins. */
export function setGuardState(state: Promise<GuardState>): Promise<GuardState> {
  pending ??= state;
  return pending;
}

/** Records a re-installation (new rules); requests from now on wait for it. */
export function replaceGuardState(state: Promise<GuardState>): Promise<GuardState> {
  pending = state;
  return state;
}

/** The wall's state, or 'unavailable' when nothing ever tried to install it (Node, tests). */
export function guardState(): Promise<GuardState> {
  return pending ?? Promise.resolve('unavailable');
}

/** Forgets the recorded state. For tests only. */
export function resetGuardStateForTests(): void {
  pending = undefined;
}
