// Making an article a live blog and setting its coverage window: it is live from coverageStartAt, and open while
// coverageEndAt is null or in the future.
import type { Context } from "../../context.js";
import { BadUserInputError, NotFoundError } from "../../errors.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { audit } from "../shared/audit.js";
import { recordLiveBlogEvent } from "./events.js";
import { runLiveMutation } from "./run.js";

export interface SetLiveCoverageInput {
  articleId: string;
  /** Omitted: unchanged (now, for a new live blog). */
  coverageStartTime?: Date | null;
  /** Null: open (running); omitted: unchanged. */
  coverageEndTime?: Date | null;
  clientMutationId?: string | null;
}

export function setLiveCoverage(ctx: Context, input: SetLiveCoverageInput): Promise<string> {
  return runLiveMutation(ctx, "setLiveCoverage", input, async ({ tx, events }) => {
    const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
    if (!(await tx.article.findUnique({ where: { id: articleId }, select: { id: true } })))
      throw new NotFoundError("Article", input.articleId);
    const now = ctx.clock();
    const existing = await tx.liveBlog.findUnique({ where: { articleId } });
    const start = input.coverageStartTime ?? existing?.coverageStartAt ?? now;
    const end = input.coverageEndTime === undefined ? (existing?.coverageEndAt ?? null) : input.coverageEndTime;
    if (end && end < start)
      throw new BadUserInputError("coverageEndTime may not be before coverageStartTime", "coverageEndTime");
    if (existing) {
      await tx.liveBlog.update({
        where: { articleId },
        data: { coverageStartAt: start, coverageEndAt: end, version: { increment: 1 }, updatedAt: now },
      });
    } else {
      await tx.liveBlog.create({
        data: { articleId, coverageStartAt: start, coverageEndAt: end, createdAt: now, updatedAt: now },
      });
    }
    await audit(tx, ctx, "setLiveCoverage", "Article", articleId, {
      coverageStartTime: start.toISOString(),
      coverageEndTime: end?.toISOString() ?? null,
    });
    events.push(await recordLiveBlogEvent(tx, ctx, articleId, "COVERAGE_CHANGED", null));
    return articleId;
  });
}
