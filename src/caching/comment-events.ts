// What a comment event drops from the response cache: the answers that hold its article, its comment or its thread;
// and whether the change only adds to what they show (then what it drops stays readable in grace: grace.ts).
import { encodeGlobalId } from "../global-id.js";
import type { CommentEventMessage } from "../services/comments/event-message.js";

export function entitiesOf(event: CommentEventMessage): { typename: string; id: string }[] {
  return [
    { typename: "Article", id: encodeGlobalId("Article", event.articleId) },
    { typename: "Comment", id: encodeGlobalId("Comment", event.commentId) },
    { typename: "Comment", id: encodeGlobalId("Comment", event.threadId) },
  ];
}

/** Comment events that add to what answers show: a new comment, a reaction, a flag. */
const ADDING_KINDS: ReadonlySet<string> = new Set(["ADDED", "REACTIONS_CHANGED", "FLAGGED"]);

/** Whether the event only adds: a flag that held a comment took it away from readers, so its status must be as it was. */
export const onlyAdds = (event: CommentEventMessage) =>
  ADDING_KINDS.has(event.kind) && (event.previousStatus === null || event.previousStatus === event.status);
