// What a live-blog event carries through the pub/sub. A module with no imports of ours (like the comment event
// message), so that the pub/sub can name it without importing the event log.
import type { LiveBlogEventKind } from "../../generated/prisma/enums.js";

/** An event as it travels through the pub/sub (JSON: dates as ISO strings). */
export interface LiveBlogEventMessage {
  id: string;
  articleId: string;
  seq: number;
  kind: LiveBlogEventKind;
  /** The update the event is about; null for a change of the coverage window. */
  updateId: string | null;
  createdAt: string;
  /** Wall-clock milliseconds at publication: what the fan-out lag is measured from. */
  publishedAt?: number;
}
