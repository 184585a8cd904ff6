// A live update's editable fields: checked one by one (a BAD_USER_INPUT names the field at fault) and written, with
// its body blocks and authors, in the caller's transaction. Blocks are the article body's kinds; an IMAGE block
// shows one of the live blog article's media (added with addMedia, with its caption and credits).
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { BlockKind } from "../../generated/prisma/enums.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { checkedText } from "../shared/text.js";

type Tx = P.TransactionClient;

export interface LiveBlockInput {
  kind: BlockKind;
  text?: string | null;
  level?: number | null;
  attribution?: string | null;
  mediaId?: string | null;
}

export interface LiveUpdateFields {
  title?: string | null;
  body?: LiveBlockInput[] | null;
  authorIds?: string[] | null;
}

export interface CheckedBlock {
  kind: BlockKind;
  text: string | null;
  level: number | null;
  attribution: string | null;
  mediaId: string | null;
}

export const MAX_BLOCKS = 50;
export const MAX_AUTHORS = 10;

export async function checkedBlocks(tx: Tx, articleId: string, body: LiveBlockInput[]): Promise<CheckedBlock[]> {
  if (body.length === 0) throw new BadUserInputError("body needs at least one block", "body");
  if (body.length > MAX_BLOCKS) throw new BadUserInputError(`body may have at most ${MAX_BLOCKS} blocks`, "body");
  const blocks: CheckedBlock[] = [];
  for (const [index, block] of body.entries()) {
    const field = `body[${index}]`;
    if (block.kind === "IMAGE") {
      if (!block.mediaId) throw new BadUserInputError(`${field}.mediaId is needed for an image`, `${field}.mediaId`);
      const mediaId = decodeGlobalIdOf(block.mediaId, "Media", `${field}.mediaId`);
      const media = await tx.media.findUnique({ where: { id: mediaId }, select: { articleId: true } });
      if (media?.articleId !== articleId)
        throw new BadUserInputError(`${field}.mediaId names no image of this live blog`, `${field}.mediaId`);
      blocks.push({ kind: "IMAGE", text: null, level: null, attribution: null, mediaId });
      continue;
    }
    if (block.mediaId) throw new BadUserInputError(`${field}.mediaId is for images only`, `${field}.mediaId`);
    const level = block.kind === "HEADING" ? (block.level ?? 2) : null;
    if (level !== null && (level < 2 || level > 4))
      throw new BadUserInputError(`${field}.level must be 2, 3 or 4`, `${field}.level`);
    blocks.push({
      kind: block.kind,
      text: checkedText(block.text ?? "", `${field}.text`, 10_000),
      level,
      attribution:
        block.kind === "QUOTE" && block.attribution
          ? checkedText(block.attribution, `${field}.attribution`, 200)
          : null,
      mediaId: null,
    });
  }
  return blocks;
}

export async function checkedAuthors(tx: Tx, authorIds: string[]): Promise<string[]> {
  if (authorIds.length > MAX_AUTHORS)
    throw new BadUserInputError(`an update may have at most ${MAX_AUTHORS} authors`, "authorIds");
  const ids = [...new Set(authorIds.map((id) => decodeGlobalIdOf(id, "Person", "authorIds")))];
  const found = await tx.person.count({ where: { id: { in: ids } } });
  if (found !== ids.length) throw new BadUserInputError("authorIds names someone who does not exist", "authorIds");
  return ids;
}

export const checkedTitle = (title: string | null | undefined) =>
  title == null ? null : checkedText(title, "title", 300, false) || null;

/** The plain text of the blocks (for search, exports and the revisions). */
export const plainTextOf = (blocks: CheckedBlock[]) =>
  blocks
    .map((b) => b.text)
    .filter((text): text is string => text !== null)
    .join("\n\n");

export async function writeBlocks(
  tx: Tx,
  ctx: Pick<Context, "newId" | "clock">,
  updateId: string,
  blocks: CheckedBlock[],
) {
  const now = ctx.clock();
  await tx.liveUpdateBlock.deleteMany({ where: { updateId } });
  await tx.liveUpdateBlock.createMany({
    data: blocks.map((b, position) => ({ id: ctx.newId(), updateId, position, ...b, createdAt: now, updatedAt: now })),
  });
}

export async function writeAuthors(tx: Tx, ctx: Pick<Context, "clock">, updateId: string, personIds: string[]) {
  const now = ctx.clock();
  await tx.liveUpdateAuthor.deleteMany({ where: { updateId } });
  await tx.liveUpdateAuthor.createMany({
    data: personIds.map((personId, position) => ({ updateId, personId, position, createdAt: now, updatedAt: now })),
  });
}

/** Writes the update's current state as its revision `version` (every change leaves one). */
export async function writeRevision(tx: Tx, ctx: Context, updateId: string): Promise<void> {
  const update = await tx.liveUpdate.findUniqueOrThrow({
    where: { id: updateId },
    include: {
      blocks: { orderBy: { position: "asc" } },
      authors: { orderBy: { position: "asc" } },
      corrections: { orderBy: { publishedAt: "asc" } },
    },
  });
  const now = ctx.clock();
  const snapshot = {
    status: update.status,
    title: update.title,
    keyEvent: update.keyEvent,
    summary: update.summary,
    blocks: update.blocks.map(({ kind, text, level, attribution, mediaId }) => ({
      kind,
      text,
      level,
      attribution,
      mediaId,
    })),
    authorIds: update.authors.map((a) => a.personId),
    corrections: update.corrections.map((c) => c.text),
    withdrawalReason: update.withdrawalReason,
  };
  await tx.liveUpdateRevision.create({
    data: {
      id: ctx.newId(),
      updateId,
      version: update.version,
      snapshot: JSON.stringify(snapshot),
      actorId: ctx.viewer?.id ?? null,
      createdAt: now,
      updatedAt: now,
    },
  });
}
