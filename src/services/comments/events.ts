// The comment event log. Every change to a comment appends one CommentEvent, numbered per article, in the same
// transaction as the change; after the commit the event is published. Live streams replay the log from a cursor and
// then follow the pub/sub, filling any gap from the log, so a subscriber sees every event once and in order.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { CommentEventKind, CommentStatus } from "../../generated/prisma/enums.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { Account } from "../../generated/prisma/client.js";
import type { CommentEventMessage } from "./event-message.js";
import { retryWhileUnavailable } from "../../platform/retry.js";
import { canModerate } from "../shared/visibility.js";
import { enqueueCommentEvent } from "../webhooks/outbox.js";

type Tx = P.TransactionClient;

interface CommentForEvent {
  id: string;
  articleId: string;
  rootId: string | null;
  authorId: string;
  status: CommentStatus;
}

/** Appends an event for `comment` inside the caller's transaction. The article row update serialises writers, so
 * sequence order is commit order (on PostgreSQL the row lock is held until commit; SQLite has one writer). */
export async function recordCommentEvent(
  tx: Tx,
  ctx: Pick<Context, "newId" | "clock">,
  comment: CommentForEvent,
  kind: CommentEventKind,
  previousStatus: CommentStatus | null = null,
  /** The event's sequence number when the caller already took it from the article row. */
  takenSeq?: number,
): Promise<CommentEventMessage> {
  const lastEventSeq =
    takenSeq ??
    (
      await tx.article.update({
        where: { id: comment.articleId },
        data: { lastEventSeq: { increment: 1 } },
        select: { lastEventSeq: true },
      })
    ).lastEventSeq;
  const now = ctx.clock();
  const row = await tx.commentEvent.create({
    data: {
      id: ctx.newId(),
      articleId: comment.articleId,
      seq: lastEventSeq,
      kind,
      commentId: comment.id,
      threadId: comment.rootId ?? comment.id,
      authorId: comment.authorId,
      status: comment.status,
      previousStatus,
      createdAt: now,
      updatedAt: now,
    },
  });
  await enqueueCommentEvent(tx, ctx, kind, comment, previousStatus);
  return toMessage(row);
}

export function toMessage(
  row: Omit<CommentEventMessage, "createdAt" | "publishedAt"> & { createdAt: Date },
): CommentEventMessage {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/** Publishes committed events: to the article's stream, and to the moderators' stream. */
export function publishCommentEvents(ctx: Pick<Context, "pubsub">, events: CommentEventMessage[]): void {
  for (const event of events) {
    const message = { ...event, publishedAt: Date.now() };
    ctx.pubsub.publish("comment:event", event.articleId, message);
    ctx.pubsub.publish("moderation:event", "all", message);
  }
}

/**
 * Publishes again the latest logged event of one kind for a comment, when a retry finds the write already done. A
 * write can commit and still fail on its way back (a transaction that expired while its COMMIT was answered, a
 * dropped connection), and then its event was never published; subscribers would only notice the gap at the next
 * event, so the last change of a burst would never arrive. Streams skip sequences they have seen, so publishing
 * twice is harmless.
 */
export async function republishLatest(
  ctx: Pick<Context, "prisma" | "pubsub">,
  commentId: string,
  kind: CommentEventKind,
): Promise<void> {
  const logged = await ctx.prisma.commentEvent.findFirst({ where: { commentId, kind }, orderBy: { seq: "desc" } });
  if (logged) publishCommentEvents(ctx, [toMessage(logged)]);
}

/** Whether `viewer` may see `event`: everyone sees what concerns a visible comment (its arrival, edits, removal,
 * approval or rejection); authors see everything about their own comments; moderators see everything. */
export function canSeeEvent(
  viewer: Account | null,
  event: Pick<CommentEventMessage, "authorId" | "status" | "previousStatus">,
): boolean {
  if (canModerate(viewer)) return true;
  if (viewer && viewer.id === event.authorId) return true;
  return event.status === "VISIBLE" || event.previousStatus === "VISIBLE";
}

// Cursors name the article as well as the position, so one article's cursor cannot be used on another.
export function encodeEventCursor(articleId: string, seq: number): string {
  return Buffer.from(`ce:${articleId}:${seq}`, "utf8").toString("base64url");
}

const MAX_SEQ = 2 ** 31 - 1;

export function decodeEventCursor(cursor: string, articleId: string): number {
  const fail = (why: string): never => {
    throw new BadUserInputError(`after is not a cursor of this article's comment stream (${why})`, "after");
  };
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) fail("malformed");
  const match = /^ce:(.+):(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) return fail("malformed");
  if (match[1] !== articleId) fail("it belongs to another article");
  const seq = Number(match[2]);
  if (seq > MAX_SEQ) fail("out of range");
  return seq;
}

export interface StreamOptions {
  articleId: string;
  /** Only events of this thread (top-level comment id). */
  threadId?: string | null;
  /** Replay from the log every event after this sequence number first. */
  afterSeq?: number;
  /** Which events the subscriber wants (after the visibility check); all when absent. */
  accept?: (event: CommentEventMessage) => boolean;
}

const GAP_FILL_BATCH = 500;

async function readLog(
  ctx: Context,
  articleId: string,
  afterSeq: number,
  upToSeq?: number,
): Promise<CommentEventMessage[]> {
  const rows = await ctx.prisma.commentEvent.findMany({
    where: { articleId, seq: upToSeq === undefined ? { gt: afterSeq } : { gt: afterSeq, lte: upToSeq } },
    orderBy: { seq: "asc" },
    take: GAP_FILL_BATCH,
  });
  return rows.map(toMessage);
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

/**
 * Opens an article's event stream for one subscriber. Resolves once the live subscription is registered (and, with
 * Redis, acknowledged) and the starting position is known, so that nothing committed after that moment is missed.
 */
export async function openCommentEventStream(
  ctx: Context,
  options: StreamOptions,
): Promise<AsyncIterableIterator<CommentEventMessage>> {
  const { articleId } = options;
  const iterator = ctx.pubsub.subscribe("comment:event", articleId); // listening from here on
  await ctx.pubsub.ready("comment:event", articleId);
  const head =
    (await ctx.prisma.article.findUnique({ where: { id: articleId }, select: { lastEventSeq: true } }))?.lastEventSeq ??
    0;
  if (options.afterSeq !== undefined && options.afterSeq > head) {
    await iterator.return?.();
    throw new BadUserInputError("after is a cursor of an event that has not happened", "after");
  }
  let last = options.afterSeq ?? head;
  const wanted = (event: CommentEventMessage) =>
    (!options.threadId || event.threadId === options.threadId) &&
    canSeeEvent(ctx.viewer, event) &&
    (!options.accept || options.accept(event));

  async function* catchUp(upToSeq?: number): AsyncGenerator<CommentEventMessage> {
    for (;;) {
      // A stream outlives moments when the database is saturated: wait for the log rather than end the stream.
      const batch = await retryWhileUnavailable(() => readLog(ctx, articleId, last, upToSeq), ctx.shutdown);
      for (const event of batch) {
        last = event.seq;
        if (wanted(event)) yield event;
      }
      if (batch.length < GAP_FILL_BATCH) return;
    }
  }

  async function* stream(): AsyncGenerator<CommentEventMessage> {
    try {
      if (options.afterSeq !== undefined) yield* catchUp();
      for (;;) {
        const { value, done } = await iterator.next();
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
      await iterator.return?.();
    }
  }
  return eagerReturn(ctx, stream(), async () => iterator.return?.());
}
