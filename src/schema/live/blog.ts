// The live blog of an article: its coverage window, the pinned update, the summary, key events, and its updates
// newest first with stable cursors, for readers who page and for polling clients.
import { builder } from "../../builder.js";
import { encodeLiveEventCursor } from "../../services/live/events.js";
import { canSeeUnpublished } from "../../services/shared/visibility.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { LiveUpdateConnection, LiveUpdateRef } from "./types.js";

const NEWEST_FIRST = [{ seq: "desc" as const }];
const KEY_EVENTS_LIMIT = 100;

builder.prismaObject("LiveBlog", {
  description:
    "An article told as a live blog: a stream of short, timestamped updates with key events, a pinned post and a summary.",
  fields: (t) => ({
    coverageStartTime: t.expose("coverageStartAt", { type: "DateTime", description: "When the live coverage began." }),
    coverageEndTime: t.expose("coverageEndAt", {
      type: "DateTime",
      nullable: true,
      description: "When the live coverage ended; null while it is running.",
    }),
    isLive: t.boolean({
      description: "True while the coverage is running: it has started and has not ended.",
      select: { coverageStartAt: true, coverageEndAt: true },
      resolve: (b, _args, ctx) => {
        const now = ctx.clock();
        return b.coverageStartAt <= now && (b.coverageEndAt === null || b.coverageEndAt > now);
      },
    }),
    version: t.exposeInt("version", { description: "Bumped by every change of the coverage window." }),
    article: t.relation("article", { description: "The article the live blog tells." }),
    eventCursor: t.string({
      description:
        "The cursor of the latest event of the blog's live stream. Read it with the updates, then subscribe to liveBlogEvents with `after:` it: nothing that happens after the read is missed (an update may come again: go by its id).",
      select: { articleId: true, lastEventSeq: true },
      resolve: (b) => encodeLiveEventCursor(b.articleId, b.lastEventSeq),
    }),
    pinnedUpdate: t.relation("pinnedUpdate", {
      nullable: true,
      description: "The update pinned to the top of the blog, if any (at most one).",
    }),
    summary: t.prismaField({
      type: "LiveUpdate",
      nullable: true,
      description: "The latest published update marked as a summary of the story so far.",
      select: { articleId: true },
      resolve: (query, b, _args, ctx) =>
        ctx.prisma.liveUpdate.findFirst({
          ...query,
          where: { articleId: b.articleId, status: "PUBLISHED", summary: true },
          orderBy: NEWEST_FIRST,
        }),
    }),
    keyEvents: t.relation("updates", {
      description: `The published updates marked as key events, newest first (at most ${KEY_EVENTS_LIMIT}).`,
      query: { where: { status: "PUBLISHED", keyEvent: true }, orderBy: NEWEST_FIRST, take: KEY_EVENTS_LIMIT },
    }),
    liveUpdates: t.relatedConnection(
      "updates",
      {
        description:
          "The published updates, newest first. Cursors are stable: `after` pages to older updates, `before` gives the updates published since a cursor. `since` gives instead every update that changed at or after a time, withdrawn ones included (as WITHDRAWN), for polling clients.",
        cursor: "id",
        totalCount: true,
        args: {
          since: t.arg({
            type: "DateTime",
            required: false,
            description: "Only updates published, edited, marked or withdrawn at or after this time.",
          }),
        },
        query: (args) => ({
          where: args.since
            ? { status: { in: ["PUBLISHED", "WITHDRAWN"] }, seq: { not: null }, updatedAt: { gte: args.since } }
            : { status: "PUBLISHED" },
          orderBy: NEWEST_FIRST,
        }),
      },
      LiveUpdateConnection,
    ),
    drafts: t.field({
      type: [LiveUpdateRef],
      nullable: true,
      description: "Editors only (null for others): the draft updates, newest first.",
      extensions: VIEWER_SPECIFIC,
      select: (_args, _ctx, nested) => ({
        updates: nested({
          where: { status: "DRAFT" as const },
          orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
        }),
      }),
      resolve: (b, _args, ctx) => (canSeeUnpublished(ctx.viewer) ? b.updates : null),
    }),
  }),
});

builder.prismaObjectField("Article", "liveBlog", (t) =>
  t.relation("liveBlog", {
    nullable: true,
    description: "The article's live blog, when it is told as one (its updates, key events, pinned post, summary).",
  }),
);
