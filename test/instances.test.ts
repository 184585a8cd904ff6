// Several instances on one database: over Redis every subscriber on every instance hears every post, in order; a
// Redis outage does not stop reads or posts, fan-out resumes (with what was missed) when Redis is back, and no
// instance keeps serving answers cached before invalidations it missed.
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommentEventsDocument, type CommentEventsSubscription } from "./generated/graphql.js";
import { articleId, guest, post } from "./support/fixtures.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { subscribe, until, wsClient, type Collector } from "./support/ws.js";
import { graphqlOver, startLedeProcess, type LedeProcess } from "./support/process.js";
import { REDIS_SERVER, sharedRedisAvailable, startRedisServer, stopRedisServer } from "./support/redis.js";
import { rowId } from "./support/ids.js";
import { twoInstancesOnRedis } from "./support/instance-pair.js";
import { freePort } from "./support/ports.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";

const sharedRedis = await sharedRedisAvailable();
const postgresOnly = skipDatabase || provider !== "postgresql";

function sequencesOf(feed: Collector<CommentEventsSubscription>): number[] {
  return feed.results.map((r) => r.commentEvents.sequence);
}

function expectStrictlyIncreasing(values: number[]): void {
  for (let i = 1; i < values.length; i++) expect(values[i]!, `position ${i}`).toBeGreaterThan(values[i - 1]!);
}

describe.skipIf(postgresOnly || !sharedRedis)("two instances on PostgreSQL and Redis", () => {
  // A burst of 200 posts, and six subscribers loading each comment, want the pool size of a real deployment.
  const pair = twoInstancesOnRedis({ poolSize: 10 });

  it("delivers 200 concurrent posts spread over both instances to every subscriber on either, once each, in order", async () => {
    const { a, b } = pair;
    const article = await articleId(a, SLUG);
    const feeds = await pair.subscribeOnBoth(3, CommentEventsDocument, { articleId: article });
    const readers = await Promise.all(Array.from({ length: 20 }, (_, i) => guest(i % 2 ? a : b, `Reader ${i}`)));
    // Like a widget, a post that meets a saturated database (SERVICE_UNAVAILABLE) is retried with the same
    // clientMutationId, which can never make a second comment.
    const postWithRetry = async (i: number) => {
      const input = { articleId: article, body: `post ${i}`, clientMutationId: `burst-${i}` };
      for (let attempt = 1; ; attempt++) {
        try {
          return await post(i % 2 ? a : b, readers[i % readers.length]!.token, input);
        } catch (error) {
          if (attempt >= 3 || !String(error).includes("SERVICE_UNAVAILABLE")) throw error;
        }
      }
    };
    const settled = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => postWithRetry(i)));
    const failures = settled.flatMap((s) => (s.status === "rejected" ? [String(s.reason).slice(0, 600)] : []));
    expect(failures, failures[0]).toEqual([]);
    const posted = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    expect(new Set(posted.map((p) => p.id)).size).toBe(200);
    const rows = await a.db.prisma.comment.count({
      where: { articleId: rowId(article), body: { startsWith: "post " } },
    });
    expect(rows).toBe(200);
    // Generous: on a loaded CI machine (the 10,000-article corpus tests share PostgreSQL) delivery is slow, not lossy;
    // the counts in the message tell the two apart.
    await until(
      // An error in place of an event fails at once (below) instead of after the wait.
      () => feeds.every((f) => f.results.length >= 200) || feeds.some((f) => f.errors.length > 0),
      "every subscriber to have 200 events",
      150_000,
    ).catch((error: Error) => {
      const seen = new Set(feeds[0]!.results.map((r) => r.commentEvents.sequence));
      const missing = posted.map((p) => p.sequence).filter((s) => !seen.has(s));
      const counts = feeds.map((f) => f.results.length).join(", ");
      throw new Error(`${error.message} (they have ${counts}; the first lacks sequences ${missing.join(", ")})`);
    });
    await new Promise((r) => setTimeout(r, 200));
    const expected = new Set(posted.map((p) => p.id));
    for (const feed of feeds) {
      expect(feed.errors).toEqual([]);
      expect(feed.results).toHaveLength(200);
      const ids = feed.results.map((r) => r.commentEvents.comment.id);
      expect(new Set(ids).size).toBe(200);
      expect(ids.every((id) => expected.has(id))).toBe(true);
      expectStrictlyIncreasing(sequencesOf(feed));
    }
    expectStrictlyIncreasing([...posted].sort((x, y) => x.sequence - y.sequence).map((p) => p.sequence));
  }, 200_000);
});

