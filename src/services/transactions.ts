// Every write goes through one interactive transaction made here.
import type { Context } from "../context.js";
import type { Prisma as P } from "../generated/prisma/client.js";

// Concurrent writes queue on the rows they share (an article's sequence): give them room rather than failing at
// Prisma's 2 s default.
const OPTIONS = { maxWait: 10_000, timeout: 15_000 };

// On SQLite a transaction that reads before it writes can fail with SQLITE_BUSY_SNAPSHOT, which busy_timeout does
// not retry, when another process (a second instance on the same file) wrote in between. A write as the first
// statement takes the write lock up front, where busy_timeout does apply. It changes no row.
const TAKE_SQLITE_WRITE_LOCK = `UPDATE "Article" SET "lastEventSeq" = "lastEventSeq" WHERE 0`;

export function writeTransaction<T>(
  ctx: Pick<Context, "prisma" | "db">,
  run: (tx: P.TransactionClient) => Promise<T>,
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    if (ctx.db.provider === "sqlite") await tx.$executeRawUnsafe(TAKE_SQLITE_WRITE_LOCK);
    return run(tx);
  }, OPTIONS);
}
