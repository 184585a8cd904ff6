// Fan-out: one event reaches many subscribers with one read of what they selected, and a moment when the database is
// saturated delays an event instead of replacing it with an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommentEventsDocument, type CommentEventsSubscription } from "./generated/graphql.js";
import { articleId, guest, post } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { subscribe, until, wsClient, type Collector } from "./support/ws.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";

describe.skipIf(skipDatabase)("fan-out", () => {
  let lede: TestLede;
  let baseUrl: string;
  let article: string;
  let reader: { token: string; accountId: string };
  const clients: { dispose(): void | Promise<void> }[] = [];
  const feeds = async (count: number, token?: string) => {
    const collectors: Collector<CommentEventsSubscription>[] = [];
    for (let i = 0; i < count; i++) {
      const client = wsClient(baseUrl, token);
      clients.push(client);
      collectors.push(await subscribe(lede, client, CommentEventsDocument, { articleId: article }));
    }
    return collectors;
  };
  /** The SQL from a post until every feed has it: statements, and parameters sent with them. */
  const sqlToDeliver = async (all: Collector<CommentEventsSubscription>[], body: string) => {
    let statements = 0;
    let parameters = 0;
    const stop = lede.db.onQuery((event) => {
      statements++;
      parameters += (JSON.parse(event.params || "[]") as unknown[]).length;
    });
    try {
      await post(lede, reader.token, { articleId: article, body });
      await until(
        () => all.every((f) => f.results.some((r) => r.commentEvents.comment.body === body)),
        `every subscriber to get "${body}"`,
      );
    } finally {
      stop();
    }
    return { statements, parameters };
  };

  beforeAll(async () => {
    lede = await startLede();
    baseUrl = await lede.listen();
    article = await articleId(lede, SLUG);
    reader = await guest(lede, "Fan-out Reader");
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await lede?.close();
  });

  it("executes an event once for all the anonymous subscribers it reaches, and reads its comment once for all", async () => {
    const one = await feeds(1);
    const alone = await sqlToDeliver(one, "To one subscriber");
    const crowd = [...one, ...(await feeds(39)), ...(await feeds(10, reader.token))];
    const before = lede.app.server.eventExecutions();
    // Prisma would batch separate reads into one statement too, but with an id per subscriber: count those as well.
    const many = await sqlToDeliver(crowd, "To fifty subscribers");
    expect(many).toEqual(alone);
    // The forty anonymous subscribers share one execution of the event; the ten signed-in ones execute their own.
    const after = lede.app.server.eventExecutions();
    expect({ executed: after.executed - before.executed, shared: after.shared - before.shared }).toEqual({
      executed: 11,
      shared: 39,
    });
    for (const feed of crowd) {
      expect(feed.errors).toEqual([]);
      expect(feed.results.at(-1)!.commentEvents).toMatchObject({
        kind: "ADDED",
        comment: { body: "To fifty subscribers", status: "VISIBLE" },
      });
    }
  });

  it("delivers an event late rather than as an error while the database is saturated", async () => {
    const [feed] = await feeds(1);
    const model = lede.db.prisma.commentEvent as unknown as {
      findUniqueOrThrow: (...a: unknown[]) => Promise<unknown>;
    };
    const real = model.findUniqueOrThrow;
    let refused = 0;
    model.findUniqueOrThrow = async (...args: unknown[]) => {
      if (refused < 2) {
        refused++;
        throw new Error("timeout exceeded when trying to connect");
      }
      return real.apply(model, args);
    };
    try {
      await post(lede, reader.token, { articleId: article, body: "Worth the wait" });
      await until(() => feed!.results.length + feed!.errors.length >= 1, "the event", 10_000);
    } finally {
      model.findUniqueOrThrow = real;
    }
    expect(refused).toBe(2);
    expect(feed!.errors).toEqual([]);
    expect(feed!.results.map((r) => r.commentEvents.comment.body)).toEqual(["Worth the wait"]);
  });
});
