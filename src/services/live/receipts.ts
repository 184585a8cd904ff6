// clientMutationId for every live-blog mutation: the first run of (actor, mutation, id) leaves a receipt in its
// transaction; a retry with the same id and input finds it and changes nothing again (its events are published
// again, for the case where the first attempt committed but never published them). Other input under the same id is
// a CONFLICT.
import { createHash } from "node:crypto";
import { ConflictError } from "../../errors.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { Context } from "../../context.js";

type Tx = P.TransactionClient;

export interface Receipted {
  /** The id of what the mutation returns (an update, or the live blog's article). */
  resultId: string;
  /** True when a receipt showed that the change was already made. */
  replayed: boolean;
}

/** JSON with every object's keys in order, at every depth (a replacer array would drop the nested keys). */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
}

export function inputHash(input: object): string {
  const { clientMutationId: _ignored, ...rest } = input as Record<string, unknown>;
  return createHash("sha256")
    .update(JSON.stringify(canonical(rest)))
    .digest("hex");
}

/** Runs `change` unless a receipt says it already ran. Call inside the mutation's transaction. */
export async function once(
  tx: Tx,
  ctx: Context,
  mutation: string,
  input: { clientMutationId?: string | null },
  change: () => Promise<string>,
): Promise<Receipted> {
  const { clientMutationId } = input;
  const actorId = ctx.viewer!.id;
  if (!clientMutationId) return { resultId: await change(), replayed: false };
  const hash = inputHash(input);
  const receipt = await tx.mutationReceipt.findUnique({
    where: { actorId_mutation_clientMutationId: { actorId, mutation, clientMutationId } },
  });
  if (receipt) {
    if (receipt.inputHash !== hash)
      throw new ConflictError("That clientMutationId was used with different input", "clientMutationId");
    return { resultId: receipt.resultId, replayed: true };
  }
  const resultId = await change();
  const now = ctx.clock();
  await tx.mutationReceipt.create({
    data: {
      id: ctx.newId(),
      actorId,
      mutation,
      clientMutationId,
      inputHash: hash,
      resultId,
      createdAt: now,
      updatedAt: now,
    },
  });
  return { resultId, replayed: false };
}
