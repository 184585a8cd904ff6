// Live blogs, live: liveBlogEvents over a real graphql-ws client on a real port and over SSE — posts, edits, pins and
// withdrawals as events, replay after a cursor with no gap and no duplicate, drafts never streamed — and two
// instances over Redis (PostgreSQL), where every subscriber on either hears every change once, in order, and the
// response cache of the other instance drops what changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EditLiveUpdateDocument,
  LiveBlogDocument,
  LiveBlogEventsDocument,
  MarkLiveUpdateDocument,
  WithdrawLiveUpdateDocument,
  type LiveBlogEventsSubscription,
} from "./generated/graphql.js";
import { articleId, staff } from "./support/fixtures.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { twoInstancesOnRedis } from "./support/instance-pair.js";
import { newLiveBlog, postUpdate } from "./support/live-blogs.js";
import { redisAnswers } from "./support/redis.js";
import { subscribe, until, wsClient, type Collector } from "./support/ws.js";

type Feed = Collector<LiveBlogEventsSubscription>;
const kinds = (feed: Feed) => feed.results.map((r) => r.liveBlogEvents.kind);
const sequences = (feed: Feed) => feed.results.map((r) => r.liveBlogEvents.sequence);

describe.skipIf(skipDatabase)("live blog events", () => {
  let lede: TestLede;
  let baseUrl: string;
  const clients: { dispose(): void | Promise<void> }[] = [];
  const client = () => {
    const c = wsClient(baseUrl);
    clients.push(c);
    return c;
  };
  beforeAll(async () => {
    lede = await startLede();
    baseUrl = await lede.listen();
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await lede?.close();
  });

  it("streams posts, edits, marks, pins and withdrawals to a graphql-ws subscriber; drafts never", async () => {
    const blog = await newLiveBlog(lede);
    const feed = await subscribe(lede, client(), LiveBlogEventsDocument, { articleId: blog.articleId });
    const first = await postUpdate(lede, blog, "First");
    await postUpdate(lede, blog, "Draft", { draft: true });
    await lede.query(
      EditLiveUpdateDocument,
      { input: { id: first.id, version: first.version, body: [{ kind: "PARAGRAPH", text: "First, edited" }] } },
      { token: blog.editorToken },
    );
    await lede.query(
      MarkLiveUpdateDocument,
      { input: { id: first.id, keyEvent: true, pinned: true } },
      { token: blog.editorToken },
    );
    await lede.query(
      WithdrawLiveUpdateDocument,
      { input: { id: first.id, reason: "Wrong" } },
      { token: blog.editorToken },
    );
    await until(() => feed.results.length >= 5, "five events");
    await new Promise((r) => setTimeout(r, 100));
    expect(feed.errors).toEqual([]);
    expect(kinds(feed)).toEqual(["POSTED", "EDITED", "MARKED", "PINNED", "WITHDRAWN"]);
    expect(feed.results.map((r) => r.liveBlogEvents.update?.id)).toEqual(Array(5).fill(first.id));
    // Each event carries the update as it is now: after the withdrawal a reader sees no text.
    expect(feed.results[4]!.liveBlogEvents.update).toMatchObject({ status: "WITHDRAWN", bodyText: "", pinned: false });
    expect(feed.results[4]!.liveBlogEvents.liveBlog.pinnedUpdate).toBeNull();
    const s = sequences(feed);
    expect(s).toEqual([...s].sort((x, y) => x - y));
    feed.dispose();
  });

  it("replays what happened after a cursor, then goes on live, with no gap and no duplicate", async () => {
    const blog = await newLiveBlog(lede);
    const first = await subscribe(lede, client(), LiveBlogEventsDocument, { articleId: blog.articleId });
    await postUpdate(lede, blog, "Seen live");
    await until(() => first.results.length === 1, "the first event");
    const cursor = first.results[0]!.liveBlogEvents.cursor;
    first.dispose();
    const missed = [];
    for (let i = 0; i < 3; i++) missed.push((await postUpdate(lede, blog, `While away ${i}`)).id);
    const resumed = await subscribe(lede, client(), LiveBlogEventsDocument, {
      articleId: blog.articleId,
      after: cursor,
    });
    const live = await postUpdate(lede, blog, "Back live");
    await until(() => resumed.results.length >= 4, "the missed events and the live one");
    await new Promise((r) => setTimeout(r, 100));
    expect(resumed.results.map((r) => r.liveBlogEvents.update!.id)).toEqual([...missed, live.id]);
    // The page's eventCursor works the same way: read the blog, then subscribe after its cursor.
    const page = await lede.query(LiveBlogDocument, { slug: blog.slug });
    const fromPage = await subscribe(lede, client(), LiveBlogEventsDocument, {
      articleId: blog.articleId,
      after: page.article!.liveBlog!.eventCursor,
    });
    const next = await postUpdate(lede, blog, "After the page");
    await until(() => fromPage.results.length >= 1, "the event after the page");
    await new Promise((r) => setTimeout(r, 100));
    expect(fromPage.results.map((r) => r.liveBlogEvents.update!.id)).toEqual([next.id]);
  });

  it("refuses another blog's cursor, a cursor from the future, and an article that is not a live blog", async () => {
    const blog = await newLiveBlog(lede);
    const other = await newLiveBlog(lede);
    const page = await lede.query(LiveBlogDocument, { slug: other.slug });
    const foreign = await subscribe(lede, client(), LiveBlogEventsDocument, {
      articleId: blog.articleId,
      after: page.article!.liveBlog!.eventCursor,
    });
    await until(() => foreign.errors.length > 0, "an error");
    expect(JSON.stringify(foreign.errors)).toMatch(/BAD_USER_INPUT/);
    const future = Buffer.from(`le:${Buffer.from(blog.articleId, "base64url").toString().split(":")[1]}:99`).toString(
      "base64url",
    );
    const ahead = await subscribe(lede, client(), LiveBlogEventsDocument, { articleId: blog.articleId, after: future });
    await until(() => ahead.errors.length > 0, "an error");
    expect(JSON.stringify(ahead.errors)).toMatch(/BAD_USER_INPUT/);
    const plain = await subscribe(lede, client(), LiveBlogEventsDocument, { articleId: await articleId(lede) });
    await until(() => plain.errors.length > 0, "an error");
    expect(JSON.stringify(plain.errors)).toMatch(/NOT_FOUND/);
  });

  it("serves the same stream over Server-Sent Events", async () => {
    const blog = await newLiveBlog(lede);
    const controller = new AbortController();
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: "subscription($a: ID!) { liveBlogEvents(articleId: $a) { kind update { bodyText } } }",
        variables: { a: blog.articleId },
      }),
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    let text = "";
    const read = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })().catch(() => {});
    await new Promise((r) => setTimeout(r, 200)); // no handshake to wait on with SSE: give the server a moment
    await postUpdate(lede, blog, "over SSE");
    await until(() => text.includes("over SSE"), "the event over SSE");
    const data = text.split("\n").find((line) => line.startsWith("data:") && line.includes("over SSE"))!;
    expect(JSON.parse(data.slice(5))).toEqual({
      data: { liveBlogEvents: { kind: "POSTED", update: { bodyText: "over SSE" } } },
    });
    controller.abort();
    await read;
  });
});

