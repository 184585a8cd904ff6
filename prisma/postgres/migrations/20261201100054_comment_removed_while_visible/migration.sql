-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "removedWhileVisible" BOOLEAN NOT NULL DEFAULT false;

