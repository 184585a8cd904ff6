// HTTP caching of GraphQL answers. An anonymous GET query whose answer has no error is public: it carries a strong
// ETag (a hash of the body) and Cache-Control: public, max-age from policy.ts, and a request whose
// If-None-Match names the current ETag gets 304 with no body. Everything else on the GraphQL path (mutations, POST,
// answers with errors, anything asked with a token, anything viewer-specific) is `private, no-store`, so no shared
// cache ever holds one reader's answer. The ETag hashes the content, not the request, so it changes exactly when
// the answer does (an edit, a new comment), whether or not the server-side response cache is on.
import { createHash } from "node:crypto";
import type { GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";
import { createPolicyLookup } from "./policy.js";

const PRIVATE = "private, no-store";
const JSON_TYPES = /^application\/(graphql-response\+)?json\b/;

/** Does an If-None-Match header name this ETag? (weak comparison, as RFC 9110 asks for If-None-Match) */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

interface Asked {
  query: string;
  operationName: string | null | undefined;
}

// What each GraphQL request asked, once its query is known: useHttpCacheParams records it, useHttpCacheHeaders reads it.
// Keyed by the Request object, which is one per request and belongs to one server.
const asked = new WeakMap<Request, Asked>();

/** Records the operation a request asked for, for useHttpCacheHeaders (see plugins/index.ts for where it sits). */
export function useHttpCacheParams(): Plugin {
  return {
    onParams({ params, request }) {
      if (typeof params.query === "string")
        asked.set(request, { query: params.query, operationName: params.operationName });
    },
  };
}

/** Sets Cache-Control and the ETag on answers of the GraphQL path, and answers a matching If-None-Match with 304. */
export function useHttpCacheHeaders(graphqlPath: string, schema: GraphQLSchema): Plugin {
  const policyOf = createPolicyLookup(schema);

  const publicMaxAge = (request: Request, response: Response): number | null => {
    if (request.method !== "GET" || request.headers.get("authorization")?.trim()) return null;
    if (response.status !== 200 || !JSON_TYPES.test(response.headers.get("content-type") ?? "")) return null;
    const operation = asked.get(request);
    if (!operation) return null;
    const policy = policyOf(operation.query, operation.operationName);
    if (!policy.isQuery || policy.ttlMs <= 0) return null;
    return Math.floor(policy.ttlMs / 1000);
  };

  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (new URL(request.url).pathname !== graphqlPath || request.method === "OPTIONS") return;
      const type = response.headers.get("content-type") ?? "";
      if (type.startsWith("text/html")) return; // GraphiQL's page
      // The response cache's own validators name its cache key, which stays the same when the content changes.
      response.headers.delete("etag");
      response.headers.delete("last-modified");
      // Streams (SSE, multipart), errors, tokens, mutations: never stored by anyone.
      const maxAge = JSON_TYPES.test(type) ? publicMaxAge(request, response) : null;
      if (maxAge === null) {
        response.headers.set("cache-control", PRIVATE);
        return;
      }
      const body = await response.text();
      const headers = new fetchAPI.Headers(response.headers);
      if (/"errors"\s*:/.test(body) && "errors" in (JSON.parse(body) as object)) {
        headers.set("cache-control", PRIVATE);
        setResponse(new fetchAPI.Response(body, { status: response.status, headers }));
        return;
      }
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
      headers.set("etag", etag);
      headers.set("cache-control", `public, max-age=${maxAge}`);
      headers.set("vary", "Accept, Authorization");
      if (etagMatches(request.headers.get("if-none-match"), etag)) {
        headers.delete("content-type");
        headers.delete("content-length");
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
      } else {
        setResponse(new fetchAPI.Response(body, { status: response.status, headers }));
      }
    },
  };
}
