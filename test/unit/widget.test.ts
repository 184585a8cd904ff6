// What the comment widget tells the reader (live states, errors, the fate of a posted comment) and how it keeps a
// guest session when storage is unavailable, as in Node (a sandboxed frame or a privacy mode in a browser).
import { afterEach, describe, expect, it, vi } from "vitest";
import { WidgetError } from "../../src/widget/api.js";
import { explain, LIVE_TEXT, postedMessage } from "../../src/widget/messages.js";
import { guestSessions } from "../../src/widget/session.js";
import type { CommentData } from "../../src/widget/thread.js";

describe("widget messages", () => {
  it("has a sentence for every live state", () => {
    expect(Object.keys(LIVE_TEXT).sort()).toEqual(["connecting", "live", "offline", "reconnecting", "stopped"]);
    for (const text of Object.values(LIVE_TEXT)) expect(text).toMatch(/^[A-Z].*[.…]$/);
  });

  it("explains errors in the reader's words, keeping the server's message where it is meant for the reader", () => {
    expect(explain(new TypeError("x is undefined")).message).toBe("Something went wrong. Please try again.");
    expect(explain(new WidgetError("slow down", "RATE_LIMITED", 7)).message).toBe(
      "You are posting quickly; please wait 7 s and try again.",
    );
    expect(explain(new WidgetError("slow down", "RATE_LIMITED")).message).toContain("wait 3 s");
    expect(explain(new WidgetError("Comments are closed", "FORBIDDEN")).message).toBe("Comments are closed");
    expect(explain(new WidgetError("", "FORBIDDEN")).message).toBe("You cannot comment here.");
    const input = new WidgetError("A comment needs some text", "BAD_USER_INPUT");
    expect(explain(input)).toBe(input);
  });

  it("tells the author what became of their comment", () => {
    const comment = (status: string) => ({ status }) as CommentData;
    expect(postedMessage(comment("VISIBLE"))).toBe("Your comment is posted.");
    expect(postedMessage(comment("PENDING"))).toMatch(/awaiting moderation; only you can see it/);
    expect(postedMessage(comment("REJECTED"))).toBe("Your comment was not published.");
  });
});

describe("guest sessions without storage", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps the session in memory for the page's life, until it expires or is cleared", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-01-15T12:00:00Z"));
    const sessions = guestSessions("https://lede.example/graphql");
    expect(sessions.load()).toBeNull();
    const session = { token: "lede_guest", expiresAt: "2026-01-15T13:00:00Z" };
    sessions.save(session);
    expect(sessions.load()).toEqual(session);
    vi.setSystemTime(new Date("2026-01-15T13:00:00Z"));
    expect(sessions.load()).toBeNull();
    vi.setSystemTime(new Date("2026-01-15T12:30:00Z"));
    sessions.clear();
    expect(sessions.load()).toBeNull();
  });

  it("refuses a stored session that is not one", () => {
    const sessions = guestSessions("https://lede.example/graphql");
    sessions.save({ token: 42, expiresAt: "2999-01-01T00:00:00Z" } as never);
    expect(sessions.load()).toBeNull();
  });
});
