/** The toolbar badge: the number of sourced sentences on the tab's page. */
import { browser } from 'wxt/browser';
import type { PageStatus } from '../messaging/types';

type ActionApi = {
  setBadgeText(d: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { tabId?: number; color: string }): Promise<void>;
  setTitle(d: { tabId?: number; title: string }): Promise<void>;
};

const action = (): ActionApi | undefined =>
  (browser as unknown as { action?: ActionApi }).action ??
  (browser as unknown as { browserAction?: ActionApi }).browserAction;

/** Text of the badge for a status: the sourced count, "…" while working, nothing when off. */
export function badgeText(status: PageStatus): string {
  if (status.state === 'off' || status.state === 'not-article') return '';
  if (status.sourced > 0) return status.sourced > 999 ? '999+' : String(status.sourced);
  return status.state === 'done' ? '' : '…';
}

export async function showStatus(tabId: number, status: PageStatus): Promise<void> {
  const api = action();
  if (!api) return;
  await api.setBadgeText({ tabId, text: badgeText(status) });
  await api.setBadgeBackgroundColor({ tabId, color: '#1f4fa8' });
  const title =
    status.state === 'off'
      ? 'Sourcelight (off)'
      : `Sourcelight: ${status.sourced} of ${status.sentences} sentences sourced`;
  await api.setTitle({ tabId, title });
}
