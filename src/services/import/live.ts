// A live blog read back from ninjs, as services/export/live.ts writes it: the coverage window from the subjects of rel
// "live-coverage", and each association of type "text" named "live-update-<sequence>" as a published update (its
// headline, bodies, firstCreated as its publication time, versionCreated as its "updated" time when later, its
// marks from subjects of rel "live-mark", its corrections from descriptions of role "correction", its authors by
// name when the graph knows them). Updates are matched by sequence, so a re-import updates them in place; updates
// the file does not hold are left as they are. An import writes no live events: it is not live news.
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { BlockKind } from "../../generated/prisma/enums.js";
import { LIVE_COVERAGE_REL, LIVE_MARK_REL, LIVE_UPDATE_ASSOCIATION } from "../export/live.js";

type Tx = P.TransactionClient;
/** The clock and ids of the import (entities.ts ImportDeps; not imported, which would make a cycle through types.ts). */
type ImportDeps = { clock: () => Date; newId: () => string };

export interface ImportedLiveUpdate {
  seq: number;
  title: string | null;
  blocks: { kind: BlockKind; text: string; level: number | null; attribution: string | null }[];
  publishedAt: string;
  editedAt: string | null;
  keyEvent: boolean;
  summary: boolean;
  pinned: boolean;
  corrections: string[];
  authors: string[];
}

export interface ImportedLiveBlog {
  coverageStartAt: string;
  coverageEndAt: string | null;
  updates: ImportedLiveUpdate[];
}

interface Valued {
  value: string;
  role?: string;
  contentType?: string;
}
interface Named {
  name?: string;
  literal?: string;
  rel?: string;
}
export interface LiveAssociation {
  name?: string;
  type?: string;
  firstCreated?: string;
  versionCreated?: string;
  headlines?: Valued[];
  descriptions?: Valued[];
  bodies?: Valued[];
  subjects?: Named[];
  by?: string;
}

type Blocks = ImportedLiveUpdate["blocks"];

/** The live blog a ninjs item carries, or null when it is not one. `toBlocks` reads a body as the article's do. */
export function liveBlogFromNinjs(
  subjects: Named[] | undefined,
  associations: LiveAssociation[],
  toBlocks: (html: string | undefined, text: string | undefined) => Blocks,
): ImportedLiveBlog | null {
  const coverage = (subjects ?? []).filter((s) => s.rel === LIVE_COVERAGE_REL && s.literal);
  const start = coverage.find((s) => s.name === "coverage start")?.literal;
  if (!start || Number.isNaN(Date.parse(start))) return null;
  const end = coverage.find((s) => s.name === "coverage end")?.literal ?? null;
  const updates = associations.flatMap((a): ImportedLiveUpdate[] => {
    const match = a.type === "text" ? LIVE_UPDATE_ASSOCIATION.exec(a.name ?? "") : null;
    if (!match || !a.firstCreated) return [];
    const marks = new Set((a.subjects ?? []).filter((s) => s.rel === LIVE_MARK_REL).map((s) => s.literal));
    const html = a.bodies?.find((b) => b.contentType === "text/html")?.value;
    const text = a.bodies?.find((b) => !b.contentType || b.contentType === "text/plain")?.value;
    const blocks = toBlocks(html, text);
    if (blocks.length === 0) return [];
    const publishedAt = new Date(a.firstCreated).toISOString();
    const version = a.versionCreated ? new Date(a.versionCreated).toISOString() : publishedAt;
    return [
      {
        seq: Number(match[1]),
        title: a.headlines?.find((h) => (h.role ?? "main") === "main")?.value ?? null,
        blocks,
        publishedAt,
        editedAt: version > publishedAt ? version : null,
        keyEvent: marks.has("key-event"),
        summary: marks.has("summary"),
        pinned: marks.has("pinned"),
        corrections: (a.descriptions ?? []).filter((d) => d.role === "correction").map((d) => d.value),
        authors: (a.by ?? "")
          .split(",")
          .map((name) => name.trim())
          .filter(Boolean),
      },
    ];
  });
  return {
    coverageStartAt: new Date(start).toISOString(),
    coverageEndAt: end,
    updates: updates.sort((x, y) => x.seq - y.seq),
  };
}

