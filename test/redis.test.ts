// With REDIS_URL, comment events travel between instances: a subscriber on one instance hears a post on another.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommentAddedDocument } from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { sharedRedisAvailable, TEST_REDIS_URL as REDIS_URL } from "./support/redis.js";
import { subscribe, until, wsClient } from "./support/ws.js";

const available = await sharedRedisAvailable();

describe.skipIf(skipDatabase || !available)("two instances over Redis", () => {
  let a: TestLede;
  let b: TestLede;
  beforeAll(async () => {
    a = await startLede({ env: { REDIS_URL } });
    b = await startLede({ env: { REDIS_URL }, sameDatabaseAs: a });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("delivers a comment posted on instance B to a subscriber on instance A", async () => {
    const baseUrlA = await a.listen();
    const reference = await articleId(a);
    const reader = await guest(b, "Poster on B");
    const client = wsClient(baseUrlA);
    try {
      const feed = await subscribe(a, client, CommentAddedDocument, { articleId: reference });
      const posted = await post(b, reader.token, { articleId: reference, body: "Sent via B" });
      await until(() => feed.results.length > 0, "the event to cross Redis");
      expect(feed.errors).toEqual([]);
      expect(feed.results.map((r) => r.commentAdded.id)).toEqual([posted.id]);
    } finally {
      await client.dispose();
    }
  });

  it("drops an answer cached on instance B when an edit or a comment on instance A changes it", async () => {
    await b.app.deps.pubsub.ready("cache:invalidate", "all");
    await b.app.deps.pubsub.ready("moderation:event", "all");
    const QUERY = `query($slug: String!) { article(slug: $slug) { id headline version commentCount } }`;
    type Answer = { article: { id: string; headline: string; version: number; commentCount: number } };
    const slug = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";
    const onB = () => b.query(QUERY, { slug }) as Promise<Answer>;
    const { article } = await onB();
    expect((await b.countStatements(onB)).statements).toBe(0); // cached on B
    const editor = await staff(a, "EDITOR");
    const headline = `${article.headline} (edited on A)`;
    await a.query(
      `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { id } }`,
      { input: { id: article.id, version: article.version, headline } },
      { token: editor.token },
    );
    await until(async () => (await onB()).article.headline === headline, "B to drop its cached article");
    expect((await b.countStatements(onB)).statements).toBe(0); // and cache it again
    const reader = await guest(a, "Commenter on A");
    await post(a, reader.token, { articleId: article.id, body: "Posted on A, counted on B" });
    await until(
      async () => (await onB()).article.commentCount === article.commentCount + 1,
      "B to drop its cached comment count",
    );
  });
});

describe.skipIf(skipDatabase || !available)("an import into a running instance", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { REDIS_URL } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("drops the instance's cached answers once the CLI has written (through Redis)", async () => {
    const LIST = `{ articles(first: 50) { totalCount } }`;
    type List = { articles: { totalCount: number } };
    const before = (await lede.query(LIST)) as List;
    expect((await lede.countStatements(() => lede.query(LIST))).statements).toBe(0); // cached
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/import.ts", "test/fixtures/import/plain"], {
      env: {
        ...process.env,
        DATABASE_URL: lede.config.databaseUrl,
        REDIS_URL,
        PUBSUB_NAMESPACE: lede.config.pubsubNamespace,
        NODE_ENV: "test",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, stderr).toBe(0);
    await until(
      async () => ((await lede.query(LIST)) as List).articles.totalCount === before.articles.totalCount + 2,
      "the imported articles to be listed",
      10_000,
    );
  }, 120_000);
});
