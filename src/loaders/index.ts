// DataLoaders for rows fetched by id outside a Pothos selection tree: node(id)/nodes(ids), subscription payloads.
// One batched `WHERE id IN (…)` per type and tick. Built per request; a long-lived subscription context turns the
// cache off so that every event sees the row as it is now.
import DataLoader from "dataloader";
import type { Prisma } from "../platform/db.js";
import type {
  Account,
  Affiliation,
  Article,
  Comment,
  EntityRedirect,
  Event,
  LiveUpdate,
  Media,
  Organisation,
  Participant,
  Person,
  Place,
} from "../generated/prisma/client.js";
import type { Prisma as P } from "../generated/prisma/client.js";
import type { ReactionKind } from "../generated/prisma/enums.js";

export interface NodeRows {
  Article: Article;
  Person: Person;
  Organisation: Organisation;
  Event: Event;
  Place: Place;
  Comment: Comment;
  Account: Account;
  Media: Media;
  Affiliation: Affiliation;
  Participant: Participant;
  LiveUpdate: LiveUpdate;
}

export type NodeTypename = keyof NodeRows;

export interface ReactionCount {
  kind: ReactionKind;
  count: number;
}

export interface Loaders {
  nodes: { [K in NodeTypename]: DataLoader<string, NodeRows[K] | null> };
  /** Reaction counts by kind for many comments in one GROUP BY: a per-kind summary Prisma relations cannot select. */
  reactionCounts: DataLoader<string, ReactionCount[]>;
  /** Where a merged record's id leads (consulted only when the id names no record). */
  redirects: DataLoader<string, EntityRedirect | null>;
  /** How many comments of an article the viewer may read, for many articles in one GROUP BY. */
  commentCounts: DataLoader<string, number>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(
  prisma: Prisma,
  options: { cache: boolean; countedComments?: P.CommentWhereInput },
): Loaders {
  const make = <T extends { id: string }>(find: (ids: string[]) => Promise<T[]>) =>
    new DataLoader<string, T | null>(async (ids) => byId(ids, await find([...ids])), { cache: options.cache });
  const nodeLoaders = {
    Article: () => make((ids) => prisma.article.findMany({ where: { id: { in: ids } } })),
    Person: () => make((ids) => prisma.person.findMany({ where: { id: { in: ids } } })),
    Organisation: () => make((ids) => prisma.organisation.findMany({ where: { id: { in: ids } } })),
    Event: () => make((ids) => prisma.event.findMany({ where: { id: { in: ids } } })),
    Place: () => make((ids) => prisma.place.findMany({ where: { id: { in: ids } } })),
    Comment: () => make((ids) => prisma.comment.findMany({ where: { id: { in: ids } } })),
    Account: () => make((ids) => prisma.account.findMany({ where: { id: { in: ids } } })),
    Media: () => make((ids) => prisma.media.findMany({ where: { id: { in: ids } } })),
    Affiliation: () => make((ids) => prisma.affiliation.findMany({ where: { id: { in: ids } } })),
    Participant: () => make((ids) => prisma.participant.findMany({ where: { id: { in: ids } } })),
    LiveUpdate: () => make((ids) => prisma.liveUpdate.findMany({ where: { id: { in: ids } } })),
  };
  const redirects = () => make((ids) => prisma.entityRedirect.findMany({ where: { id: { in: ids } } }));
  const reactionCounts = () => new DataLoader<string, ReactionCount[]>(
    async (commentIds) => {
      const groups = await prisma.reaction.groupBy({
        by: ["commentId", "kind"],
        where: { commentId: { in: [...commentIds] } },
        _count: { _all: true },
      });
      const byComment = new Map<string, ReactionCount[]>();
      for (const group of groups) {
        const list = byComment.get(group.commentId) ?? [];
        list.push({ kind: group.kind, count: group._count._all });
        byComment.set(group.commentId, list);
      }
      return commentIds.map((id) =>
        (byComment.get(id) ?? []).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
      );
    },
    { cache: options.cache },
  );
  const commentCounts = () => new DataLoader<string, number>(
    async (articleIds) => {
      const groups = await prisma.comment.groupBy({
        by: ["articleId"],
        where: { articleId: { in: [...articleIds] }, ...options.countedComments },
        _count: { _all: true },
      });
      const counts = new Map(groups.map((group) => [group.articleId, group._count._all]));
      return articleIds.map((id) => counts.get(id) ?? 0);
    },
    { cache: options.cache },
  );
  return {
    nodes: lazyFields(nodeLoaders) as Loaders["nodes"],
    ...lazyFields({ reactionCounts, redirects, commentCounts }),
  };
}

/**
 * An object whose fields are built on first read, then kept. Every request and every subscription gets a context
 * with its loaders, and most use one or two: at 10,000 subscribers, fourteen DataLoaders each were memory for nothing.
 */
function lazyFields<T extends Record<string, unknown>>(builders: { [K in keyof T]: () => T[K] }): T {
  const fields = {} as T;
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(fields, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]();
        Object.defineProperty(fields, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return fields;
}
