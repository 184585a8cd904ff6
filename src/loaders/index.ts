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

type LoaderOptions = { cache: boolean; countedComments?: P.CommentWhereInput };

/** How each node type's rows are read, many ids at once. */
const NODE_READS: { [K in NodeTypename]: (prisma: Prisma, ids: string[]) => Promise<NodeRows[K][]> } = {
  Article: (prisma, ids) => prisma.article.findMany({ where: { id: { in: ids } } }),
  Person: (prisma, ids) => prisma.person.findMany({ where: { id: { in: ids } } }),
  Organisation: (prisma, ids) => prisma.organisation.findMany({ where: { id: { in: ids } } }),
  Event: (prisma, ids) => prisma.event.findMany({ where: { id: { in: ids } } }),
  Place: (prisma, ids) => prisma.place.findMany({ where: { id: { in: ids } } }),
  Comment: (prisma, ids) => prisma.comment.findMany({ where: { id: { in: ids } } }),
  Account: (prisma, ids) => prisma.account.findMany({ where: { id: { in: ids } } }),
  Media: (prisma, ids) => prisma.media.findMany({ where: { id: { in: ids } } }),
  Affiliation: (prisma, ids) => prisma.affiliation.findMany({ where: { id: { in: ids } } }),
  Participant: (prisma, ids) => prisma.participant.findMany({ where: { id: { in: ids } } }),
  LiveUpdate: (prisma, ids) => prisma.liveUpdate.findMany({ where: { id: { in: ids } } }),
};

export function isNodeTypename(typename: string): typename is NodeTypename {
  return Object.hasOwn(NODE_READS, typename);
}

function rowsById<T extends { id: string }>(options: LoaderOptions, read: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => byId(ids, await read([...ids])), { cache: options.cache });
}

function reactionCountsLoader(prisma: Prisma, options: LoaderOptions) {
  return new DataLoader<string, ReactionCount[]>(
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
}

function commentCountsLoader(prisma: Prisma, options: LoaderOptions) {
  return new DataLoader<string, number>(
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
}

/*
 * Every request and every subscription gets a context with its loaders, and most use one or two of the fourteen: at
 * 10,000 subscribers, building them all up front was memory for nothing. So each loader is built the first time it is
 * read, by getters on the prototype (no closure per context), and kept on the instance from then on.
 */

class NodeLoaders {
  constructor(
    readonly prisma: Prisma,
    readonly options: LoaderOptions,
  ) {}
}
for (const typename of Object.keys(NODE_READS) as NodeTypename[]) {
  Object.defineProperty(NodeLoaders.prototype, typename, {
    get(this: NodeLoaders) {
      const read = NODE_READS[typename] as (prisma: Prisma, ids: string[]) => Promise<{ id: string }[]>;
      const loader = rowsById(this.options, (ids) => read(this.prisma, ids));
      Object.defineProperty(this, typename, { value: loader });
      return loader;
    },
  });
}

class LazyLoaders {
  constructor(
    private readonly prisma: Prisma,
    private readonly options: LoaderOptions,
  ) {}
  /** Replaces the getter that called it with the value it built. */
  private keep<T>(name: keyof Loaders, value: T): T {
    Object.defineProperty(this, name, { value });
    return value;
  }
  get nodes(): Loaders["nodes"] {
    return this.keep("nodes", new NodeLoaders(this.prisma, this.options) as unknown as Loaders["nodes"]);
  }
  get redirects(): Loaders["redirects"] {
    const prisma = this.prisma;
    return this.keep(
      "redirects",
      rowsById(this.options, (ids) => prisma.entityRedirect.findMany({ where: { id: { in: ids } } })),
    );
  }
  get reactionCounts(): Loaders["reactionCounts"] {
    return this.keep("reactionCounts", reactionCountsLoader(this.prisma, this.options));
  }
  get commentCounts(): Loaders["commentCounts"] {
    return this.keep("commentCounts", commentCountsLoader(this.prisma, this.options));
  }
}

export function createLoaders(prisma: Prisma, options: LoaderOptions): Loaders {
  return new LazyLoaders(prisma, options);
}
