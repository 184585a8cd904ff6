-- CreateEnum
CREATE TYPE "AccountActionKind" AS ENUM ('BAN', 'UNBAN', 'SUSPEND', 'WARN', 'NOTE', 'DELETE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CommentEventKind" ADD VALUE 'FEATURE_CHANGED';
ALTER TYPE "CommentEventKind" ADD VALUE 'AUTHOR_CHANGED';
ALTER TYPE "CommentEventKind" ADD VALUE 'FLAGGED';

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "bannedAt" TIMESTAMP(3),
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "suspendedUntil" TIMESTAMP(3),
ADD COLUMN     "warnedAt" TIMESTAMP(3),
ADD COLUMN     "warning" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "featuredAt" TIMESTAMP(3),
ADD COLUMN     "reported" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AccountAction" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" "AccountActionKind" NOT NULL,
    "reason" TEXT NOT NULL,
    "message" TEXT,
    "until" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccountAction_accountId_createdAt_idx" ON "AccountAction"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_reported_status_idx" ON "Comment"("reported", "status");

-- CreateIndex
CREATE INDEX "Comment_featuredAt_idx" ON "Comment"("featuredAt");

-- AddForeignKey
ALTER TABLE "AccountAction" ADD CONSTRAINT "AccountAction_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

