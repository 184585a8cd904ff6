// Every write goes through one interactive transaction made here. (On SQLite it takes the write lock at BEGIN:
// see db.ts.)
import type { Context } from "../context.js";
import type { Prisma as P } from "../generated/prisma/client.js";

// Concurrent writes queue on the rows they share (an article's sequences): give them room rather than failing at
// Prisma's 2 s default.
const OPTIONS = { maxWait: 30_000, timeout: 30_000 };

export function writeTransaction<T>(
  ctx: Pick<Context, "prisma">,
  run: (tx: P.TransactionClient) => Promise<T>,
): Promise<T> {
  return ctx.prisma.$transaction(run, OPTIONS);
}

/**
 * Serialises changes to one comment: the transaction waits here until no other one holds the comment, so that two
 * moderators, or an approval and the author's delete, cannot both act on the status they read. SQLite needs nothing:
 * its transactions take the database's write lock at BEGIN (db.ts).
 */
export async function lockComment(tx: P.TransactionClient, ctx: Pick<Context, "db">, id: string): Promise<void> {
  if (ctx.db.provider === "postgresql")
    await tx.$queryRawUnsafe(`SELECT "id" FROM "Comment" WHERE "id" = $1 FOR UPDATE`, id);
}
