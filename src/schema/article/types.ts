// The article and what hangs off it: body blocks, bylines, media with credits, corrections, section and tags; the
// article in the formats other systems read (jsonLd, ninjs: see src/services/export); the audit log's entries.
import { JSONObjectResolver } from "graphql-scalars";
import { builder } from "../../builder.js";
import { VIEWER_FILTERED, maxAge } from "../shared/cache-facts.js";
import { encodeGlobalId } from "../../global-id.js";
import { JSON_LD_SELECT, toJsonLd } from "../../services/export/json-ld.js";
import { NINJS_SELECT, toNinjs } from "../../services/export/ninjs.js";
import { listedArticleWhere, NEWEST_ARTICLES_FIRST } from "../../services/shared/visibility.js";
import { namedConnection } from "../shared/connections.js";
import { addActingAccountField } from "../account/types.js";
import type { Context } from "../../context.js";
import { MentionConnection } from "../links/types.js";
import { linkedRow, optionalLinkedRow } from "../shared/linked-rows.js";
import { OrganisationRef } from "../shared/entity-refs.js";
import { ArticleStatusEnum, BlockKindEnum, BylineRoleEnum, EntityTypeEnum } from "../shared/enums.js";

const mentionWhereByType = {
  PERSON: { personId: { not: null } },
  ORGANISATION: { organisationId: { not: null } },
  EVENT: { eventId: { not: null } },
  PLACE: { placeId: { not: null } },
} as const;

export interface CommentSettings {
  enabled: boolean;
  closesAt: Date | null;
  premoderated: boolean;
  status: string;
}

const CommentSettingsRef = builder.objectRef<CommentSettings>("CommentSettings").implement({
  description: "Whether readers can comment on an article, until when, and whether comments wait for a moderator.",
  fields: (t) => ({
    open: t.boolean({
      description: "True when a reader can post now: the article is published, comments are on and not yet closed.",
      resolve: (s, _args, ctx) =>
        s.status === "PUBLISHED" && s.enabled && (s.closesAt === null || s.closesAt > ctx.clock()),
    }),
    enabled: t.boolean({ description: "Whether the newsroom turned comments on.", resolve: (s) => s.enabled }),
    closesAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When commenting closes, if it does.",
      resolve: (s) => s.closesAt,
    }),
    premoderated: t.boolean({
      description: "When true, every new comment waits (PENDING) until a moderator approves it.",
      resolve: (s) => s.premoderated,
    }),
  }),
});

