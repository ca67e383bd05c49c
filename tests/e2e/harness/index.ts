/**
 * The end-to-end harness: real browsers with the built extension, offline except 127.0.0.1.
 * See README.md beside this file.
 */
export { launchChromium, chromiumArgs } from './chromium.ts';
export type { ChromiumSession, ChromiumLaunchOptions, WorkerRunningStatus } from './chromium.ts';
export { launchFirefox } from './firefox.ts';
export type { FirefoxSession, FirefoxLaunchOptions } from './firefox.ts';
export { DEFAULT_FIREFOX_EXTENSION_UUID, firefoxPrefs } from './firefox-prefs.ts';
export { startFixtureServer } from './fixture-server.ts';
export type { FixtureServer, Route, RouteResponse, RecordedRequest } from './fixture-server.ts';
export { startBlockingProxy } from './blocking-proxy.ts';
export type { BlockingProxy } from './blocking-proxy.ts';
export { observeLongTasks } from './long-tasks.ts';
export type {
  LongTaskObserver,
  LongTaskRecord,
  LongTaskEntry,
  LongAnimationFrameEntry,
  HeartbeatGap,
} from './long-tasks.ts';
export { startLongTaskTrace, attributeLongTasks } from './trace.ts';
export type { AttributedLongTask, LongTaskTrace, TraceEvent } from './trace.ts';
export { domSnapshot, diffSnapshots } from './dom-snapshot.ts';
export type { DomSnapshot } from './dom-snapshot.ts';
export { collectConsole, evaluateIn, addInitScriptTo } from './pages.ts';
export type { AnyPage, ConsoleLog } from './pages.ts';
export { sendToTabFrom, pageUrl } from './tab-messaging.ts';
export { REPO_ROOT, CHROMIUM_PATH, FIREFOX_PATH, TEST_BUILD_DIRS, requireBuild } from './paths.ts';
