// Serves the comment widget at /embed/comments.js to pages on any site: JavaScript with its charset, cacheable by
// browsers and CDNs for a few minutes (the URL is not versioned, so a new release reaches readers soon) and
// revalidated with an ETag, and loadable cross-origin. The bundle is built and committed (src/widget/build.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "../platform/logger.js";
import { PROJECT_ROOT } from "../platform/paths.js";
import { etagMatches } from "../caching/http-cache.js";

export const EMBED_SCRIPT_PATH = "/embed/comments.js";
const BUNDLE = resolve(PROJECT_ROOT, "src/widget/dist/comments.js");
const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400";

interface Script {
  body: string;
  etag: string;
}

/** The bundle with this server's GraphQL path filled in, and its ETag; null when the bundle is missing. */
function loadScript(bundle: string, graphqlPath: string, logger: Logger): Script | null {
  let source: string;
  try {
    source = readFileSync(bundle, "utf8");
  } catch (error) {
    logger.error("a widget bundle is missing (npm run build:widget)", { bundle, error: String(error) });
    return null;
  }
  const body = source.replaceAll("__LEDE_GRAPHQL_PATH__", graphqlPath);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { body, etag };
}

export function useEmbedScript(graphqlPath: string, logger: Logger): Plugin {
  return serveBundle(EMBED_SCRIPT_PATH, BUNDLE, graphqlPath, logger);
}

/** Serves a built bundle at `path` (the comment widget here; the live-blog script in liveblog-script.ts). */
export function serveBundle(path: string, bundle: string, graphqlPath: string, logger: Logger): Plugin {
  let script: Script | null | undefined;
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== path) return;
      script ??= loadScript(bundle, graphqlPath, logger);
      const shared = {
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
        "x-content-type-options": "nosniff",
      };
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new Response(null, { status: 405, headers: { ...shared, allow: "GET, HEAD" } }));
        return;
      }
      if (!script) {
        endResponse(
          new Response(`/* the ${path === EMBED_SCRIPT_PATH ? "comment widget" : "script"} is not built */`, {
            status: 503,
            headers: shared,
          }),
        );
        return;
      }
      const headers = {
        ...shared,
        "cache-control": CACHE_CONTROL,
        etag: script.etag,
        vary: "Accept-Encoding",
      };
      if (etagMatches(request.headers.get("if-none-match"), script.etag)) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      endResponse(
        new Response(request.method === "HEAD" ? null : script.body, {
          headers: { ...headers, "content-type": "text/javascript; charset=utf-8" },
        }),
      );
    },
  };
}
