/**
 * An IndexedDB-backed CacheBackend, on the raw API: one database per cache name with two object
 * stores, `meta` (EntryMeta, indexed by usedAt and expiresAt) and `values` (same keys). Every
 * method runs in one transaction and awaits nothing but IndexedDB inside it, so transactions
 * never auto-commit half way. Covered by the extension's end-to-end tests (happy-dom has no
 * IndexedDB); unit tests run the same cache logic on the Map backend.
 */
import type { CacheBackend, EntryMeta, StoreSummary } from './backend';

const DB_VERSION = 1;
const META = 'meta';
const VALUES = 'values';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error);
  });
}

/** Opens (creating or upgrading) the database for one cache. */
export function openDatabase(name: string, factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(`sourcelight-cache-${name}`, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(META)) {
        const meta = db.createObjectStore(META, { keyPath: 'key' });
        meta.createIndex('usedAt', 'usedAt');
        meta.createIndex('expiresAt', 'expiresAt');
      }
      if (!db.objectStoreNames.contains(VALUES)) db.createObjectStore(VALUES);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    // Another context holds an older version open; it will close on versionchange below.
    request.onblocked = () => undefined;
  });
}

/**
 * Runs `body` in a transaction over both stores and resolves with its result once the
 * transaction has committed (not merely when the last request succeeded).
 */
async function inTransaction<T>(
  db: IDBDatabase,
  mode: IDBTransactionMode,
  body: (meta: IDBObjectStore, values: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const tx = db.transaction([META, VALUES], mode);
  const finished = committed(tx);
  let result: T;
  try {
    result = await body(tx.objectStore(META), tx.objectStore(VALUES));
  } catch (e) {
    // A request threw synchronously (e.g. a value that cannot be cloned): undo the whole step.
    finished.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished.
    }
    throw e;
  }
  await finished;
  return result;
}

/** Walks a cursor, calling `step` per record until it returns false or the cursor ends. */
function walk(
  request: IDBRequest<IDBCursorWithValue | null>,
  step: (cursor: IDBCursorWithValue) => boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor && step(cursor)) cursor.continue();
      else resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

/** A CacheBackend over an open database. */
export function createIndexedDbBackend(db: IDBDatabase): CacheBackend {
  // Let a newer version of the extension upgrade the schema instead of waiting on us.
  db.onversionchange = () => db.close();
  return {
    read: (key) =>
      inTransaction(db, 'readonly', async (meta, values) => {
        const [m, v] = await Promise.all([
          done(meta.get(key) as IDBRequest<EntryMeta | undefined>),
          done(values.get(key) as IDBRequest<unknown>),
        ]);
        return m ? { meta: m, value: v } : undefined;
      }),
    write: (entry, value) =>
      inTransaction(db, 'readwrite', async (meta, values) => {
        const previous = (await done(meta.get(entry.key) as IDBRequest<EntryMeta | undefined>))
          ?.bytes;
        meta.put(entry);
        values.put(value, entry.key);
        return previous ?? 0;
      }),
    touch: (key, usedAt) =>
      inTransaction(db, 'readwrite', async (meta) => {
        const m = await done(meta.get(key) as IDBRequest<EntryMeta | undefined>);
        if (m) meta.put({ ...m, usedAt });
      }),
    remove: (keys) =>
      inTransaction(db, 'readwrite', async (meta, values) => {
        const found = await Promise.all(
          keys.map((k) => done(meta.get(k) as IDBRequest<EntryMeta | undefined>)),
        );
        for (const k of keys) {
          meta.delete(k);
          values.delete(k);
        }
        return found.reduce((sum, m) => sum + (m?.bytes ?? 0), 0);
      }),
    clear: () =>
      inTransaction(db, 'readwrite', async (meta, values) => {
        meta.clear();
        values.clear();
      }),
    sweep: (now) =>
      inTransaction(db, 'readwrite', async (meta, values): Promise<StoreSummary> => {
        const summary = { removed: 0, entries: 0, bytes: 0 };
        await walk(meta.openCursor(), (cursor) => {
          const m = cursor.value as EntryMeta;
          if (m.expiresAt <= now) {
            cursor.delete();
            values.delete(m.key);
            summary.removed++;
          } else {
            summary.entries++;
            summary.bytes += m.bytes;
          }
          return true;
        });
        return summary;
      }),
    evict: (bytes) =>
      inTransaction(db, 'readwrite', async (meta, values) => {
        let freed = 0;
        let removed = 0;
        await walk(meta.index('usedAt').openCursor(), (cursor) => {
          if (freed >= bytes) return false;
          const m = cursor.value as EntryMeta;
          cursor.delete();
          values.delete(m.key);
          freed += m.bytes;
          removed++;
          return true;
        });
        return { removed, freed };
      }),
  };
}
