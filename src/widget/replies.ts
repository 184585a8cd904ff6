// The reply form under a comment: one open at a time; Cancel or Escape closes it and gives the focus back to the
// comment's Reply button.
import { createComposer, type Composer } from "./composer.js";
import type { CommentData, CommentView } from "./thread.js";

export interface ReplyFormOptions {
  askName(): boolean;
  post(body: string, displayName: string, parentId: string): Promise<CommentData>;
  posted(comment: CommentData): void;
}

export function createReplyForms(options: ReplyFormOptions) {
  let openReply: { view: CommentView; composer: Composer } | null = null;

  function close(restoreFocus: boolean): void {
    if (!openReply) return;
    const { view } = openReply;
    view.replySlot.replaceChildren();
    openReply = null;
    if (restoreFocus) view.replyButton.focus();
  }

  function open(view: CommentView): void {
    close(false);
    const replyComposer = createComposer({
      label: `Your reply to ${view.data.author.displayName}`,
      submitLabel: "Post reply",
      askName: options.askName,
      cancel: () => close(true),
      async submit(body, displayName) {
        const comment = await options.post(body, displayName, view.data.id);
        close(true);
        options.posted(comment);
      },
    });
    view.replySlot.replaceChildren(replyComposer.form);
    openReply = { view, composer: replyComposer };
    replyComposer.focus();
  }

  return { open, close };
}
