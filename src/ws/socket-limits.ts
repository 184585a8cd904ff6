// Operations per socket: at most WS_MAX_SUBSCRIPTIONS run at once on one connection. Also counts the operations
// running over all sockets (the metrics' gauge) and those started since the server was built.
import { LimitExceededError } from "../errors.js";

export interface SocketOperations {
  /** Takes a slot for operation `id` on a socket (by its `extra`), or says why not. */
  take(socket: object, id: string): LimitExceededError | null;
  /** Gives the slot back: the operation was refused before it ran. */
  release(socket: object, id: string): void;
  /** graphql-ws' onOperation: the operation is executing (a subscription is then registered with the pub/sub). */
  started(socket: object, id: string): void;
  /** graphql-ws' onComplete. */
  completed(socket: object, id: string): void;
  active(): number;
  startedSinceBuilt(): number;
}

export function createSocketOperations(max: number): SocketOperations {
  const bySocket = new WeakMap<object, Set<string>>();
  let active = 0;
  let started = 0;
  return {
    take(socket, id) {
      const operations = bySocket.get(socket) ?? new Set<string>();
      bySocket.set(socket, operations);
      if (operations.size >= max) {
        return new LimitExceededError(
          `At most ${max} operations may run at once on one connection`,
          "WS_MAX_SUBSCRIPTIONS",
          max,
        );
      }
      // Taken before anything is awaited, so a burst of subscribe messages cannot overrun the limit.
      operations.add(id);
      return null;
    },
    release(socket, id) {
      bySocket.get(socket)?.delete(id);
    },
    started(socket, id) {
      if (bySocket.get(socket)?.has(id)) {
        active++;
        started++;
      }
    },
    completed(socket, id) {
      if (bySocket.get(socket)?.delete(id)) active--;
    },
    active: () => active,
    startedSinceBuilt: () => started,
  };
}
