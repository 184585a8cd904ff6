// Root fields for articles, sections and tags, and the audit log of editorial changes (admins only).
import { builder } from "../../builder.js";
import { VIEWER_FILTERED, VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import type { Context } from "../../context.js";
import { requireRole } from "../../services/shared/authz.js";
import { articleCount, articlePageIds } from "../../services/articles/list.js";
import { countsWithinPage } from "../../services/articles/page-counts.js";
import { openableArticleWhere } from "../../services/shared/visibility.js";
import { uniqueWhere } from "../shared/entity-roots.js";
import { ArticleFilterInput, ArticleOrderEnum } from "../find/filters.js";
import { ArticleConnection, AuditConnection, SectionConnection } from "./types.js";

builder.queryFields((t) => ({
  article: t.prismaField({
    extensions: VIEWER_FILTERED,
    type: "Article",
    nullable: true,
    description: "One article, by global id or by slug (pass exactly one); null when none matches or it is a draft.",
    args: {
      id: t.arg.id({ required: false, description: "The article's global id." }),
      slug: t.arg.string({ required: false, description: "The article's slug." }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.article.findFirst({
        ...query,
        where: { ...uniqueWhere("Article", args), ...openableArticleWhere(ctx.viewer) },
      }),
  }),
  articles: t.prismaConnection(
    {
      type: "Article",
      cursor: "id",
      description:
        "Published articles (every status for editors), filtered and ordered; newest first by default (20 a page, at most 100).",
      args: {
        filter: t.arg({ type: ArticleFilterInput, required: false, description: "Which articles to list." }),
        orderBy: t.arg({ type: ArticleOrderEnum, required: false, description: "The order (default PUBLISHED_DESC)." }),
      },
      totalCount: (_root, args, ctx) => articleCount(ctx, args),
      resolve: async (query, _root, args, ctx) => {
        // The page is chosen in SQL (filters, ranks, keyset); the rows are then loaded with the GraphQL selection.
        const {
          cursor,
          take,
          skip: _skip,
          ...selection
        } = query as typeof query & {
          cursor?: { id: string };
          take: number;
          skip?: number;
        };
        const ids = await articlePageIds(ctx, { ...args, take, cursorId: cursor?.id });
        if (ids.length === 0) return [];
        const rows = await ctx.prisma.article.findMany({
          ...countsWithinPage(selection, ids),
          where: { id: { in: ids } },
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.flatMap((id) => byId.get(id) ?? []);
      },
    },
    ArticleConnection,
  ),
  section: t.prismaField({
    type: "Section",
    nullable: true,
    description: "A section by slug.",
    args: { slug: t.arg.string({ required: true, description: "The section's slug, e.g. world." }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.section.findUnique({ ...query, where: { slug: args.slug } }),
  }),
  sections: t.prismaConnection(
    {
      type: "Section",
      cursor: "id",
      description: "Every section, by name.",
      totalCount: (_root, _args, ctx) => ctx.prisma.section.count(),
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.section.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    },
    SectionConnection,
  ),
  tag: t.prismaField({
    type: "Tag",
    nullable: true,
    description: "A tag by slug.",
    args: { slug: t.arg.string({ required: true, description: "The tag's slug." }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.tag.findUnique({ ...query, where: { slug: args.slug } }),
  }),
}));

function requireAdmin(ctx: Context): void {
  requireRole(ctx, ["ADMIN"], "read the audit log");
}

builder.queryField("auditLog", (t) =>
  t.prismaConnection(
    {
      extensions: VIEWER_SPECIFIC,
      type: "AuditEntry",
      cursor: "id",
      description: "Admins: every editorial change, newest first.",
      totalCount: (_root, _args, ctx) => {
        requireAdmin(ctx);
        return ctx.prisma.auditEntry.count();
      },
      resolve: (query, _root, _args, ctx) => {
        requireAdmin(ctx);
        return ctx.prisma.auditEntry.findMany({ ...query, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
      },
    },
    AuditConnection,
  ),
);