export const ArticleRef = builder.prismaNode("Article", {
  // articles change: edits, corrections, comment counts
  extensions: maxAge(60_000),
  id: { field: "id" },
  description: "A news article: its text as ordered blocks, its credits, media, corrections and what it mentions.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The article's stable, URL-safe name." }),
    url: t.exposeString("canonicalUrl", { description: "The canonical web address of the article." }),
    headline: t.exposeString("headline", { description: "The headline." }),
    standfirst: t.exposeString("standfirst", {
      nullable: true,
      description: "The summary under the headline (also called dek or subheading).",
    }),
    body: t.relation("blocks", {
      description: "The body as ordered blocks: paragraphs, headings, quotes and images.",
      query: { orderBy: { position: "asc" } },
    }),
    bodyText: t.exposeString("bodyText", {
      description: "The body as plain text, paragraphs separated by blank lines.",
    }),
    wordCount: t.exposeInt("wordCount", { description: "The number of words in the body." }),
    language: t.exposeString("language", { description: "The article's language as a BCP-47 tag, e.g. en." }),
    status: t.expose("status", { type: ArticleStatusEnum, description: "Editorial status." }),
    publishedAt: t.expose("publishedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the article was first published; null for drafts.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the record was created." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the article last changed." }),
    section: t.field({
      type: SectionRef,
      nullable: true,
      description: "The section the article belongs to.",
      resolve: (a, _args, ctx, info) => optionalLinkedRow(ctx, info, "Section", a.sectionId),
    }),
    tags: t.field({
      type: [TagRef],
      description: "The article's tags, in editorial order.",
      select: (_args, _ctx, nested) => ({
        tags: { orderBy: { position: "asc" }, select: { tag: nested(true) } },
      }),
      resolve: (article) => article.tags.map((link) => link.tag),
    }),
    publisher: t.field({
      type: OrganisationRef,
      nullable: true,
      description: "The organisation that published the article.",
      resolve: (a, _args, ctx, info) => optionalLinkedRow(ctx, info, "Organisation", a.publisherId),
    }),
    bylines: t.relation("bylines", {
      description: "The people credited on the article, in byline order.",
      query: { orderBy: { position: "asc" } },
    }),
    media: t.relation("media", {
      description: "The images of the article with captions and credits, in order of appearance.",
      query: { orderBy: { position: "asc" } },
    }),
    corrections: t.relation("corrections", {
      description: "Dated corrections: where the published text was wrong, and what is right.",
      query: { orderBy: [{ publishedAt: "asc" }, { id: "asc" }] },
    }),
    mentions: t.relatedConnection(
      "mentions",
      {
        description: "The people, organisations, events and places the article mentions, most salient first.",
        args: {
          type: t.arg({ type: EntityTypeEnum, required: false, description: "Only mentions of this kind of entity." }),
        },
        query: (args) => ({
          where: args.type ? mentionWhereByType[args.type] : {},
          orderBy: [{ salience: "desc" }, { id: "asc" }],
        }),
        cursor: "id",
        totalCount: true,
      },
      MentionConnection,
    ),
    commentSettings: t.field({
      type: CommentSettingsRef,
      description: "Whether and how readers can comment.",
      select: { commentsEnabled: true, commentsCloseAt: true, commentsPremoderated: true, status: true },
      resolve: (a) => ({
        enabled: a.commentsEnabled,
        closesAt: a.commentsCloseAt,
        premoderated: a.commentsPremoderated,
        status: a.status,
      }),
    }),
  }),
});

export const ArticleConnection = namedConnection(ArticleRef, "Article", "articles");

/** The options of a related list of articles (a section's, a publisher's): the listed ones, newest first. */
export function listedArticlesNewestFirst(description: string) {
  return {
    extensions: VIEWER_FILTERED,
    description,
    cursor: "id" as const,
    totalCount: true as const,
    query: (_args: object, ctx: Context) => ({
      where: listedArticleWhere(ctx.viewer),
      orderBy: NEWEST_ARTICLES_FIRST,
    }),
  };
}

builder.prismaObject("ArticleBlock", {
  description: "One block of an article body.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "The block's place in the body, from 0." }),
    kind: t.expose("kind", { type: BlockKindEnum, description: "What the block is." }),
    text: t.exposeString("text", {
      nullable: true,
      description: "The text of a paragraph, heading or quote; null for an image.",
    }),
    level: t.exposeInt("level", { nullable: true, description: "For a heading, its level (2–4)." }),
    attribution: t.exposeString("attribution", { nullable: true, description: "For a quote, who said it." }),
    media: t.relation("media", { nullable: true, description: "For an image block, the image." }),
  }),
});

export const BylineRef = builder.prismaObject("Byline", {
  description: "A person credited on an article, and for what.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Order in the byline, from 0." }),
    role: t.expose("role", { type: BylineRoleEnum, description: "What the person did for the article." }),
    // A relation, not a linked row: an article read outside a Pothos selection (a related article, a node) loads its
    // bylines through Pothos' fallback, whose rows reach this field at moments that would split their people's read.
    person: t.relation("person", { description: "The person credited." }),
    article: t.relation("article", { description: "The article." }),
  }),
});

export const MediaRef = builder.prismaNode("Media", {
  id: { field: "id" },
  description: "An image in an article, with caption, alt text and credit.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "Order of appearance, from 0." }),
    url: t.exposeString("url", { description: "Where the image file is." }),
    caption: t.exposeString("caption", { nullable: true, description: "The caption shown with the image." }),
    altText: t.exposeString("altText", { nullable: true, description: "A description for readers who cannot see it." }),
    credit: t.exposeString("creditText", { nullable: true, description: "The credit line as printed." }),
    creditPerson: t.relation("creditPerson", { nullable: true, description: "The photographer, when known." }),
    creditOrganisation: t.relation("creditOrganisation", {
      nullable: true,
      description: "The agency or organisation credited, when known.",
    }),
    width: t.exposeInt("width", { nullable: true, description: "Width in pixels, if known." }),
    height: t.exposeInt("height", { nullable: true, description: "Height in pixels, if known." }),
    article: t.relation("article", { description: "The article the image belongs to." }),
  }),
});