const sharedRedis = await redisAnswers();

describe.skipIf(skipDatabase || provider !== "postgresql" || !sharedRedis)("live blogs on two instances", () => {
  const pair = twoInstancesOnRedis({ poolSize: 8 });

  it("delivers changes made on either instance to subscribers on both, once each, in order; caches follow", async () => {
    const { a, b } = pair;
    const editorA = (await staff(a, "EDITOR")).token;
    const editorB = (await staff(b, "EDITOR")).token;
    const blog = await newLiveBlog(a, editorA);
    const feeds = await pair.subscribeOnBoth(2, LiveBlogEventsDocument, { articleId: blog.articleId });
    const bodies = async () =>
      (await b.query(LiveBlogDocument, { slug: blog.slug })).article!.liveBlog!.liveUpdates.edges.map(
        (e) => e.node.bodyText,
      );
    expect(await bodies()).toEqual([]); // cached on b
    const posted = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postUpdate(i % 2 ? a : b, { ...blog, editorToken: i % 2 ? editorA : editorB }, `update ${i}`),
      ),
    );
    await until(() => feeds.every((f) => f.results.length >= 20), "every subscriber to have 20 events", 30_000);
    await new Promise((r) => setTimeout(r, 200));
    const expected = new Set(posted.map((p) => p.id));
    for (const feed of feeds) {
      expect(feed.errors).toEqual([]);
      expect(feed.results).toHaveLength(20);
      const ids = feed.results.map((r) => r.liveBlogEvents.update!.id);
      expect(new Set(ids)).toEqual(expected);
      const s = sequences(feed);
      expect(s).toEqual([...s].sort((x, y) => x - y));
    }
    // b's cached page was dropped by the posts, wherever they were made.
    await until(async () => (await bodies()).length === 20, "b to show all 20 updates");
  }, 60_000);
});
