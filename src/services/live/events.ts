// The live-blog event log. Every public change to a live blog (an update posted, edited, corrected, marked, pinned or
// withdrawn; the coverage window changed) appends one LiveBlogEvent, numbered per blog, in the same transaction as
// the change; after the commit the event is published. Streams replay the log after a cursor, then follow the
// pub/sub and fill any gap from the log: every subscriber sees every event once, in order, on every instance.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { LiveBlogEventKind } from "../../generated/prisma/enums.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import { GAP_FILL_BATCH, followEventLog } from "../shared/event-stream.js";
import type { LiveBlogEventMessage } from "./event-message.js";

type Tx = P.TransactionClient;

/** Appends an event inside the caller's transaction. The LiveBlog row update serialises writers, so sequence order
 * is commit order (PostgreSQL holds the row lock until commit; SQLite has one writer). */
export async function recordLiveBlogEvent(
  tx: Tx,
  ctx: Pick<Context, "newId" | "clock">,
  articleId: string,
  kind: LiveBlogEventKind,
  updateId: string | null,
): Promise<LiveBlogEventMessage> {
  const { lastEventSeq } = await tx.liveBlog.update({
    where: { articleId },
    data: { lastEventSeq: { increment: 1 }, updatedAt: ctx.clock() },
    select: { lastEventSeq: true },
  });
  const now = ctx.clock();
  const row = await tx.liveBlogEvent.create({
    data: { id: ctx.newId(), articleId, seq: lastEventSeq, kind, updateId, createdAt: now, updatedAt: now },
  });
  return toLiveMessage(row);
}

export function toLiveMessage(
  row: Omit<LiveBlogEventMessage, "createdAt"> & { createdAt: Date },
): LiveBlogEventMessage {
  return {
    id: row.id,
    articleId: row.articleId,
    seq: row.seq,
    kind: row.kind,
    updateId: row.updateId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Publishes committed events to their blog's stream. */
export function publishLiveBlogEvents(ctx: Pick<Context, "pubsub">, events: LiveBlogEventMessage[]): void {
  for (const event of events)
    ctx.pubsub.publish("liveblog:event", event.articleId, { ...event, publishedAt: Date.now() });
}

/** A retry that finds its change already made publishes the change's logged events again (the first attempt may
 * have committed and failed before publishing); streams skip what they have seen. */
export async function republishLiveEvents(ctx: Pick<Context, "prisma" | "pubsub">, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await ctx.prisma.liveBlogEvent.findMany({ where: { id: { in: ids } }, orderBy: { seq: "asc" } });
  publishLiveBlogEvents(ctx, rows.map(toLiveMessage));
}

// Cursors name the blog as well as the position, so that one blog's cursor cannot be used on another.
export function encodeLiveEventCursor(articleId: string, seq: number): string {
  return Buffer.from(`le:${articleId}:${seq}`, "utf8").toString("base64url");
}

const MAX_SEQ = 2 ** 31 - 1;

export function decodeLiveEventCursor(cursor: string, articleId: string): number {
  const fail = (why: string): never => {
    throw new BadUserInputError(`after is not a cursor of this live blog's event stream (${why})`, "after");
  };
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) fail("malformed");
  const match = /^le:(.+):(\d{1,10})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) return fail("malformed");
  if (match[1] !== articleId) fail("it belongs to another live blog");
  const seq = Number(match[2]);
  if (seq > MAX_SEQ) fail("out of range");
  return seq;
}

async function readLog(ctx: Context, articleId: string, afterSeq: number, upToSeq?: number) {
  const rows = await ctx.prisma.liveBlogEvent.findMany({
    where: { articleId, seq: upToSeq === undefined ? { gt: afterSeq } : { gt: afterSeq, lte: upToSeq } },
    orderBy: { seq: "asc" },
    take: GAP_FILL_BATCH,
  });
  return rows.map(toLiveMessage);
}

/**
 * Opens a blog's event stream for one subscriber. Resolves once the live subscription is registered (and, with
 * Redis, acknowledged) and the starting position is known, so that nothing committed after that moment is missed.
 */
export async function openLiveBlogEventStream(
  ctx: Context,
  articleId: string,
  afterSeq: number | undefined,
): Promise<AsyncIterableIterator<LiveBlogEventMessage>> {
  const iterator = ctx.pubsub.subscribe("liveblog:event", articleId); // listening from here on
  await ctx.pubsub.ready("liveblog:event", articleId);
  const head =
    (await ctx.prisma.liveBlog.findUnique({ where: { articleId }, select: { lastEventSeq: true } }))?.lastEventSeq ?? 0;
  if (afterSeq !== undefined && afterSeq > head) {
    await iterator.return?.();
    throw new BadUserInputError("after is a cursor of an event that has not happened", "after");
  }
  return followEventLog(ctx, {
    live: iterator,
    last: afterSeq ?? head,
    replay: afterSeq !== undefined,
    readLog: (afterLogSeq, upToSeq) => readLog(ctx, articleId, afterLogSeq, upToSeq),
  });
}
