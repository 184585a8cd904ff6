// Writing live updates: post (as a draft or at once), edit, publish a draft. Publication gives an update the next
// number of its blog (its place, newest first, and its cursor) and its own publication time; an edit of a published
// update sets its visible "updated" time. Every change leaves a revision, an audit entry and (when readers can see
// the update) an event.
import type { Context } from "../../context.js";
import { BadUserInputError, ConflictError } from "../../errors.js";
import type { LiveUpdate } from "../../generated/prisma/client.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { audit } from "../shared/audit.js";
import { recordLiveBlogEvent } from "./events.js";
import { holdBlog, holdUpdate, runLiveMutation, type LiveChange } from "./run.js";
import {
  checkedAuthors,
  checkedBlocks,
  checkedTitle,
  plainTextOf,
  writeAuthors,
  writeBlocks,
  writeRevision,
  type LiveUpdateFields,
} from "./update-fields.js";
import { pinUpdate } from "./marks.js";

export interface PostLiveUpdateInput extends LiveUpdateFields {
  articleId: string;
  keyEvent?: boolean | null;
  summary?: boolean | null;
  pinned?: boolean | null;
  /** Save as a draft (editors only see it) instead of publishing at once. */
  draft?: boolean | null;
  clientMutationId?: string | null;
}

/** Gives a draft the next number of its blog and publishes it now. */
async function publishInTransaction(change: LiveChange, ctx: Context, update: Pick<LiveUpdate, "id" | "articleId">) {
  const { tx, events } = change;
  const { lastUpdateSeq } = await tx.liveBlog.update({
    where: { articleId: update.articleId },
    data: { lastUpdateSeq: { increment: 1 }, updatedAt: ctx.clock() },
    select: { lastUpdateSeq: true },
  });
  await tx.liveUpdate.update({
    where: { id: update.id },
    data: { status: "PUBLISHED", seq: lastUpdateSeq, publishedAt: ctx.clock(), updatedAt: ctx.clock() },
  });
  events.push(await recordLiveBlogEvent(tx, ctx, update.articleId, "POSTED", update.id));
}

export function postLiveUpdate(ctx: Context, input: PostLiveUpdateInput): Promise<string> {
  return runLiveMutation(ctx, "postLiveUpdate", input, async (change) => {
    const { tx } = change;
    const articleId = decodeGlobalIdOf(input.articleId, "Article", "articleId");
    await holdBlog(tx, ctx, articleId);
    if (!input.body) throw new BadUserInputError("body may not be empty", "body");
    const blocks = await checkedBlocks(tx, articleId, input.body);
    const authorIds = await checkedAuthors(tx, input.authorIds ?? []);
    if (input.pinned && input.draft) throw new BadUserInputError("a draft cannot be pinned", "pinned");
    const now = ctx.clock();
    const id = ctx.newId();
    await tx.liveUpdate.create({
      data: {
        id,
        articleId,
        status: "DRAFT",
        title: checkedTitle(input.title),
        bodyText: plainTextOf(blocks),
        keyEvent: input.keyEvent ?? false,
        summary: input.summary ?? false,
        createdAt: now,
        updatedAt: now,
      },
    });
    await writeBlocks(tx, ctx, id, blocks);
    await writeAuthors(tx, ctx, id, authorIds);
    if (!input.draft) await publishInTransaction(change, ctx, { id, articleId });
    if (input.pinned) await pinUpdate(change, ctx, articleId, id);
    await writeRevision(tx, ctx, id);
    await audit(tx, ctx, "postLiveUpdate", "LiveUpdate", id, { ...input, clientMutationId: undefined });
    return id;
  });
}

export interface EditLiveUpdateInput extends LiveUpdateFields {
  id: string;
  version: number;
  clientMutationId?: string | null;
}

export function editLiveUpdate(ctx: Context, input: EditLiveUpdateInput): Promise<string> {
  return runLiveMutation(ctx, "editLiveUpdate", input, async (change) => {
    const { tx, events } = change;
    const { update } = await holdUpdate(tx, ctx, input.id);
    if (update.status === "WITHDRAWN") throw new BadUserInputError("a withdrawn update cannot be edited", "id");
    if (update.version !== input.version)
      throw new ConflictError(
        `The update changed meanwhile: you edited version ${input.version}, it is now at version ${update.version}`,
        "version",
      );
    const blocks = input.body ? await checkedBlocks(tx, update.articleId, input.body) : undefined;
    const authorIds = input.authorIds ? await checkedAuthors(tx, input.authorIds) : undefined;
    const now = ctx.clock();
    await tx.liveUpdate.update({
      where: { id: update.id },
      data: {
        ...(input.title !== undefined ? { title: checkedTitle(input.title) } : {}),
        ...(blocks ? { bodyText: plainTextOf(blocks) } : {}),
        ...(update.status === "PUBLISHED" ? { editedAt: now } : {}),
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    if (blocks) await writeBlocks(tx, ctx, update.id, blocks);
    if (authorIds) await writeAuthors(tx, ctx, update.id, authorIds);
    await writeRevision(tx, ctx, update.id);
    await audit(tx, ctx, "editLiveUpdate", "LiveUpdate", update.id, {
      ...input,
      id: undefined,
      clientMutationId: undefined,
    });
    if (update.status === "PUBLISHED")
      events.push(await recordLiveBlogEvent(tx, ctx, update.articleId, "EDITED", update.id));
    return update.id;
  });
}

export function publishLiveUpdate(
  ctx: Context,
  input: { id: string; version: number; clientMutationId?: string | null },
): Promise<string> {
  return runLiveMutation(ctx, "publishLiveUpdate", input, async (change) => {
    const { tx } = change;
    const { update } = await holdUpdate(tx, ctx, input.id);
    if (update.status !== "DRAFT") throw new BadUserInputError("only a draft can be published", "id");
    if (update.version !== input.version)
      throw new ConflictError(`The update is at version ${update.version}, not ${input.version}`, "version");
    await tx.liveUpdate.update({
      where: { id: update.id },
      data: { version: { increment: 1 }, updatedAt: ctx.clock() },
    });
    await publishInTransaction(change, ctx, update);
    await writeRevision(tx, ctx, update.id);
    await audit(tx, ctx, "publishLiveUpdate", "LiveUpdate", update.id, { version: input.version });
    return update.id;
  });
}
