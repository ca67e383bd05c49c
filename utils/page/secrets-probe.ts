/**
 * TEST BUILDS ONLY (entrypoints/content.ts wires it when the build has test ports; production
 * builds drop it). Everything a content script could try to learn the reader's provider keys and
 * endpoints, run from the content script's own world and reported as one JSON string, so the
 * end-to-end test (tests/e2e/secrets.e2e.test.ts) can prove none of it reveals them.
 */
import { browser } from 'wxt/browser';

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Reads every object store of the database this context gets for `name`. */
function dumpDatabase(name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const stores = [...db.objectStoreNames];
      if (!stores.length) {
        db.close();
        return resolve({ stores: [] });
      }
      const tx = db.transaction(stores);
      const out: Record<string, unknown> = {};
      for (const s of stores) {
        const all = tx.objectStore(s).getAll();
        all.onsuccess = () => (out[s] = all.result);
      }
      tx.oncomplete = () => {
        db.close();
        resolve({ stores, values: out });
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const ask = (type: string, payload: unknown) => () =>
  browser.runtime.sendMessage({ sl: 1, type, payload });

/** Runs every probe; never throws. */
export async function probeSecrets(): Promise<Record<string, Outcome>> {
  const session = (browser.storage as unknown as { session?: typeof browser.storage.local })
    .session;
  return {
    storageLocal: await attempt(() => browser.storage.local.get(null)),
    storageSession: await attempt(async () => {
      if (!session) throw new Error('no storage.session here');
      return session.get(null);
    }),
    storageSync: await attempt(() => browser.storage.sync.get(null)),
    indexedDb: await attempt(() => dumpDatabase('sourcelight-secrets')),
    checkProvider: await attempt(ask('checkProvider', { id: 'brave' })),
    getSettings: await attempt(ask('getSettings', {})),
    getProviders: await attempt(ask('getProviders', {})),
    exportSettings: await attempt(ask('exportSettings', { includeKeys: true })),
  };
}

/** Answers `sourcelight:probe-secrets` events on `doc` with a `sourcelight:probe-result`. */
export function listenForProbe(doc: Document): () => void {
  const onProbe = () =>
    void probeSecrets().then((result) =>
      doc.dispatchEvent(
        new CustomEvent('sourcelight:probe-result', { detail: JSON.stringify(result) }),
      ),
    );
  doc.addEventListener('sourcelight:probe-secrets', onProbe);
  return () => doc.removeEventListener('sourcelight:probe-secrets', onProbe);
}
