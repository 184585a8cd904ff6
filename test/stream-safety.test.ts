// What a hostile or unlucky client can do to live streams and comment writes: slow readers, forged cursors, bursts,
// races; none may crash the server, leak text, or break the rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen } from "../src/platform/pubsub.js";
import { encodeEventCursor } from "../src/services/comments/events.js";
import {
  ApproveCommentDocument,
  CommentAddedSinceDocument,
  CommentByIdDocument,
  CommentEventsDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  ModerationEventsDocument,
  RejectCommentDocument,
} from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { firstResult, rawSocket, subscribe, until, wsClient, wsClientPool } from "./support/ws.js";
import { rowId } from "./support/ids.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";

describe("the subscriber queue", () => {
  it("holds at most its limit for a reader that does not read, and never throws", async () => {
    const target = new EventTarget();
    const iterator = listen<number>(target, "t", 3);
    for (let i = 1; i <= 10; i++) target.dispatchEvent(new CustomEvent("t", { detail: i }));
    const got = [];
    for (let i = 0; i < 3; i++) got.push((await iterator.next()).value);
    expect(got).toEqual([1, 2, 3]);
    const pending = iterator.next();
    await iterator.return!();
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});

describe.skipIf(skipDatabase)("stream safety", () => {
  let lede: TestLede;
  let baseUrl: string;
  let article: string;
  let author: { token: string; accountId: string };
  let moderator: { token: string };
  const { client, disposeClients } = wsClientPool(() => baseUrl);
  beforeAll(async () => {
    lede = await startLede({
      env: { SUSPECT_WORDS: "crypto", WS_MAX_SUBSCRIPTIONS: "3", COMMENT_RATE_LIMIT_MS: "3000" },
    });
    baseUrl = await lede.listen();
    article = await articleId(lede, SLUG);
    author = await guest(lede, "Author");
    moderator = await staff(lede, "MODERATOR");
  });
  afterAll(async () => {
    await disposeClients();
    await lede?.close();
  });

  it("survives a subscriber that never reads while thousands of events are published", async () => {
    const { openCommentEventStream } = await import("../src/services/comments/events.js");
    const { createContext } = await import("../src/context.js");
    const stream = await openCommentEventStream(createContext(lede.app.deps, null, { longLived: true }), {
      articleId: rowId(article),
    });
    for (let i = 0; i < 3000; i++) {
      lede.app.deps.pubsub.publish("comment:event", rowId(article), {
        id: `x${i}`,
        articleId: rowId(article),
        seq: 1_000_000 + i,
        kind: "ADDED",
        commentId: "x",
        threadId: "x",
        authorId: "x",
        status: "PENDING",
        previousStatus: null,
        createdAt: new Date().toISOString(),
      });
    }
    await stream.return!();
    expect((await lede.fetch("/health")).status).toBe(200);
  });

  it("never sends the text of a comment the subscriber may no longer see, live or replayed", async () => {
    const outsider = await subscribe(lede, client(), CommentEventsDocument, { articleId: article });
    const comment = await post(lede, author.token, { articleId: article, body: "A fine remark" });
    await lede.query(
      EditCommentDocument,
      { input: { id: comment.id, body: "A fine remark about crypto" } },
      { token: author.token },
    );
    await until(() => outsider.results.length >= 2, "the ADDED and EDITED events");
    expect(outsider.results[1]!.commentEvents).toMatchObject({
      kind: "EDITED",
      comment: { id: comment.id, status: "PENDING", body: null },
    });
    await lede.query(RejectCommentDocument, { id: comment.id, reason: "spam" }, { token: moderator.token });
    // A cursor from the very start replays the old ADDED event: the comment comes without its text.
    const replay = await subscribe(lede, client(), CommentEventsDocument, {
      articleId: article,
      after: encodeEventCursor(rowId(article), 0),
    });
    await until(() => replay.results.some((r) => r.commentEvents.comment.id === comment.id), "the replay");
    for (const r of replay.results.filter((r) => r.commentEvents.comment.id === comment.id))
      expect(r.commentEvents.comment.body).toBeNull();
  });

  it("refuses cursors beyond the stream or out of range with BAD_USER_INPUT", async () => {
    for (const seq of [10 ** 9, 9_999_999_999]) {
      const feed = await subscribe(lede, client(), CommentEventsDocument, {
        articleId: article,
        after: encodeEventCursor(rowId(article), seq),
      });
      await until(() => feed.errors.length > 0, "an error");
      expect(JSON.stringify(feed.errors)).toMatch(/BAD_USER_INPUT/);
    }
  });

  it("holds the per-socket limit against a burst of subscribe messages", async () => {
    const { socket, messages, opened, send } = rawSocket(baseUrl);
    await opened;
    send({ type: "connection_init" });
    await until(() => messages.some((m) => m.type === "connection_ack"), "the ack");
    const before = lede.app.server.activeSocketOperations();
    const query = "subscription($a: ID!) { commentEvents(articleId: $a) { kind } }";
    for (let i = 0; i < 20; i++)
      send({ id: `s${i}`, type: "subscribe", payload: { query, variables: { a: article } } });
    await until(() => messages.filter((m) => m.type === "error").length >= 17, "the refusals");
    // The three accepted ones may still be starting: wait for them, then make sure no fourth slipped in.
    await until(() => lede.app.server.activeSocketOperations() - before >= 3, "three subscriptions");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(lede.app.server.activeSocketOperations() - before).toBe(3);
    socket.close();
  });

  it("delivers an approved held comment on the simple commentAdded feed, once", async () => {
    const outsider = await subscribe(lede, client(), CommentAddedSinceDocument, { articleId: article });
    const held = await post(lede, (await guest(lede, "Held")).token, { articleId: article, body: "crypto but fair" });
    await lede.query(ApproveCommentDocument, { id: held.id }, { token: moderator.token });
    await until(() => outsider.results.length > 0, "the approval");
    expect(outsider.results.map((r) => r.commentAdded.id)).toEqual([held.id]);
  });

  it("ends a moderationEvents subscription at once when the client completes it", async () => {
    const before = lede.app.server.activeSocketOperations();
    const feed = await subscribe(lede, client(moderator.token), ModerationEventsDocument, {});
    feed.dispose();
    await until(() => lede.app.server.activeSocketOperations() === before, "the subscription to end", 2000);
  });

  it("answers concurrent retries of one post with its first comment, also under the rate limit", async () => {
    const reader = await guest(lede, "Retrier");
    const input = { articleId: article, body: "Only once", clientMutationId: "retry-1" };
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        lede.execute(
          `mutation($i: PostCommentInput!) { postComment(input: $i) { id } }`,
          { i: input },
          { token: reader.token },
        ),
      ),
    );
    const ids = results.map((r) => (r.data as { postComment?: { id: string } } | null)?.postComment?.id);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(ids).size).toBe(1);
  });

  it("keeps a deleted held comment out of the thread, and the moderator's name from the author", async () => {
    const writer = await guest(lede, "Deleter");
    const held = await post(lede, writer.token, { articleId: article, body: "crypto secret" });
    await lede.query(DeleteCommentDocument, { id: held.id }, { token: writer.token });
    expect((await lede.query(CommentByIdDocument, { id: held.id })).comment).toBeNull();
    const other = await guest(lede, "Rejected");
    const visible = await post(lede, other.token, { articleId: article, body: "plain words" });
    await lede.query(RejectCommentDocument, { id: visible.id, reason: "nope" }, { token: moderator.token });
    const asModerator = (await lede.query(CommentByIdDocument, { id: visible.id }, { token: moderator.token }))
      .comment!;
    expect(asModerator.moderation!.at(-1)!.moderator).not.toBeNull();
    const asAuthor = (await lede.query(CommentByIdDocument, { id: visible.id }, { token: other.token })).comment!;
    expect(asAuthor.moderation!.at(-1)).toMatchObject({ status: "REJECTED", note: "nope", moderator: null });
  });
});

