// Serves the comment widget at /embed/comments.js to pages on any site: JavaScript with its charset, cacheable by
// browsers and CDNs for a few minutes (the URL is the one newsrooms paste into their pages, so it never changes and a
// new release must reach readers soon) and revalidated with an ETag, and loadable cross-origin. The same files are in
// the "widget" asset group (http/assets.ts) under hashed URLs, cached for a year, for pages that can name the
// release they load (Lede's own). The bundles are built and committed (src/widget/build.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "graphql-yoga";
import type { AssetCatalog } from "../http/assets.js";
import type { Logger } from "../platform/logger.js";
import { PROJECT_ROOT } from "../platform/paths.js";
import { etagMatches } from "../caching/http-cache.js";

export const EMBED_SCRIPT_PATH = "/embed/comments.js";
const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=86400";
const BUNDLES = resolve(PROJECT_ROOT, "src/widget/dist");
/** The embeddable scripts, by file name in src/widget/dist/ and in the "widget" asset group. */
export const WIDGET_FILES = ["comments.js", "liveblog.js"];

/**
 * Declares the "widget" asset group: each bundle with this server's GraphQL path filled in. A bundle that is missing
 * is left out (and logged): its URLs answer 503 and 404 until it is built.
 */
export function defineWidgetAssets(catalog: AssetCatalog, graphqlPath: string, logger: Logger): void {
  catalog.define("widget", (add) => {
    for (const file of WIDGET_FILES) {
      const bundle = resolve(BUNDLES, file);
      try {
        add(file, readFileSync(bundle, "utf8").replaceAll("__LEDE_GRAPHQL_PATH__", graphqlPath));
      } catch (error) {
        logger.error("a widget bundle is missing (npm run build:widget)", { bundle, error: String(error) });
      }
    }
  });
}

export function useEmbedScript(catalog: AssetCatalog): Plugin {
  return serveBundle(EMBED_SCRIPT_PATH, "comments.js", catalog);
}

/** Serves a file of the "widget" asset group at its stable `path` (the live blog's in liveblog-script.ts). */
export function serveBundle(path: string, file: string, catalog: AssetCatalog): Plugin {
  let etag: string | undefined;
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== path) return;
      const shared = {
        "access-control-allow-origin": "*",
        "cross-origin-resource-policy": "cross-origin",
        "x-content-type-options": "nosniff",
      };
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new Response(null, { status: 405, headers: { ...shared, allow: "GET, HEAD" } }));
        return;
      }
      const script = (await catalog.group("widget")).file(file);
      if (!script) {
        endResponse(
          new Response(`/* the ${file === "comments.js" ? "comment widget" : "script"} is not built */`, {
            status: 503,
            headers: shared,
          }),
        );
        return;
      }
      etag ??= `"${createHash("sha256").update(script.body).digest("base64url").slice(0, 27)}"`;
      const headers = { ...shared, "cache-control": CACHE_CONTROL, etag, vary: "Accept-Encoding" };
      if (etagMatches(request.headers.get("if-none-match"), etag)) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      endResponse(
        new Response(request.method === "HEAD" ? null : script.body, {
          headers: { ...headers, "content-type": script.contentType },
        }),
      );
    },
  };
}
