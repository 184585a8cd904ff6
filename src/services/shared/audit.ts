// The audit log: every editorial or moderation write records who did what to which record, in its own transaction.
// The same transaction keeps the article's revision and queues the webhooks that report the change.
import type { Context } from "../../context.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import { recordRevision } from "../revisions/record.js";
import { enqueueEditorialEvent } from "../webhooks/outbox.js";

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
  if (entityType === "Article") await recordRevision(tx, ctx, action, entityId);
  await enqueueEditorialEvent(tx, ctx, action, entityType, entityId);
}
