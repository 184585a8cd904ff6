-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "canonicalUrl" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT,
    "bodyText" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "sectionId" TEXT,
    "publisherId" TEXT,
    "commentsEnabled" BOOLEAN NOT NULL DEFAULT true,
    "commentsCloseAt" DATETIME,
    "commentsPremoderated" BOOLEAN NOT NULL DEFAULT false,
    "lastCommentSeq" INTEGER NOT NULL DEFAULT 0,
    "lastEventSeq" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "visibleCommentCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Article_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("bodyText", "canonicalUrl", "commentsCloseAt", "commentsEnabled", "commentsPremoderated", "createdAt", "headline", "id", "language", "lastCommentSeq", "lastEventSeq", "publishedAt", "publisherId", "sectionId", "slug", "standfirst", "status", "updatedAt", "version", "wordCount") SELECT "bodyText", "canonicalUrl", "commentsCloseAt", "commentsEnabled", "commentsPremoderated", "createdAt", "headline", "id", "language", "lastCommentSeq", "lastEventSeq", "publishedAt", "publisherId", "sectionId", "slug", "standfirst", "status", "updatedAt", "version", "wordCount" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE UNIQUE INDEX "Article_canonicalUrl_key" ON "Article"("canonicalUrl");
CREATE INDEX "Article_status_publishedAt_idx" ON "Article"("status", "publishedAt");
CREATE INDEX "Article_sectionId_publishedAt_idx" ON "Article"("sectionId", "publishedAt");
CREATE INDEX "Article_publisherId_idx" ON "Article"("publisherId");
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");
CREATE INDEX "Article_status_updatedAt_idx" ON "Article"("status", "updatedAt");
CREATE INDEX "Article_updatedAt_idx" ON "Article"("updatedAt");
CREATE INDEX "Article_language_publishedAt_idx" ON "Article"("language", "publishedAt");
CREATE INDEX "Article_status_visibleCommentCount_idx" ON "Article"("status", "visibleCommentCount");
CREATE INDEX "Article_visibleCommentCount_idx" ON "Article"("visibleCommentCount");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Person_nationality_idx" ON "Person"("nationality");

-- CreateIndex
CREATE INDEX "Place_kind_idx" ON "Place"("kind");

-- CreateIndex
CREATE INDEX "Event_kind_startsAt_idx" ON "Event"("kind", "startsAt");


-- ---------------------------------------------------------------------------------------------------------------
-- Article.visibleCommentCount, kept by triggers on Comment so that every writer keeps it right.
UPDATE "Article" SET "visibleCommentCount" =
    (SELECT count(*) FROM "Comment" c WHERE c."articleId" = "Article"."id" AND c."status" = 'VISIBLE');
CREATE TRIGGER "Comment_visible_count_insert" AFTER INSERT ON "Comment" WHEN NEW."status" = 'VISIBLE' BEGIN
    UPDATE "Article" SET "visibleCommentCount" = "visibleCommentCount" + 1 WHERE "id" = NEW."articleId";
END;
CREATE TRIGGER "Comment_visible_count_delete" AFTER DELETE ON "Comment" WHEN OLD."status" = 'VISIBLE' BEGIN
    UPDATE "Article" SET "visibleCommentCount" = "visibleCommentCount" - 1 WHERE "id" = OLD."articleId";
END;
CREATE TRIGGER "Comment_visible_count_update" AFTER UPDATE OF "status", "articleId" ON "Comment"
WHEN (OLD."status" = 'VISIBLE') <> (NEW."status" = 'VISIBLE') OR OLD."articleId" <> NEW."articleId" BEGIN
    UPDATE "Article" SET "visibleCommentCount" = "visibleCommentCount" - 1
        WHERE "id" = OLD."articleId" AND OLD."status" = 'VISIBLE';
    UPDATE "Article" SET "visibleCommentCount" = "visibleCommentCount" + 1
        WHERE "id" = NEW."articleId" AND NEW."status" = 'VISIBLE';
END;

