// Live comments over graphql-ws on the same port and path as HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CommentAddedDocument } from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { rawSocket, subscribe, until, wsClient } from "./support/ws.js";

describe.skipIf(skipDatabase)("live comments", () => {
  let lede: TestLede;
  let baseUrl: string;
  let reference: string;
  beforeAll(async () => {
    lede = await startLede();
    baseUrl = await lede.listen();
    reference = await articleId(lede);
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("delivers a comment posted over HTTP to a graphql-ws subscriber, anonymous or signed in", async () => {
    const reader = await guest(lede, "Live Reader");
    const anonymous = wsClient(baseUrl);
    const signedIn = wsClient(baseUrl, reader.token);
    try {
      const anonymousFeed = await subscribe(lede, anonymous, CommentAddedDocument, { articleId: reference });
      const readerFeed = await subscribe(lede, signedIn, CommentAddedDocument, { articleId: reference });
      const otherArticle = await articleId(lede, "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back");
      await post(lede, reader.token, { articleId: otherArticle, body: "Not on this article" });
      const posted = await post(lede, reader.token, { articleId: reference, body: "Hello, live world" });
      await until(() => anonymousFeed.results.length > 0 && readerFeed.results.length > 0, "the comment to arrive");
      for (const feed of [anonymousFeed, readerFeed]) {
        expect(feed.errors).toEqual([]);
        expect(feed.results).toEqual([
          {
            commentAdded: {
              id: posted.id,
              body: "Hello, live world",
              sequence: posted.sequence,
              author: { displayName: "Live Reader" },
              article: { id: reference },
            },
          },
        ]);
      }
      anonymousFeed.dispose();
      readerFeed.dispose();
      await until(() => lede.app.server.activeSocketOperations() === 0, "subscriptions to end");
    } finally {
      await anonymous.dispose();
      await signedIn.dispose();
    }
  });

  it("does not broadcast a premoderated (PENDING) comment to other readers", async () => {
    await lede.db.prisma.article.update({
      where: { slug: "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back" },
      data: { commentsPremoderated: true },
    });
    const target = await articleId(lede, "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back");
    const author = await guest(lede, "Author");
    const other = await guest(lede, "Other");
    const authorClient = wsClient(baseUrl, author.token);
    const otherClient = wsClient(baseUrl, other.token);
    try {
      const authorFeed = await subscribe(lede, authorClient, CommentAddedDocument, { articleId: target });
      const otherFeed = await subscribe(lede, otherClient, CommentAddedDocument, { articleId: target });
      const pending = await post(lede, author.token, { articleId: target, body: "Waiting for review" });
      await until(() => authorFeed.results.length > 0, "the author's own pending comment");
      expect(authorFeed.results[0]!.commentAdded.id).toBe(pending.id);
      // Staff skip premoderation: their comment is visible, and it must be the only thing the other reader gets.
      const staffer = await staff(lede, "MODERATOR");
      const visible = await post(lede, staffer.token, { articleId: target, body: "Staff note" });
      await until(() => otherFeed.results.length > 0, "the visible comment");
      expect(otherFeed.results.map((r) => r.commentAdded.id)).toEqual([visible.id]);
    } finally {
      await authorClient.dispose();
      await otherClient.dispose();
    }
  });

  it("closes the socket with 4403 when connection_init carries an invalid token", async () => {
    const { opened, closed, send } = rawSocket(baseUrl);
    await opened;
    send({ type: "connection_init", payload: { authorization: "Bearer lede_forged" } });
    expect(await closed).toBe(4403);
  });

  it("rejects a subscription to a malformed article id with BAD_USER_INPUT", async () => {
    const client = wsClient(baseUrl);
    try {
      const feed = await subscribe(lede, client, CommentAddedDocument, { articleId: "garbage" });
      await until(() => feed.errors.length > 0 || feed.completed, "an error");
      expect(JSON.stringify(feed.errors)).toMatch(/BAD_USER_INPUT/);
    } finally {
      await client.dispose();
    }
  });
});
