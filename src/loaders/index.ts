// DataLoaders for what a Pothos selection tree does not load with its parent: rows by id (node(id)/nodes(ids),
// subscription payloads, and the one-to-one links of a page: sections, publishers, bylines' and mentions' entities,
// comment authors), reaction and comment counts. Rows of every table asked for in one tick are one statement
// (rows.ts). Built per request; a long-lived subscription context turns the cache off so that every event sees the row
// as it is now.
import DataLoader from "dataloader";
import type { Prisma, Provider } from "../platform/db.js";
import { createRowLoader, type RowKey } from "./rows.js";
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
  Section,
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

/** What can be loaded by id: the node types, and the rows a page links to that are no node (sections). */
export interface LoadableRows extends NodeRows {
  Section: Section;
}

export type RowTypename = keyof LoadableRows;

export interface RowLoader<T> {
  load(id: string): Promise<T | null>;
}

export type RowsByType = { [K in RowTypename]: RowLoader<LoadableRows[K]> };

export interface ReactionCount {
  kind: ReactionKind;
  count: number;
}

export interface Loaders {
  rows: RowsByType;
  /**
   * The rows one root field's subtree links to, read apart from the other root fields' (a page that asks for
   * `people` and `articles` side by side). Within one subtree a level's links arrive together and are one statement;
   * across subtrees they arrive whenever each one's reads answer, and sharing a loader would make the number of
   * statements depend on that timing.
   */
  rowsUnder(rootField: string): RowsByType;
  /** Reaction counts by kind for many comments in one GROUP BY: a per-kind summary Prisma relations cannot select. */
  reactionCounts: DataLoader<string, ReactionCount[]>;
  /** Where a merged record's id leads (consulted only when the id names no record). */
  redirects: DataLoader<string, EntityRedirect | null>;
  /** How many comments of an article the viewer may read, for many articles in one GROUP BY. */
  commentCounts: DataLoader<string, number>;
}

type LoaderOptions = { cache: boolean; countedComments?: P.CommentWhereInput };

const NODE_TYPENAMES: ReadonlySet<string> = new Set<NodeTypename>([
  "Article",
  "Person",
  "Organisation",
  "Event",
  "Place",
  "Comment",
  "Account",
  "Media",
  "Affiliation",
  "Participant",
  "LiveUpdate",
]);
/** Every model the row loaders read by id. */
export const ROW_TYPENAMES: readonly RowTypename[] = [...(NODE_TYPENAMES as Set<NodeTypename>), "Section"];

export function isNodeTypename(typename: string): typename is NodeTypename {
  return NODE_TYPENAMES.has(typename);
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

/** A per-model view of the one row loader: `rows.Person.load(id)`. */
class RowLoaders {
  constructor(readonly loader: DataLoader<RowKey, Record<string, unknown> | null>) {}
}
for (const typename of ROW_TYPENAMES) {
  Object.defineProperty(RowLoaders.prototype, typename, {
    get(this: RowLoaders) {
      const loader = this.loader;
      const view = { load: (id: string) => loader.load(`${typename}:${id}`) };
      Object.defineProperty(this, typename, { value: view });
      return view;
    },
  });
}

class LazyLoaders {
  constructor(
    private readonly prisma: Prisma,
    private readonly provider: Provider,
    private readonly options: LoaderOptions,
  ) {}
  /** Replaces the getter that called it with the value it built. */
  private keep<T>(name: keyof Loaders, value: T): T {
    Object.defineProperty(this, name, { value });
    return value;
  }
  get rows(): Loaders["rows"] {
    return this.keep("rows", this.newRows());
  }
  // declared, not a field: a context that never reads a linked row holds nothing for it
  declare private underRoots?: Map<string, RowsByType>;
  rowsUnder(rootField: string): RowsByType {
    this.underRoots ??= new Map();
    let rows = this.underRoots.get(rootField);
    if (!rows) this.underRoots.set(rootField, (rows = this.newRows()));
    return rows;
  }
  private newRows(): RowsByType {
    return new RowLoaders(createRowLoader(this.prisma, this.provider, this.options)) as unknown as RowsByType;
  }
  get redirects(): Loaders["redirects"] {
    const prisma = this.prisma;
    const redirects = new DataLoader<string, EntityRedirect | null>(
      async (ids) => {
        const rows = await prisma.entityRedirect.findMany({ where: { id: { in: [...ids] } } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: this.options.cache },
    );
    return this.keep("redirects", redirects);
  }
  get reactionCounts(): Loaders["reactionCounts"] {
    return this.keep("reactionCounts", reactionCountsLoader(this.prisma, this.options));
  }
  get commentCounts(): Loaders["commentCounts"] {
    return this.keep("commentCounts", commentCountsLoader(this.prisma, this.options));
  }
}

export function createLoaders(prisma: Prisma, provider: Provider, options: LoaderOptions): Loaders {
  return new LazyLoaders(prisma, provider, options);
}
