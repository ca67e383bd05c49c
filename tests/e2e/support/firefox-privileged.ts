/**
 * What Firefox only lets a privileged (chrome-scope) script do, reached over WebDriver BiDi: the
 * harness starts Firefox with `-remote-allow-system-access`, which lets `browsingContext.getTree`
 * list the browser window itself (`moz:scope: 'chrome'`) and `script.evaluate` run there with
 * access to Firefox's own modules (AddonManager, ChromeUtils).
 */
import type { FirefoxSession } from '../harness/index.ts';

/** Puppeteer's BiDi connection (not in its public types). */
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

/** Privileged operations on a Firefox session. */
export interface FirefoxPrivileged {
  /** Evaluates `expression` (a promise is awaited) in the browser window; returns a string or number. */
  evaluate(expression: string): Promise<unknown>;
  /** The OS process id of Firefox's extension process (where the background page runs). */
  extensionProcessPid(): Promise<number>;
  /** `AddonManager` enable/disable of the extension under test (a temporary add-on). */
  setEnabled(enabled: boolean): Promise<void>;
}

const unwrap = (reply: unknown): EvaluateResult =>
  ((reply as { result?: EvaluateResult }).result ?? reply) as EvaluateResult;

export async function firefoxPrivileged(session: FirefoxSession): Promise<FirefoxPrivileged> {
  const connection = (session.browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('no BiDi connection on this Puppeteer browser');
  const reply = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result?: { contexts: Array<{ context: string; url: string }> };
  };
  const tree = reply.result ?? (reply as { contexts: Array<{ context: string; url: string }> });
  const browserWindow = tree.contexts.find((c) => c.url.startsWith('chrome://browser/'));
  if (!browserWindow)
    throw new Error('no chrome://browser window (is -remote-allow-system-access set?)');

  async function evaluate(expression: string): Promise<unknown> {
    const reply = unwrap(
      await connection!.send('script.evaluate', {
        expression,
        target: { context: browserWindow!.context },
        awaitPromise: true,
      }),
    );
    if (reply.type !== 'success')
      throw new Error(`privileged script threw: ${reply.exceptionDetails?.text}`);
    return reply.result?.value;
  }

  const id = JSON.stringify(session.extensionId);
  return {
    evaluate,
    async extensionProcessPid() {
      const pid = await evaluate(
        `ChromeUtils.requestProcInfo().then((info) => info.children.find((c) => c.type === 'extension')?.pid ?? 0)`,
      );
      if (typeof pid !== 'number' || pid <= 0) throw new Error('no extension process');
      return pid;
    },
    async setEnabled(enabled) {
      await evaluate(`(async () => {
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const addon = await AddonManager.getAddonByID(${id});
        await (${enabled} ? addon.enable() : addon.disable());
        return String(addon.isActive);
      })()`);
    },
  };
}