describe.skipIf(postgresOnly || !existsSync(REDIS_SERVER))("when Redis goes away", () => {
  let redis: ChildProcess | undefined;
  let a: TestLede;
  let b: TestLede;
  let port: number;
  const clients: { dispose(): void | Promise<void> }[] = [];
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedisServer(port);
    const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
    a = await startLede({ env });
    b = await startLede({ env, sameDatabaseAs: a });
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await b?.close();
    await a?.close();
    if (redis && redis.exitCode === null) await stopRedisServer(redis);
  });

  it("keeps serving reads and posts, and fans out again (with what was missed) once Redis is back", async () => {
    const article = await articleId(a, SLUG);
    const reader = await guest(b, "Outage Reader");
    const client = wsClient(await a.listen());
    clients.push(client);
    const feed = await subscribe(a, client, CommentEventsDocument, { articleId: article });
    const before = await post(b, reader.token, { articleId: article, body: "before the outage" });
    await until(() => feed.results.length === 1, "the first event");

    await stopRedisServer(redis!);
    const during = [];
    for (let i = 0; i < 3; i++)
      during.push(await post(b, reader.token, { articleId: article, body: `during the outage ${i}` }));
    // the seed's published articles: three, and the sample live blog
    expect((await b.query(`{ articles(first: 1) { totalCount } }`)) as object).toMatchObject({
      articles: { totalCount: 4 },
    });
    expect((await a.query(`query($id: ID!) { node(id: $id) { id } }`, { id: during[0]!.id })) as object).toEqual({
      node: { id: during[0]!.id },
    });

    redis = await startRedisServer(port);
    // ioredis reconnects and resubscribes by itself; post until an event gets through.
    const after: { id: string }[] = [];
    await until(
      async () => {
        after.push(await post(b, reader.token, { articleId: article, body: "after the outage" }));
        await new Promise((r) => setTimeout(r, 200));
        return feed.results.length > 1;
      },
      "fan-out to resume",
      20_000,
    );
    await until(
      () => feed.results.length >= 1 + during.length + after.length || feed.errors.length > 0,
      "the missed events to be filled in",
      20_000,
    );
    const ids = feed.results.map((r) => r.commentEvents.comment.id);
    const expected = [before.id, ...during.map((c) => c.id), ...after.map((c) => c.id)];
    expect(
      ids,
      `received ${JSON.stringify(feed.results.map((r) => r.commentEvents.sequence))}, errors ${JSON.stringify(feed.errors)}`,
    ).toEqual(expected);
    expectStrictlyIncreasing(sequencesOf(feed));
  });

  it("drops what another instance cached once Redis is back: the invalidations sent meanwhile were lost", async () => {
    const count = `query($slug: String!) { article(slug: $slug) { commentCount } }`;
    const countOn = async (lede: TestLede) =>
      ((await lede.query(count, { slug: SLUG })) as { article: { commentCount: number } }).article.commentCount;
    const before = await countOn(b);
    const cached = await b.countStatements(() => countOn(b));
    expect([cached.result, cached.statements]).toEqual([before, 0]);

    await stopRedisServer(redis!);
    const writer = await guest(a, "Reconnect Writer");
    await post(a, writer.token, { articleId: await articleId(a, SLUG), body: "while Redis was away" });
    // b never heard of it: its cached answer is stale until Redis is back. Long enough an outage that a's client
    // gives up on the event it still held (maxRetriesPerRequest), as in any real outage of more than a moment.
    expect(await countOn(b)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 3000));

    redis = await startRedisServer(port);
    await until(async () => (await countOn(b)) === before + 1, "b to drop its stale answers", 20_000);
  });
});

describe.skipIf(skipDatabase || provider !== "sqlite")("two processes on one SQLite file", () => {
  let a: TestLede;
  let b: LedeProcess;
  beforeAll(async () => {
    a = await startLede();
    // better-sqlite3 waits for a lock synchronously, so the second instance must be a process of its own, as it is
    // in any real deployment.
    b = await startLedeProcess({
      DATABASE_URL: a.config.databaseUrl,
      MIGRATE_ON_START: "false",
      SEED_ON_START: "false",
      COMMENT_RATE_LIMIT_MS: "0",
      LOG_LEVEL: "warn",
    });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.close();
  });

  it("gives 40 concurrent posts from both processes 40 rows with unique, increasing sequences", async () => {
    const article = await articleId(a, SLUG);
    const readersA = await Promise.all(Array.from({ length: 4 }, (_, i) => guest(a, `SQLite A${i}`)));
    const readersB = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const body = await graphqlOver(
          b.baseUrl,
          `mutation($n: String!) { startGuestSession(displayName: $n) { token } }`,
          { n: `SQLite B${i}` },
        );
        return body.data.startGuestSession.token as string;
      }),
    );
    const postOnB = async (token: string, body: string) => {
      const result = await graphqlOver(
        b.baseUrl,
        `mutation($input: PostCommentInput!) { postComment(input: $input) { id sequence } }`,
        { input: { articleId: article, body } },
        token,
      );
      if (!result.data) throw new Error(JSON.stringify(result));
      return result.data.postComment as { id: string; sequence: number };
    };
    const posted = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? post(a, readersA[i % 4]!.token, { articleId: article, body: `sqlite ${i}` })
          : postOnB(readersB[i % 4]!, `sqlite ${i}`),
      ),
    );
    const sequences = posted.map((p) => p.sequence).sort((x, y) => x - y);
    expect(new Set(sequences).size).toBe(40);
    expectStrictlyIncreasing(sequences);
  });
});
