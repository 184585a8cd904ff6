// Publishing on time: editors schedule an article's publication or withdrawal, or hold a published article under
// embargo until a time; the scheduler (scheduler.ts) makes each change when it is due. A job is marked done in the
// transaction that makes its change, with a conditional update, so it runs once however many instances watch.
import type { AppDeps, Context } from "../../context.js";
import { createContext } from "../../context.js";
import { BadUserInputError, ConflictError, NotFoundError } from "../../errors.js";
import type { Prisma as P, ScheduledJob } from "../../generated/prisma/client.js";
import type { ScheduledAction } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { writeTransaction } from "../../platform/transactions.js";
import { audit } from "../shared/audit.js";
import { requireEditor } from "../shared/authz.js";
import { checkedText } from "../shared/text.js";

type Tx = P.TransactionClient;

const BATCH = 20;
/** Farthest ahead a job may be scheduled. */
const MAX_AHEAD_MS = 2 * 366 * 86_400_000;

function checkedTime(ctx: Context, at: Date, field: string): Date {
  if (Number.isNaN(at.getTime())) throw new BadUserInputError(`${field} is not a time`, field);
  const now = ctx.clock().getTime();
  if (at.getTime() <= now) throw new BadUserInputError(`${field} must be in the future`, field);
  if (at.getTime() > now + MAX_AHEAD_MS) throw new BadUserInputError(`${field} is more than two years ahead`, field);
  return at;
}

/** Bumps the article's version if it is still at `version` (a stale one is a CONFLICT), setting `data`. */
async function bumpAtVersion(
  tx: Tx,
  ctx: Context,
  id: string,
  globalId: string,
  version: number,
  data: P.ArticleUpdateManyMutationInput,
) {
  const { count } = await tx.article.updateMany({
    where: { id, version },
    data: { ...data, version: { increment: 1 }, updatedAt: ctx.clock() },
  });
  if (count === 1) return;
  const current = await tx.article.findUnique({ where: { id }, select: { version: true } });
  if (!current) throw new NotFoundError("Article", globalId);
  throw new ConflictError(`The article changed meanwhile: it is now at version ${current.version}`, "version");
}

export async function scheduleArticle(
  ctx: Context,
  input: { articleId: string; action: "PUBLISH" | "WITHDRAW"; at: Date; reason?: string | null },
): Promise<ScheduledJob> {
  const editor = requireEditor(ctx, "schedule articles");
  const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
  const runAt = checkedTime(ctx, input.at, "at");
  const reason = input.action === "WITHDRAW" ? checkedText(input.reason ?? "", "reason", 2000) : null;
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    if (!(await tx.article.findUnique({ where: { id: articleId }, select: { id: true } })))
      throw new NotFoundError("Article", input.articleId);
    const job = await tx.scheduledJob.create({
      data: {
        id: ctx.newId(),
        articleId,
        action: input.action,
        runAt,
        reason,
        createdById: editor.id,
        createdAt: now,
        updatedAt: now,
      },
    });
    await audit(tx, ctx, "scheduleArticle", "Article", articleId, { action: input.action, at: runAt, reason });
    return job;
  });
}

/** Holds the article from every public read until `until` (null lifts the embargo now). */
export async function embargoArticle(ctx: Context, globalId: string, version: number, until: Date | null) {
  const editor = requireEditor(ctx, "embargo articles");
  const id = decodeGlobalIdOf(globalId, "Article");
  const embargoedUntil = until === null ? null : checkedTime(ctx, until, "until");
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    await bumpAtVersion(tx, ctx, id, globalId, version, { embargoedUntil });
    // One lifting job at a time: the new time replaces the old one.
    await tx.scheduledJob.updateMany({
      where: { articleId: id, action: "LIFT_EMBARGO", doneAt: null, cancelledAt: null },
      data: { cancelledAt: now, updatedAt: now },
    });
    if (embargoedUntil) {
      await tx.scheduledJob.create({
        data: {
          id: ctx.newId(),
          articleId: id,
          action: "LIFT_EMBARGO",
          runAt: embargoedUntil,
          createdById: editor.id,
          createdAt: now,
          updatedAt: now,
        },
      });
    }
    await audit(tx, ctx, embargoedUntil ? "embargoArticle" : "liftEmbargo", "Article", id, {
      version,
      until: embargoedUntil,
    });
    return tx.article.findUniqueOrThrow({ where: { id } });
  });
}

