// GraphiQL's page: on the GraphQL path for a browser (GET asking for HTML) outside production, on /graphiql in
// production (so the API's path is the API alone). The page is a few kilobytes, revalidated on every load: the
// example tabs as JSON, and links to GraphiQL's files, each under a hashed URL that may be cached for a year (the
// "graphiql" asset group, http/assets.ts): Yoga's GraphiQL bundle, its stylesheet, Monaco's three workers and
// Lede's page script (src/graphiql/, built by npm run build:widget). All of it comes from node_modules and the
// checkout, nothing from the internet. No text reaches the page as HTML: the title is escaped, and the JSON escapes
// every `<` so that nothing in a tab can close its script element.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Plugin } from "graphql-yoga";
import { etagMatches } from "../caching/http-cache.js";
import { jsonForScript, PAGE_CONFIG_ID, type GraphiQLPageConfig } from "../graphiql/page-config.js";
import type { AddAsset, AssetCatalog, AssetGroup } from "../http/assets.js";
import type { Config } from "../platform/config.js";
import { PROJECT_ROOT } from "../platform/paths.js";
import { graphiqlTabs } from "./graphiql-tabs.js";

export const GRAPHIQL_PRODUCTION_PATH = "/graphiql";
const TITLE = "Lede — GraphiQL";
const PAGE_SCRIPT = resolve(PROJECT_ROOT, "src/graphiql/dist/lede-graphiql.js");

/** Monaco draws with inline styles and fonts of data: URLs; everything else comes from this origin. */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
  "img-src 'self' data:; connect-src 'self' ws: wss:; worker-src 'self'; frame-ancestors 'none'; " +
  "base-uri 'none'; form-action 'none'";

/** GraphiQL's files: Yoga's build of GraphiQL (render-graphiql keeps it as strings) and Lede's page script. */
async function loadGraphiQLFiles(add: AddAsset): Promise<void> {
  const built = await import("@graphql-yoga/render-graphiql/graphiql");
  add("graphiql.js", built.js);
  add("graphiql.css", built.css);
  add("editor.worker.js", built.editorWorkerService);
  add("json.worker.js", built.jsonWorker);
  add("graphql.worker.js", built.graphqlWorker);
  add("favicon.ico", Buffer.from(built.favicon.replace(/^data:[^,]*;base64,/, ""), "base64"));
  add("lede-graphiql.js", await readFile(PAGE_SCRIPT, "utf8"));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderGraphiQLPage(files: AssetGroup, graphqlPath: string): string {
  const config: GraphiQLPageConfig = {
    endpoint: graphqlPath,
    workers: {
      editorWorkerService: files.url("editor.worker.js"),
      json: files.url("json.worker.js"),
      graphql: files.url("graphql.worker.js"),
    },
    title: TITLE,
    tabs: graphiqlTabs,
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(TITLE)}</title>
    <link rel="icon" href="${files.url("favicon.ico")}" />
    <link rel="stylesheet" href="${files.url("graphiql.css")}" />
    <script type="application/json" id="${PAGE_CONFIG_ID}">${jsonForScript(config)}</script>
    <script defer src="${files.url("lede-graphiql.js")}"></script>
    <script defer src="${files.url("graphiql.js")}"></script>
  </head>
  <body>
    <noscript>GraphiQL needs JavaScript. Without it, send queries to ${escapeHtml(graphqlPath)} with curl.</noscript>
    <div id="root"></div>
  </body>
</html>
`;
}

export function useGraphiQL(config: Config, catalog: AssetCatalog): Plugin {
  catalog.define("graphiql", loadGraphiQLFiles);
  const production = config.env === "production";
  const pagePath = production ? GRAPHIQL_PRODUCTION_PATH : config.graphqlPath;
  let page: { html: string; etag: string } | undefined;
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== pagePath && url.pathname !== `${pagePath}/`) return;
      if (request.method !== "GET" && request.method !== "HEAD") return;
      // On the GraphQL path, only a browser's page load: GET queries ask for JSON.
      if (!production && !request.headers.get("accept")?.includes("text/html")) return;
      if (!page) {
        const html = renderGraphiQLPage(await catalog.group("graphiql"), config.graphqlPath);
        page = { html, etag: `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"` };
      }
      const headers = {
        "cache-control": "no-cache",
        etag: page.etag,
        vary: "Accept",
        "content-security-policy": CONTENT_SECURITY_POLICY,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      };
      if (etagMatches(request.headers.get("if-none-match"), page.etag)) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      const body = request.method === "HEAD" ? null : page.html;
      endResponse(new Response(body, { headers: { ...headers, "content-type": "text/html; charset=utf-8" } }));
    },
  };
}