-- ---------------------------------------------------------------------------------------------------------------
-- Full-text search. SearchDocument holds one row per article and entity (title: headline or name; alias: alternate
-- names; summary: standfirst or description; body: article text); SearchIndex is an FTS5 index over it (external
-- content). Triggers on the content tables keep both in step inside the writing transaction.
CREATE TABLE "SearchDocument" (
    "rowid" INTEGER PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "alias" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX "SearchDocument_kind_entityId_key" ON "SearchDocument"("kind", "entityId");
CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
    "title", "alias", "summary", "body",
    content = 'SearchDocument', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER "SearchDocument_insert" AFTER INSERT ON "SearchDocument" BEGIN
    INSERT INTO "SearchIndex"("rowid", "title", "alias", "summary", "body")
        VALUES (NEW."rowid", NEW."title", NEW."alias", NEW."summary", NEW."body");
END;
CREATE TRIGGER "SearchDocument_delete" AFTER DELETE ON "SearchDocument" BEGIN
    INSERT INTO "SearchIndex"("SearchIndex", "rowid", "title", "alias", "summary", "body")
        VALUES ('delete', OLD."rowid", OLD."title", OLD."alias", OLD."summary", OLD."body");
END;
CREATE TRIGGER "SearchDocument_update" AFTER UPDATE ON "SearchDocument" BEGIN
    INSERT INTO "SearchIndex"("SearchIndex", "rowid", "title", "alias", "summary", "body")
        VALUES ('delete', OLD."rowid", OLD."title", OLD."alias", OLD."summary", OLD."body");
    INSERT INTO "SearchIndex"("rowid", "title", "alias", "summary", "body")
        VALUES (NEW."rowid", NEW."title", NEW."alias", NEW."summary", NEW."body");
END;

-- Articles
CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary", "body")
        VALUES ('Article', NEW."id", NEW."headline", coalesce(NEW."standfirst", ''), NEW."bodyText");
END;
CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "headline", "standfirst", "bodyText" ON "Article" BEGIN
    UPDATE "SearchDocument" SET "title" = NEW."headline", "summary" = coalesce(NEW."standfirst", ''), "body" = NEW."bodyText"
        WHERE "kind" = 'Article' AND "entityId" = NEW."id";
END;
CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "SearchDocument" WHERE "kind" = 'Article' AND "entityId" = OLD."id";
END;

-- People and their other names
CREATE TRIGGER "Person_search_insert" AFTER INSERT ON "Person" BEGIN
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
        VALUES ('Person', NEW."id", NEW."name",
            coalesce((SELECT group_concat("name", ', ') FROM "PersonName" WHERE "personId" = NEW."id"), ''),
            coalesce(NEW."description", ''));
END;
CREATE TRIGGER "Person_search_update" AFTER UPDATE OF "name", "description" ON "Person" BEGIN
    UPDATE "SearchDocument" SET "title" = NEW."name", "summary" = coalesce(NEW."description", '')
        WHERE "kind" = 'Person' AND "entityId" = NEW."id";
END;
CREATE TRIGGER "Person_search_delete" AFTER DELETE ON "Person" BEGIN
    DELETE FROM "SearchDocument" WHERE "kind" = 'Person' AND "entityId" = OLD."id";
END;
CREATE TRIGGER "PersonName_search_insert" AFTER INSERT ON "PersonName" BEGIN
    UPDATE "SearchDocument"
        SET "alias" = coalesce((SELECT group_concat("name", ', ') FROM "PersonName" WHERE "personId" = NEW."personId"), '')
        WHERE "kind" = 'Person' AND "entityId" = NEW."personId";
END;
CREATE TRIGGER "PersonName_search_update" AFTER UPDATE OF "name", "personId" ON "PersonName" BEGIN
    UPDATE "SearchDocument"
        SET "alias" = coalesce((SELECT group_concat("name", ', ') FROM "PersonName" WHERE "personId" = "SearchDocument"."entityId"), '')
        WHERE "kind" = 'Person' AND "entityId" IN (OLD."personId", NEW."personId");
END;
CREATE TRIGGER "PersonName_search_delete" AFTER DELETE ON "PersonName" BEGIN
    UPDATE "SearchDocument"
        SET "alias" = coalesce((SELECT group_concat("name", ', ') FROM "PersonName" WHERE "personId" = OLD."personId"), '')
        WHERE "kind" = 'Person' AND "entityId" = OLD."personId";
END;

-- Organisations and their other names
CREATE TRIGGER "Organisation_search_insert" AFTER INSERT ON "Organisation" BEGIN
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
        VALUES ('Organisation', NEW."id", NEW."name",
            coalesce((SELECT group_concat("name", ', ') FROM "OrganisationName" WHERE "organisationId" = NEW."id"), ''),
            coalesce(NEW."description", ''));
END;
CREATE TRIGGER "Organisation_search_update" AFTER UPDATE OF "name", "description" ON "Organisation" BEGIN
    UPDATE "SearchDocument" SET "title" = NEW."name", "summary" = coalesce(NEW."description", '')
        WHERE "kind" = 'Organisation' AND "entityId" = NEW."id";
END;
CREATE TRIGGER "Organisation_search_delete" AFTER DELETE ON "Organisation" BEGIN
    DELETE FROM "SearchDocument" WHERE "kind" = 'Organisation' AND "entityId" = OLD."id";
END;
CREATE TRIGGER "OrganisationName_search_insert" AFTER INSERT ON "OrganisationName" BEGIN
    UPDATE "SearchDocument"
        SET "alias" = coalesce((SELECT group_concat("name", ', ') FROM "OrganisationName" WHERE "organisationId" = NEW."organisationId"), '')
        WHERE "kind" = 'Organisation' AND "entityId" = NEW."organisationId";
END;
CREATE TRIGGER "OrganisationName_search_update" AFTER UPDATE OF "name", "organisationId" ON "OrganisationName" BEGIN
    UPDATE "SearchDocument"
        SET "alias" = coalesce((SELECT group_concat("name", ', ') FROM "OrganisationName" WHERE "organisationId" = "SearchDocument"."entityId"), '')
        WHERE "kind" = 'Organisation' AND "entityId" IN (OLD."organisationId", NEW."organisationId");
END;
CREATE TRIGGER "OrganisationName_search_delete" AFTER DELETE ON "OrganisationName" BEGIN
    UPDATE "SearchDocument"
        SET "alias" = coalesce((SELECT group_concat("name", ', ') FROM "OrganisationName" WHERE "organisationId" = OLD."organisationId"), '')
        WHERE "kind" = 'Organisation' AND "entityId" = OLD."organisationId";
END;

-- Events and places
CREATE TRIGGER "Event_search_insert" AFTER INSERT ON "Event" BEGIN
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary")
        VALUES ('Event', NEW."id", NEW."name", coalesce(NEW."description", ''));
END;
CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "name", "description" ON "Event" BEGIN
    UPDATE "SearchDocument" SET "title" = NEW."name", "summary" = coalesce(NEW."description", '')
        WHERE "kind" = 'Event' AND "entityId" = NEW."id";
END;
CREATE TRIGGER "Event_search_delete" AFTER DELETE ON "Event" BEGIN
    DELETE FROM "SearchDocument" WHERE "kind" = 'Event' AND "entityId" = OLD."id";
END;
CREATE TRIGGER "Place_search_insert" AFTER INSERT ON "Place" BEGIN
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary")
        VALUES ('Place', NEW."id", NEW."name", coalesce(NEW."description", ''));
END;
CREATE TRIGGER "Place_search_update" AFTER UPDATE OF "name", "description" ON "Place" BEGIN
    UPDATE "SearchDocument" SET "title" = NEW."name", "summary" = coalesce(NEW."description", '')
        WHERE "kind" = 'Place' AND "entityId" = NEW."id";
END;
CREATE TRIGGER "Place_search_delete" AFTER DELETE ON "Place" BEGIN
    DELETE FROM "SearchDocument" WHERE "kind" = 'Place' AND "entityId" = OLD."id";
END;

-- What already exists
INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary", "body")
    SELECT 'Article', "id", "headline", coalesce("standfirst", ''), "bodyText" FROM "Article";
INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
    SELECT 'Person', p."id", p."name",
        coalesce((SELECT group_concat(n."name", ', ') FROM "PersonName" n WHERE n."personId" = p."id"), ''),
        coalesce(p."description", '') FROM "Person" p;
INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
    SELECT 'Organisation', o."id", o."name",
        coalesce((SELECT group_concat(n."name", ', ') FROM "OrganisationName" n WHERE n."organisationId" = o."id"), ''),
        coalesce(o."description", '') FROM "Organisation" o;
INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary")
    SELECT 'Event', "id", "name", coalesce("description", '') FROM "Event";
INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary")
    SELECT 'Place', "id", "name", coalesce("description", '') FROM "Place";