builder.prismaObject("Correction", {
  description: "A dated note that part of an article was wrong, and what is right.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The correction as shown to readers." }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", description: "When the correction was made." }),
  }),
});

export const SectionRef = builder.prismaObject("Section", {
  extensions: maxAge(300_000),
  description: "A section of the publication, such as World or Politics.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The section's URL-safe name." }),
    name: t.exposeString("name", { description: "The section's name." }),
    description: t.exposeString("description", { nullable: true, description: "What the section covers." }),
    articles: t.relatedConnection(
      "articles",
      listedArticlesNewestFirst("Published articles in the section, newest first."),
      ArticleConnection,
    ),
  }),
});

export const TagRef = builder.prismaObject("Tag", {
  extensions: maxAge(300_000),
  description: "A keyword that groups articles on a subject.",
  fields: (t) => ({
    slug: t.exposeString("slug", { description: "The tag's URL-safe name." }),
    name: t.exposeString("name", { description: "The tag as shown to readers." }),
    articles: t.prismaConnection(
      {
        extensions: VIEWER_FILTERED,
        type: "Article",
        cursor: "id",
        description: "Published articles with this tag, newest first.",
        totalCount: (tag, _args, ctx) =>
          ctx.prisma.article.count({ where: { ...listedArticleWhere(ctx.viewer), tags: { some: { tagId: tag.id } } } }),
        resolve: (query, tag, _args, ctx) =>
          ctx.prisma.article.findMany({
            ...query,
            where: { ...listedArticleWhere(ctx.viewer), tags: { some: { tagId: tag.id } } },
            orderBy: NEWEST_ARTICLES_FIRST,
          }),
      },
      ArticleConnection,
    ),
  }),
});

export const BylineConnection = namedConnection(BylineRef, "Byline", "bylines");
export const SectionConnection = namedConnection(SectionRef, "Section", "sections");

builder.prismaObjectField("Article", "version", (t) =>
  t.exposeInt("version", { description: "Bumped by every editorial change; send it back with updates." }),
);

builder.addScalarType("JSONObject", JSONObjectResolver, { description: "A JSON object." });

builder.prismaObjectField("Article", "jsonLd", (t) =>
  t.field({
    type: "JSONObject",
    description:
      "The article as schema.org NewsArticle (JSON-LD): headline, authors, publisher, dates, images, mentions.",
    select: JSON_LD_SELECT,
    resolve: (a) => toJsonLd(a),
  }),
);

builder.prismaObjectField("Article", "ninjs", (t) =>
  t.field({
    type: "JSONObject",
    description:
      "The article as IPTC ninjs 3.0 (News in JSON): uri, headlines, descriptions, bodies (plain text and HTML), dates, " +
      "byline, subjects, people, organisations, places and events mentioned, and its pictures as associations.",
    select: NINJS_SELECT,
    resolve: (a) => toNinjs(a),
  }),
);

const AuditEntryRef = builder.prismaObject("AuditEntry", {
  description: "One editorial change: who, what, when.",
  fields: (t) => ({
    action: t.exposeString("action", { description: "The mutation, e.g. updateArticle." }),
    entityType: t.exposeString("entityType", { description: "What kind of thing changed." }),
    entityId: t.id({
      description: "The global id of what changed.",
      resolve: (e) => encodeGlobalId(e.entityType, e.entityId),
    }),
    changes: t.exposeString("changes", { description: "What the mutation set, as JSON." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When." }),
  }),
});

addActingAccountField("AuditEntry", "actor", "Who made the change.");

export const AuditConnection = namedConnection(AuditEntryRef, "AuditEntry", "audit entries");
