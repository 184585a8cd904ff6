// The moderation queues: which comments each holds, narrowed by section, story and commenter, in the order asked.
import type { Context } from "../../context.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { requireModerator } from "../shared/authz.js";

export const MODERATION_QUEUES = ["PENDING", "REPORTED", "REJECTED", "APPROVED", "FEATURED"] as const;
export type ModerationQueue = (typeof MODERATION_QUEUES)[number];
export type ModerationOrder = "NEWEST" | "OLDEST" | "MOST_FLAGGED";

export interface QueueFilter {
  /** A section's slug. */
  section?: string | null;
  articleId?: string | null;
  authorId?: string | null;
}

const QUEUE_WHERE: Record<ModerationQueue, P.CommentWhereInput> = {
  // held by a rule, by flags or by pre-moderation
  PENDING: { status: "PENDING" },
  // flagged at least once since a moderator last looked, and still visible
  REPORTED: { status: "VISIBLE", reported: true },
  REJECTED: { status: "REJECTED" },
  // visible because a moderator approved it
  APPROVED: { status: "VISIBLE", decisions: { some: { actorId: { not: null }, status: "VISIBLE" } } },
  FEATURED: { status: "VISIBLE", featuredAt: { not: null } },
};

/** The filter on comments for one queue; moderators only. */
export function queueWhere(ctx: Context, queue: ModerationQueue, filter: QueueFilter): P.CommentWhereInput {
  requireModerator(ctx, "see the moderation queues");
  return {
    ...QUEUE_WHERE[queue],
    ...(filter.articleId ? { articleId: decodeGlobalIdOf(filter.articleId, "Article", "articleId") } : {}),
    ...(filter.authorId ? { authorId: decodeGlobalIdOf(filter.authorId, "Account", "authorId") } : {}),
    ...(filter.section ? { article: { section: { slug: filter.section } } } : {}),
  };
}

/** Ties broken by id, so that paging is stable. */
export function queueOrderBy(order: ModerationOrder | null | undefined): P.CommentOrderByWithRelationInput[] {
  switch (order) {
    case "NEWEST":
      return [{ createdAt: "desc" }, { id: "desc" }];
    case "MOST_FLAGGED":
      return [{ flagCount: "desc" }, { createdAt: "asc" }, { id: "asc" }];
    default:
      return [{ createdAt: "asc" }, { id: "asc" }];
  }
}

/** How many comments each queue holds under the filter: the console's tab counts. */
export async function queueCounts(ctx: Context, filter: QueueFilter): Promise<Record<ModerationQueue, number>> {
  const counts = await Promise.all(
    MODERATION_QUEUES.map((queue) => ctx.prisma.comment.count({ where: queueWhere(ctx, queue, filter) })),
  );
  return Object.fromEntries(MODERATION_QUEUES.map((queue, i) => [queue, counts[i]!])) as Record<
    ModerationQueue,
    number
  >;
}
