// Following a numbered event log (comment events, live-blog events): replay the log after a cursor, then follow the
// pub/sub and fill any gap from the log, so a subscriber sees every event once and in order, on every instance.
import type { Context } from "../../context.js";
import { retryWhileUnavailable } from "../../platform/retry.js";

/** How many logged events one read of the log (a replay or a gap fill) takes at most. */
export const GAP_FILL_BATCH = 500;

/** What the stream needs of an event: its place in the log and, once published, when. */
export interface SequencedEvent {
  seq: number;
  publishedAt?: number;
}

export interface EventLogFollow<E extends SequencedEvent> {
  /** The pub/sub subscription, registered (and acknowledged) before `last` was read. */
  live: AsyncIterator<E>;
  /** The sequence number the subscriber has seen up to: its cursor, or the log's head. */
  last: number;
  /** Replay the log after `last` before following the pub/sub (the subscriber gave a cursor). */
  replay: boolean;
  /** Reads at most GAP_FILL_BATCH logged events after `afterSeq` (up to `upToSeq`, when given), in order. */
  readLog: (afterSeq: number, upToSeq?: number) => Promise<E[]>;
  /** Which events the subscriber is sent; all when absent. Skipped events still move the position on. */
  wanted?: (event: E) => boolean;
}

/** The subscriber's stream over `live`; ending it ends the subscription. */
export function followEventLog<E extends SequencedEvent>(
  ctx: Pick<Context, "shutdown" | "metrics">,
  follow: EventLogFollow<E>,
): AsyncIterableIterator<E> {
  const { live, readLog, wanted = () => true } = follow;
  let last = follow.last;

  async function* catchUp(upToSeq?: number): AsyncGenerator<E> {
    for (;;) {
      // A stream outlives moments when the database is saturated: wait for the log rather than end the stream.
      const batch = await retryWhileUnavailable(() => readLog(last, upToSeq), ctx.shutdown);
      for (const event of batch) {
        last = event.seq;
        if (wanted(event)) yield event;
      }
      if (batch.length < GAP_FILL_BATCH) return;
    }
  }

  async function* stream(): AsyncGenerator<E> {
    try {
      if (follow.replay) yield* catchUp();
      for (;;) {
        const { value, done } = await live.next();
        if (done) return;
        if (value.seq <= last) continue; // already delivered by the replay or a gap fill
        // A gap: an event reached us out of order, was dropped for a slow reader, or was lost while Redis was away.
        // The log has it.
        if (value.seq > last + 1) yield* catchUp(value.seq - 1);
        last = value.seq;
        if (!wanted(value)) continue;
        if (value.publishedAt) ctx.metrics.observeFanoutLag(Date.now() - value.publishedAt);
        yield value;
      }
    } finally {
      await live.return?.();
    }
  }
  return eagerReturn(ctx, stream(), async () => live.return?.());
}

/**
 * Makes return() work at once on a generator that is waiting: `release` (which ends the wait) runs first. Without
 * it a generator parked in `await next()` would finish only when the next event arrived, holding its listener (and
 * its Redis subscription) until then; and one that never started would ignore return() altogether. The stream also
 * ends when the server shuts down.
 */
export function eagerReturn<T>(
  ctx: Pick<Context, "shutdown">,
  events: AsyncGenerator<T>,
  release: () => Promise<unknown>,
): AsyncIterableIterator<T> {
  const stop = () => void wrapped.return!();
  let forgetShutdown = () => {};
  const wrapped: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => wrapped,
    next: () => events.next(),
    async return(value?: unknown) {
      forgetShutdown();
      await release();
      return events.return(value as never);
    },
    async throw(error?: unknown) {
      await release();
      return events.throw(error);
    },
  };
  if (ctx.shutdown.aborted) void wrapped.return!();
  else forgetShutdown = onShutdown(ctx.shutdown, stop);
  return wrapped;
}

/** The streams to end when each server shuts down: one abort listener per server rather than one per stream (an
 * AbortSignal, like every EventTarget, looks through all its listeners whenever one is added or removed). */
const shutdownCallbacks = new WeakMap<AbortSignal, Set<() => void>>();

function onShutdown(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = shutdownCallbacks.get(signal);
  if (!callbacks) {
    const all = new Set<() => void>();
    callbacks = all;
    shutdownCallbacks.set(signal, all);
    signal.addEventListener(
      "abort",
      () => {
        for (const run of [...all]) run();
        all.clear();
      },
      { once: true },
    );
  }
  callbacks.add(callback);
  const registered = callbacks;
  return () => void registered.delete(callback);
}
