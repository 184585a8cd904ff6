// Posting comments over HTTP: guest sessions, threads, validation that writes nothing, per-article sequences.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ArticleCommentsDocument,
  PostCommentDocument,
  StartGuestSessionDocument,
  ViewerDocument,
} from "./generated/graphql.js";
import { encodeGlobalId } from "../src/global-id.js";
import { articleId, CLOSED_SLUG, guest, post, REFERENCE_SLUG } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("comments", () => {
  let lede: TestLede;
  let reader: { token: string; accountId: string };
  let reference: string;
  beforeAll(async () => {
    lede = await startLede();
    reader = await guest(lede, "  Ingrid   from Tromsø ");
    reference = await articleId(lede);
  });
  afterAll(async () => {
    await lede?.close();
  });

  const commentRows = () => lede.db.prisma.comment.count();

  it("starts a guest session whose token identifies a new READER", async () => {
    const { viewer } = await lede.query(ViewerDocument, {}, { token: reader.token });
    expect(viewer).toEqual({ id: reader.accountId, displayName: "Ingrid from Tromsø", role: "READER" });
    expect(await lede.query(ViewerDocument, {})).toEqual({ viewer: null });
    const stored = await lede.db.prisma.apiToken.findFirstOrThrow({
      where: { account: { displayName: "Ingrid from Tromsø" } },
    });
    expect(stored.tokenHash).not.toContain(reader.token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("rejects blank or oversized display names", async () => {
    for (const displayName of ["", "   ", "x".repeat(51), "bell\u0007"]) {
      const result = await lede.execute(StartGuestSessionDocument, { displayName });
      expectErrorCode(result, "BAD_USER_INPUT", { document: StartGuestSessionDocument, variables: { displayName } });
    }
  });

  it("posts a comment and a reply, with depth, parent and the injected clock and ids", async () => {
    const comment = await post(lede, reader.token, { articleId: reference, body: "  A first comment.  " });
    expect(comment).toMatchObject({
      body: "A first comment.",
      status: "VISIBLE",
      depth: 0,
      createdAt: lede.clock.now().toISOString(),
      author: { id: reader.accountId, displayName: "Ingrid from Tromsø" },
      article: { id: reference },
      parent: null,
    });
    expect(Buffer.from(comment.id, "base64url").toString()).toMatch(/^Comment:t-\d{6}$/);
    const reply = await post(lede, reader.token, { articleId: reference, body: "And a reply.", parentId: comment.id });
    expect(reply).toMatchObject({ depth: 1, parent: { id: comment.id } });
    expect(reply.sequence).toBe(comment.sequence + 1);
    const replyToReply = await post(lede, reader.token, { articleId: reference, body: "Deeper.", parentId: reply.id });
    expect(replyToReply.depth).toBe(2);

    const { article } = await lede.query(ArticleCommentsDocument, { slug: REFERENCE_SLUG, first: 100 });
    const top = article!.comments.edges.map((e) => e.node);
    expect(top[0]!.id).toBe(comment.id); // newest first
    expect(top.every((c) => c.depth === 0)).toBe(true);
    expect(top[0]!.replyCount).toBe(1);
    expect(top[0]!.replies.edges[0]!.node.replies.edges[0]!.node.id).toBe(replyToReply.id);
    expect(article!.commentCount).toBe(
      top.reduce((n, c) => n + 1 + c.replies.edges.reduce((m, r) => m + 1 + r.node.replies.edges.length, 0), 0),
    );
  });

  it("rejects bad input with a code and writes nothing", async () => {
    const before = await commentRows();
    const sequencesBefore = await lede.db.prisma.article.findMany({
      select: { slug: true, lastCommentSeq: true, lastEventSeq: true },
      orderBy: { slug: "asc" },
    });
    const otherArticle = await articleId(lede, "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back");
    const foreign = await lede.db.prisma.comment.findFirstOrThrow({ where: { article: { slug: CLOSED_SLUG } } });
    const cases: [string, Record<string, unknown>, string][] = [
      ["empty body", { articleId: reference, body: "" }, "BAD_USER_INPUT"],
      ["whitespace body", { articleId: reference, body: " \n\t " }, "BAD_USER_INPUT"],
      ["oversized body", { articleId: reference, body: "x".repeat(5001) }, "BAD_USER_INPUT"],
      ["control characters", { articleId: reference, body: "hi\u0000there" }, "BAD_USER_INPUT"],
      ["unknown article", { articleId: encodeGlobalId("Article", "missing"), body: "hello" }, "NOT_FOUND"],
      ["malformed article id", { articleId: "???", body: "hello" }, "BAD_USER_INPUT"],
      ["a person's id as article", { articleId: encodeGlobalId("Person", "x"), body: "hello" }, "BAD_USER_INPUT"],
      [
        "unknown parent",
        { articleId: reference, body: "hi", parentId: encodeGlobalId("Comment", "nope") },
        "NOT_FOUND",
      ],
      [
        "reply to a comment of another article",
        { articleId: otherArticle, body: "hi", parentId: encodeGlobalId("Comment", foreign.id) },
        "BAD_USER_INPUT",
      ],
      ["comments closed", { articleId: await articleId(lede, CLOSED_SLUG), body: "late" }, "FORBIDDEN"],
    ];
    for (const [name, input, code] of cases) {
      const result = await lede.execute(PostCommentDocument, { input } as never, { token: reader.token });
      expectErrorCode(result, code, { document: PostCommentDocument, variables: { case: name, input } });
      expect(result.data, name).toBeNull();
    }
    expect(await commentRows()).toBe(before);
    const sequences = await lede.db.prisma.article.findMany({
      select: { slug: true, lastCommentSeq: true, lastEventSeq: true },
      orderBy: { slug: "asc" },
    });
    expect(sequences).toEqual(sequencesBefore);
  });

  it("asks for a session before posting, and refuses unknown tokens with 401", async () => {
    const input = { articleId: reference, body: "anonymous" };
    expectErrorCode(await lede.execute(PostCommentDocument, { input }), "UNAUTHENTICATED", {
      document: PostCommentDocument,
    });
    const response = await lede.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer lede_not-a-real-token" },
      body: JSON.stringify({ query: "{ viewer { id } }" }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("hands out unique, strictly increasing sequence numbers under concurrent posts", async () => {
    const readers = await Promise.all([1, 2, 3, 4].map((n) => guest(lede, `Concurrent ${n}`)));
    const posts = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        post(lede, readers[i % readers.length]!.token, { articleId: reference, body: `burst ${i}` }),
      ),
    );
    const sequences = posts.map((p) => p.sequence);
    expect(new Set(sequences).size).toBe(posts.length);
    const rows = await lede.db.prisma.comment.findMany({
      where: { article: { slug: REFERENCE_SLUG } },
      orderBy: { seq: "asc" },
    });
    const seqs = rows.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    const article = await lede.db.prisma.article.findUniqueOrThrow({ where: { slug: REFERENCE_SLUG } });
    expect(article.lastCommentSeq).toBe(seqs.length);
  });
});
