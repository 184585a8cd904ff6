// The Stats object: analyst aggregates over published articles and visible comments, one SQL statement each.
import type { Article, Section, Tag } from "../../generated/prisma/client.js";
import { builder } from "../../builder.js";
import * as stats from "../../services/stats/stats.js";
import type { EntityCount } from "../../services/stats/stats.js";
import { ArticleRef, SectionRef, TagRef } from "../article/types.js";
import { EntityTypeEnum } from "../shared/enums.js";
import { loadEntity } from "../graph/types.js";
import { MentionedEntity } from "../links/types.js";

export const StatsRef = builder.objectRef<stats.DateWindow>("Stats").implement({
  description:
    "Aggregates for analysts over a date window (UTC): published articles by their publication date, visible " +
    "comments by when they were posted. Every row names its number `count`; the list's name says what is counted.",
});

/** The old name of a row's `count`, kept for clients written before the names were made the same. */
const COUNT_RENAMED = "Use `count`: every Stats row names its number `count`.";

const PeriodEnum = builder.enumType("StatsPeriod", {
  description: "How to bucket dates (UTC).",
  values: {
    MONTH: { description: "By calendar month: 2024-02." },
    DAY: { description: "By calendar day: 2024-02-07." },
  } as const,
});

const SectionCountRef = builder.objectRef<{ section: Section; count: number }>("SectionCount").implement({
  description: "How many published articles a section has.",
  fields: (t) => ({
    section: t.field({ type: SectionRef, description: "The section.", resolve: (row) => row.section }),
    count: t.int({ description: "Published articles in the window.", resolve: (row) => row.count }),
  }),
});

const TagCountRef = builder.objectRef<{ tag: Tag; count: number }>("TagCount").implement({
  description: "How many published articles carry a tag.",
  fields: (t) => ({
    tag: t.field({ type: TagRef, description: "The tag.", resolve: (row) => row.tag }),
    count: t.int({ description: "Published articles in the window with the tag.", resolve: (row) => row.count }),
  }),
});

const PeriodCountRef = builder.objectRef<{ period: string; count: number }>("PeriodCount").implement({
  description: "A count for one month or day.",
  fields: (t) => ({
    period: t.string({ description: "The month (2024-02) or day (2024-02-07), UTC.", resolve: (row) => row.period }),
    start: t.field({
      type: "DateTime",
      description: "The first instant of the period.",
      resolve: (row) => new Date(row.period.length === 7 ? `${row.period}-01T00:00:00Z` : `${row.period}T00:00:00Z`),
    }),
    count: t.int({ description: "How many in the period.", resolve: (row) => row.count }),
  }),
});

const HourCountRef = builder.objectRef<{ hour: number; count: number }>("HourCount").implement({
  description: "A count for one hour of the day (UTC), over every day of the window.",
  fields: (t) => ({
    hour: t.int({ description: "The hour of the day, 0–23, UTC.", resolve: (row) => row.hour }),
    count: t.int({ description: "How many in that hour.", resolve: (row) => row.count }),
  }),
});

const EntityCountRef = builder.objectRef<EntityCount>("EntityCount").implement({
  description: "An entity and in how many published articles it is mentioned.",
  fields: (t) => ({
    entity: t.field({
      type: MentionedEntity,
      description: "The entity.",
      resolve: (row, _args, ctx, info) => loadEntity(ctx, info, row.entity) as never,
    }),
    count: t.int({ description: "Published articles in the window that mention it.", resolve: (r) => r.count }),
    articleCount: t.int({
      description: "Published articles in the window that mention it (the same as count).",
      deprecationReason: COUNT_RENAMED,
      resolve: (r) => r.count,
    }),
  }),
});

const ArticleCountRef = builder.objectRef<{ article: Article; count: number }>("ArticleCommentCount").implement({
  description: "A published article and how many visible comments it received.",
  fields: (t) => ({
    article: t.field({ type: ArticleRef, description: "The article.", resolve: (row) => row.article }),
    count: t.int({ description: "Visible comments posted in the window.", resolve: (row) => row.count }),
    commentCount: t.int({
      description: "Visible comments posted in the window (the same as count).",
      deprecationReason: COUNT_RENAMED,
      resolve: (row) => row.count,
    }),
  }),
});

builder.objectFields(StatsRef, (t) => ({
  articlesBySection: t.field({
    type: [SectionCountRef],
    description: "Published articles per section, most first.",
    resolve: (window, _args, ctx) => stats.articlesBySection(ctx, window),
  }),
  articlesByTag: t.field({
    type: [TagCountRef],
    description: "The tags on the most published articles, most first.",
    args: { first: t.arg.int({ required: false, description: "How many to return (default 20, at most 100)." }) },
    resolve: (window, args, ctx) => stats.articlesByTag(ctx, window, args.first),
  }),
  articlesByPeriod: t.field({
    type: [PeriodCountRef],
    description: "Published articles per month (or day), in date order; periods without articles are left out.",
    args: {
      period: t.arg({ type: PeriodEnum, required: false, description: "MONTH (default) or DAY." }),
    },
    resolve: (window, args, ctx) => stats.articlesByPeriod(ctx, window, args.period ?? "MONTH"),
  }),
  mostMentioned: t.field({
    type: [EntityCountRef],
    description: "The entities mentioned in the most published articles of the window, most first.",
    args: {
      type: t.arg({ type: EntityTypeEnum, required: false, description: "Only entities of this kind." }),
      first: t.arg.int({ required: false, description: "How many to return (default 10, at most 100)." }),
    },
    resolve: (window, args, ctx) => stats.mostMentioned(ctx, window, { kind: args.type ?? null, first: args.first }),
  }),
  commentsByPeriod: t.field({
    type: [PeriodCountRef],
    description:
      "Visible comments per month (or day) they were posted, in date order; periods without comments are left out.",
    args: {
      period: t.arg({ type: PeriodEnum, required: false, description: "MONTH (default) or DAY." }),
    },
    resolve: (window, args, ctx) => stats.commentsByPeriod(ctx, window, args.period ?? "MONTH"),
  }),
  commentsByDay: t.field({
    type: [PeriodCountRef],
    description: "Visible comments per day they were posted (the same as commentsByPeriod(period: DAY)).",
    deprecationReason: "Use `commentsByPeriod(period: DAY)`, which buckets like `articlesByPeriod`.",
    resolve: (window, _args, ctx) => stats.commentsByPeriod(ctx, window, "DAY"),
  }),
  commentsByHour: t.field({
    type: [HourCountRef],
    description: "Visible comments per hour of the day (UTC) they were posted: 24 entries, 0 to 23.",
    resolve: (window, _args, ctx) => stats.commentsByHourOfDay(ctx, window),
  }),
  mostCommented: t.field({
    type: [ArticleCountRef],
    description: "Published articles with the most visible comments posted in the window, most first.",
    args: { first: t.arg.int({ required: false, description: "How many to return (default 10, at most 100)." }) },
    resolve: (window, args, ctx) => stats.mostCommented(ctx, window, args.first),
  }),
}));
