// The entry of /embed/comments.js: mounts a widget on every `[data-lede-comments]` element of the page, talking to
// the Lede that served this script (or to `data-lede-url`). `window.LedeComments.mount()` is there for pages that
// add the element later (single-page apps).
import { mountComments, type WidgetOptions } from "./widget.js";

// Lede replaces this when it serves the script, so a GRAPHQL_PATH other than /graphql works too.
const SERVED_GRAPHQL_PATH = "__LEDE_GRAPHQL_PATH__";
const graphqlPath = SERVED_GRAPHQL_PATH.startsWith("/") ? SERVED_GRAPHQL_PATH : "/graphql";
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src;
const mounted = new WeakSet<Element>();

function optionsFor(element: HTMLElement): WidgetOptions | null {
  const article = element.dataset.article;
  if (!article) return null;
  const base = element.dataset.ledeUrl ?? scriptUrl ?? location.href;
  const transport = element.dataset.transport;
  return {
    article,
    endpoint: new URL(graphqlPath, base).toString(),
    token: element.dataset.token || null,
    transport: transport === "ws" || transport === "sse" ? transport : "auto",
    pageSize: Math.min(100, Math.max(1, Number(element.dataset.pageSize) || 10)),
  };
}

function mount(element: HTMLElement): { destroy(): void } | null {
  // The mark on the element, not only our set: a page that includes the script twice still gets one widget.
  if (mounted.has(element) || element.dataset.ledeState) return null;
  const options = optionsFor(element);
  if (!options) {
    console.error("Lede comments: the element needs a data-article attribute (the article's slug)", element);
    return null;
  }
  mounted.add(element);
  return mountComments(element, options);
}

function mountAll(): void {
  for (const element of document.querySelectorAll<HTMLElement>("[data-lede-comments]")) mount(element);
}

(window as unknown as { LedeComments: unknown }).LedeComments = { mount, mountAll };
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
