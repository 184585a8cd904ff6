// The audit log: every editorial or moderation write records who did what to which record, in its own transaction.
import type { Context } from "../../context.js";
import type { Prisma as P } from "../../generated/prisma/client.js";

export async function audit(
  tx: P.TransactionClient,
  ctx: Context,
  action: string,
  entityType: string,
  entityId: string,
  changes: unknown,
): Promise<void> {
  const now = ctx.clock();
  await tx.auditEntry.create({
    data: {
      id: ctx.newId(),
      actorId: ctx.viewer?.id ?? null,
      action,
      entityType,
      entityId,
      changes: JSON.stringify(changes),
      createdAt: now,
      updatedAt: now,
    },
  });
}
