// Serves the embeddable live-blog script at /embed/liveblog.js, like the comment widget (embed.ts): cacheable for a
// few minutes, revalidated by ETag, loadable cross-origin. Built and committed from src/widget/liveblog/.
import { resolve } from "node:path";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "../platform/logger.js";
import { PROJECT_ROOT } from "../platform/paths.js";
import { serveBundle } from "./embed.js";

export const LIVE_BLOG_SCRIPT_PATH = "/embed/liveblog.js";
const BUNDLE = resolve(PROJECT_ROOT, "src/widget/dist/liveblog.js");

export function useLiveBlogScript(graphqlPath: string, logger: Logger): Plugin {
  return serveBundle(LIVE_BLOG_SCRIPT_PATH, BUNDLE, graphqlPath, logger);
}
