// One read for many subscribers. When a comment event fans out to thousands of sockets, every subscriber's execution
// asks the database for the same row with the same selection; without this each asked on its own (Prisma batched the
// calls into one statement, but with one parameter per subscriber, and mapped the rows back to each).
//
// A read is shared only by subscribers handling the very same message object (one live event as the pub/sub hands it
// to every listener; a replay from the log makes its own objects, so it never shares) with the exact same Prisma
// query (which holds every viewer-dependent filter), and only while it is running: a subscriber that comes to the
// event later reads the row as it is then, so a comment rejected meanwhile is never shown from an old read. What each
// may see of the result is still decided by its own execution.

export interface SharedReads {
  /** The result of `load` for `key` on `event`: subscribers that ask while one read of it runs get that read. */
  read<T>(event: object, key: string, load: () => Promise<T>): Promise<T>;
}

export function createSharedReads(options: { onShared?: () => void } = {}): SharedReads {
  const running = new WeakMap<object, Map<string, Promise<unknown>>>();
  return {
    read<T>(event: object, key: string, load: () => Promise<T>): Promise<T> {
      let reads = running.get(event);
      const shared = reads?.get(key) as Promise<T> | undefined;
      if (shared) {
        options.onShared?.();
        return shared;
      }
      if (!reads) running.set(event, (reads = new Map()));
      const pending = load();
      reads.set(key, pending);
      const settle = () => {
        if (reads.get(key) === pending) reads.delete(key);
      };
      pending.then(settle, settle);
      return pending;
    },
  };
}

/** For contexts outside a server (CLIs, tests): every read is its own. */
export const unsharedReads: SharedReads = { read: (_event, _key, load) => load() };

/** The key of one Prisma query. Pothos builds the same query object, key order included, for the same selection and
 * viewer, so plain JSON is enough. */
export function queryKey(query: unknown): string {
  return JSON.stringify(query);
}
