// Serves the moderation console: /moderate (the page) and /moderate/<file> (its scripts and styles, plain files from
// src/console/, no build step and nothing from the internet). The page signs in with a bearer token kept in the tab's
// sessionStorage and sent as an Authorization header, never a cookie, so there is no CSRF surface; its CSP allows
// only this origin, and comment text is only ever set with textContent.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "graphql-yoga";
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

export function useModerationConsole(graphqlPath: string): Plugin {
  const cache = new Map<string, string>();
  const read = (name: string) => {
    let text = cache.get(name);
    if (text === undefined) {
      text = readFileSync(resolve(DIRECTORY, name), "utf8");
      if (name === "index.html") text = text.replace("__LEDE_GRAPHQL_PATH__", escapeAttribute(graphqlPath));
      cache.set(name, text);
    }
    return text;
  };
  return {
    onRequest({ request, url, endResponse }) {
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
      const body = request.method === "HEAD" ? null : read(file);
      endResponse(new Response(body, { headers: { ...SECURITY_HEADERS, "content-type": type } }));
    },
  };
}
