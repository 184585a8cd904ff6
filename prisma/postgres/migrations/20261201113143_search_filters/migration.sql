-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "visibleCommentCount" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Article_publishedAt_idx" ON "Article"("publishedAt");

-- CreateIndex
CREATE INDEX "Article_status_updatedAt_idx" ON "Article"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Article_updatedAt_idx" ON "Article"("updatedAt");

-- CreateIndex
CREATE INDEX "Article_language_publishedAt_idx" ON "Article"("language", "publishedAt");

-- CreateIndex
CREATE INDEX "Article_status_visibleCommentCount_idx" ON "Article"("status", "visibleCommentCount");

-- CreateIndex
CREATE INDEX "Article_visibleCommentCount_idx" ON "Article"("visibleCommentCount");

-- CreateIndex
CREATE INDEX "Person_nationality_idx" ON "Person"("nationality");

-- CreateIndex
CREATE INDEX "Place_kind_idx" ON "Place"("kind");

-- CreateIndex
CREATE INDEX "Event_kind_startsAt_idx" ON "Event"("kind", "startsAt");


-- Prisma's PostgreSQL adapter splits a migration at every semicolon, quoted or not, so the trigger functions'
-- bodies are E'' strings with each semicolon written as \073.

-- ---------------------------------------------------------------------------------------------------------------
-- Article.visibleCommentCount, kept by a trigger on Comment so that every writer keeps it right.
UPDATE "Article" SET "visibleCommentCount" =
    (SELECT count(*) FROM "Comment" c WHERE c."articleId" = "Article"."id" AND c."status" = 'VISIBLE');

CREATE FUNCTION "lede_comment_visible_count"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF TG_OP IN (''UPDATE'', ''DELETE'') AND OLD."status" = ''VISIBLE'' THEN
        UPDATE "Article" SET "visibleCommentCount" = "visibleCommentCount" - 1 WHERE "id" = OLD."articleId"\073
    END IF\073
    IF TG_OP IN (''UPDATE'', ''INSERT'') AND NEW."status" = ''VISIBLE'' THEN
        UPDATE "Article" SET "visibleCommentCount" = "visibleCommentCount" + 1 WHERE "id" = NEW."articleId"\073
    END IF\073
    RETURN NULL\073
END ';
CREATE TRIGGER "Comment_visible_count_insert_delete" AFTER INSERT OR DELETE ON "Comment"
    FOR EACH ROW EXECUTE FUNCTION "lede_comment_visible_count"();
CREATE TRIGGER "Comment_visible_count_update" AFTER UPDATE OF "status", "articleId" ON "Comment"
    FOR EACH ROW WHEN ((OLD."status" = 'VISIBLE') IS DISTINCT FROM (NEW."status" = 'VISIBLE')
        OR OLD."articleId" IS DISTINCT FROM NEW."articleId")
    EXECUTE FUNCTION "lede_comment_visible_count"();

-- ---------------------------------------------------------------------------------------------------------------
-- Full-text search. SearchDocument holds one row per article and entity (title: headline or name, alias: alternate
-- names, summary: standfirst or description, body: article text) with a weighted tsvector under a GIN index.
-- Triggers on the content tables keep it in step inside the writing transaction.
CREATE TABLE "SearchDocument" (
    "kind" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "alias" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, "title"), 'A') ||
        setweight(to_tsvector('english'::regconfig, "alias"), 'A') ||
        setweight(to_tsvector('english'::regconfig, "summary"), 'B') ||
        setweight(to_tsvector('english'::regconfig, "body"), 'D')
    ) STORED,
    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("kind", "entityId")
);
CREATE INDEX "SearchDocument_document_idx" ON "SearchDocument" USING GIN ("document");

