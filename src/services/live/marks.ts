// Marking, correcting and withdrawing live updates. Pinned is at most one update per blog (LiveBlog.pinnedUpdateId,
// a unique column); key event and summary are flags of the update. Readers see each change as an event.
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { audit } from "../shared/audit.js";
import { checkedText } from "../shared/text.js";
import { recordLiveBlogEvent } from "./events.js";
import { holdUpdate, runLiveMutation, type LiveChange } from "./run.js";
import { writeRevision } from "./update-fields.js";

/** Pins `updateId` on its blog, unpinning the update pinned before (two events). */
export async function pinUpdate(change: LiveChange, ctx: Context, articleId: string, updateId: string) {
  const { tx, events } = change;
  const blog = await tx.liveBlog.findUniqueOrThrow({ where: { articleId }, select: { pinnedUpdateId: true } });
  if (blog.pinnedUpdateId === updateId) return;
  if (blog.pinnedUpdateId) await unpinUpdate(change, ctx, articleId, blog.pinnedUpdateId);
  await tx.liveBlog.update({ where: { articleId }, data: { pinnedUpdateId: updateId, updatedAt: ctx.clock() } });
  events.push(await recordLiveBlogEvent(tx, ctx, articleId, "PINNED", updateId));
}

async function unpinUpdate(change: LiveChange, ctx: Context, articleId: string, updateId: string) {
  const { tx, events } = change;
  await tx.liveBlog.update({ where: { articleId }, data: { pinnedUpdateId: null, updatedAt: ctx.clock() } });
  events.push(await recordLiveBlogEvent(tx, ctx, articleId, "UNPINNED", updateId));
}

export interface MarkLiveUpdateInput {
  id: string;
  keyEvent?: boolean | null;
  summary?: boolean | null;
  pinned?: boolean | null;
  clientMutationId?: string | null;
}

export function markLiveUpdate(ctx: Context, input: MarkLiveUpdateInput): Promise<string> {
  return runLiveMutation(ctx, "markLiveUpdate", input, async (change) => {
    const { tx, events } = change;
    const { update, blog } = await holdUpdate(tx, ctx, input.id);
    if (update.status === "WITHDRAWN") throw new BadUserInputError("a withdrawn update cannot be marked", "id");
    if (input.pinned && update.status !== "PUBLISHED")
      throw new BadUserInputError("only a published update can be pinned", "pinned");
    const flags = {
      ...(input.keyEvent != null ? { keyEvent: input.keyEvent } : {}),
      ...(input.summary != null ? { summary: input.summary } : {}),
    };
    const flagsChanged = Object.entries(flags).some(([key, value]) => update[key as keyof typeof flags] !== value);
    await tx.liveUpdate.update({
      where: { id: update.id },
      data: { ...flags, version: { increment: 1 }, updatedAt: ctx.clock() },
    });
    if (flagsChanged && update.status === "PUBLISHED")
      events.push(await recordLiveBlogEvent(tx, ctx, update.articleId, "MARKED", update.id));
    if (input.pinned === true) await pinUpdate(change, ctx, update.articleId, update.id);
    if (input.pinned === false && blog.pinnedUpdateId === update.id)
      await unpinUpdate(change, ctx, update.articleId, update.id);
    await writeRevision(tx, ctx, update.id);
    await audit(tx, ctx, "markLiveUpdate", "LiveUpdate", update.id, {
      ...input,
      id: undefined,
      clientMutationId: undefined,
    });
    return update.id;
  });
}

export function correctLiveUpdate(
  ctx: Context,
  input: { id: string; text: string; clientMutationId?: string | null },
): Promise<string> {
  return runLiveMutation(ctx, "correctLiveUpdate", input, async ({ tx, events }) => {
    const text = checkedText(input.text, "text", 2000);
    const { update } = await holdUpdate(tx, ctx, input.id);
    if (update.status !== "PUBLISHED") throw new BadUserInputError("only a published update can be corrected", "id");
    const now = ctx.clock();
    await tx.liveUpdateCorrection.create({
      data: { id: ctx.newId(), updateId: update.id, text, publishedAt: now, createdAt: now, updatedAt: now },
    });
    await tx.liveUpdate.update({
      where: { id: update.id },
      data: { editedAt: now, version: { increment: 1 }, updatedAt: now },
    });
    await writeRevision(tx, ctx, update.id);
    await audit(tx, ctx, "correctLiveUpdate", "LiveUpdate", update.id, { text });
    events.push(await recordLiveBlogEvent(tx, ctx, update.articleId, "CORRECTED", update.id));
    return update.id;
  });
}

export function withdrawLiveUpdate(
  ctx: Context,
  input: { id: string; reason: string; clientMutationId?: string | null },
): Promise<string> {
  return runLiveMutation(ctx, "withdrawLiveUpdate", input, async (change) => {
    const { tx, events } = change;
    const reason = checkedText(input.reason, "reason", 2000);
    const { update, blog } = await holdUpdate(tx, ctx, input.id);
    if (update.status === "WITHDRAWN") throw new BadUserInputError("the update is already withdrawn", "id");
    if (blog.pinnedUpdateId === update.id)
      await tx.liveBlog.update({
        where: { articleId: update.articleId },
        data: { pinnedUpdateId: null, updatedAt: ctx.clock() },
      });
    const now = ctx.clock();
    await tx.liveUpdate.update({
      where: { id: update.id },
      data: {
        status: "WITHDRAWN",
        withdrawnAt: now,
        withdrawalReason: reason,
        version: { increment: 1 },
        updatedAt: now,
      },
    });
    await writeRevision(tx, ctx, update.id);
    await audit(tx, ctx, "withdrawLiveUpdate", "LiveUpdate", update.id, { reason });
    // A draft was never public: its withdrawal is nothing to readers.
    if (update.status === "PUBLISHED")
      events.push(await recordLiveBlogEvent(tx, ctx, update.articleId, "WITHDRAWN", update.id));
    return update.id;
  });
}