/** Writes the imported live blog onto the article; returns whether anything changed. */
export async function writeImportedLiveBlog(
  tx: Tx,
  deps: ImportDeps,
  articleId: string,
  live: ImportedLiveBlog,
): Promise<boolean> {
  const now = deps.clock();
  const at = { createdAt: now, updatedAt: now };
  const blog = await tx.liveBlog.findUnique({ where: { articleId } });
  const window = {
    coverageStartAt: new Date(live.coverageStartAt),
    coverageEndAt: live.coverageEndAt ? new Date(live.coverageEndAt) : null,
  };
  let changed = false;
  if (!blog) {
    await tx.liveBlog.create({ data: { articleId, ...window, ...at } });
    changed = true;
  } else if (
    blog.coverageStartAt.getTime() !== window.coverageStartAt.getTime() ||
    blog.coverageEndAt?.getTime() !== window.coverageEndAt?.getTime()
  ) {
    await tx.liveBlog.update({ where: { articleId }, data: { ...window, version: { increment: 1 }, updatedAt: now } });
    changed = true;
  }
  let pinned: string | null = null;
  for (const u of live.updates) {
    const stored = await tx.liveUpdate.findUnique({
      where: { articleId_seq: { articleId, seq: u.seq } },
      include: {
        blocks: { orderBy: { position: "asc" } },
        corrections: { orderBy: { publishedAt: "asc" } },
        authors: { orderBy: { position: "asc" }, include: { person: true } },
      },
    });
    const personIds: string[] = [];
    for (const name of u.authors) {
      const person = await tx.person.findFirst({ where: { name }, select: { id: true } });
      if (person) personIds.push(person.id);
    }
    const columns = {
      status: "PUBLISHED" as const,
      title: u.title,
      bodyText: u.blocks.map((b) => b.text).join("\n\n"),
      keyEvent: u.keyEvent,
      summary: u.summary,
      publishedAt: new Date(u.publishedAt),
      editedAt: u.editedAt ? new Date(u.editedAt) : null,
    };
    const id = stored?.id ?? deps.newId();
    if (u.pinned) pinned = id;
    const same =
      stored &&
      JSON.stringify({ ...columns, blocks: u.blocks, corrections: u.corrections, personIds }) ===
        JSON.stringify({
          status: stored.status,
          title: stored.title,
          bodyText: stored.bodyText,
          keyEvent: stored.keyEvent,
          summary: stored.summary,
          publishedAt: stored.publishedAt,
          editedAt: stored.editedAt,
          blocks: stored.blocks.map(({ kind, text, level, attribution }) => ({ kind, text, level, attribution })),
          corrections: stored.corrections.map((c) => c.text),
          personIds: stored.authors.map((a) => a.personId),
        });
    if (same) continue;
    changed = true;
    if (stored) {
      await tx.liveUpdate.update({ where: { id }, data: { ...columns, version: { increment: 1 }, updatedAt: now } });
      await tx.liveUpdateBlock.deleteMany({ where: { updateId: id } });
      await tx.liveUpdateCorrection.deleteMany({ where: { updateId: id } });
      await tx.liveUpdateAuthor.deleteMany({ where: { updateId: id } });
    } else {
      await tx.liveUpdate.create({ data: { id, articleId, seq: u.seq, ...columns, ...at } });
    }
    await tx.liveUpdateBlock.createMany({
      data: u.blocks.map((b, position) => ({ id: deps.newId(), updateId: id, position, ...b, ...at })),
    });
    await tx.liveUpdateCorrection.createMany({
      data: u.corrections.map((text) => ({
        id: deps.newId(),
        updateId: id,
        text,
        publishedAt: columns.editedAt ?? now,
        ...at,
      })),
    });
    await tx.liveUpdateAuthor.createMany({
      data: personIds.map((personId, position) => ({ updateId: id, personId, position, ...at })),
    });
  }
  const last = live.updates.at(-1)?.seq ?? 0;
  const current = await tx.liveBlog.findUniqueOrThrow({ where: { articleId } });
  if (current.lastUpdateSeq < last || current.pinnedUpdateId !== pinned) {
    await tx.liveBlog.update({
      where: { articleId },
      data: { lastUpdateSeq: Math.max(current.lastUpdateSeq, last), pinnedUpdateId: pinned, updatedAt: now },
    });
    changed ||= current.pinnedUpdateId !== pinned;
  }
  return changed;
}
