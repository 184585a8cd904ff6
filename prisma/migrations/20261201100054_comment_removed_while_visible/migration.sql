-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'VISIBLE',
    "depth" INTEGER NOT NULL DEFAULT 0,
    "rootId" TEXT,
    "clientMutationId" TEXT,
    "reactionCount" INTEGER NOT NULL DEFAULT 0,
    "flagCount" INTEGER NOT NULL DEFAULT 0,
    "removedAt" DATETIME,
    "removedWhileVisible" BOOLEAN NOT NULL DEFAULT false,
    "seq" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "editedAt" DATETIME,
    CONSTRAINT "Comment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Account" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("articleId", "authorId", "body", "clientMutationId", "createdAt", "depth", "editedAt", "flagCount", "id", "parentId", "reactionCount", "removedAt", "rootId", "seq", "status", "updatedAt") SELECT "articleId", "authorId", "body", "clientMutationId", "createdAt", "depth", "editedAt", "flagCount", "id", "parentId", "reactionCount", "removedAt", "rootId", "seq", "status", "updatedAt" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE INDEX "Comment_rootId_seq_idx" ON "Comment"("rootId", "seq");
CREATE INDEX "Comment_status_createdAt_idx" ON "Comment"("status", "createdAt");
CREATE INDEX "Comment_articleId_parentId_createdAt_idx" ON "Comment"("articleId", "parentId", "createdAt");
CREATE INDEX "Comment_parentId_createdAt_idx" ON "Comment"("parentId", "createdAt");
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");
CREATE UNIQUE INDEX "Comment_articleId_seq_key" ON "Comment"("articleId", "seq");
CREATE UNIQUE INDEX "Comment_authorId_clientMutationId_key" ON "Comment"("authorId", "clientMutationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

