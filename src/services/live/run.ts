// How every live-blog mutation runs: editors only, one transaction that holds the blog's row (so that changes to
// one blog, and its sequence numbers, are serialised), a clientMutationId receipt, the audit entry and the events
// in the same transaction; the events are published once it has committed.
import type { Context } from "../../context.js";
import { BadUserInputError, NotFoundError } from "../../errors.js";
import type { LiveBlog, LiveUpdate, Prisma as P } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { writeTransaction } from "../../platform/transactions.js";
import { requireEditor } from "../shared/authz.js";
import type { LiveBlogEventMessage } from "./event-message.js";
import { publishLiveBlogEvents, toLiveMessage } from "./events.js";
import { once } from "./receipts.js";

type Tx = P.TransactionClient;

export interface LiveChange {
  tx: Tx;
  /** Events the change logged; published after the commit. */
  events: LiveBlogEventMessage[];
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/** Runs one live-blog mutation; `change` returns the id of what the mutation answers with. */
export async function runLiveMutation(
  ctx: Context,
  mutation: string,
  input: { clientMutationId?: string | null },
  change: (c: LiveChange) => Promise<string>,
): Promise<string> {
  requireEditor(ctx, "write live blogs");
  const attempt = () =>
    writeTransaction(ctx, async (tx) => {
      const events: LiveBlogEventMessage[] = [];
      const receipted = await once(tx, ctx, mutation, input, () => change({ tx, events }));
      return { ...receipted, events };
    });
  let result: Awaited<ReturnType<typeof attempt>>;
  try {
    result = await attempt();
  } catch (error) {
    // Two tries of one clientMutationId at once: the second finds the first's receipt on its second run.
    if (!input.clientMutationId || !isUniqueViolation(error)) throw error;
    result = await attempt();
  }
  if (result.replayed) await republishLatestAbout(ctx, result.resultId);
  else publishLiveBlogEvents(ctx, result.events);
  return result.resultId;
}

/** A retry found its change made: publish again the latest event about what it returned (see receipts.ts). */
async function republishLatestAbout(ctx: Context, resultId: string): Promise<void> {
  const logged = await ctx.prisma.liveBlogEvent.findFirst({
    where: { OR: [{ updateId: resultId }, { articleId: resultId, updateId: null }] },
    orderBy: { createdAt: "desc" },
  });
  if (logged) publishLiveBlogEvents(ctx, [toLiveMessage(logged)]);
}

/** Takes the blog's row for the transaction (PostgreSQL holds the lock until commit; SQLite has one writer). */
export async function holdBlog(tx: Tx, ctx: Context, articleId: string, field = "articleId"): Promise<LiveBlog> {
  const { count } = await tx.liveBlog.updateMany({ where: { articleId }, data: { updatedAt: ctx.clock() } });
  if (count === 0) throw new BadUserInputError(`${field} is not a live blog (start one with setLiveCoverage)`, field);
  return tx.liveBlog.findUniqueOrThrow({ where: { articleId } });
}

/** An update by global id, with its blog held. */
export async function holdUpdate(
  tx: Tx,
  ctx: Context,
  globalId: string,
): Promise<{ update: LiveUpdate; blog: LiveBlog }> {
  const id = decodeGlobalIdOf(globalId, "LiveUpdate");
  const found = await tx.liveUpdate.findUnique({ where: { id }, select: { articleId: true } });
  if (!found) throw new NotFoundError("LiveUpdate", globalId);
  const blog = await holdBlog(tx, ctx, found.articleId);
  return { update: await tx.liveUpdate.findUniqueOrThrow({ where: { id } }), blog };
}
