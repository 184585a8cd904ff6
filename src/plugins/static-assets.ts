// Serves the files of the asset catalog (http/assets.ts) at their hashed URLs under /assets/: GET and HEAD, the
// content type of the file, `Cache-Control: public, max-age=31536000, immutable` (the URL changes when the file
// does), its hash as a strong ETag for the clients that revalidate anyway, and readable from any origin (they are
// public files, and one cached copy serves every site). Answered in onRequest, as a Response, so that the
// onResponse hooks of the other plugins (metrics, the request log, compression) see it like any other answer.
import type { Plugin } from "graphql-yoga";
import { etagMatches } from "../caching/http-cache.js";
import { ASSETS_PREFIX, type AssetCatalog } from "../http/assets.js";
import type { Logger } from "../platform/logger.js";

export const IMMUTABLE = "public, max-age=31536000, immutable";

const SHARED = {
  "access-control-allow-origin": "*",
  "cross-origin-resource-policy": "cross-origin",
  "x-content-type-options": "nosniff",
};

export function useStaticAssets(catalog: AssetCatalog, logger: Logger): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(ASSETS_PREFIX)) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new Response(null, { status: 405, headers: { ...SHARED, allow: "GET, HEAD" } }));
        return;
      }
      let asset;
      try {
        asset = await catalog.lookup(url.pathname);
      } catch (error) {
        logger.error("an asset group could not be read", { path: url.pathname, error: String(error) });
        endResponse(
          new Response("Not available", { status: 503, headers: { ...SHARED, "cache-control": "no-store" } }),
        );
        return;
      }
      if (!asset) {
        // An old hash (a page from before a deploy) or a made-up path: nothing to keep.
        endResponse(new Response("Not found", { status: 404, headers: { ...SHARED, "cache-control": "no-store" } }));
        return;
      }
      const headers = { ...SHARED, "cache-control": IMMUTABLE, etag: asset.etag };
      if (etagMatches(request.headers.get("if-none-match"), asset.etag)) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      endResponse(
        new Response(request.method === "HEAD" ? null : asset.body, {
          headers: { ...headers, "content-type": asset.contentType },
        }),
      );
    },
  };
}
