// Live-blog types: one update with its blocks, authors, corrections and revisions, and the events of the live stream.
// (The live blog itself, with its pages of updates, is in blog.ts.)
import { builder } from "../../builder.js";
import { LiveBlogEventKind, LiveUpdateStatus } from "../../generated/prisma/enums.js";
import { canSeeUnpublished } from "../../services/shared/visibility.js";
import { encodeLiveEventCursor } from "../../services/live/events.js";
import { VIEWER_FILTERED, VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import { BlockKindEnum, describedEnum } from "../shared/enums.js";
import { namedConnection } from "../shared/connections.js";
import { PersonRef } from "../shared/entity-refs.js";

export const LiveUpdateStatusEnum = describedEnum("LiveUpdateStatus", "Where a live update is.", LiveUpdateStatus, {
  DRAFT: "Being written: editors only.",
  PUBLISHED: "On the live blog.",
  WITHDRAWN: "Taken off the live blog (readers only see that it was withdrawn, and why).",
});

export const LiveBlogEventKindEnum = describedEnum(
  "LiveBlogEventKind",
  "What happened on a live blog.",
  LiveBlogEventKind,
  {
    COVERAGE_CHANGED: "The coverage window changed (it started, ended or reopened).",
    POSTED: "An update was published.",
    EDITED: "An update's text, title or authors changed.",
    CORRECTED: "An update got a correction.",
    MARKED: "An update was marked or unmarked as a key event or a summary.",
    PINNED: "An update was pinned to the top.",
    UNPINNED: "The pinned update was unpinned.",
    WITHDRAWN: "An update was withdrawn.",
  },
);

/** A withdrawn update keeps its place in the log; readers see only that it was withdrawn, and why. The fields that
 * ask are VIEWER_FILTERED: editors see more, but every anonymous reader sees the same. */
const hiddenFromReader = (u: { status: string }, viewer: Parameters<typeof canSeeUnpublished>[0]) =>
  u.status === "WITHDRAWN" && !canSeeUnpublished(viewer);

const LiveUpdateBlockRef = builder.prismaObject("LiveUpdateBlock", {
  description: "One block of a live update: the same kinds as an article body.",
  fields: (t) => ({
    position: t.exposeInt("position", { description: "The block's place in the update, from 0." }),
    kind: t.expose("kind", { type: BlockKindEnum, description: "What the block is." }),
    text: t.exposeString("text", { nullable: true, description: "The text; null for an image." }),
    level: t.exposeInt("level", { nullable: true, description: "For a heading, its level (2–4)." }),
    attribution: t.exposeString("attribution", { nullable: true, description: "For a quote, who said it." }),
    media: t.relation("media", { nullable: true, description: "For an image block, the image with its credits." }),
  }),
});

builder.prismaObject("LiveUpdateCorrection", {
  description: "A dated note that a live update was wrong, and what is right.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The correction as shown to readers." }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", description: "When the correction was made." }),
  }),
});

const LiveUpdateRevisionRef = builder.prismaObject("LiveUpdateRevision", {
  description: "One version of a live update, as it was written.",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The version number." }),
    snapshot: t.exposeString("snapshot", { description: "What the update said then, as JSON." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When this version was written." }),
  }),
});