-- One function per source table: each upserts or deletes the source row's document.
CREATE FUNCTION "lede_search_article"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF TG_OP = ''DELETE'' THEN
        DELETE FROM "SearchDocument" WHERE "kind" = ''Article'' AND "entityId" = OLD."id"\073
        RETURN NULL\073
    END IF\073
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary", "body")
        VALUES (''Article'', NEW."id", NEW."headline", coalesce(NEW."standfirst", ''''), NEW."bodyText")
        ON CONFLICT ("kind", "entityId") DO UPDATE
        SET "title" = EXCLUDED."title", "summary" = EXCLUDED."summary", "body" = EXCLUDED."body"\073
    RETURN NULL\073
END ';
CREATE TRIGGER "Article_search_insert_delete" AFTER INSERT OR DELETE ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_article"();
CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "headline", "standfirst", "bodyText" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_article"();

CREATE FUNCTION "lede_search_person"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF TG_OP = ''DELETE'' THEN
        DELETE FROM "SearchDocument" WHERE "kind" = ''Person'' AND "entityId" = OLD."id"\073
        RETURN NULL\073
    END IF\073
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
        VALUES (''Person'', NEW."id", NEW."name",
            coalesce((SELECT string_agg(n."name", '', '' ORDER BY n."name") FROM "PersonName" n WHERE n."personId" = NEW."id"), ''''),
            coalesce(NEW."description", ''''))
        ON CONFLICT ("kind", "entityId") DO UPDATE
        SET "title" = EXCLUDED."title", "alias" = EXCLUDED."alias", "summary" = EXCLUDED."summary"\073
    RETURN NULL\073
END ';
CREATE TRIGGER "Person_search_insert_delete" AFTER INSERT OR DELETE ON "Person"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_person"();
CREATE TRIGGER "Person_search_update" AFTER UPDATE OF "name", "description" ON "Person"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_person"();

CREATE FUNCTION "lede_search_person_name"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "SearchDocument" d
        SET "alias" = coalesce((SELECT string_agg(n."name", '', '' ORDER BY n."name") FROM "PersonName" n WHERE n."personId" = d."entityId"), '''')
        WHERE d."kind" = ''Person'' AND d."entityId" IN (
            CASE WHEN TG_OP = ''INSERT'' THEN NULL ELSE OLD."personId" END,
            CASE WHEN TG_OP = ''DELETE'' THEN NULL ELSE NEW."personId" END)\073
    RETURN NULL\073
END ';
CREATE TRIGGER "PersonName_search_insert_delete" AFTER INSERT OR DELETE ON "PersonName"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_person_name"();
CREATE TRIGGER "PersonName_search_update" AFTER UPDATE OF "name", "personId" ON "PersonName"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_person_name"();

CREATE FUNCTION "lede_search_organisation"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF TG_OP = ''DELETE'' THEN
        DELETE FROM "SearchDocument" WHERE "kind" = ''Organisation'' AND "entityId" = OLD."id"\073
        RETURN NULL\073
    END IF\073
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
        VALUES (''Organisation'', NEW."id", NEW."name",
            coalesce((SELECT string_agg(n."name", '', '' ORDER BY n."name") FROM "OrganisationName" n WHERE n."organisationId" = NEW."id"), ''''),
            coalesce(NEW."description", ''''))
        ON CONFLICT ("kind", "entityId") DO UPDATE
        SET "title" = EXCLUDED."title", "alias" = EXCLUDED."alias", "summary" = EXCLUDED."summary"\073
    RETURN NULL\073
END ';
CREATE TRIGGER "Organisation_search_insert_delete" AFTER INSERT OR DELETE ON "Organisation"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_organisation"();
CREATE TRIGGER "Organisation_search_update" AFTER UPDATE OF "name", "description" ON "Organisation"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_organisation"();

CREATE FUNCTION "lede_search_organisation_name"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    UPDATE "SearchDocument" d
        SET "alias" = coalesce((SELECT string_agg(n."name", '', '' ORDER BY n."name") FROM "OrganisationName" n WHERE n."organisationId" = d."entityId"), '''')
        WHERE d."kind" = ''Organisation'' AND d."entityId" IN (
            CASE WHEN TG_OP = ''INSERT'' THEN NULL ELSE OLD."organisationId" END,
            CASE WHEN TG_OP = ''DELETE'' THEN NULL ELSE NEW."organisationId" END)\073
    RETURN NULL\073
END ';
CREATE TRIGGER "OrganisationName_search_insert_delete" AFTER INSERT OR DELETE ON "OrganisationName"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_organisation_name"();
CREATE TRIGGER "OrganisationName_search_update" AFTER UPDATE OF "name", "organisationId" ON "OrganisationName"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_organisation_name"();

-- Events and places have no other names: name and description only.
CREATE FUNCTION "lede_search_named"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
    IF TG_OP = ''DELETE'' THEN
        DELETE FROM "SearchDocument" WHERE "kind" = TG_TABLE_NAME AND "entityId" = OLD."id"\073
        RETURN NULL\073
    END IF\073
    INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary")
        VALUES (TG_TABLE_NAME, NEW."id", NEW."name", coalesce(NEW."description", ''''))
        ON CONFLICT ("kind", "entityId") DO UPDATE SET "title" = EXCLUDED."title", "summary" = EXCLUDED."summary"\073
    RETURN NULL\073
END ';
CREATE TRIGGER "Event_search_insert_delete" AFTER INSERT OR DELETE ON "Event"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_named"();
CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "name", "description" ON "Event"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_named"();
CREATE TRIGGER "Place_search_insert_delete" AFTER INSERT OR DELETE ON "Place"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_named"();
CREATE TRIGGER "Place_search_update" AFTER UPDATE OF "name", "description" ON "Place"
    FOR EACH ROW EXECUTE FUNCTION "lede_search_named"();

-- What already exists
INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary", "body")
    SELECT 'Article', "id", "headline", coalesce("standfirst", ''), "bodyText" FROM "Article";
INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
    SELECT 'Person', p."id", p."name",
        coalesce((SELECT string_agg(n."name", ', ' ORDER BY n."name") FROM "PersonName" n WHERE n."personId" = p."id"), ''),
        coalesce(p."description", '') FROM "Person" p;
INSERT INTO "SearchDocument"("kind", "entityId", "title", "alias", "summary")
    SELECT 'Organisation', o."id", o."name",
        coalesce((SELECT string_agg(n."name", ', ' ORDER BY n."name") FROM "OrganisationName" n WHERE n."organisationId" = o."id"), ''),
        coalesce(o."description", '') FROM "Organisation" o;
INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary")
    SELECT 'Event', "id", "name", coalesce("description", '') FROM "Event";
INSERT INTO "SearchDocument"("kind", "entityId", "title", "summary")
    SELECT 'Place', "id", "name", coalesce("description", '') FROM "Place";
