-- CreateTable
CREATE TABLE "LiveBlog" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "coverageStartAt" DATETIME NOT NULL,
    "coverageEndAt" DATETIME,
    "pinnedUpdateId" TEXT,
    "lastUpdateSeq" INTEGER NOT NULL DEFAULT 0,
    "lastEventSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveBlog_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveBlog_pinnedUpdateId_fkey" FOREIGN KEY ("pinnedUpdateId") REFERENCES "LiveUpdate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "seq" INTEGER,
    "title" TEXT,
    "bodyText" TEXT NOT NULL,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "summary" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "editedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "withdrawalReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveUpdate_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveBlog" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveUpdateBlock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "updateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "level" INTEGER,
    "attribution" TEXT,
    "mediaId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveUpdateBlock_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveUpdateBlock_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveUpdateAuthor" (
    "updateId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("updateId", "personId"),
    CONSTRAINT "LiveUpdateAuthor_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveUpdateAuthor_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveUpdateCorrection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "updateId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveUpdateCorrection_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveUpdateRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "updateId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveUpdateRevision_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveBlogEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "updateId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveBlogEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "LiveBlog" ("articleId") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LiveBlogEvent_updateId_fkey" FOREIGN KEY ("updateId") REFERENCES "LiveUpdate" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

