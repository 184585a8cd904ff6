// What readers do with comments: threads of any depth, ordering, editing in a window, soft deletion, reactions,
// flags, markup stripping, the per-account rate limit and idempotent retries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CommentByIdDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  FlagCommentDocument,
  PostCommentDocument,
  ReactToCommentDocument,
  RemoveReactionDocument,
  ThreadDocument,
} from "./generated/graphql.js";
import { articleId, guest, post, REFERENCE_SLUG } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { rowId } from "./support/ids.js";

const OTHER_SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";

describe.skipIf(skipDatabase)("comment actions", () => {
  let lede: TestLede;
  let alice: { token: string; accountId: string };
  let bob: { token: string; accountId: string };
  let article: string;
  beforeAll(async () => {
    lede = await startLede({ env: { FLAGS_TO_PENDING: "2", COMMENT_EDIT_WINDOW_MINUTES: "15" } });
    alice = await guest(lede, "Alice");
    bob = await guest(lede, "Bob");
    article = await articleId(lede, OTHER_SLUG);
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("nests replies to any depth, counts them, and orders threads four ways", async () => {
    const a = await post(lede, alice.token, { articleId: article, body: "Thread A" });
    let parent = a;
    for (let depth = 1; depth <= 6; depth++) {
      parent = await post(lede, depth % 2 ? bob.token : alice.token, {
        articleId: article,
        body: `depth ${depth}`,
        parentId: parent.id,
      });
      expect(parent.depth).toBe(depth);
    }
    const b = await post(lede, bob.token, { articleId: article, body: "Thread B" });
    await post(lede, alice.token, { articleId: article, body: "reply 1 to B", parentId: b.id });
    await post(lede, alice.token, { articleId: article, body: "reply 2 to B", parentId: b.id });
    await lede.query(ReactToCommentDocument, { commentId: a.id, kind: "LIKE" }, { token: bob.token });

    const order = async (orderBy: "NEWEST" | "OLDEST" | "MOST_REPLIES" | "MOST_REACTIONS") =>
      (await lede.query(ThreadDocument, { slug: OTHER_SLUG, orderBy, first: 50 })).article!.comments.edges.map(
        (e) => e.node,
      );
    const newest = await order("NEWEST");
    expect(newest.every((c) => c.depth === 0)).toBe(true);
    expect(newest.map((c) => c.sequence)).toEqual([...newest.map((c) => c.sequence)].sort((x, y) => y - x));
    const oldest = await order("OLDEST");
    expect(oldest.map((c) => c.id)).toEqual([...newest].reverse().map((c) => c.id));
    expect((await order("MOST_REPLIES"))[0]!.id).toBe(b.id);
    expect((await order("MOST_REACTIONS"))[0]!.id).toBe(a.id);
    const threadB = newest.find((c) => c.id === b.id)!;
    expect(threadB.replyCount).toBe(2);
    expect(threadB.replies.edges.map((e) => e.node.body)).toEqual(["reply 1 to B", "reply 2 to B"]);
    const { comment } = await lede.query(CommentByIdDocument, { id: parent.id });
    expect(comment!.threadId).toBe(a.id);
  });

  it("lets the author edit within the window, keeping earlier versions; others may not", async () => {
    const original = await post(lede, alice.token, { articleId: article, body: "Frist draft" });
    lede.clock.advance(60_000);
    const { editComment } = await lede.query(
      EditCommentDocument,
      { input: { id: original.id, body: "First draft" } },
      { token: alice.token },
    );
    expect(editComment).toMatchObject({ body: "First draft", editedAt: lede.clock.now().toISOString() });
    expect(editComment.revisions).toEqual([{ body: "Frist draft", writtenAt: original.createdAt }]);
    // a reader who is not the author sees neither the revisions nor the edit window
    const seenByBob = (await lede.query(CommentByIdDocument, { id: original.id }, { token: bob.token })).comment!;
    expect(seenByBob).toMatchObject({ body: "First draft", revisions: null, editableUntil: null, moderation: null });
    const byBob = await lede.execute(
      EditCommentDocument,
      { input: { id: original.id, body: "hijack" } },
      { token: bob.token },
    );
    expectErrorCode(byBob, "FORBIDDEN", { document: EditCommentDocument });
    lede.clock.advance(15 * 60_000);
    const late = await lede.execute(
      EditCommentDocument,
      { input: { id: original.id, body: "Too late" } },
      { token: alice.token },
    );
    expectErrorCode(late, "FORBIDDEN", { document: EditCommentDocument });
    expect(late.errors![0]!.message).toMatch(/until/);
    const empty = await lede.execute(
      EditCommentDocument,
      { input: { id: original.id, body: "  " } },
      { token: alice.token },
    );
    expectErrorCode(empty, "BAD_USER_INPUT", { document: EditCommentDocument });
  });

  it("soft-deletes: the thread keeps its shape and shows the comment as removed", async () => {
    const top = await post(lede, alice.token, { articleId: article, body: "I will regret this" });
    const reply = await post(lede, bob.token, { articleId: article, body: "A reply that stays", parentId: top.id });
    const notMine = await lede.execute(DeleteCommentDocument, { id: top.id }, { token: bob.token });
    expectErrorCode(notMine, "FORBIDDEN", { document: DeleteCommentDocument });
    const { deleteComment } = await lede.query(DeleteCommentDocument, { id: top.id }, { token: alice.token });
    expect(deleteComment).toMatchObject({ removed: true, status: "REMOVED", body: null });
    const thread = (await lede.query(ThreadDocument, { slug: OTHER_SLUG, first: 50 })).article!;
    const shown = thread.comments.edges.find((e) => e.node.id === top.id)!.node;
    expect(shown).toMatchObject({ removed: true, body: null });
    expect(shown.replies.edges.map((e) => e.node.id)).toEqual([reply.id]);
    // deleting again changes nothing; replying to a removed comment is refused
    expect(
      (await lede.query(DeleteCommentDocument, { id: top.id }, { token: alice.token })).deleteComment.removed,
    ).toBe(true);
    const replyToRemoved = await lede.execute(
      PostCommentDocument,
      { input: { articleId: article, body: "hello?", parentId: top.id } },
      { token: bob.token },
    );
    expectErrorCode(replyToRemoved, "BAD_USER_INPUT", { document: PostCommentDocument });
  });

  it("counts one reaction of each kind per account, and takes them back", async () => {
    const target = await post(lede, alice.token, { articleId: article, body: "React to me" });
    await lede.query(ReactToCommentDocument, { commentId: target.id, kind: "LIKE" }, { token: bob.token });
    await lede.query(ReactToCommentDocument, { commentId: target.id, kind: "LIKE" }, { token: bob.token });
    await lede.query(ReactToCommentDocument, { commentId: target.id, kind: "INSIGHTFUL" }, { token: bob.token });
    const { reactToComment } = await lede.query(
      ReactToCommentDocument,
      { commentId: target.id, kind: "LIKE" },
      { token: alice.token },
    );
    expect(reactToComment.reactionCount).toBe(3);
    expect(reactToComment.reactions).toEqual([
      { kind: "LIKE", count: 2 },
      { kind: "INSIGHTFUL", count: 1 },
    ]);
    expect(reactToComment.viewerReactions).toEqual(["LIKE"]);
    const { removeReaction } = await lede.query(
      RemoveReactionDocument,
      { commentId: target.id, kind: "LIKE" },
      { token: bob.token },
    );
    expect(removeReaction).toMatchObject({ reactionCount: 2, viewerReactions: ["INSIGHTFUL"] });
    await lede.query(RemoveReactionDocument, { commentId: target.id, kind: "LIKE" }, { token: bob.token });
    expect(
      await lede.db.prisma.reaction.count({
        where: { comment: { id: rowId(target.id) } },
      }),
    ).toBe(2);
  });

  it("accumulates flags, one per reader, and holds a comment for review at the threshold", async () => {
    const target = await post(lede, alice.token, { articleId: article, body: "Controversial take" });
    const own = await lede.execute(FlagCommentDocument, { id: target.id, reason: "SPAM" }, { token: alice.token });
    expectErrorCode(own, "FORBIDDEN", { document: FlagCommentDocument });
    const otherNeedsText = await lede.execute(
      FlagCommentDocument,
      { id: target.id, reason: "OTHER" },
      { token: bob.token },
    );
    expectErrorCode(otherNeedsText, "BAD_USER_INPUT", { document: FlagCommentDocument });
    await lede.query(FlagCommentDocument, { id: target.id, reason: "ABUSE" }, { token: bob.token });
    await lede.query(FlagCommentDocument, { id: target.id, reason: "ABUSE" }, { token: bob.token }); // again: no change
    let status = (await lede.query(CommentByIdDocument, { id: target.id })).comment!.status;
    expect(status).toBe("VISIBLE");
    const carol = await guest(lede, "Carol");
    await lede.query(
      FlagCommentDocument,
      { id: target.id, reason: "MISINFORMATION", text: "wrong dates" },
      { token: carol.token },
    );
    expect((await lede.query(CommentByIdDocument, { id: target.id })).comment).toBeNull(); // held: readers no longer see it
    const seenByAuthor = (await lede.query(CommentByIdDocument, { id: target.id }, { token: alice.token })).comment!;
    expect(seenByAuthor.status).toBe("PENDING");
    expect(seenByAuthor.moderation).toEqual([
      expect.objectContaining({ status: "PENDING", automatic: true, reasons: [{ rule: "FLAGS", detail: "2 flags" }] }),
    ]);
    status = seenByAuthor.status;
    expect(status).toBe("PENDING");
    // a reader who saw it before it was held flags it too: the flag is taken (not NOT_FOUND), its text stays hidden
    const dave = await guest(lede, "Dave");
    const late = await lede.query(FlagCommentDocument, { id: target.id, reason: "ABUSE" }, { token: dave.token });
    expect(late.flagComment).toMatchObject({ id: target.id, status: "PENDING", body: null });
    expect(await lede.db.prisma.flag.count({ where: { commentId: rowId(target.id) } })).toBe(3);
  });

  it("strips markup so that nothing executable is stored or returned", async () => {
    const hostile = [
      `<script>alert("x")</script>Nice article`,
      `<img src=x onerror="alert(1)">Nice article`,
      `<a href="javascript:alert(1)">Nice</a> article`,
      `<style>body{display:none}</style>Nice <b>article</b>`,
      `Nice <iframe src="https://evil.example"></iframe>article`,
    ];
    for (const body of hostile) {
      const comment = await post(lede, alice.token, { articleId: article, body });
      expect(comment.body).not.toMatch(/<|>|script|onerror|javascript:|iframe|style/i);
      expect(comment.body).toMatch(/^Nice\s*article$/);
    }
    expect(await lede.db.prisma.comment.count({ where: { body: { contains: "<" } } })).toBe(0);
    const onlyScript = await lede.execute(
      PostCommentDocument,
      { input: { articleId: article, body: "<script>alert(1)</script>" } },
      { token: alice.token },
    );
    expectErrorCode(onlyScript, "BAD_USER_INPUT", { document: PostCommentDocument });
    const plainComparison = await post(lede, alice.token, { articleId: article, body: "3 < 5 & 7 > 6" });
    expect(plainComparison.body).toBe("3 < 5 & 7 > 6");
  });

  it("returns the first comment when a post is retried with the same clientMutationId", async () => {
    const input = { articleId: article, body: "Posted once, retried thrice", clientMutationId: "widget-7f3a" };
    const before = await lede.db.prisma.comment.count();
    const results = await Promise.all([1, 2, 3].map(() => post(lede, bob.token, input)));
    const again = await post(lede, bob.token, input);
    expect(new Set([...results, again].map((c) => c.id)).size).toBe(1);
    expect(await lede.db.prisma.comment.count()).toBe(before + 1);
    const reused = await lede.execute(
      PostCommentDocument,
      { input: { ...input, body: "Something else" } },
      { token: bob.token },
    );
    expectErrorCode(reused, "CONFLICT", { document: PostCommentDocument });
    // another account's identical id is its own
    expect((await post(lede, alice.token, input)).id).not.toBe(again.id);
  });
});

describe.skipIf(skipDatabase)("comment rate limit", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { COMMENT_RATE_LIMIT_MS: "3000" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("refuses a second comment within 3 s with RATE_LIMITED and a retry-after, and writes nothing", async () => {
    const reader = await guest(lede, "Fast Typist");
    const article = await articleId(lede, REFERENCE_SLUG);
    await post(lede, reader.token, { articleId: article, body: "one" });
    lede.clock.advance(1000);
    const before = await lede.db.prisma.comment.count();
    const second = await lede.execute(
      PostCommentDocument,
      { input: { articleId: article, body: "two" } },
      { token: reader.token },
    );
    expectErrorCode(second, "RATE_LIMITED", { document: PostCommentDocument });
    expect(second.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfter: 2 });
    expect(await lede.db.prisma.comment.count()).toBe(before);
    // other readers are not held back
    const other = await guest(lede, "Someone Else");
    await post(lede, other.token, { articleId: article, body: "mine" });
    lede.clock.advance(2000);
    expect((await post(lede, reader.token, { articleId: article, body: "three" })).body).toBe("three");
    // a burst from one account lets exactly one through
    lede.clock.advance(5000);
    const burst = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        lede.execute(
          PostCommentDocument,
          { input: { articleId: article, body: `burst ${n}` } },
          { token: reader.token },
        ),
      ),
    );
    expect(burst.filter((r) => !r.errors).length).toBe(1);
    expect(burst.filter((r) => r.errors?.[0]?.extensions?.code === "RATE_LIMITED").length).toBe(3);
  });
});
