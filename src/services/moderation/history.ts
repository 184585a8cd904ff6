// A commenter's history for moderators: how old the account is, how their comments fared, the decisions taken on
// them, and what moderators did to and noted about the account.
import type { Context } from "../../context.js";
import type { AccountAction, ModerationDecision } from "../../generated/prisma/client.js";

export interface CommenterHistory {
  accountId: string;
  createdAt: Date;
  visibleCount: number;
  approvedCount: number;
  pendingCount: number;
  rejectedCount: number;
  removedCount: number;
  flagsReceived: number;
  decisions: (ModerationDecision & { reasons: { rule: string; detail: string | null }[] })[];
  actions: AccountAction[];
}

const RECENT = 20;

export async function commenterHistory(
  ctx: Context,
  account: { id: string; createdAt: Date },
): Promise<CommenterHistory> {
  const { id } = account;
  const [byStatus, approvedCount, flags, decisions, actions] = await Promise.all([
    ctx.prisma.comment.groupBy({ by: ["status"], where: { authorId: id }, _count: { _all: true } }),
    ctx.prisma.comment.count({
      where: { authorId: id, decisions: { some: { actorId: { not: null }, status: "VISIBLE" } } },
    }),
    ctx.prisma.comment.aggregate({ where: { authorId: id }, _sum: { flagCount: true } }),
    ctx.prisma.moderationDecision.findMany({
      where: { comment: { authorId: id } },
      include: { reasons: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT,
    }),
    ctx.prisma.accountAction.findMany({
      where: { accountId: id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: RECENT,
    }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    accountId: id,
    createdAt: account.createdAt,
    visibleCount: count("VISIBLE"),
    approvedCount,
    pendingCount: count("PENDING"),
    rejectedCount: count("REJECTED"),
    removedCount: count("REMOVED"),
    flagsReceived: flags._sum.flagCount ?? 0,
    decisions,
    actions,
  };
}
