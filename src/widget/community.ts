// What a reader does to comments beyond posting (like, report with a reason, edit within the window, delete their
// own). Forms open in the comment's own slot; everything is text, never markup. The account side is in account.ts.
import type { Api } from "./api.js";
import { el, uniqueId } from "./dom.js";
import {
  WidgetDeleteDocument,
  WidgetEditDocument,
  WidgetFlagDocument,
  WidgetMineDocument,
  WidgetReactDocument,
  WidgetUnreactDocument,
  type FlagReason,
} from "./generated/graphql.js";
import { explain } from "./messages.js";
import type { CommentData, CommentView } from "./thread.js";

export interface CommunityDeps {
  api: Api;
  viewerId(): string | null;
  hasToken(): boolean;
  /** Starts a guest session with this name unless the reader has one. */
  ensureSession(displayName: string): Promise<void>;
  /** Shows a comment's new state (and redraws its actions). */
  update(comment: CommentData): void;
  /** A comment on the page, as last drawn. */
  shown(id: string): CommentData | undefined;
}

const REASONS: [FlagReason, string][] = [
  ["ABUSE", "Abusive, insulting or hateful"],
  ["SPAM", "Spam or advertising"],
  ["OFF_TOPIC", "Off topic"],
  ["MISINFORMATION", "States falsehoods as fact"],
  ["OTHER", "Something else"],
];

