// SIGKILL in the middle of a burst of writes: the database opens clean, with no half-written comment (every comment
// has its event, every counter matches its rows), on SQLite in WAL mode and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleId } from "./support/fixtures.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { graphqlOver, startLedeProcess } from "./support/process.js";
import { until } from "./support/ws.js";

describe.skipIf(skipDatabase)("a crash during a write burst", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("leaves no partial rows", async () => {
    const article = await articleId(lede);
    const child = await startLedeProcess({
      DATABASE_URL: lede.config.databaseUrl,
      MIGRATE_ON_START: "false",
      SEED_ON_START: "false",
      COMMENT_RATE_LIMIT_MS: "0",
      LOG_LEVEL: "error",
    });
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      const body = await graphqlOver(
        child.baseUrl,
        `mutation($n: String!) { startGuestSession(displayName: $n) { token } }`,
        { n: `Crash ${i}` },
      );
      tokens.push(body.data.startGuestSession.token);
    }
    const burst = Array.from({ length: 300 }, (_, i) =>
      graphqlOver(
        child.baseUrl,
        `mutation($i: PostCommentInput!) { postComment(input: $i) { id } }`,
        { i: { articleId: article, body: `burst ${i}` } },
        tokens[i % 4],
      ).catch(() => null),
    );
    // Kill once writes are landing, however slow the machine is.
    await until(
      async () => (await lede.db.prisma.comment.count({ where: { body: { startsWith: "burst " } } })) >= 5,
      "the first writes",
      30_000,
    );
    child.child.kill("SIGKILL");
    const results = await Promise.all(burst);
    const written = results.filter((r) => r?.data?.postComment).length;
    expect(written, "the kill should land mid-burst").toBeLessThan(300);

    const prisma = lede.db.prisma;
    if (provider === "sqlite") {
      expect(await prisma.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    }
    const comments = await prisma.comment.findMany({
      where: { body: { startsWith: "burst " } },
      select: { id: true, seq: true },
    });
    expect(comments.length).toBeGreaterThanOrEqual(written);
    const events = await prisma.commentEvent.findMany({
      where: { commentId: { in: comments.map((c) => c.id) }, kind: "ADDED" },
    });
    expect(events.length).toBe(comments.length);
    const row = await prisma.article.findFirstOrThrow({
      where: { comments: { some: { body: { startsWith: "burst " } } } },
    });
    const maxSeq = await prisma.comment.aggregate({ where: { articleId: row.id }, _max: { seq: true } });
    const maxEvent = await prisma.commentEvent.aggregate({ where: { articleId: row.id }, _max: { seq: true } });
    expect(row.lastCommentSeq).toBe(maxSeq._max.seq);
    expect(row.lastEventSeq).toBe(maxEvent._max.seq);
    // the database is writable again at once
    const after = await lede.query(`mutation { startGuestSession(displayName: "After") { token } }`);
    expect(after).toBeTruthy();
  });
});
