// Root fields for articles, sections and tags.
import { builder } from "../../builder.js";
import { listedArticleWhere, NEWEST_ARTICLES_FIRST, openableArticleWhere } from "../../services/visibility.js";
import { uniqueWhere } from "../entity-roots.js";
import { ArticleConnection, SectionConnection } from "./types.js";

builder.queryFields((t) => ({
  article: t.prismaField({
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
      description: "Published articles, newest first (20 a page by default, at most 100).",
      totalCount: (_root, _args, ctx) => ctx.prisma.article.count({ where: listedArticleWhere(ctx.viewer) }),
      resolve: (query, _root, _args, ctx) =>
        ctx.prisma.article.findMany({
          ...query,
          where: listedArticleWhere(ctx.viewer),
          orderBy: NEWEST_ARTICLES_FIRST,
        }),
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
