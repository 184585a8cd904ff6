-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Place" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "EntityRedirect" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EntityRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EntityRedirect_entityType_slug_idx" ON "EntityRedirect"("entityType", "slug");

-- CreateIndex
CREATE INDEX "EntityRedirect_targetId_idx" ON "EntityRedirect"("targetId");

