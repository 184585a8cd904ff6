-- CreateTable
CREATE TABLE "EntityRedirect" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entityType" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- AlterTable
-- (ADD COLUMN rather than Prisma's table redefinition: redefining a table drops every trigger on it, and other
-- migrations keep triggers on these tables. The resulting schema is the same.)
ALTER TABLE "Person" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Organisation" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Place" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Event" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "EntityRedirect_entityType_slug_idx" ON "EntityRedirect"("entityType", "slug");

-- CreateIndex
CREATE INDEX "EntityRedirect_targetId_idx" ON "EntityRedirect"("targetId");
