// One comment widget on a page: loads the article and its thread, follows it live from the cursor read before the
// thread, and posts as the signed-in reader (data-token) or as a guest (a session kept in localStorage).
import { createApi, WidgetError } from "./api.js";
import { createCommunity } from "./community.js";
import { createComposer } from "./composer.js";
import { createReplyForms } from "./replies.js";
import { el, randomId, STYLES } from "./dom.js";
import {
  WidgetArticleDocument,
  WidgetPostCommentDocument,
  WidgetRepliesDocument,
  WidgetStartGuestSessionDocument,
  WidgetThreadDocument,
  type CommentOrder,
  type WidgetArticleQuery,
} from "./generated/graphql.js";
import { followComments, type LiveStream } from "./live.js";
import { explain, LIVE_TEXT, postedMessage } from "./messages.js";
import { guestSessions } from "./session.js";
import { orderSelect, Thread, type CommentData, type CommentView } from "./thread.js";
import { showAccount } from "./account.js";

export interface WidgetOptions {
  /** The article's slug. */
  article: string;
  /** Lede's GraphQL endpoint (http or https). */
  endpoint: string;
  /** A bearer token of a signed-in reader; without one, readers post as guests. */
  token?: string | null;
  transport?: "auto" | "ws" | "sse";
  pageSize?: number;
}

let stylesAdded = false;

