// Live streams: every kind of comment event, resume from a cursor with no gap and no duplicate, visibility per
// subscriber, thread filters, the moderators' stream, Server-Sent Events, and the graphql-ws limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApproveCommentDocument,
  CommentAddedSinceDocument,
  CommentEventsDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  ModerationEventsDocument,
  ReactToCommentDocument,
  type CommentEventsSubscription,
} from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { rawSocket, subscribe, until, wsClientPool, type Collector } from "./support/ws.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";
type Events = Collector<CommentEventsSubscription>;
const kinds = (feed: Events) => feed.results.map((r) => r.commentEvents.kind);

describe.skipIf(skipDatabase)("comment streams", () => {
  let lede: TestLede;
  let baseUrl: string;
  let article: string;
  let reader: { token: string; accountId: string };
  const { client, disposeClients } = wsClientPool(() => baseUrl);
  beforeAll(async () => {
    lede = await startLede({ env: { SUSPECT_WORDS: "crypto", WS_MAX_SUBSCRIPTIONS: "3", WS_INIT_TIMEOUT_MS: "300" } });
    baseUrl = await lede.listen();
    article = await articleId(lede, SLUG);
    reader = await guest(lede, "Streamer");
  });
  afterAll(async () => {
    await disposeClients();
    await lede?.close();
  });

  it("streams ADDED, EDITED, REACTIONS_CHANGED and REMOVED with increasing sequences and cursors", async () => {
    const feed = await subscribe(lede, client(), CommentEventsDocument, { articleId: article });
    const comment = await post(lede, reader.token, { articleId: article, body: "Watch me change" });
    await lede.query(
      EditCommentDocument,
      { input: { id: comment.id, body: "Watch me change!" } },
      { token: reader.token },
    );
    const fan = await guest(lede, "Fan");
    await lede.query(ReactToCommentDocument, { commentId: comment.id, kind: "FUNNY" }, { token: fan.token });
    await lede.query(DeleteCommentDocument, { id: comment.id }, { token: reader.token });
    await until(() => feed.results.length >= 4, "four events");
    expect(kinds(feed)).toEqual(["ADDED", "EDITED", "REACTIONS_CHANGED", "REMOVED"]);
    const sequences = feed.results.map((r) => r.commentEvents.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(feed.results.map((r) => r.commentEvents.cursor)).size).toBe(4);
    expect(feed.results.every((r) => r.commentEvents.comment.id === comment.id)).toBe(true);
    feed.dispose();
  });

  it("resumes after a disconnect: 50 comments posted meanwhile arrive exactly once, in order, then live again", async () => {
    const first = await subscribe(lede, client(), CommentEventsDocument, { articleId: article });
    await post(lede, reader.token, { articleId: article, body: "before the drop" });
    await until(() => first.results.length === 1, "the first event");
    const cursor = first.results[0]!.commentEvents.cursor;
    first.dispose();
    await until(() => lede.app.server.activeSocketOperations() === 0, "the subscription to end");

    const missed: string[] = [];
    for (let i = 0; i < 50; i++)
      missed.push((await post(lede, reader.token, { articleId: article, body: `while away ${i}` })).id);
    const resumed = await subscribe(lede, client(), CommentEventsDocument, { articleId: article, after: cursor });
    await until(() => resumed.results.length >= 50, "the replay", 10_000);
    const live = await post(lede, reader.token, { articleId: article, body: "after the return" });
    await until(() => resumed.results.length >= 51, "the live event");
    await new Promise((r) => setTimeout(r, 100));
    const ids = resumed.results.map((r) => r.commentEvents.comment.id);
    expect(ids).toEqual([...missed, live.id]);
    const sequences = resumed.results.map((r) => r.commentEvents.sequence);
    expect(sequences).toEqual(Array.from({ length: 51 }, (_, i) => sequences[0]! + i));
    resumed.dispose();
  });

  it("resumes the simple commentAdded feed with after too", async () => {
    const feed = await subscribe(lede, client(), CommentEventsDocument, { articleId: article });
    const c1 = await post(lede, reader.token, { articleId: article, body: "one" });
    await until(() => feed.results.length === 1, "an event");
    const cursor = feed.results[0]!.commentEvents.cursor;
    feed.dispose();
    const c2 = await post(lede, reader.token, { articleId: article, body: "two" });
    await lede.query(
      ReactToCommentDocument,
      { commentId: c1.id, kind: "LIKE" },
      { token: (await guest(lede, "x")).token },
    );
    const c3 = await post(lede, reader.token, { articleId: article, body: "three" });
    const added = await subscribe(lede, client(), CommentAddedSinceDocument, { articleId: article, after: cursor });
    await until(() => added.results.length >= 2, "the replay");
    expect(added.results.map((r) => r.commentAdded.id)).toEqual([c2.id, c3.id]);
  });

  it("broadcasts a pending comment to its author and moderators only, and its approval to everyone", async () => {
    const moderator = await staff(lede, "MODERATOR");
    const outsider = await subscribe(lede, client(), CommentEventsDocument, { articleId: article });
    const author = await subscribe(lede, client(reader.token), CommentEventsDocument, { articleId: article });
    const desk = await subscribe(lede, client(moderator.token), CommentEventsDocument, { articleId: article });
    const queue = await subscribe(lede, client(moderator.token), ModerationEventsDocument, {});
    const held = await post(lede, reader.token, { articleId: article, body: "crypto tips inside" });
    await until(
      () => author.results.length === 1 && desk.results.length === 1 && queue.results.length === 1,
      "the pending event",
    );
    expect(outsider.results).toEqual([]);
    expect(queue.results[0]!.moderationEvents).toMatchObject({
      kind: "ADDED",
      comment: { id: held.id, status: "PENDING" },
    });
    await lede.query(ApproveCommentDocument, { id: held.id }, { token: moderator.token });
    await until(() => outsider.results.length === 1, "the approval");
    expect(outsider.results[0]!.commentEvents).toMatchObject({
      kind: "STATUS_CHANGED",
      comment: { id: held.id, status: "VISIBLE" },
    });
    await until(() => author.results.length === 2 && desk.results.length === 2, "the approval for the others");
  });

  it("follows one thread when asked", async () => {
    const root = await post(lede, reader.token, { articleId: article, body: "thread root" });
    const elsewhere = await post(lede, reader.token, { articleId: article, body: "another thread" });
    const thread = await subscribe(lede, client(), CommentEventsDocument, { articleId: article, threadId: root.id });
    const reply = await post(lede, reader.token, { articleId: article, body: "in the thread", parentId: root.id });
    await post(lede, reader.token, { articleId: article, body: "not in it", parentId: elsewhere.id });
    const deeper = await post(lede, reader.token, { articleId: article, body: "deeper", parentId: reply.id });
    await until(() => thread.results.length >= 2, "thread events");
    await new Promise((r) => setTimeout(r, 100));
    expect(thread.results.map((r) => r.commentEvents.comment.id)).toEqual([reply.id, deeper.id]);
  });

  it("refuses moderationEvents to readers, and cursors of another article", async () => {
    const denied = await subscribe(lede, client(reader.token), ModerationEventsDocument, {});
    await until(() => denied.errors.length > 0, "an error");
    expect(JSON.stringify(denied.errors)).toMatch(/FORBIDDEN/);
    const feed = await subscribe(lede, client(), CommentEventsDocument, { articleId: article });
    await post(lede, reader.token, { articleId: article, body: "for a cursor" });
    await until(() => feed.results.length > 0, "an event");
    const foreign = await subscribe(lede, client(), CommentEventsDocument, {
      articleId: await articleId(lede),
      after: feed.results[0]!.commentEvents.cursor,
    });
    await until(() => foreign.errors.length > 0, "an error");
    expect(JSON.stringify(foreign.errors)).toMatch(/BAD_USER_INPUT/);
  });

  it("serves the same stream over Server-Sent Events to a plain HTTP client", async () => {
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: "subscription($a: ID!) { commentEvents(articleId: $a) { kind sequence comment { body } } }",
        variables: { a: article },
      }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader_ = response.body!.getReader();
    let text = "";
    const read = (async () => {
      for (;;) {
        const { value, done } = await reader_.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })().catch(() => {});
    await new Promise((r) => setTimeout(r, 200)); // no handshake to wait on with SSE: give the server a moment
    await post(lede, reader.token, { articleId: article, body: "over SSE" });
    await until(() => text.includes("over SSE"), "the event over SSE");
    const data = text.split("\n").find((line) => line.startsWith("data:") && line.includes("over SSE"))!;
    expect(JSON.parse(data.slice(5))).toMatchObject({
      data: { commentEvents: { kind: "ADDED", comment: { body: "over SSE" } } },
    });
    controller.abort();
    await read;
  });

  it("enforces the graphql-ws limits: init timeout, subscriptions per connection, frame size; and pings", async () => {
    const silent = rawSocket(baseUrl);
    expect(await silent.closed).toBe(4408);

    const c = client();
    const feeds = [] as Events[];
    for (let i = 0; i < 3; i++) feeds.push(await subscribe(lede, c, CommentEventsDocument, { articleId: article }));
    const fourth = await subscribe(lede, c, CommentEventsDocument, { articleId: article });
    await until(() => fourth.errors.length > 0, "the fourth to be refused");
    expect(JSON.stringify(fourth.errors)).toMatch(/LIMIT_EXCEEDED/);
    feeds[0]!.dispose();
    await until(async () => {
      const again = await subscribe(lede, c, CommentEventsDocument, { articleId: article });
      return again.errors.length === 0;
    }, "a free slot");

    // The oversized frame comes after the handshake, so that a slow machine cannot let the 300 ms init timeout
    // close the socket first.
    const big = rawSocket(baseUrl);
    await big.opened;
    big.send({ type: "connection_init" });
    await until(() => big.messages.length > 0, "the server's first message");
    expect(big.messages[0]).toMatchObject({ type: "connection_ack" });
    big.send({
      id: "1",
      type: "subscribe",
      payload: { query: `{ __typename }`, padding: "x".repeat(1024 * 1024 + 10) },
    });
    expect(await big.closed).toBe(1009);
  });
});

describe.skipIf(skipDatabase)("keep-alive", () => {
  it("pings idle sockets", async () => {
    const lede = await startLede({ env: { WS_KEEPALIVE_MS: "100" } });
    try {
      const { socket, opened, send } = rawSocket(await lede.listen());
      const pinged = new Promise<void>((resolve) => socket.on("ping", () => resolve()));
      await opened;
      send({ type: "connection_init" });
      await pinged;
      socket.close();
    } finally {
      await lede.close();
    }
  });
});
