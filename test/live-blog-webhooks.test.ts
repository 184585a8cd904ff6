// Live-blog changes as webhooks: liveblog.updated for the coverage window and for each update posted, edited, marked,
// corrected and withdrawn, to the endpoint that asked for it and to no other. A real receiver on 127.0.0.1; every
// delivery verified with the standardwebhooks library.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CorrectLiveUpdateDocument,
  EditLiveUpdateDocument,
  MarkLiveUpdateDocument,
  WithdrawLiveUpdateDocument,
} from "./generated/graphql.js";
import { staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { newLiveBlog, postUpdate } from "./support/live-blogs.js";
import { startReceiver, webhookHeaders, type Receiver } from "./support/webhook-receiver.js";
import { until } from "./support/ws.js";

interface Event {
  type: string;
  data: {
    article: string;
    action: string;
    update: { id: string; status: string; version: number; sequence: number | null } | null;
  };
}

describe.skipIf(skipDatabase)("live-blog webhooks", () => {
  let lede: TestLede;
  let hook: Receiver;
  const secrets = new Map<string, string>();

  const eventsAt = (path: string): Event[] =>
    hook.received
      .filter((r) => r.path === path)
      .map((r) => new Webhook(secrets.get(path)!).verify(r.body, webhookHeaders(r.headers)) as Event);

  beforeAll(async () => {
    lede = await startLede({
      env: { WEBHOOK_DISPATCH: "true", WEBHOOK_ALLOWED_ADDRESSES: "127.0.0.1", WEBHOOK_POLL_MS: "20" },
    });
    // webhook-timestamp comes from Lede's clock, and verify() checks it against the real one.
    lede.clock.advance(Date.now() - lede.clock.now().getTime());
    hook = await startReceiver();
    const admin = (await staff(lede, "ADMIN")).token;
    for (const [path, events] of [
      ["/liveblogs", ["liveblog.updated"]],
      ["/articles", ["article.*"]],
    ] as const) {
      const created = (await lede.query(
        `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
        { i: { url: `${hook.url}${path}`, events } },
        { token: admin },
      )) as { createWebhookEndpoint: { secret: string } };
      secrets.set(path, created.createWebhookEndpoint.secret);
    }
  });
  afterAll(async () => {
    await lede?.close();
    await hook?.close();
  });

  it("sends liveblog.updated for the coverage window and every change of an update", async () => {
    const blog = await newLiveBlog(lede);
    const token = blog.editorToken;
    const update = await postUpdate(lede, blog, "The ferry has left the harbour.");
    await lede.query(EditLiveUpdateDocument, { input: { id: update.id, version: 1, title: "Ferry" } }, { token });
    await lede.query(MarkLiveUpdateDocument, { input: { id: update.id, keyEvent: true } }, { token });
    await lede.query(CorrectLiveUpdateDocument, { input: { id: update.id, text: "It left at noon." } }, { token });
    await lede.query(WithdrawLiveUpdateDocument, { input: { id: update.id, reason: "Duplicate" } }, { token });
    await until(() => eventsAt("/liveblogs").length >= 6, "six live-blog events", 10_000);

    const events = eventsAt("/liveblogs");
    expect(events.map((e) => [e.type, e.data.action])).toEqual([
      ["liveblog.updated", "setLiveCoverage"],
      ["liveblog.updated", "postLiveUpdate"],
      ["liveblog.updated", "editLiveUpdate"],
      ["liveblog.updated", "markLiveUpdate"],
      ["liveblog.updated", "correctLiveUpdate"],
      ["liveblog.updated", "withdrawLiveUpdate"],
    ]);
    for (const event of events) expect(event.data.article).toBe(blog.articleId);
    expect(events[0]!.data.update).toBeNull();
    expect(events[1]!.data.update).toMatchObject({ id: update.id, status: "PUBLISHED", sequence: 1 });
    expect(events[5]!.data.update).toMatchObject({ id: update.id, status: "WITHDRAWN" });
    // The update's versions as each change left them.
    expect(events.slice(1).map((e) => e.data.update!.version)).toEqual([1, 2, 3, 4, 5]);
    // An endpoint for articles hears of the article's creation and publication, not of its live blog.
    await until(() => eventsAt("/articles").length >= 2, "the article's own events", 10_000);
    expect(eventsAt("/articles").map((e) => e.type)).toEqual(["article.created", "article.published"]);
  });
});
