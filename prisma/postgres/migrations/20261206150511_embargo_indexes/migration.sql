-- CreateIndex
CREATE INDEX "Article_status_embargoedUntil_publishedAt_idx" ON "Article"("status", "embargoedUntil", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_status_embargoedUntil_updatedAt_idx" ON "Article"("status", "embargoedUntil", "updatedAt");

-- CreateIndex
CREATE INDEX "Article_status_embargoedUntil_visibleCommentCount_idx" ON "Article"("status", "embargoedUntil", "visibleCommentCount");

