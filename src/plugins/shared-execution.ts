// A live event reaches thousands of subscribers, and every one of them would execute the same selection over the same
// event: at 10,000 subscribers that execution (resolvers, Pothos' wrappers, the visibility checks) was most of the
// delivery time. Subscribers that cannot differ in what they may see (anonymous ones) and sent the same operation
// with the same variables share one execution per event instead; signed-in subscribers execute their own, because
// what they see depends on who they are (their held comments, their reactions).
//
// As with shared reads (services/shared-reads.ts), an execution is shared only while it runs and only for the very
// same event object: a subscriber that comes to the event later executes it again and sees the rows as they are then.
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../context.js";
import { createSharedReads } from "../platform/shared-reads.js";

export interface SharedExecutionCounts {
  /** Event executions that ran. */
  executed: number;
  /** Event executions answered by one that was already running for another subscriber. */
  shared: number;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === "function";
}

/** Maps every value of `source`; return() reaches the source at once, even while a next() waits. */
function mapEvents<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<U> = {
    [Symbol.asyncIterator]: () => mapped,
    async next() {
      const result = await iterator.next();
      return result.done ? { value: undefined, done: true } : { value: await map(result.value), done: false };
    },
    async return() {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
  };
  return mapped;
}

export function useSharedSubscriptionExecution(counts: SharedExecutionCounts): Plugin {
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextDocumentId = 0;
  const executions = createSharedReads({ onShared: () => counts.shared++ });

  /** Operations that would give every subscriber the same answer to the same event share a key; others get none. */
  const groupOf = (args: ExecutionArgs): string | null => {
    if ((args.contextValue as Context | undefined)?.viewer !== null) return null;
    let id = documentIds.get(args.document);
    if (id === undefined) documentIds.set(args.document, (id = nextDocumentId++));
    return `${id}:${args.operationName ?? ""}:${JSON.stringify(args.variableValues ?? {})}`;
  };

  const executeEvent = (args: ExecutionArgs, event: unknown, group: string | null): Promise<ExecutionResult> => {
    const run = () => {
      counts.executed++;
      return Promise.resolve(execute({ ...args, rootValue: event }));
    };
    if (group === null || typeof event !== "object" || event === null) return run();
    return executions.read(event, group, run);
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const source = await createSourceEventStream(args);
        if (!isAsyncIterable(source)) return source;
        const group = groupOf(args);
        return mapEvents(source, (event) => executeEvent(args, event, group));
      });
    },
  };
}
