-- CreateEnum
CREATE TYPE "ReactionKind" AS ENUM ('LIKE', 'INSIGHTFUL', 'FUNNY', 'SAD', 'ANGRY');

-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('SPAM', 'ABUSE', 'OFF_TOPIC', 'MISINFORMATION', 'OTHER');

-- CreateEnum
CREATE TYPE "CommentEventKind" AS ENUM ('ADDED', 'EDITED', 'REMOVED', 'STATUS_CHANGED', 'REACTIONS_CHANGED');

-- CreateEnum
CREATE TYPE "ModerationRule" AS ENUM ('BANNED_WORD', 'SUSPECT_WORD', 'TOO_MANY_LINKS', 'PREMODERATED_ARTICLE', 'NEW_ACCOUNT', 'FLAGS', 'MODERATOR');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "lastCommentAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "lastEventSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "clientMutationId" TEXT,
ADD COLUMN     "flagCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reactionCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "rootId" TEXT;

-- CreateTable
CREATE TABLE "CommentRevision" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reaction" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "ReactionKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flag" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "reason" "FlagReason" NOT NULL,
    "text" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Flag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationDecision" (
    "id" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "actorId" TEXT,
    "status" "CommentStatus" NOT NULL,
    "previousStatus" "CommentStatus",
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModerationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModerationReason" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "rule" "ModerationRule" NOT NULL,
    "detail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModerationReason_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentEvent" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "CommentEventKind" NOT NULL,
    "commentId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL,
    "previousStatus" "CommentStatus",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommentRevision_commentId_writtenAt_idx" ON "CommentRevision"("commentId", "writtenAt");

-- CreateIndex
CREATE INDEX "Reaction_accountId_idx" ON "Reaction"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Reaction_commentId_accountId_kind_key" ON "Reaction"("commentId", "accountId", "kind");

-- CreateIndex
CREATE INDEX "Flag_accountId_idx" ON "Flag"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Flag_commentId_accountId_key" ON "Flag"("commentId", "accountId");

-- CreateIndex
CREATE INDEX "ModerationDecision_commentId_createdAt_idx" ON "ModerationDecision"("commentId", "createdAt");

-- CreateIndex
CREATE INDEX "ModerationDecision_actorId_idx" ON "ModerationDecision"("actorId");

-- CreateIndex
CREATE INDEX "ModerationReason_decisionId_idx" ON "ModerationReason"("decisionId");

-- CreateIndex
CREATE INDEX "CommentEvent_commentId_idx" ON "CommentEvent"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentEvent_articleId_seq_key" ON "CommentEvent"("articleId", "seq");

-- CreateIndex
CREATE INDEX "Comment_rootId_seq_idx" ON "Comment"("rootId", "seq");

-- CreateIndex
CREATE INDEX "Comment_status_createdAt_idx" ON "Comment"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_authorId_clientMutationId_key" ON "Comment"("authorId", "clientMutationId");

-- AddForeignKey
ALTER TABLE "CommentRevision" ADD CONSTRAINT "CommentRevision_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reaction" ADD CONSTRAINT "Reaction_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flag" ADD CONSTRAINT "Flag_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationDecision" ADD CONSTRAINT "ModerationDecision_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationDecision" ADD CONSTRAINT "ModerationDecision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationReason" ADD CONSTRAINT "ModerationReason_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ModerationDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentEvent" ADD CONSTRAINT "CommentEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentEvent" ADD CONSTRAINT "CommentEvent_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

