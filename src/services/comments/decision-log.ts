// The record of moderation decisions: one row per change of a comment's status, by a rule or a person, with its
// reasons (which rule, which word), so that the moderator and the author can see why.
import type { Context } from "../../context.js";
import type { CommentStatus, ModerationRule } from "../../generated/prisma/enums.js";
import type { Prisma as P } from "../../generated/prisma/client.js";

export interface Reason {
  rule: ModerationRule;
  detail?: string;
}

type Tx = P.TransactionClient;

export async function recordDecision(
  tx: Tx,
  ctx: Pick<Context, "newId" | "clock">,
  decision: {
    commentId: string;
    actorId: string | null;
    status: CommentStatus;
    previousStatus: CommentStatus | null;
    note?: string | null;
    reasons: Reason[];
  },
): Promise<void> {
  const now = ctx.clock();
  await tx.moderationDecision.create({
    data: {
      id: ctx.newId(),
      commentId: decision.commentId,
      actorId: decision.actorId,
      status: decision.status,
      previousStatus: decision.previousStatus,
      note: decision.note ?? null,
      createdAt: now,
      updatedAt: now,
      reasons: {
        create: decision.reasons.map((r) => ({
          id: ctx.newId(),
          rule: r.rule,
          detail: r.detail ?? null,
          createdAt: now,
          updatedAt: now,
        })),
      },
    },
  });
}