export function mountComments(container: HTMLElement, options: WidgetOptions): { destroy(): void } {
  if (!stylesAdded) {
    document.head.append(el("style", { text: STYLES, attrs: { "data-lede-comments-styles": "" } }));
    stylesAdded = true;
  }
  const pageSize = options.pageSize ?? 10;
  const guests = guestSessions(options.endpoint);
  let token = options.token ?? guests.load()?.token ?? null;
  let viewer: WidgetArticleQuery["viewer"] = null;
  let article: NonNullable<WidgetArticleQuery["article"]> | null = null;
  let live: LiveStream | null = null;
  let lastSequence = -1;
  let nextPage: string | null = null;
  let shownCount = 0;
  let cursorResets = 0;
  const draftIds = new Map<string, string>();
  const api = createApi(options.endpoint, () => token);

  const heading = el("h2", { text: "Comments" });
  const announcer = el("div", { class: "lede-c-sr", attrs: { "aria-live": "polite", "aria-atomic": "true" } });
  const liveLine = el("p", { class: "lede-c-live" });
  const notice = el("p", { class: "lede-c-message", attrs: { role: "status" } });
  const list = el("ol", { class: "lede-c-list", attrs: { "aria-label": "Comments" } });
  const more = el("button", { text: "Show more comments", attrs: { type: "button", hidden: "" } });
  const composerSlot = el("div");
  const accountSlot = el("div");
  const order = orderSelect();
  const root = el("section", { class: "lede-c", attrs: { "aria-label": "Reader comments" } });
  const sort = el("label", {}, "Sort: ", order);
  root.append(heading, accountSlot, composerSlot, notice, liveLine, sort, list, more, announcer);
  container.replaceChildren(root);
  container.dataset.ledeState = "loading";

  const thread = new Thread(list, {
    viewerId: () => viewer?.id ?? null,
    canReply: () => article?.commentSettings.open ?? false,
    reply: (view) => replies.open(view),
    loadReplies: (view) => void loadReplies(view),
    decorate: (view, actions) => community.decorate(view, actions),
  });
  const community = createCommunity({
    api,
    viewerId: () => viewer?.id ?? null,
    hasToken: () => token !== null,
    ensureSession: (displayName) => postingToken(displayName),
    update: (comment) => void thread.upsert(comment),
    shown: (id) => thread.views.get(id)?.data,
  });

  const setCount = (count: number) => (heading.textContent = count === 1 ? "1 comment" : `${count} comments`);
  const announce = (text: string) => {
    announcer.textContent = "";
    // a fresh text node, so that the same words twice are still announced
    setTimeout(() => (announcer.textContent = text), 50);
  };

  /** A token for posting: the reader's own, or a guest session started now with the name they gave. */
  async function postingToken(displayName: string): Promise<void> {
    if (token) return;
    const { startGuestSession } = await api.request(WidgetStartGuestSessionDocument, { displayName });
    token = startGuestSession.token;
    viewer = { id: startGuestSession.account.id, displayName: startGuestSession.account.displayName, standing: null };
    showAccountBar();
    guests.save({ token, expiresAt: startGuestSession.expiresAt });
    // The author's own held comments reach them only on a signed-in stream: follow again as this reader.
    restartLive();
  }

  async function postComment(body: string, displayName: string, parentId?: string): Promise<CommentData> {
    try {
      await postingToken(displayName);
      // One id per draft until it is posted: pressing Post again after a lost answer cannot post it twice.
      const draft = `${parentId ?? ""}\n${body}`;
      const clientMutationId = draftIds.get(draft) ?? randomId();
      draftIds.set(draft, clientMutationId);
      const input = { articleId: article!.id, body, parentId, clientMutationId };
      let posted;
      try {
        posted = await api.request(WidgetPostCommentDocument, { input });
      } catch (error) {
        // A retry with the same clientMutationId returns the first comment instead of posting twice.
        if (!(error instanceof WidgetError) || error.code !== "NETWORK") throw error;
        posted = await api.request(WidgetPostCommentDocument, { input });
      }
      const comment = posted.postComment;
      community.rememberPosted(comment.id, comment.editableForSeconds);
      draftIds.delete(draft);
      if (thread.upsert(comment) === "added" && comment.status === "VISIBLE") setCount(++shownCount);
      return comment;
    } catch (error) {
      if (error instanceof WidgetError && error.code === "UNAUTHENTICATED" && !options.token) {
        guests.clear();
        token = null;
        viewer = null;
        composer.refresh();
        throw new Error("Your guest session has ended. Please enter your name and post again.");
      }
      throw explain(error);
    }
  }

  const composer = createComposer({
    label: "Your comment",
    submitLabel: "Post comment",
    askName: () => !token,
    async submit(body, displayName) {
      const comment = await postComment(body, displayName);
      composer.message(postedMessage(comment));
    },
  });

  const replies = createReplyForms({
    askName: () => !token,
    post: (body, displayName, parentId) => postComment(body, displayName, parentId),
    posted: (comment) => composer.message(postedMessage(comment).replace("comment", "reply")),
  });

  async function loadPage(): Promise<void> {
    const data = await api.request(WidgetThreadDocument, {
      slug: options.article,
      first: pageSize,
      after: nextPage,
      replies: 3,
      orderBy: order.value as CommentOrder,
    });
    const page = data.article?.comments;
    if (!page) return;
    // Staff picks first: they keep their place at the top when their page comes.
    if (!nextPage) thread.appendPage(article?.featuredComments ?? []);
    shownCount = data.article!.commentCount;
    setCount(shownCount);
    thread.appendPage(page.edges.map((e) => e.node));
    nextPage = page.pageInfo.endCursor ?? null;
    more.hidden = !page.pageInfo.hasNextPage;
    void community.loadMine([...thread.views.keys()]);
  }

  const showAccountBar = () => showAccount(accountSlot, api, viewer, !options.token && token !== null);

  order.addEventListener("change", () => {
    thread.clear();
    nextPage = null;
    loadPage().catch((error: unknown) => (notice.textContent = explain(error).message));
  });

  async function loadReplies(view: CommentView): Promise<void> {
    view.moreReplies.disabled = true;
    try {
      const data = await api.request(WidgetRepliesDocument, {
        commentId: view.data.id,
        first: 20,
        after: view.repliesCursor,
      });
      if (data.comment) thread.appendReplies(view, data.comment.replies);
      void community.loadMine(data.comment?.replies.edges.map((e) => e.node.id) ?? []);
    } catch (error) {
      notice.textContent = explain(error).message;
    } finally {
      view.moreReplies.disabled = false;
    }
  }

  function startLive(after: string): void {
    live = followComments({
      endpoint: options.endpoint,
      articleId: article!.id,
      after,
      token: () => token,
      transport: options.transport ?? "auto",
      onState(state, transport) {
        container.dataset.liveState = state;
        container.dataset.liveTransport = transport;
        liveLine.textContent = LIVE_TEXT[state];
      },
      onEvent(event) {
        // A replay after a reconnect may repeat what was already applied: sequences only go up.
        if (event.sequence <= lastSequence) return;
        lastSequence = event.sequence;
        const outcome = thread.upsert(event.comment);
        const mine = viewer !== null && event.comment.author.id === viewer.id;
        if (outcome === "added" && event.comment.status === "VISIBLE") setCount(++shownCount);
        if (outcome === "hidden") setCount(Math.max(0, --shownCount));
        if (outcome === "added" && !mine) announce(Thread.describe(event.comment));
      },
      onRefused(code, message) {
        if (code === "UNAUTHENTICATED" && !options.token && token) {
          // The guest session ended: follow as anyone does; the reader gives a name again at the next post.
          guests.clear();
          token = null;
          viewer = null;
          composer.refresh();
          startLive(live!.cursor());
          return;
        }
        if (code === "BAD_USER_INPUT" && cursorResets++ < 3) {
          // The server does not know our cursor (its database was restored from a backup): follow from its present.
          api.request(WidgetArticleDocument, { slug: options.article }).then(
            (data) => {
              lastSequence = -1;
              if (data.article) startLive(data.article.commentStreamCursor);
            },
            () => (liveLine.textContent = `Live updates stopped: ${message}`),
          );
          return;
        }
        liveLine.textContent = `Live updates stopped: ${message}`;
      },
    });
  }

  function restartLive(): void {
    if (!live) return;
    const cursor = live.cursor();
    live.close();
    startLive(cursor);
  }

  more.addEventListener("click", () => {
    more.disabled = true;
    loadPage()
      .catch((error: unknown) => (notice.textContent = explain(error).message))
      .finally(() => (more.disabled = false));
  });

  async function start(): Promise<void> {
    let data: WidgetArticleQuery;
    try {
      data = await api.request(WidgetArticleDocument, { slug: options.article });
    } catch (error) {
      // A stale guest token: forget it and read as anyone does.
      if (!(error instanceof WidgetError && error.code === "UNAUTHENTICATED") || options.token) throw error;
      guests.clear();
      token = null;
      data = await api.request(WidgetArticleDocument, { slug: options.article });
    }
    if (!data.article) {
      notice.textContent = "Comments are not available for this article.";
      container.dataset.ledeState = "error";
      return;
    }
    article = data.article;
    viewer = data.viewer ?? null;
    showAccountBar();
    if (article.commentSettings.open) {
      composerSlot.append(composer.form);
      composer.refresh();
    } else {
      composerSlot.append(el("p", { text: "Comments on this article are closed." }));
    }
    startLive(article.commentStreamCursor);
    await loadPage();
    container.dataset.ledeState = "ready";
  }

  start().catch((error: unknown) => {
    notice.textContent = `Comments could not be loaded: ${explain(error).message}`;
    container.dataset.ledeState = "error";
  });

  return {
    destroy() {
      live?.close();
      container.replaceChildren();
    },
  };
}