export const LiveUpdateRef = builder.prismaNode("LiveUpdate", {
  id: { field: "id" },
  description: "One timestamped update of a live blog.",
  fields: (t) => ({
    status: t.expose("status", { type: LiveUpdateStatusEnum, description: "Draft, published or withdrawn." }),
    sequence: t.exposeInt("seq", {
      nullable: true,
      description: "Its number in the blog, in order of publication (null for a draft).",
    }),
    title: t.string({
      extensions: VIEWER_FILTERED,
      nullable: true,
      description: "A short headline for the update, if it has one.",
      select: { status: true, title: true },
      resolve: (u, _args, ctx) => (hiddenFromReader(u, ctx.viewer) ? null : u.title),
    }),
    body: t.field({
      extensions: VIEWER_FILTERED,
      type: [LiveUpdateBlockRef],
      description: "The update's text as ordered blocks (empty for readers once it is withdrawn).",
      select: (_args, _ctx, nested) => ({ status: true, blocks: nested({ orderBy: { position: "asc" as const } }) }),
      resolve: (u, _args, ctx) => (hiddenFromReader(u, ctx.viewer) ? [] : u.blocks),
    }),
    bodyText: t.string({
      extensions: VIEWER_FILTERED,
      description: "The update as plain text, blocks separated by blank lines (empty for readers once withdrawn).",
      select: { status: true, bodyText: true },
      resolve: (u, _args, ctx) => (hiddenFromReader(u, ctx.viewer) ? "" : u.bodyText),
    }),
    authors: t.field({
      type: [PersonRef],
      description: "Who wrote the update, in byline order.",
      select: (_args, _ctx, nested) => ({
        authors: { orderBy: { position: "asc" }, select: { person: nested(true) } },
      }),
      resolve: (u) => u.authors.map((a) => a.person),
    }),
    keyEvent: t.exposeBoolean("keyEvent", { description: "Marked as a key event of the story." }),
    summary: t.exposeBoolean("summary", { description: "Marked as a summary of the story so far." }),
    pinned: t.boolean({
      description: "Whether this is the blog's pinned update.",
      select: { pinnedOn: { select: { articleId: true } } },
      resolve: (u) => u.pinnedOn !== null,
    }),
    publishedAt: t.expose("publishedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the update was published (its own time, shown beside it); null for a draft.",
    }),
    editedAt: t.expose("editedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the published update was last edited or corrected (shown as “updated”); null if never.",
    }),
    corrections: t.relation("corrections", {
      description: "Dated corrections of the update.",
      query: { orderBy: [{ publishedAt: "asc" }, { id: "asc" }] },
    }),
    withdrawnAt: t.expose("withdrawnAt", { type: "DateTime", nullable: true, description: "When it was withdrawn." }),
    withdrawalReason: t.exposeString("withdrawalReason", { nullable: true, description: "Why it was withdrawn." }),
    version: t.exposeInt("version", { description: "Bumped by every change; send it back with editLiveUpdate." }),
    revisions: t.field({
      type: [LiveUpdateRevisionRef],
      nullable: true,
      description: "Editors only (null for others): every version of the update, oldest first.",
      extensions: VIEWER_SPECIFIC,
      select: (_args, _ctx, nested) => ({ revisions: nested({ orderBy: { version: "asc" as const } }) }),
      resolve: (u, _args, ctx) => (canSeeUnpublished(ctx.viewer) ? u.revisions : null),
    }),
    liveBlog: t.relation("liveBlog", { description: "The live blog the update belongs to." }),
  }),
});

export const LiveUpdateConnection = namedConnection(LiveUpdateRef, "LiveUpdate", "live updates");

export const LiveBlogEventRef = builder.prismaObject("LiveBlogEvent", {
  description: "One change to a live blog in its live stream. Pass its cursor as `after` to resume after it.",
  fields: (t) => ({
    kind: t.expose("kind", { type: LiveBlogEventKindEnum, description: "What happened." }),
    cursor: t.string({
      description: "Where this event sits in the blog's stream: resume with `after: cursor`.",
      select: { articleId: true, seq: true },
      resolve: (e) => encodeLiveEventCursor(e.articleId, e.seq),
    }),
    sequence: t.exposeInt("seq", { description: "The event's number in the blog's stream (strictly increasing)." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it happened." }),
    update: t.relation("update", {
      nullable: true,
      description: "The update it concerns, as it is now (null for a change of the coverage window).",
    }),
    liveBlog: t.relation("liveBlog", { description: "The live blog, as it is now (its window, its pinned update)." }),
  }),
});
