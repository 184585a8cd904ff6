-- PostgreSQL only (SQLite's DESC order already puts NULLs last): the articles list's PUBLISHED_DESC order for editors,
-- who also see drafts without a publication date, is "publishedAt" DESC NULLS LAST, which an ASC index cannot serve.
-- Prisma's schema cannot say NULLS LAST, so this index lives here only.
CREATE INDEX "Article_publishedAt_desc_nulls_last_idx" ON "Article"("publishedAt" DESC NULLS LAST, "id" DESC);
