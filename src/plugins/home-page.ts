// Answers `GET /`: a short page that says what Lede is and links to what a person can open here (GraphiQL, the
// moderation console, health, the feeds), or the same links as JSON for a client that asks for JSON. The page is
// written here, with no script and nothing from the internet; the only configured text in it (the site's title) is
// escaped, and its CSP allows nothing but its own inline style, named by hash.
import { createHash } from "node:crypto";
import { escapeAttribute, escapeText } from "entities";
import type { Plugin } from "graphql-yoga";
import Negotiator from "negotiator";
import type { Config } from "../platform/config.js";
import { NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from "../services/feeds/documents.js";
import { EMBED_SCRIPT_PATH } from "./embed.js";
import { LIVE_BLOG_SCRIPT_PATH } from "./liveblog-script.js";
import { CONSOLE_PATH } from "./moderation-console.js";

export const HOME_PATH = "/";

const DESCRIPTION =
  "Lede is a GraphQL content service for a newsroom: articles, the people, organisations and places they " +
  "mention, and live reader comments.";

interface Link {
  key: string;
  href: string;
  label: string;
  about: string;
}

function linksOf(config: Pick<Config, "env" | "graphqlPath">): Link[] {
  const graphiql = config.env === "production" ? "/graphiql" : config.graphqlPath;
  return [
    { key: "graphiql", href: graphiql, label: "GraphiQL", about: "explore the API, with example queries in tabs" },
    { key: "graphql", href: config.graphqlPath, label: "GraphQL endpoint", about: "POST JSON; WebSockets here too" },
    { key: "moderation", href: CONSOLE_PATH, label: "Moderation console", about: "for moderators, with a token" },
    { key: "health", href: "/health", label: "Health", about: "whether the process answers" },
    { key: "ready", href: "/ready", label: "Readiness", about: "whether the database answers" },
    { key: "rss", href: "/feeds/rss.xml", label: "RSS feed", about: "the latest published articles" },
    { key: "atom", href: "/feeds/atom.xml", label: "Atom feed", about: "the same, as Atom" },
    { key: "sitemap", href: SITEMAP_INDEX_PATH, label: "Sitemap", about: "every published article" },
    { key: "newsSitemap", href: NEWS_SITEMAP_PATH, label: "News sitemap", about: "the last two days" },
    { key: "commentWidget", href: EMBED_SCRIPT_PATH, label: "Comment widget", about: "the embeddable script" },
    { key: "liveBlogScript", href: LIVE_BLOG_SCRIPT_PATH, label: "Live blog script", about: "the embeddable script" },
  ];
}

const STYLE =
  "body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}" +
  "a{color:#0b57d0}a:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}li{margin:.3rem 0}";
const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; ` +
    "frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

function renderPage(siteTitle: string, links: Link[]): string {
  const items = links
    .map(({ href, label, about }) => `<li><a href="${escapeAttribute(href)}">${label}</a> — ${about}</li>`)
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lede</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Lede</h1>
<p>${DESCRIPTION}</p>
<p>This instance serves <strong>${escapeText(siteTitle)}</strong>.</p>
<nav aria-label="Lede"><ul>
${items}
</ul></nav>
</main>
</body>
</html>
`;
}

/** The page as HTML, and its links as JSON when the request prefers JSON (Vary: Accept). */
export function useHomePage(config: Pick<Config, "env" | "graphqlPath" | "site">): Plugin {
  const links = linksOf(config);
  const html = renderPage(config.site.title, links);
  const json = JSON.stringify({
    name: "Lede",
    description: DESCRIPTION,
    links: Object.fromEntries(links.map(({ key, href }) => [key, href])),
  });
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== HOME_PATH) return;
      if (request.method !== "GET" && request.method !== "HEAD") {
        endResponse(new Response(null, { status: 405, headers: { allow: "GET, HEAD" } }));
        return;
      }
      const accept = request.headers.get("accept") ?? undefined;
      const preferred = new Negotiator({ headers: { accept } }).mediaType(["text/html", "application/json"]);
      const shared = { "cache-control": "no-cache", vary: "Accept" };
      const [body, headers] =
        preferred === "application/json"
          ? [
              json,
              { ...shared, "content-type": "application/json; charset=utf-8", "x-content-type-options": "nosniff" },
            ]
          : [html, { ...shared, ...HTML_HEADERS }];
      endResponse(new Response(request.method === "HEAD" ? null : body, { headers }));
    },
  };
}
