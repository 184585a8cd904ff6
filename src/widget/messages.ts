// What the widget tells the reader, in one place.
import { WidgetError } from "./api.js";
import type { LiveState } from "./live.js";
import type { CommentData } from "./thread.js";

export const LIVE_TEXT: Record<LiveState, string> = {
  connecting: "Connecting…",
  live: "Live: new comments appear as they are posted.",
  reconnecting: "Connection lost; reconnecting…",
  offline: "You are offline; new comments will appear when you are back.",
  stopped: "Live updates are off.",
};

/** An error as the reader should read it. */
export function explain(error: unknown): Error {
  if (!(error instanceof WidgetError)) return new Error("Something went wrong. Please try again.");
  if (error.code === "RATE_LIMITED")
    return new Error(`You are posting quickly; please wait ${error.retryAfter ?? 3} s and try again.`);
  if (error.code === "FORBIDDEN") return new Error(error.message || "You cannot comment here.");
  return error;
}

/** What became of a comment the reader just posted. */
export function postedMessage(comment: CommentData): string {
  if (comment.status === "PENDING")
    return "Thank you. Your comment is awaiting moderation; only you can see it for now.";
  if (comment.status === "REJECTED") return "Your comment was not published.";
  return "Your comment is posted.";
}
