// How long an anonymous answer may be reused, by what it contains. The server's response cache and the
// Cache-Control max-age of GET answers both read this table, so a browser or CDN never keeps an answer longer than
// the server itself would. An answer lives as long as the shortest-lived thing in it.
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

/** For answers that hold none of the types below. */
export const DEFAULT_TTL_MS = 30_000;

/** Milliseconds by type: articles change (edits, corrections, comment counts), the graph of entities seldom, and
 * comment threads all the time (they are invalidated on every change too: this only bounds the rare miss). */
export const TTL_BY_TYPE: Readonly<Record<string, number>> = {
  Article: 60_000,
  Person: 300_000,
  Organisation: 300_000,
  Event: 300_000,
  Place: 300_000,
  Section: 300_000,
  Tag: 300_000,
  Account: 60_000,
  Comment: 5_000,
};

/** Fields whose value depends on who asks (or is for staff only): an answer that selects one is never cached, even
 * for an anonymous reader, so no cached answer can hold one reader's view. */
export const VIEWER_SPECIFIC_FIELDS: readonly string[] = [
  "Query.viewer",
  "Query.moderationQueue",
  "Query.auditLog",
  "Query.__schema",
  "Query.__type",
  "Comment.viewerReactions",
  "Comment.editableUntil",
  "Comment.moderation",
  "Comment.revisions",
  "Comment.flagCount",
  "ModerationDecision.moderator",
  "LiveBlog.drafts",
  "LiveUpdate.revisions",
];

/** The response cache's ttlPerSchemaCoordinate: types and fields, 0 meaning "never cache". */
export function ttlPerSchemaCoordinate(): Record<string, number> {
  return { ...TTL_BY_TYPE, ...Object.fromEntries(VIEWER_SPECIFIC_FIELDS.map((field) => [field, 0])) };
}

/** The TTL of an operation's answer, from the types and fields it selects (0: not cacheable). */
export function operationTtl(schema: GraphQLSchema, document: DocumentNode): number {
  const coordinates = ttlPerSchemaCoordinate();
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