describe.skipIf(skipDatabase)("concurrent comment actions", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("never answers a race with an error, and never brings a deleted comment back", async () => {
    const article = await articleId(lede, SLUG);
    const author = await guest(lede, "Racer");
    const fan = await guest(lede, "Fan");
    const moderator = await staff(lede, "MODERATOR");
    for (let round = 0; round < 8; round++) {
      const comment = await post(lede, author.token, { articleId: article, body: `race ${round}` });
      await lede.query(
        `mutation($id: ID!) { reactToComment(commentId: $id, kind: LIKE) { id } }`,
        { id: comment.id },
        { token: fan.token },
      );
      const removals = await Promise.all(
        [1, 2, 3].map(() =>
          lede.execute(
            `mutation($id: ID!) { removeReaction(commentId: $id, kind: LIKE) { reactionCount } }`,
            { id: comment.id },
            { token: fan.token },
          ),
        ),
      );
      expect(removals.flatMap((r) => r.errors ?? [])).toEqual([]);
      const flags = await Promise.all(
        [1, 2].map(() =>
          lede.execute(
            `mutation($id: ID!) { flagComment(id: $id, reason: SPAM) { id } }`,
            { id: comment.id },
            { token: fan.token },
          ),
        ),
      );
      expect(flags.flatMap((r) => r.errors ?? [])).toEqual([]);
      await lede.query(RejectCommentDocument, { id: comment.id, reason: "hold" }, { token: moderator.token });
      const [approve, remove] = await Promise.all([
        lede.execute(ApproveCommentDocument, { id: comment.id }, { token: moderator.token }),
        lede.execute(DeleteCommentDocument, { id: comment.id }, { token: author.token }),
      ]);
      expect(remove.errors).toBeUndefined();
      void approve; // either order is fine; what matters is the end state
      const row = await lede.db.prisma.comment.findUniqueOrThrow({ where: { id: rowId(comment.id) } });
      const approvedAfterDelete = approve.errors === undefined && row.status === "VISIBLE";
      expect(approvedAfterDelete ? "approved a deleted comment" : row.status).toBe("REMOVED");
    }
  });
});

describe.skipIf(skipDatabase)("rate limits that cannot be side-stepped", () => {
  it("counts anonymous operations over WebSockets and requests with bogus tokens", async () => {
    const lede = await startLede({ env: { ANON_RATE_LIMIT: "3" } });
    try {
      const baseUrl = await lede.listen();
      const c = wsClient(baseUrl);
      const outcomes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const result = await firstResult(c, { query: "{ __typename }" });
        outcomes.push(JSON.stringify(result).includes("RATE_LIMITED") ? "limited" : "ok");
      }
      expect(outcomes.filter((o) => o === "limited").length).toBeGreaterThanOrEqual(2);
      await c.dispose();
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer lede_bogus" },
          body: JSON.stringify({ query: "{ __typename }" }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toContain(429);
    } finally {
      await lede.close();
    }
  });

  it("costs a connection size given as a variable's default", async () => {
    const lede = await startLede();
    try {
      const query =
        "query($n: Int = 100) { articles(first: $n) { edges { node { comments(first: $n) { edges { node { replies(first: $n) { edges { node { id } } } } } } } } } }";
      expectErrorCode(await lede.execute(query, {}), "LIMIT_EXCEEDED", { document: query });
    } finally {
      await lede.close();
    }
  });
});
