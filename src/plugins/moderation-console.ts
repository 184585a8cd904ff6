// Serves the moderation console: /moderate (the page, revalidated on every load) and its scripts and styles, plain
// files from src/console/ (no build step, nothing from the internet). The page loads them from the "console" asset
// group (http/assets.ts), under hashed URLs cached for a year, its ES modules importing one another by those names;
// /moderate/<file> still answers with each file as written, uncached. The page signs in with a bearer token kept in
// the tab's sessionStorage and sent as an Authorization header, never a cookie, so there is no CSRF surface; its CSP
// allows only this origin, and comment text is only ever set with textContent.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "graphql-yoga";
import { linkModules, type AssetCatalog } from "../http/assets.js";
import { PROJECT_ROOT } from "../platform/paths.js";

export const CONSOLE_PATH = "/moderate";
const DIRECTORY = resolve(PROJECT_ROOT, "src/console");
/** The console's files: only these are served (no path from the URL ever reaches the file system). */
const FILES: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "main.js": "text/javascript; charset=utf-8",
  "api.js": "text/javascript; charset=utf-8",
  "live.js": "text/javascript; charset=utf-8",
  "queries.js": "text/javascript; charset=utf-8",
  "queue.js": "text/javascript; charset=utf-8",
  "detail.js": "text/javascript; charset=utf-8",
  "dom.js": "text/javascript; charset=utf-8",
};

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; img-src 'self'; " +
    "form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-cache",
};

function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The console's files in the "console" asset group: the stylesheet, and the modules linked by hashed names. */
function defineConsoleAssets(catalog: AssetCatalog): void {
  catalog.define("console", (add) => {
    const read = (name: string) => readFileSync(resolve(DIRECTORY, name), "utf8");
    const modules = new Map(Object.keys(FILES).flatMap((name) => (name.endsWith(".js") ? [[name, read(name)]] : [])));
    for (const [name, { text }] of linkModules(modules)) add(name, text);
    add("console.css", read("console.css"));
  });
}

export function useModerationConsole(graphqlPath: string, catalog: AssetCatalog): Plugin {
  defineConsoleAssets(catalog);
  const cache = new Map<string, string>();
  const read = async (name: string) => {
    let text = cache.get(name);
    if (text === undefined) {
      text = readFileSync(resolve(DIRECTORY, name), "utf8");
      if (name === "index.html") {
        const files = await catalog.group("console");
        text = text
          .replace("__LEDE_GRAPHQL_PATH__", escapeAttribute(graphqlPath))
          .replace(`"${CONSOLE_PATH}/console.css"`, `"${files.url("console.css")}"`)
          .replace(`"${CONSOLE_PATH}/main.js"`, `"${files.url("main.js")}"`);
      }
      cache.set(name, text);
    }
    return text;
  };
  return {
    async onRequest({ request, url, endResponse }) {
      const { pathname } = url;
      if (pathname !== CONSOLE_PATH && pathname !== `${CONSOLE_PATH}/` && !pathname.startsWith(`${CONSOLE_PATH}/`))
        return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
        return;
      }
      const name = pathname.slice(CONSOLE_PATH.length + 1);
      const file = name === "" ? "index.html" : name;
      const type = file === "index.html" ? "text/html; charset=utf-8" : FILES[file];
      if (!type) {
        endResponse(new Response("Not found", { status: 404, headers: SECURITY_HEADERS }));
        return;
      }
      const body = request.method === "HEAD" ? null : await read(file);
      endResponse(new Response(body, { headers: { ...SECURITY_HEADERS, "content-type": type } }));
    },
  };
}
