// What the response cache and HTTP caching need to know about a type or a field, declared where the type or field is
// declared (as GraphQL `extensions`, which the SDL does not print) and collected from the built schema, which
// src/caching/policy.ts reads. A new type, field or mutation thus carries its caching facts with it.
import { isObjectType, type GraphQLSchema } from "graphql";

/** The key under a type's or field's extensions. */
const KEY = "ledeCache";

export type Invalidation = "comment-events" | "live-blog-events" | "purge";

interface CacheFacts {
  /** An object type: how long (ms) an anonymous answer that holds one may be reused. */
  maxAgeMs?: number;
  /** A field: "specific" when its value depends on who asks or is for staff or the author only (an answer that
   * selects it is never cached); "filtered" when the viewer only narrows it to what they may see, so every anonymous
   * reader gets the same value and the answer may be cached. */
  viewer?: "specific" | "filtered";
  /** A mutation: how the response cache learns what it changed. */
  invalidation?: Invalidation;
}

const mark = (facts: CacheFacts) => ({ [KEY]: facts });

/** An object type's extensions: anonymous answers holding one live at most this long. */
export const maxAge = (ms: number) => mark({ maxAgeMs: ms });

/** A field whose value depends on who asks, or is for staff or the author only: never cached. */
export const VIEWER_SPECIFIC = mark({ viewer: "specific" });

/** A field the viewer only filters (drafts for editors, held comments for their author and moderators): every
 * anonymous reader sees the same, so it is cached like any other. */
export const VIEWER_FILTERED = mark({ viewer: "filtered" });

/** A mutation whose every effect on public answers shows in the comment event stream, or that has none: the
 * response cache drops what the events name instead of everything. */
export const INVALIDATED_BY_COMMENT_EVENTS = mark({ invalidation: "comment-events" });

/** A live-blog mutation: every effect it has on public answers is on its live blog's article, and each such change is
 * a live-blog event, which drops the answers that hold that article (here and, through the broadcast, elsewhere)
 * instead of everything. */
export const INVALIDATED_BY_LIVE_BLOG_EVENTS = mark({ invalidation: "live-blog-events" });

/** A mutation that changes what lists show (editorial changes, the entity graph): it drops the whole response cache. */
export const PURGES_CACHE = mark({ invalidation: "purge" });

export interface SchemaCacheFacts {
  /** Object types with a maxAge mark, in ms. */
  maxAgeMsByType: Readonly<Record<string, number>>;
  /** "Type.field" of every field marked VIEWER_SPECIFIC. */
  viewerSpecificFields: readonly string[];
  /** "Type.field" of every field marked VIEWER_FILTERED. */
  viewerFilteredFields: readonly string[];
  /** Every mutation with its mark (undefined: none). */
  invalidationByMutation: Readonly<Record<string, Invalidation | undefined>>;
}

const collected = new WeakMap<GraphQLSchema, SchemaCacheFacts>();

const factsOf = (extensions: { readonly [key: string]: unknown } | null | undefined) =>
  extensions?.[KEY] as CacheFacts | undefined;

/** The facts marked on a schema's types and fields, collected once per schema (schema/index.ts does it as it
 * builds the schema). */
export function cacheFactsOf(schema: GraphQLSchema): SchemaCacheFacts {
  let facts = collected.get(schema);
  if (facts) return facts;
  const maxAgeMsByType: Record<string, number> = {};
  const viewerSpecificFields: string[] = [];
  const viewerFilteredFields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const maxAgeMs = factsOf(type.extensions)?.maxAgeMs;
    if (maxAgeMs !== undefined) maxAgeMsByType[type.name] = maxAgeMs;
    for (const field of Object.values(type.getFields())) {
      const viewer = factsOf(field.extensions)?.viewer;
      if (viewer === "specific") viewerSpecificFields.push(`${type.name}.${field.name}`);
      if (viewer === "filtered") viewerFilteredFields.push(`${type.name}.${field.name}`);
    }
  }
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
  const invalidationByMutation = Object.fromEntries(
    mutations.map((field) => [field.name, factsOf(field.extensions)?.invalidation]),
  );
  facts = { maxAgeMsByType, viewerSpecificFields, viewerFilteredFields, invalidationByMutation };
  collected.set(schema, facts);
  return facts;
}
