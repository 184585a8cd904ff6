// The moderation console's API: flags with reasons and notes, the queues (pending, reported, rejected, approved,
// featured) narrowed and ordered, idempotent flags on held comments, bulk decisions in one transaction with an event
// each, featuring, live flags for moderators only, and the commenter's history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApproveCommentDocument,
  ApproveCommentsDocument,
  CommenterHistoryDocument,
  DeleteCommentDocument,
  FeatureCommentDocument,
  FlagCommentWithReasonDocument,
  ModerationItemsDocument,
  ModerationStreamDocument,
  RejectCommentsDocument,
  UnfeatureCommentDocument,
  CommentEventsDocument,
  type FlagReason,
  type ModerationQueue,
  type ModerationStreamSubscription,
} from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { subscribe, until, wsClient } from "./support/ws.js";

const OTHER_SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";
type Reader = { token: string; accountId: string };
const rawId = (globalId: string) => Buffer.from(globalId, "base64url").toString().split(":")[1]!;

describe.skipIf(skipDatabase)("moderation queues", () => {
  let lede: TestLede;
  let author: Reader;
  let readers: Reader[];
  let moderator: Reader;
  let article: string;
  let otherArticle: string;
  let base: string;
  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "holdme", FLAGS_TO_PENDING: "3" } });
    author = await guest(lede, "Queue author");
    readers = [await guest(lede, "Flagger one"), await guest(lede, "Flagger two"), await guest(lede, "Flagger three")];
    moderator = await staff(lede, "MODERATOR", "Desk");
    article = await articleId(lede);
    otherArticle = await articleId(lede, OTHER_SLUG);
    base = await lede.listen();
  });
  afterAll(async () => {
    await lede?.close();
  });

  const queue = (q: ModerationQueue, extra: Record<string, unknown> = {}) =>
    lede.query(ModerationItemsDocument, { queue: q, first: 50, ...extra }, { token: moderator.token });
  const ids = (result: Awaited<ReturnType<typeof queue>>) => result.moderationItems.edges.map((e) => e.node.id);
  const flag = (reader: Reader, id: string, reason: FlagReason, text?: string) =>
    lede.query(FlagCommentWithReasonDocument, { id, reason, text }, { token: reader.token });

  it("shows moderators every flag with its reason and note; the comment enters the REPORTED queue", async () => {
    const comment = await post(lede, author.token, { articleId: article, body: "You are all fools" });
    await flag(readers[0]!, comment.id, "ABUSE", "insults other readers");
    const reported = await queue("REPORTED", { authorId: author.accountId });
    const item = reported.moderationItems.edges.find((e) => e.node.id === comment.id)!.node;
    expect(item).toMatchObject({
      status: "VISIBLE",
      reported: true,
      flagCount: 1,
      flags: [{ reason: "ABUSE", note: "insults other readers", reporter: { displayName: "Flagger one" } }],
      article: { headline: expect.any(String), url: expect.stringMatching(/^https?:/) },
      author: { displayName: "Queue author" },
    });
    // readers see neither the flags nor the report
    const asReader = await lede.query(
      `query($id: ID!) { comment(id: $id) { flags { reason } reported featured } }`,
      {
        id: comment.id,
      },
      { token: readers[1]!.token },
    );
    expect(asReader).toEqual({ comment: { flags: null, reported: null, featured: false } });
  });

  it("takes a flag on an already-held comment, once, instead of answering NOT_FOUND", async () => {
    const held = await post(lede, author.token, { articleId: article, body: "holdme please" });
    expect(held.status).toBe("PENDING");
    const first = await flag(readers[0]!, held.id, "SPAM");
    expect(first.flagComment).toEqual({ id: held.id, status: "PENDING" });
    await flag(readers[0]!, held.id, "SPAM"); // again: nothing changes
    const pending = await queue("PENDING", { authorId: author.accountId });
    const item = pending.moderationItems.edges.find((e) => e.node.id === held.id)!.node;
    expect(item.flags).toEqual([{ reason: "SPAM", note: null, reporter: { displayName: "Flagger one" } }]);
    expect(item.moderation![0]!.reasons).toEqual([{ rule: "SUSPECT_WORD", detail: "holdme" }]);
    // held by flags: a later reader's flag still succeeds
    const comment = await post(lede, author.token, { articleId: article, body: "held by three flags" });
    for (const reader of readers) await flag(reader, comment.id, "ABUSE");
    const fourth = await guest(lede, "Late flagger");
    expect((await flag(fourth, comment.id, "ABUSE")).flagComment.status).toBe("PENDING");
    // rejected by a moderator after readers saw it: a reader's flag is still taken, and recorded
    const rejected = await post(lede, author.token, { articleId: article, body: "seen, then rejected" });
    await lede.query(RejectCommentsDocument, { ids: [rejected.id], reason: "off topic" }, { token: moderator.token });
    expect((await flag(readers[1]!, rejected.id, "OFF_TOPIC")).flagComment).toEqual({
      id: rejected.id,
      status: "REJECTED",
    });
    const inQueue = await queue("REJECTED", { authorId: author.accountId });
    const rejectedItem = inQueue.moderationItems.edges.find((e) => e.node.id === rejected.id)!.node;
    expect(rejectedItem.flags).toEqual([{ reason: "OFF_TOPIC", note: null, reporter: { displayName: "Flagger two" } }]);
  });

  it("narrows queues by story, section and commenter and orders them newest, oldest or most flagged", async () => {
    const commenter = await guest(lede, "Narrowed");
    const once = await post(lede, commenter.token, { articleId: article, body: "flagged once" });
    lede.clock.advance(60_000);
    const twice = await post(lede, commenter.token, { articleId: otherArticle, body: "flagged twice" });
    await flag(readers[0]!, once.id, "SPAM");
    await flag(readers[0]!, twice.id, "SPAM");
    await flag(readers[1]!, twice.id, "SPAM");
    const mine = { authorId: commenter.accountId };
    expect(ids(await queue("REPORTED", { ...mine, order: "OLDEST" }))).toEqual([once.id, twice.id]);
    expect(ids(await queue("REPORTED", { ...mine, order: "NEWEST" }))).toEqual([twice.id, once.id]);
    expect(ids(await queue("REPORTED", { ...mine, order: "MOST_FLAGGED" }))).toEqual([twice.id, once.id]);
    expect(ids(await queue("REPORTED", { ...mine, articleId: otherArticle }))).toEqual([twice.id]);
    const rows = await lede.db.prisma.comment.findMany({
      where: { id: { in: [once.id, twice.id].map(rawId) } },
      include: { article: { include: { section: true } } },
      orderBy: { createdAt: "asc" },
    });
    const section = rows[0]!.article.section!.slug;
    const inSection = ids(await queue("REPORTED", { ...mine, section }));
    expect(inSection).toContain(once.id);
    if (rows[1]!.article.section?.slug !== section) expect(inSection).not.toContain(twice.id);
    const counts = (await queue("PENDING", mine)).moderationCounts;
    expect(counts).toEqual({ pending: 0, reported: 2, rejected: 0, approved: 0, featured: 0 });
  });

  it("approving a reported comment closes its report; rejecting one unfeatures it", async () => {
    const commenter = await guest(lede, "Reviewed");
    const comment = await post(lede, commenter.token, { articleId: article, body: "a fair point, flagged" });
    await flag(readers[2]!, comment.id, "OFF_TOPIC");
    await lede.query(ApproveCommentDocument, { id: comment.id }, { token: moderator.token });
    const mine = { authorId: commenter.accountId };
    expect(ids(await queue("REPORTED", mine))).toEqual([]);
    expect(ids(await queue("APPROVED", mine))).toEqual([comment.id]);
    await lede.query(FeatureCommentDocument, { id: comment.id }, { token: moderator.token });
    expect(ids(await queue("FEATURED", mine))).toEqual([comment.id]);
    await lede.query(
      RejectCommentsDocument,
      { ids: [comment.id], reason: "on reflection, no" },
      { token: moderator.token },
    );
    const counts = (await queue("REJECTED", mine)).moderationCounts;
    expect(counts).toEqual({ pending: 0, reported: 0, rejected: 1, approved: 0, featured: 0 });
  });

  it("features and unfeatures visible comments only; everyone sees `featured` and the live event", async () => {
    const comment = await post(lede, author.token, { articleId: article, body: "a staff pick" });
    const held = await post(lede, author.token, { articleId: article, body: "holdme not a pick" });
    const featured = await lede.query(FeatureCommentDocument, { id: comment.id }, { token: moderator.token });
    expect(featured.featureComment).toEqual({ id: comment.id, featured: true });
    const refused = await lede.execute(FeatureCommentDocument, { id: held.id }, { token: moderator.token });
    expectErrorCode(refused, "FORBIDDEN", { document: FeatureCommentDocument });
    const denied = await lede.execute(FeatureCommentDocument, { id: comment.id }, { token: author.token });
    expectErrorCode(denied, "FORBIDDEN", { document: FeatureCommentDocument });
    const off = await lede.query(UnfeatureCommentDocument, { id: comment.id }, { token: moderator.token });
    expect(off.unfeatureComment.featured).toBe(false);
    const events = await lede.db.prisma.commentEvent.findMany({
      where: { commentId: rawId(comment.id), kind: "FEATURE_CHANGED" },
    });
    expect(events).toHaveLength(2);
  });

  it("decides a selection in one transaction, each decision in the moderation stream, all or none", async () => {
    const client = wsClient(base, moderator.token);
    const stream = await subscribe(lede, client, ModerationStreamDocument, {});
    try {
      const held = [];
      for (let i = 0; i < 3; i++)
        held.push(await post(lede, author.token, { articleId: article, body: `holdme ${i}` }));
      const selection = held.map((c) => c.id);
      const rejected = await lede.query(
        RejectCommentsDocument,
        { ids: selection.slice(0, 2), reason: "spam run" },
        {
          token: moderator.token,
        },
      );
      expect(rejected.rejectComments.map((c) => c.status)).toEqual(["REJECTED", "REJECTED"]);
      const changed = (r: ModerationStreamSubscription) =>
        r.moderationEvents.kind === "STATUS_CHANGED" && selection.includes(r.moderationEvents.comment.id);
      await until(() => stream.results.filter(changed).length === 2, "two decisions on the moderation stream");
      // one removed comment in the selection: nothing is decided
      await lede.query(DeleteCommentDocument, { id: selection[0]! }, { token: author.token });
      const refused = await lede.execute(
        ApproveCommentsDocument,
        { ids: [selection[2]!, selection[0]!] },
        {
          token: moderator.token,
        },
      );
      expectErrorCode(refused, "FORBIDDEN", { document: ApproveCommentsDocument });
      expect(ids(await queue("PENDING", { authorId: author.accountId }))).toContain(selection[2]);
      const approved = await lede.query(
        ApproveCommentsDocument,
        { ids: [selection[2]!], note: "fine" },
        {
          token: moderator.token,
        },
      );
      expect(approved.approveComments).toEqual([{ id: selection[2], status: "VISIBLE", reported: false }]);
      const tooMany = await lede.execute(
        RejectCommentsDocument,
        { ids: Array.from({ length: 101 }, (_, i) => Buffer.from(`Comment:x${i}`).toString("base64url")), reason: "x" },
        { token: moderator.token },
      );
      expectErrorCode(tooMany, "BAD_USER_INPUT", { document: RejectCommentsDocument });
    } finally {
      stream.dispose();
      await client.dispose();
    }
  });

  it("sends flags live to moderators, never to readers", async () => {
    const client = wsClient(base, moderator.token);
    const stream = await subscribe(lede, client, ModerationStreamDocument, {});
    const publicClient = wsClient(base);
    const publicEvents = await subscribe(lede, publicClient, CommentEventsDocument, { articleId: article });
    try {
      const comment = await post(lede, author.token, { articleId: article, body: "flag me live" });
      await flag(readers[1]!, comment.id, "ABUSE", "live");
      await until(
        () =>
          stream.results.some(
            (r) => r.moderationEvents.kind === "FLAGGED" && r.moderationEvents.comment.id === comment.id,
          ),
        "the flag on the moderation stream",
      );
      const after = await post(lede, author.token, { articleId: article, body: "a later comment" });
      await until(
        () => publicEvents.results.some((r) => JSON.stringify(r).includes(after.id)),
        "the later comment on the public stream",
      );
      expect(JSON.stringify(publicEvents.results)).not.toContain("FLAGGED");
    } finally {
      stream.dispose();
      publicEvents.dispose();
      await client.dispose();
      await publicClient.dispose();
    }
  });

  it("gives moderators the commenter's history; others get null", async () => {
    const commenter = await guest(lede, "Historied");
    const good = await post(lede, commenter.token, { articleId: article, body: "holdme one" });
    const bad = await post(lede, commenter.token, { articleId: article, body: "holdme two" });
    await lede.query(ApproveCommentsDocument, { ids: [good.id] }, { token: moderator.token });
    await lede.query(RejectCommentsDocument, { ids: [bad.id], reason: "rude" }, { token: moderator.token });
    const { node } = await lede.query(
      CommenterHistoryDocument,
      { id: commenter.accountId },
      { token: moderator.token },
    );
    expect(node).toMatchObject({
      displayName: "Historied",
      standing: { banned: false, suspendedUntil: null, warning: null },
      history: {
        accountCreatedAt: expect.any(String),
        visibleCount: 1,
        approvedCount: 1,
        pendingCount: 0,
        rejectedCount: 1,
        decisions: [
          { status: "REJECTED", note: "rude", automatic: false, comment: { id: bad.id } },
          { status: "VISIBLE", automatic: false, comment: { id: good.id } },
          { status: "PENDING", automatic: true },
          { status: "PENDING", automatic: true },
        ],
      },
    });
    const asReader = await lede.query(CommenterHistoryDocument, { id: commenter.accountId }, { token: author.token });
    expect(asReader.node).toMatchObject({ standing: null, history: null });
  });
});
