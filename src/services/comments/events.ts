// The comment event log. Every change to a comment appends one CommentEvent, numbered per article, in the same
// transaction as the change; after the commit the event is published. Live streams replay the log from a cursor and
// then follow the pub/sub, filling any gap from the log, so a subscriber sees every event once and in order.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { CommentEventKind, CommentStatus } from "../../generated/prisma/enums.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { Account } from "../../generated/prisma/client.js";
import type { CommentEventMessage } from "./event-message.js";
import { GAP_FILL_BATCH, followEventLog } from "../shared/event-stream.js";
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
 * approval or rejection); authors see everything about their own comments; moderators see everything (flags are
 * for moderators only). */
export function canSeeEvent(
  viewer: Account | null,
  event: Pick<CommentEventMessage, "authorId" | "status" | "previousStatus"> & { kind?: CommentEventKind },
): boolean {
  if (canModerate(viewer)) return true;
  if (event.kind === "FLAGGED") return false; // who flagged what is for moderators only
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
  const wanted = (event: CommentEventMessage) =>
    (!options.threadId || event.threadId === options.threadId) &&
    canSeeEvent(ctx.viewer, event) &&
    (!options.accept || options.accept(event));
  return followEventLog(ctx, {
    live: iterator,
    last: options.afterSeq ?? head,
    replay: options.afterSeq !== undefined,
    readLog: (afterSeq, upToSeq) => readLog(ctx, articleId, afterSeq, upToSeq),
    wanted,
  });
}
