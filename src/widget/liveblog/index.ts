// The entry of /embed/liveblog.js: mounts a live blog on every `[data-lede-liveblog]` element (data-article: the
// article's slug), talking to the Lede that served the script (or to `data-lede-url`). It shows the pinned update and
// the updates newest first, marks key events, and follows the blog live: a new update goes in at the top when the
// reader is there, and otherwise waits behind an "N new updates" bar so that what the reader is reading does not
// move. Edits, pins and withdrawals apply in place. After a dropped connection it resumes from the last event.
import { el } from "../dom.js";
import { PAGE_QUERY, request, type BlogState, type LiveEvent, type Page, type Update } from "./api.js";
import { followLiveBlog } from "./follow.js";
import { LIVE_STYLES, renderUpdate } from "./render.js";

const SERVED_GRAPHQL_PATH = "__LEDE_GRAPHQL_PATH__";
const graphqlPath = SERVED_GRAPHQL_PATH.startsWith("/") ? SERVED_GRAPHQL_PATH : "/graphql";
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src;
const PAGE_SIZE = 20;

function injectStyles(): void {
  if (document.getElementById("lede-lb-styles")) return;
  document.head.append(el("style", { attrs: { id: "lede-lb-styles" }, text: LIVE_STYLES }));
}

async function mount(root: HTMLElement): Promise<void> {
  const slug = root.dataset.article;
  if (!slug || root.dataset.ledeState) return;
  root.dataset.ledeState = "loading";
  injectStyles();
  const endpoint = new URL(graphqlPath, root.dataset.ledeUrl ?? scriptUrl ?? location.href).toString();
  const page = await request<Page>(endpoint, PAGE_QUERY, { slug, first: PAGE_SIZE });
  const blog = page.article?.liveBlog;
  if (!page.article || !blog) {
    root.dataset.ledeState = "missing";
    return;
  }
  const status = el("p", { class: "lede-lb-status", attrs: { role: "status" } });
  const pinned = el("div", { class: "lede-lb-pinned-slot" });
  const bar = el("button", { class: "lede-lb-bar", attrs: { type: "button", hidden: "" } });
  const list = el("div", { class: "lede-lb-list" });
  root.replaceChildren(
    el(
      "section",
      { class: "lede-lb", attrs: { "aria-label": "Live updates" } },
      status,
      pinned,
      // The bar floats over the updates (a slot of no height): showing it moves nothing. The slot, always in the
      // page, is a polite live region, so that a screen reader tells of new updates the bar holds back.
      el("div", { class: "lede-lb-barslot", attrs: { "aria-live": "polite", "aria-atomic": "true" } }, bar),
      list,
    ),
  );

  /** Shown and waiting updates by id; waiting ones are behind the bar until the reader asks for them. */
  const shown = new Map<string, Update>();
  const waiting = new Map<string, Update>();
  let lastSequence = 0;

  const showState = (state: BlogState) => {
    status.textContent = state.isLive ? "Live" : "Coverage has ended";
    status.dataset.live = String(state.isLive);
    const copy =
      state.pinnedUpdate && state.pinnedUpdate.status === "PUBLISHED" ? renderUpdate(state.pinnedUpdate, true) : null;
    pinned.replaceChildren(...(copy ? [copy] : []));
  };
  const element = (id: string) => list.querySelector<HTMLElement>(`[data-update-id="${CSS.escape(id)}"]`);
  const place = (u: Update) => {
    const node = renderUpdate(u);
    node.dataset.sequence = String(u.sequence ?? 0);
    const existing = element(u.id);
    if (existing) return existing.replaceWith(node);
    const after = [...list.children].find((c) => Number((c as HTMLElement).dataset.sequence) < (u.sequence ?? 0));
    list.insertBefore(node, after ?? null);
  };
  const showBar = () => {
    bar.hidden = waiting.size === 0;
    bar.textContent = waiting.size === 1 ? "1 new update" : `${waiting.size} new updates`;
  };
  bar.addEventListener("click", () => {
    for (const u of [...waiting.values()].sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0))) {
      shown.set(u.id, u);
      place(u);
    }
    waiting.clear();
    showBar();
    list.scrollIntoView({ block: "start" });
  });
  /** Whether the reader is at the top of the updates (then a new one can go in without moving their reading). */
  const atTop = () => list.getBoundingClientRect().top >= 0;

  const apply = (event: LiveEvent) => {
    if (event.sequence <= lastSequence) return; // a replay of something already applied
    lastSequence = event.sequence;
    showState(event.liveBlog);
    const u = event.update;
    if (!u) return;
    if (u.status !== "PUBLISHED") {
      shown.delete(u.id);
      waiting.delete(u.id);
      element(u.id)?.remove();
    } else if (shown.has(u.id)) {
      shown.set(u.id, u);
      place(u);
    } else if (waiting.has(u.id) || !atTop()) {
      waiting.set(u.id, u);
    } else {
      shown.set(u.id, u);
      place(u);
    }
    showBar();
    root.dataset.updates = String(shown.size);
  };

  showState(blog);
  for (const { node } of blog.liveUpdates.edges) {
    shown.set(node.id, node);
    place(node);
  }
  root.dataset.updates = String(shown.size);
  root.dataset.ledeState = "ready";
  followLiveBlog({
    endpoint,
    articleId: page.article.id,
    after: blog.eventCursor,
    onEvent: apply,
    onState: (state) => (root.dataset.liveState = state),
  });
}

function mountAll(): void {
  for (const root of document.querySelectorAll<HTMLElement>("[data-lede-liveblog]"))
    mount(root).catch((error: unknown) => {
      root.dataset.ledeState = "error";
      console.error("Lede live blog:", error);
    });
}

(window as unknown as { LedeLiveBlog: unknown }).LedeLiveBlog = { mount, mountAll };
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
