-- CreateEnum
CREATE TYPE "LiveUpdateStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "LiveBlogEventKind" AS ENUM ('COVERAGE_CHANGED', 'POSTED', 'EDITED', 'CORRECTED', 'MARKED', 'PINNED', 'UNPINNED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "LiveBlog" (
    "articleId" TEXT NOT NULL,
    "coverageStartAt" TIMESTAMP(3) NOT NULL,
    "coverageEndAt" TIMESTAMP(3),
    "pinnedUpdateId" TEXT,
    "lastUpdateSeq" INTEGER NOT NULL DEFAULT 0,
    "lastEventSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveBlog_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "LiveUpdate" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "status" "LiveUpdateStatus" NOT NULL DEFAULT 'DRAFT',
    "seq" INTEGER,
    "title" TEXT,
    "bodyText" TEXT NOT NULL,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "summary" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "editedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "withdrawalReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveUpdateBlock" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "BlockKind" NOT NULL,
    "text" TEXT,
    "level" INTEGER,
    "attribution" TEXT,
    "mediaId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveUpdateBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveUpdateAuthor" (
    "updateId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveUpdateAuthor_pkey" PRIMARY KEY ("updateId","personId")
);

-- CreateTable
CREATE TABLE "LiveUpdateCorrection" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveUpdateCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveUpdateRevision" (
    "id" TEXT NOT NULL,
    "updateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveUpdateRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveBlogEvent" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "LiveBlogEventKind" NOT NULL,
    "updateId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveBlogEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveBlog_pinnedUpdateId_key" ON "LiveBlog"("pinnedUpdateId");

-- CreateIndex
CREATE INDEX "LiveUpdate_articleId_status_seq_idx" ON "LiveUpdate"("articleId", "status", "seq");

-- CreateIndex
CREATE INDEX "LiveUpdate_articleId_updatedAt_idx" ON "LiveUpdate"("articleId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LiveUpdate_articleId_seq_key" ON "LiveUpdate"("articleId", "seq");

-- CreateIndex
CREATE INDEX "LiveUpdateBlock_mediaId_idx" ON "LiveUpdateBlock"("mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveUpdateBlock_updateId_position_key" ON "LiveUpdateBlock"("updateId", "position");

-- CreateIndex
CREATE INDEX "LiveUpdateAuthor_personId_idx" ON "LiveUpdateAuthor"("personId");

-- CreateIndex
CREATE INDEX "LiveUpdateCorrection_updateId_publishedAt_idx" ON "LiveUpdateCorrection"("updateId", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LiveUpdateRevision_updateId_version_key" ON "LiveUpdateRevision"("updateId", "version");

-- CreateIndex
CREATE INDEX "LiveBlogEvent_updateId_idx" ON "LiveBlogEvent"("updateId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveBlogEvent_articleId_seq_key" ON "LiveBlogEvent"("articleId", "seq");

-- AddForeignKey
ALTER TABLE "LiveBlog" ADD CONSTRAINT "LiveBlog_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveBlog" ADD CONSTRAINT "LiveBlog_pinnedUpdateId_fkey" FOREIGN KEY ("pinnedUpdateId") REFERENCES "LiveUpdate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveUpdate" ADD CONSTRAINT "LiveUpdate_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveBlog"("articleId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveUpdateBlock" ADD CONSTRAINT "LiveUpdateBlock_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveUpdateBlock" ADD CONSTRAINT "LiveUpdateBlock_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveUpdateAuthor" ADD CONSTRAINT "LiveUpdateAuthor_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveUpdateAuthor" ADD CONSTRAINT "LiveUpdateAuthor_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveUpdateCorrection" ADD CONSTRAINT "LiveUpdateCorrection_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveUpdateRevision" ADD CONSTRAINT "LiveUpdateRevision_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveBlogEvent" ADD CONSTRAINT "LiveBlogEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveBlog"("articleId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveBlogEvent" ADD CONSTRAINT "LiveBlogEvent_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

