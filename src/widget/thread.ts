// The thread as the reader sees it: one view per comment, keyed by id, so a comment that arrives twice (in a page
// and live, or replayed after a reconnect) is updated in place and never shown twice.
import { el } from "./dom.js";
import type { CommentOrder, WidgetCommentFragment } from "./generated/graphql.js";

export type CommentData = WidgetCommentFragment;

export interface RepliesPage {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: CommentData }[];
}

export interface CommentView {
  data: CommentData;
  item: HTMLLIElement;
  replySlot: HTMLDivElement;
  replyButton: HTMLButtonElement;
  replies: HTMLOListElement;
  moreReplies: HTMLButtonElement;
  repliesCursor: string | null;
  repliesHaveMore: boolean;
}

export interface ThreadHooks {
  viewerId(): string | null;
  canReply(): boolean;
  reply(view: CommentView): void;
  loadReplies(view: CommentView): void;
  /** Adds the reader's own actions (like, report, edit, delete) to a comment's action row. */
  decorate(view: CommentView, actions: HTMLElement): void;
}

const RULE_TEXT: Record<string, string> = {
  BANNED_WORD: "it contains a word that is not allowed",
  SUSPECT_WORD: "a word in it needs a second look",
  TOO_MANY_LINKS: "it has many links",
  PREMODERATED_ARTICLE: "every comment on this article is reviewed first",
  NEW_ACCOUNT: "comments from new accounts are reviewed first",
  FLAGS: "readers reported it",
  MODERATOR: "a moderator decided",
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

export class Thread {
  readonly views = new Map<string, CommentView>();

  constructor(
    readonly list: HTMLOListElement,
    private readonly hooks: ThreadHooks,
  ) {}

  private mine(c: CommentData): boolean {
    const viewer = this.hooks.viewerId();
    return viewer !== null && c.author.id === viewer;
  }

  /** Removed comments keep their place; held and rejected ones are the author's alone. */
  private shown(c: CommentData): boolean {
    return c.status === "VISIBLE" || c.removed || this.mine(c);
  }

  /** Forgets every comment shown (a new order starts the thread again). */
  clear(): void {
    this.list.replaceChildren();
    this.views.clear();
  }

  /** A page of top-level comments (newest first), after those already shown. */
  appendPage(nodes: (CommentData & { replies?: RepliesPage })[]): void {
    for (const node of nodes) {
      const view = this.views.get(node.id) ?? this.create(node);
      if (!view.item.isConnected) this.list.append(view.item);
      if (node.replies) this.appendReplies(view, node.replies);
    }
  }

  /** A page of replies, oldest first, before any reply that arrived live (those are newer). */
  appendReplies(parent: CommentView, page: RepliesPage): void {
    const firstLive = parent.replies.querySelector(":scope > [data-live]");
    for (const { node } of page.edges) {
      const view = this.views.get(node.id) ?? this.create(node);
      if (!view.item.isConnected) parent.replies.insertBefore(view.item, firstLive);
    }
    parent.repliesCursor = page.pageInfo.endCursor ?? parent.repliesCursor;
    parent.repliesHaveMore = page.pageInfo.hasNextPage;
    this.refreshMoreReplies(parent);
  }

  /** A comment learned live, or just posted: updated in place, or put where it belongs. Says what it did. */
  upsert(c: CommentData): "added" | "updated" | "hidden" | "ignored" {
    const existing = this.views.get(c.id);
    if (existing) {
      if (!this.shown(c)) {
        existing.item.remove();
        this.views.delete(c.id);
        return "hidden";
      }
      existing.data = c;
      this.fill(existing);
      return "updated";
    }
    if (!this.shown(c) || c.removed) return "ignored";
    const parent = c.parent ? this.views.get(c.parent.id) : undefined;
    if (c.parent && !parent) return "ignored"; // its thread is on a page not loaded yet: it comes with that page
    const view = this.create(c);
    view.item.dataset.live = "";
    if (parent) {
      parent.replies.append(view.item);
      parent.data = { ...parent.data, replyCount: parent.data.replyCount + 1 };
    } else this.list.prepend(view.item);
    return "added";
  }

  private create(c: CommentData): CommentView {
    const replies = el("ol", { class: "lede-c-replies", attrs: { "aria-label": "Replies" } });
    const view: CommentView = {
      data: c,
      item: el("li", { class: "lede-c-comment", attrs: { "data-comment-id": c.id } }),
      replySlot: el("div"),
      replyButton: el("button", { class: "lede-c-link", text: "Reply", attrs: { type: "button" } }),
      replies,
      moreReplies: el("button", { class: "lede-c-link", attrs: { type: "button", hidden: "" } }),
      repliesCursor: null,
      repliesHaveMore: c.replyCount > 0,
    };
    view.replyButton.addEventListener("click", () => this.hooks.reply(view));
    view.moreReplies.addEventListener("click", () => this.hooks.loadReplies(view));
    this.views.set(c.id, view);
    this.fill(view);
    return view;
  }

  /** (Re)draws a comment from its data. Every piece of comment text goes in as text. */
  private fill(view: CommentView): void {
    const c = view.data;
    const authorId = `lede-c-author-${c.id}`;
    const status = this.mine(c) && (c.status === "PENDING" || c.status === "REJECTED") ? c.status : null;
    const meta = el(
      "div",
      { class: "lede-c-meta" },
      el("span", { class: "lede-c-author", text: c.author.displayName, attrs: { id: authorId } }),
      el("time", { text: dateFormat.format(new Date(c.createdAt)), attrs: { datetime: c.createdAt } }),
      c.editedAt ? el("span", { text: "(edited)" }) : null,
      c.featured && !c.removed
        ? el("span", { class: "lede-c-badge", attrs: { "data-featured": "" }, text: "Staff pick" })
        : null,
      status
        ? el("span", {
            class: "lede-c-badge",
            attrs: { "data-status": status },
            text: status === "PENDING" ? "Awaiting moderation" : "Not published",
          })
        : null,
    );
    const body = el("p", { class: "lede-c-body", text: c.removed ? "This comment was removed." : (c.body ?? "") });
    const decision = c.moderation?.at(-1);
    const reasons =
      status && decision
        ? el("p", {
            class: "lede-c-reasons",
            text:
              `Only you can see this comment` +
              (decision.reasons.length
                ? `: ${decision.reasons.map((r) => RULE_TEXT[r.rule] ?? r.rule.toLowerCase()).join("; ")}.`
                : ".") +
              (decision.note ? ` ${decision.note}` : ""),
          })
        : null;
    view.replyButton.hidden = c.status !== "VISIBLE" || c.removed || !this.hooks.canReply();
    view.replyButton.setAttribute("aria-label", `Reply to ${c.author.displayName}`);
    view.item.classList.toggle("lede-c-removed", c.removed);
    const actions = el("div", { class: "lede-c-actions" }, view.replyButton);
    if (!c.removed) this.hooks.decorate(view, actions);
    view.item.replaceChildren(
      el(
        "article",
        { attrs: { "aria-labelledby": authorId } },
        meta,
        body,
        reasons,
        actions,
        view.replySlot,
        view.replies,
        view.moreReplies,
      ),
    );
    this.refreshMoreReplies(view);
  }

  private refreshMoreReplies(view: CommentView): void {
    const shownReplies = view.replies.children.length;
    const more = Math.max(0, view.data.replyCount - shownReplies);
    view.moreReplies.hidden = !view.repliesHaveMore || more === 0;
    view.moreReplies.textContent = more === 1 ? "Show 1 more reply" : `Show ${more} more replies`;
  }

  /** For the live region: who wrote it and what, as plain text. */
  static describe(c: CommentData): string {
    const text = (c.body ?? "").slice(0, 140);
    return `${c.parent ? "New reply" : "New comment"} from ${c.author.displayName}: ${text}`;
  }
}

/** The reader's choice of order for the thread. */
export function orderSelect(): HTMLSelectElement {
  const orders: [CommentOrder, string][] = [
    ["NEWEST", "Newest first"],
    ["OLDEST", "Oldest first"],
    ["MOST_REACTIONS", "Most reactions"],
  ];
  return el(
    "select",
    { attrs: { "aria-label": "Order comments by" } },
    ...orders.map(([value, text]) => el("option", { attrs: { value }, text })),
  );
}
