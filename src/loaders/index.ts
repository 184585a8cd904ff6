// DataLoaders for what Pothos' Prisma selections cannot merge into the parent's query: rows fetched by id outside
// a selection tree (subscription payloads, mutation results, root lookups by id). Built per request; a long-lived
// subscription context turns the cache off so that every event sees the row as it is now.
import DataLoader from "dataloader";
import type { Prisma } from "../db.js";
import type { Comment } from "../generated/prisma/client.js";

export interface Loaders {
  commentById: DataLoader<string, Comment | null>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(prisma: Prisma, options: { cache: boolean }): Loaders {
  return {
    commentById: new DataLoader(
      async (ids) => byId(ids, await prisma.comment.findMany({ where: { id: { in: [...ids] } } })),
      { cache: options.cache },
    ),
  };
}
