import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames, openDB } from 'idb';

/** Where idb comes from: fetched on first use by default; a page that opens its database at once passes it in. */
export type IdbLoader = () => Promise<{ openDB: typeof openDB }>;

/**
 * A connection to an IndexedDB database whose schema is a list of upgrade steps (an update runs only the steps an
 * older database lacks), opened on first use: idb loads only in the pages that keep something. It is opened again
 * after a failed open, and after another page upgraded the database (a newer Lectern: this one lets go of it).
 */
export function lazyDatabase<S extends DBSchema>(
  name: string,
  steps: ReadonlyArray<(db: IDBPDatabase<S>, tx: IDBPTransaction<S, StoreNames<S>[], 'versionchange'>) => void>,
  load: IdbLoader = () => import('idb'),
): () => Promise<IDBPDatabase<S>> {
  let connection: Promise<IDBPDatabase<S>> | null = null;
  return () => {
    connection ??= load()
      .then(({ openDB }) =>
        openDB<S>(name, steps.length, {
          upgrade(db, oldVersion, _newVersion, tx) {
            for (let step = oldVersion; step < steps.length; step++) steps[step]!(db, tx);
          },
          blocking(_current, _next, event) {
            (event.target as IDBDatabase).close();
            connection = null;
          },
        }),
      )
      .catch((error: unknown) => {
        connection = null;
        throw error;
      });
    return connection;
  };
}