export async function cancelScheduledJob(ctx: Context, globalId: string): Promise<ScheduledJob> {
  requireEditor(ctx, "cancel scheduled changes");
  const id = decodeGlobalIdOf(globalId, "ScheduledJob");
  const now = ctx.clock();
  return writeTransaction(ctx, async (tx) => {
    const { count } = await tx.scheduledJob.updateMany({
      where: { id, doneAt: null, cancelledAt: null },
      data: { cancelledAt: now, updatedAt: now },
    });
    const job = await tx.scheduledJob.findUnique({ where: { id } });
    if (!job) throw new NotFoundError("ScheduledJob", globalId);
    if (count === 0) throw new ConflictError("That scheduled change has already run or was cancelled", "id");
    await audit(tx, ctx, "cancelScheduledJob", "Article", job.articleId, { action: job.action, at: job.runAt });
    return job;
  });
}

/** Makes one job's change, if no one has yet; returns what happened (null: another instance had it). */
async function runJob(ctx: Context, job: ScheduledJob): Promise<string | null> {
  return writeTransaction(ctx, async (tx) => {
    const now = ctx.clock();
    const { count } = await tx.scheduledJob.updateMany({
      where: { id: job.id, doneAt: null, cancelledAt: null },
      data: { doneAt: now, updatedAt: now },
    });
    if (count === 0) return null;
    const article = await tx.article.findUnique({ where: { id: job.articleId } });
    let outcome = "done";
    const changes = { scheduledJobId: job.id, scheduledBy: job.createdById, at: job.runAt };
    const change = async (action: string, data: P.ArticleUpdateInput) => {
      await tx.article.update({
        where: { id: job.articleId },
        data: { ...data, version: { increment: 1 }, updatedAt: now },
      });
      await audit(tx, ctx, action, "Article", job.articleId, changes);
    };
    if (!article) outcome = "the article no longer exists";
    else if (job.action === "PUBLISH") {
      if (article.status === "PUBLISHED") outcome = "it was already published";
      else await change("publishArticle", { status: "PUBLISHED", publishedAt: article.publishedAt ?? job.runAt });
    } else if (job.action === "WITHDRAW") {
      if (article.status === "WITHDRAWN") outcome = "it was already withdrawn";
      else {
        await change("withdrawArticle", { status: "WITHDRAWN" });
        await tx.correction.create({
          data: {
            id: ctx.newId(),
            articleId: job.articleId,
            text: `This article was withdrawn: ${job.reason ?? ""}`.trim(),
            publishedAt: now,
            createdAt: now,
            updatedAt: now,
          },
        });
      }
    } else if (article.embargoedUntil === null) outcome = "the embargo was already lifted";
    else await change("liftEmbargo", { embargoedUntil: null });
    await tx.scheduledJob.update({ where: { id: job.id }, data: { outcome } });
    return outcome;
  });
}

/** Runs every due job (catching up on any missed while no instance ran); returns how many this instance ran. */
export async function runDueJobs(deps: AppDeps): Promise<{ ran: number; actions: ScheduledAction[] }> {
  const ctx = createContext(deps, null, { longLived: true });
  const actions: ScheduledAction[] = [];
  for (;;) {
    const due = await deps.db.prisma.scheduledJob.findMany({
      where: { doneAt: null, cancelledAt: null, runAt: { lte: deps.clock() } },
      orderBy: [{ runAt: "asc" }, { id: "asc" }],
      take: BATCH,
    });
    for (const job of due) if ((await runJob(ctx, job)) !== null) actions.push(job.action);
    if (due.length < BATCH) break;
  }
  return { ran: actions.length, actions };
}
