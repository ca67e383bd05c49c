/**
 * The provider record where the extension keeps it (utils/settings/providers.ts
 * `indexedDbBackend`: database `sourcelight-secrets`, store `kv`, key `providers`), read and
 * written from an extension page so it is the extension origin's database. Works on Playwright
 * and Puppeteer pages alike.
 */
import { evaluateIn, type AnyPage } from '../harness/index.ts';

/** Writes `record` (replacing what was there) and returns what was stored. */
export function writeProviderRecord(
  extensionPage: AnyPage,
  record: Record<string, unknown>,
): Promise<unknown> {
  return evaluateIn(
    extensionPage,
    async (value: Record<string, unknown>) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('sourcelight-secrets', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('kv', 'readwrite');
          tx.objectStore('kv').put(value, 'providers');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        return await new Promise<unknown>((resolve, reject) => {
          const req = db.transaction('kv').objectStore('kv').get('providers');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      } finally {
        db.close();
      }
    },
    record,
  );
}

/** The stored record, or null. */
export function readProviderRecord(extensionPage: AnyPage): Promise<unknown> {
  return evaluateIn(
    extensionPage,
    () =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('sourcelight-secrets', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('kv').objectStore('kv').get('providers');
          get.onsuccess = () => {
            db.close();
            resolve(get.result ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    null,
  );
}
