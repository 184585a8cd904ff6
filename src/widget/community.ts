// What a reader does to comments beyond posting (react, report with a reason, edit within the window, delete their
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
  type ReactionKind,
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

/** The reactions the widget offers, in the order it shows them, with their button text. */
const REACTIONS: [ReactionKind, string][] = [
  ["LIKE", "Like"],
  ["INSIGHTFUL", "Insightful"],
  ["FUNNY", "Funny"],
  ["SAD", "Sad"],
  ["ANGRY", "Angry"],
];

export function createCommunity(deps: CommunityDeps) {
  // editDeadline: when, on this page's monotonic clock (performance.now()), the edit window closes. It is counted down
  // from the seconds Lede says are left, so a reader's wrong system clock neither hides Edit nor offers it too long.
  const mine = new Map<string, { reacted: ReactionKind[]; editDeadline: number | null }>();
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
          reacted: mine.get(editComment.id)?.reacted ?? [],
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

  async function toggle(view: CommentView, kind: ReactionKind, label: string): Promise<void> {
    if (!deps.hasToken()) {
      openForm(view, "Give a name to react", [], label, async () => {
        await react(view, kind, true);
        return "Thank you for reacting.";
      });
      return;
    }
    const on = !mine.get(view.data.id)?.reacted.includes(kind);
    await react(view, kind, on).catch((error: unknown) =>
      view.replySlot.replaceChildren(
        el("p", { class: "lede-c-message", attrs: { "data-kind": "error" }, text: explain(error).message }),
      ),
    );
  }

  async function react(view: CommentView, kind: ReactionKind, on: boolean): Promise<void> {
    const variables = { commentId: view.data.id, kind };
    const comment = on
      ? (await deps.api.request(WidgetReactDocument, variables)).reactToComment
      : (await deps.api.request(WidgetUnreactDocument, variables)).removeReaction;
    const before = mine.get(comment.id);
    const others = (before?.reacted ?? []).filter((k) => k !== kind);
    mine.set(comment.id, { reacted: on ? [...others, kind] : others, editDeadline: before?.editDeadline ?? null });
    deps.update(comment);
  }

  return {
    decorate(view: CommentView, actions: HTMLElement): void {
      const c = view.data;
      const own = deps.viewerId() !== null && c.author.id === deps.viewerId();
      const state = mine.get(c.id);
      if (c.status === "VISIBLE") {
        for (const [kind, label] of REACTIONS) {
          const count = c.reactions.find((r) => r.kind === kind)?.count ?? 0;
          const what = kind === "LIKE" ? "Like the comment" : `React “${label}” to the comment`;
          actions.append(
            button(`${label} (${count})`, () => void toggle(view, kind, label), {
              "aria-pressed": state?.reacted.includes(kind) ? "true" : "false",
              "aria-label": `${what} by ${c.author.displayName} (${count})`,
            }),
          );
        }
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

    /** Learns which of these comments the reader reacted to and may still edit, and redraws them. */
    async loadMine(ids: string[]): Promise<void> {
      if (!deps.hasToken() || ids.length === 0) return;
      const { nodes } = await deps.api
        .request(WidgetMineDocument, { ids: ids.slice(-100) })
        .catch(() => ({ nodes: [] }));
      for (const node of nodes) {
        if (!node || !("viewerReactions" in node)) continue;
        mine.set(node.id, {
          reacted: node.viewerReactions,
          editDeadline: deadline(node.editableForSeconds),
        });
        const shown = deps.shown(node.id);
        if (shown) deps.update(shown);
      }
    },

    rememberPosted(id: string, editableForSeconds: number | null | undefined): void {
      mine.set(id, { reacted: [], editDeadline: deadline(editableForSeconds) });
    },
  };
}

export type Community = ReturnType<typeof createCommunity>;
