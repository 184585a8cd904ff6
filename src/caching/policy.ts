// How long an anonymous answer may be reused, by what it contains, as the schema's types and fields declare it
// (schema/shared/cache-facts.ts). The server's response cache and the Cache-Control max-age of GET answers both read
// these facts, so a browser or CDN never keeps an answer longer than the server itself would. An answer lives as
// long as the shortest-lived thing in it.
import {
  getNamedType,
  getOperationAST,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { schema as builtSchema } from "../schema/index.js";
import { cacheFactsOf, type Invalidation } from "../schema/shared/cache-facts.js";

/** For answers that hold none of the types with a maxAge mark. */
export const DEFAULT_TTL_MS = 30_000;

/** Milliseconds by type, from the maxAge marks on the types (schema/shared/cache-facts.ts): articles change (edits,
 * corrections, comment counts), the graph of entities seldom, and comment threads all the time. */
export const TTL_BY_TYPE: Readonly<Record<string, number>> = cacheFactsOf(builtSchema).maxAgeMsByType;

/** graphql-js's own introspection fields, declared by no schema module: they describe the schema, not the news, and
 * are never cached. */
const INTROSPECTION_FIELDS = ["Query.__schema", "Query.__type"];

/** The response cache's ttlPerSchemaCoordinate: types and fields, 0 meaning "never cache". Fields marked
 * VIEWER_SPECIFIC are never cached, even for an anonymous reader, so no cached answer can hold one reader's view. */
export function ttlPerSchemaCoordinate(schema: GraphQLSchema = builtSchema): Record<string, number> {
  const facts = cacheFactsOf(schema);
  const neverCached = [...facts.viewerSpecificFields, ...INTROSPECTION_FIELDS];
  return { ...facts.maxAgeMsByType, ...Object.fromEntries(neverCached.map((field) => [field, 0])) };
}

/** The mutations with one invalidation mark. */
function mutationsMarked(mark: Invalidation, schema: GraphQLSchema): ReadonlySet<string> {
  const marks = Object.entries(cacheFactsOf(schema).invalidationByMutation);
  return new Set(marks.filter(([, invalidation]) => invalidation === mark).map(([name]) => name));
}

/** Mutations marked INVALIDATED_BY_COMMENT_EVENTS: every effect they have on public answers shows in the comment
 * event stream, or they have none. Any other mutation without an event mark drops the whole response cache. */
export function mutationsCoveredByCommentEvents(schema: GraphQLSchema = builtSchema): ReadonlySet<string> {
  return mutationsMarked("comment-events", schema);
}

/** Mutations marked INVALIDATED_BY_LIVE_BLOG_EVENTS: every effect they have on public answers is on their live
 * blog's article, and each such change is a live-blog event, which drops that article's answers. */
export function mutationsCoveredByLiveBlogEvents(schema: GraphQLSchema = builtSchema): ReadonlySet<string> {
  return mutationsMarked("live-blog-events", schema);
}

/** The TTL of an operation's answer, from the types and fields it selects (0: not cacheable). */
export function operationTtl(schema: GraphQLSchema, document: DocumentNode): number {
  const coordinates = ttlPerSchemaCoordinate(schema);
  const typeInfo = new TypeInfo(schema);
  let ttl: number | undefined;
  const consider = (key: string | undefined) => {
    const value = key === undefined ? undefined : coordinates[key];
    if (value !== undefined) ttl = Math.min(ttl ?? Infinity, value);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        consider(`${typeInfo.getParentType()?.name}.${node.name.value}`);
        const type = typeInfo.getType();
        consider(type ? getNamedType(type).name : undefined);
      },
    }),
  );
  return ttl ?? DEFAULT_TTL_MS;
}

export interface QueryCachePolicy {
  /** Only queries are cacheable: never mutations or subscriptions. */
  isQuery: boolean;
  ttlMs: number;
}

/** Parsed policies by query text; a bounded memo, since the same few operations come again and again. */
export function createPolicyLookup(schema: GraphQLSchema, limit = 1000) {
  const known = new Map<string, QueryCachePolicy>();
  return (query: string, operationName: string | null | undefined): QueryCachePolicy => {
    const key = `${operationName ?? ""}\n${query}`;
    let policy = known.get(key);
    if (!policy) {
      try {
        const document = parse(query);
        const operation = getOperationAST(document, operationName ?? undefined);
        policy = { isQuery: operation?.operation === "query", ttlMs: operationTtl(schema, document) };
      } catch {
        policy = { isQuery: false, ttlMs: 0 };
      }
      if (known.size >= limit) known.clear();
      known.set(key, policy);
    }
    return policy;
  };
}
