// Moderation: automatic rules with stored reasons, pre-moderation, the moderators' queue and decisions, and who sees
// which status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApproveCommentDocument,
  CommentByIdDocument,
  ModerationQueueDocument,
  PostCommentDocument,
  RejectCommentDocument,
  ThreadDocument,
} from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";

describe.skipIf(skipDatabase)("moderation", () => {
  let lede: TestLede;
  let reader: { token: string; accountId: string };
  let other: { token: string; accountId: string };
  let moderator: { token: string; accountId: string };
  let article: string;
  beforeAll(async () => {
    lede = await startLede({
      env: { BANNED_WORDS: "scumbag, traitor swine", SUSPECT_WORDS: "crypto", MAX_LINKS: "1" },
    });
    reader = await guest(lede, "Reader");
    other = await guest(lede, "Other Reader");
    moderator = await staff(lede, "MODERATOR", "Desk");
    article = await articleId(lede, SLUG);
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("rejects banned words and says which, to the author and to moderators", async () => {
    const comment = await post(lede, reader.token, { articleId: article, body: "What a Scumbag, honestly." });
    expect(comment.status).toBe("REJECTED");
    expect(comment.moderation).toEqual([{ reasons: [{ rule: "BANNED_WORD", detail: "scumbag" }] }]);
    expect((await lede.query(CommentByIdDocument, { id: comment.id }, { token: other.token })).comment).toBeNull();
    const seen = (await lede.query(CommentByIdDocument, { id: comment.id }, { token: moderator.token })).comment!;
    expect(seen.moderation![0]).toMatchObject({ status: "REJECTED", automatic: true });
    // a word that merely contains a banned word is fine
    expect((await post(lede, reader.token, { articleId: article, body: "Scumbagging is not a word" })).status).toBe(
      "VISIBLE",
    );
  });

  it("holds suspect words and too many links for review, with their reasons", async () => {
    const suspect = await post(lede, reader.token, { articleId: article, body: "Buy CRYPTO now" });
    expect(suspect).toMatchObject({
      status: "PENDING",
      moderation: [{ reasons: [{ rule: "SUSPECT_WORD", detail: "crypto" }] }],
    });
    const links = await post(lede, reader.token, {
      articleId: article,
      body: "See https://a.example and www.b.example",
    });
    expect(links.status).toBe("PENDING");
    expect(links.moderation![0]!.reasons).toEqual([{ rule: "TOO_MANY_LINKS", detail: "2 links (at most 1)" }]);
  });

  it("shows readers visible comments plus their own pending ones; moderators everything", async () => {
    const pending = await post(lede, reader.token, { articleId: article, body: "crypto is the future" });
    const ids = async (token?: string) =>
      (await lede.query(ThreadDocument, { slug: SLUG, first: 50 }, token ? { token } : {})).article!.comments.edges.map(
        (e) => e.node.id,
      );
    expect(await ids(reader.token)).toContain(pending.id);
    expect(await ids(other.token)).not.toContain(pending.id);
    expect(await ids()).not.toContain(pending.id);
    expect(await ids(moderator.token)).toContain(pending.id);
    const count = async (token?: string) =>
      (await lede.query(ThreadDocument, { slug: SLUG, first: 1 }, token ? { token } : {})).article!.commentCount;
    expect(await count(reader.token)).toBeGreaterThan(await count(other.token));
  });

  it("gives moderators a queue to approve from and reject into, with a history on each comment", async () => {
    const held = await post(lede, other.token, { articleId: article, body: "crypto, but a fair point" });
    const queue = await lede.query(
      ModerationQueueDocument,
      { articleId: article, first: 100 },
      { token: moderator.token },
    );
    expect(queue.moderationQueue.edges.map((e) => e.node.id)).toContain(held.id);
    expect(queue.moderationQueue.edges.every((e) => e.node.status === "PENDING")).toBe(true);
    expect(queue.moderationQueue.totalCount).toBe(queue.moderationQueue.edges.length);

    const { approveComment } = await lede.query(
      ApproveCommentDocument,
      { id: held.id, note: "fair enough" },
      { token: moderator.token },
    );
    expect(approveComment.status).toBe("VISIBLE");
    expect((await lede.query(CommentByIdDocument, { id: held.id })).comment?.status).toBe("VISIBLE");
    const { rejectComment } = await lede.query(
      RejectCommentDocument,
      { id: held.id, reason: "On reflection, spam" },
      { token: moderator.token },
    );
    expect(rejectComment.status).toBe("REJECTED");
    expect(
      rejectComment.moderation!.map((d) => [d.status, d.automatic, d.note, d.moderator?.displayName ?? null]),
    ).toEqual([
      ["PENDING", true, null, null],
      ["VISIBLE", false, "fair enough", "Desk"],
      ["REJECTED", false, "On reflection, spam", "Desk"],
    ]);
    const asAuthor = (await lede.query(CommentByIdDocument, { id: held.id }, { token: other.token })).comment!;
    expect(asAuthor.moderation!.at(-1)!.reasons).toEqual([{ rule: "MODERATOR", detail: "On reflection, spam" }]);
    const rejected = await lede.query(
      ModerationQueueDocument,
      { status: "REJECTED", first: 100 },
      { token: moderator.token },
    );
    expect(rejected.moderationQueue.edges.map((e) => e.node.id)).toContain(held.id);
  });

  it("keeps the queue and the decisions to moderators", async () => {
    const held = await post(lede, reader.token, { articleId: article, body: "crypto crypto" });
    for (const token of [undefined, reader.token, (await staff(lede, "EDITOR")).token]) {
      const options = token ? { token } : {};
      const queue = await lede.execute(ModerationQueueDocument, { first: 10 }, options);
      expectErrorCode(queue, token ? "FORBIDDEN" : "UNAUTHENTICATED", { document: ModerationQueueDocument });
      const approve = await lede.execute(ApproveCommentDocument, { id: held.id }, options);
      expectErrorCode(approve, token ? "FORBIDDEN" : "UNAUTHENTICATED", { document: ApproveCommentDocument });
    }
    const noReason = await lede.execute(
      RejectCommentDocument,
      { id: held.id, reason: " " },
      { token: moderator.token },
    );
    expectErrorCode(noReason, "BAD_USER_INPUT", { document: RejectCommentDocument });
  });

  it("holds every comment on a premoderated article", async () => {
    await lede.db.prisma.article.update({ where: { slug: SLUG }, data: { commentsPremoderated: true } });
    try {
      const comment = await post(lede, other.token, { articleId: article, body: "A perfectly nice remark" });
      expect(comment).toMatchObject({
        status: "PENDING",
        moderation: [{ reasons: [{ rule: "PREMODERATED_ARTICLE", detail: null }] }],
      });
      // staff skip the hold
      expect((await post(lede, moderator.token, { articleId: article, body: "Staff note" })).status).toBe("VISIBLE");
    } finally {
      await lede.db.prisma.article.update({ where: { slug: SLUG }, data: { commentsPremoderated: false } });
    }
  });
});

describe.skipIf(skipDatabase)("pre-moderation of new accounts", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { PREMODERATE_NEW_ACCOUNTS_HOURS: "24" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("holds comments from accounts younger than the configured age, then lets them through", async () => {
    const newcomer = await guest(lede, "Newcomer");
    const article = await articleId(lede);
    const first = await post(lede, newcomer.token, { articleId: article, body: "Hello, first time here" });
    expect(first.status).toBe("PENDING");
    expect(first.moderation![0]!.reasons[0]!.rule).toBe("NEW_ACCOUNT");
    lede.clock.advance(25 * 3_600_000);
    const later = await lede.query(
      PostCommentDocument,
      { input: { articleId: article, body: "Back a day later" } },
      { token: newcomer.token },
    );
    expect(later.postComment.status).toBe("VISIBLE");
  });
});
