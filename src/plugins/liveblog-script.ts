// Serves the embeddable live-blog script at /embed/liveblog.js, like the comment widget (embed.ts): cacheable for a
// few minutes, revalidated by ETag, loadable cross-origin, and under a hashed URL in the "widget" asset group too.
// Built and committed from src/widget/liveblog/.
import type { Plugin } from "graphql-yoga";
import type { AssetCatalog } from "../http/assets.js";
import { serveBundle } from "./embed.js";

export const LIVE_BLOG_SCRIPT_PATH = "/embed/liveblog.js";

export function useLiveBlogScript(catalog: AssetCatalog): Plugin {
  return serveBundle(LIVE_BLOG_SCRIPT_PATH, "liveblog.js", catalog);
}
