-- AlterTable
ALTER TABLE "Account" ADD COLUMN "bannedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "deletedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "suspendedUntil" DATETIME;
ALTER TABLE "Account" ADD COLUMN "warnedAt" DATETIME;
ALTER TABLE "Account" ADD COLUMN "warning" TEXT;

-- CreateTable
CREATE TABLE "AccountAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT,
    "until" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AccountAction_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (added by hand instead of the table rebuild prisma migrate diff writes: a rebuild would drop the
-- Comment_visible_count_* triggers of 20261201113143_search_filters)
ALTER TABLE "Comment" ADD COLUMN "featuredAt" DATETIME;
ALTER TABLE "Comment" ADD COLUMN "reported" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "Comment_reported_status_idx" ON "Comment"("reported", "status");

-- CreateIndex
CREATE INDEX "Comment_featuredAt_idx" ON "Comment"("featuredAt");

-- CreateIndex
CREATE INDEX "AccountAction_accountId_createdAt_idx" ON "AccountAction"("accountId", "createdAt");