export function createCommunity(deps: CommunityDeps) {
  // editDeadline: when, on this page's monotonic clock (performance.now()), the edit window closes. It is counted down
  // from the seconds Lede says are left, so a reader's wrong system clock neither hides Edit nor offers it too long.
  const mine = new Map<string, { liked: boolean; editDeadline: number | null }>();
  const deadline = (secondsLeft: number | null | undefined) =>
    secondsLeft ? performance.now() + secondsLeft * 1000 : null;
  const button = (text: string, onClick: () => void, attrs: Record<string, string> = {}) =>
    el("button", { class: "lede-c-link", text, attrs: { type: "button", ...attrs }, on: { click: onClick } });

  /** A small form in the comment's slot; `submit` resolves to the text to leave there, or throws to show an error. */
  function openForm(
    view: CommentView,
    label: string,
    fields: HTMLElement[],
    submitLabel: string,
    submit: () => Promise<string>,
  ) {
    const status = el("p", { class: "lede-c-message", attrs: { role: "status" } });
    const nameId = uniqueId("name");
    const name = el("input", { attrs: { id: nameId, maxlength: "60", autocomplete: "nickname" } });
    const close = () => view.replySlot.replaceChildren();
    const form = el(
      "form",
      { class: "lede-c-form", attrs: { "aria-label": label, novalidate: "" } },
      ...fields,
      deps.hasToken() ? null : el("div", {}, el("label", { text: "Your name", attrs: { for: nameId } }), " ", name),
      el(
        "div",
        { class: "lede-c-form-actions" },
        el("button", { text: submitLabel, attrs: { type: "submit" } }),
        button("Cancel", close),
      ),
      status,
    );
    form.addEventListener("keydown", (event) => event.key === "Escape" && close());
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      status.dataset.kind = "info";
      try {
        if (!deps.hasToken()) await deps.ensureSession(name.value);
        const done = await submit();
        view.replySlot.replaceChildren(el("p", { class: "lede-c-message", attrs: { role: "status" }, text: done }));
      } catch (error) {
        status.dataset.kind = "error";
        status.textContent = explain(error).message;
      }
    });
    view.replySlot.replaceChildren(form);
    (form.querySelector("select, textarea, input") as HTMLElement | null)?.focus();
  }

  function report(view: CommentView): void {
    const reasonId = uniqueId("reason");
    const noteId = uniqueId("note");
    const reason = el(
      "select",
      { attrs: { id: reasonId } },
      ...REASONS.map(([value, text]) => el("option", { text, attrs: { value } })),
    );
    const note = el("input", { attrs: { id: noteId, maxlength: "500" } });
    openForm(
      view,
      `Report the comment by ${view.data.author.displayName}`,
      [
        el("label", { text: "Why are you reporting this comment?", attrs: { for: reasonId } }),
        reason,
        el("label", { text: "Anything to add? (needed for “Something else”)", attrs: { for: noteId } }),
        note,
      ],
      "Send report",
      async () => {
        await deps.api.request(WidgetFlagDocument, {
          id: view.data.id,
          reason: reason.value as FlagReason,
          text: note.value || null,
        });
        return "Thank you. The moderators will look at it.";
      },
    );
  }

  function edit(view: CommentView): void {
    const id = uniqueId("edit");
    const text = el("textarea", { attrs: { id, maxlength: "5000" } });
    text.value = view.data.body ?? "";
    openForm(
      view,
      "Edit your comment",
      [el("label", { text: "Your comment", attrs: { for: id } }), text],
      "Save",
      async () => {
        const { editComment } = await deps.api.request(WidgetEditDocument, { id: view.data.id, body: text.value });
        mine.set(editComment.id, {
          liked: mine.get(editComment.id)?.liked ?? false,
          editDeadline: deadline(editComment.editableForSeconds),
        });
        deps.update(editComment);
        return "Your comment is updated.";
      },
    );
  }

  function remove(view: CommentView): void {
    openForm(
      view,
      "Delete your comment",
      [el("p", { text: "Delete this comment? This cannot be undone." })],
      "Delete",
      async () => {
        deps.update((await deps.api.request(WidgetDeleteDocument, { id: view.data.id })).deleteComment);
        return "Your comment is deleted.";
      },
    );
  }

  async function toggleLike(view: CommentView): Promise<void> {
    if (!deps.hasToken()) {
      openForm(view, "Give a name to react", [], "Like", async () => {
        await like(view, true);
        return "Liked.";
      });
      return;
    }
    await like(view, !mine.get(view.data.id)?.liked).catch((error: unknown) =>
      view.replySlot.replaceChildren(
        el("p", { class: "lede-c-message", attrs: { "data-kind": "error" }, text: explain(error).message }),
      ),
    );
  }

  async function like(view: CommentView, on: boolean): Promise<void> {
    const variables = { commentId: view.data.id };
    const comment = on
      ? (await deps.api.request(WidgetReactDocument, variables)).reactToComment
      : (await deps.api.request(WidgetUnreactDocument, variables)).removeReaction;
    mine.set(comment.id, { liked: on, editDeadline: mine.get(comment.id)?.editDeadline ?? null });
    deps.update(comment);
  }

  return {
    decorate(view: CommentView, actions: HTMLElement): void {
      const c = view.data;
      const own = deps.viewerId() !== null && c.author.id === deps.viewerId();
      const state = mine.get(c.id);
      if (c.status === "VISIBLE") {
        actions.append(
          button(`Like (${c.reactionCount})`, () => void toggleLike(view), {
            "aria-pressed": state?.liked ? "true" : "false",
            "aria-label": `Like the comment by ${c.author.displayName} (${c.reactionCount} reactions)`,
          }),
        );
        if (!own)
          actions.append(
            button("Report", () => report(view), { "aria-label": `Report the comment by ${c.author.displayName}` }),
          );
      }
      if (!own) return;
      if (state?.editDeadline && state.editDeadline > performance.now() && c.status !== "REJECTED")
        actions.append(button("Edit", () => edit(view)));
      actions.append(button("Delete", () => remove(view)));
    },

    /** Learns which of these comments the reader liked and may still edit, and redraws them. */
    async loadMine(ids: string[]): Promise<void> {
      if (!deps.hasToken() || ids.length === 0) return;
      const { nodes } = await deps.api
        .request(WidgetMineDocument, { ids: ids.slice(-100) })
        .catch(() => ({ nodes: [] }));
      for (const node of nodes) {
        if (!node || !("viewerReactions" in node)) continue;
        mine.set(node.id, {
          liked: node.viewerReactions.includes("LIKE"),
          editDeadline: deadline(node.editableForSeconds),
        });
        const shown = deps.shown(node.id);
        if (shown) deps.update(shown);
      }
    },

    rememberPosted(id: string, editableForSeconds: number | null | undefined): void {
      mine.set(id, { liked: false, editDeadline: deadline(editableForSeconds) });
    },
  };
}

export type Community = ReturnType<typeof createCommunity>;
