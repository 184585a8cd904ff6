// What a comment event carries through the pub/sub. A module of its own with no imports of ours, so that the pub/sub
// (platform/pubsub.ts) can name it without importing the event log, which needs the request context.
import type { CommentEventKind, CommentStatus } from "../../generated/prisma/enums.js";

/** An event as it travels through the pub/sub (JSON: dates as ISO strings). */
export interface CommentEventMessage {
  id: string;
  articleId: string;
  seq: number;
  kind: CommentEventKind;
  commentId: string;
  threadId: string;
  authorId: string;
  status: CommentStatus;
  previousStatus: CommentStatus | null;
  createdAt: string;
  /** Wall-clock milliseconds at publication (not the injected clock): what the fan-out lag is measured from. */
  publishedAt?: number;
}
