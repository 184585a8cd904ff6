// Webhook events end to end, each to the endpoint that subscribed to it and to no other: article.published,
// article.scheduled and article.withdrawn; entity.created and entity.updated; comment.added and comment.decided (a
// held comment approved). A real receiver on 127.0.0.1; every delivery verified with the standardwebhooks library.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guest, post, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { startReceiver, webhookHeaders, type ReceivedWebhook, type Receiver } from "./support/webhook-receiver.js";
import { until } from "./support/ws.js";

const HOUR = 3_600_000;
const ENDPOINTS = {
  articles: ["article.published", "article.scheduled", "article.withdrawn"],
  entities: ["entity.created", "entity.updated"],
  comments: ["comment.added", "comment.decided"],
  createdOnly: ["article.created"],
} as const;
type EndpointName = keyof typeof ENDPOINTS;

interface Event {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

describe.skipIf(skipDatabase)("webhook events", () => {
  let lede: TestLede;
  let hook: Receiver;
  let admin: string;
  let editor: string;
  let moderator: string;
  const secrets = new Map<string, string>();

  /** The events an endpoint has received so far, each verified with its secret. */
  const eventsAt = (name: EndpointName): (Event & { id: string })[] =>
    hook.received
      .filter((r) => r.path === `/${name}`)
      .map((r: ReceivedWebhook) => ({
        ...(new Webhook(secrets.get(name)!).verify(r.body, webhookHeaders(r.headers)) as Event),
        id: String(r.headers["webhook-id"]),
      }));
  const waitFor = (name: EndpointName, count: number) =>
    until(() => eventsAt(name).length >= count, `${count} events at /${name}`, 10_000);

  const mutate = async (document: string, variables: Record<string, unknown>, token: string) =>
    (await lede.query(document, variables, { token })) as any;

  beforeAll(async () => {
    lede = await startLede({
      env: { WEBHOOK_ALLOWED_ADDRESSES: "127.0.0.1", WEBHOOK_POLL_MS: "20", SCHEDULER: "false" },
    });
    // webhook-timestamp comes from Lede's clock, and verify() checks it against the real one.
    lede.clock.advance(Date.now() - lede.clock.now().getTime());
    hook = await startReceiver();
    admin = (await staff(lede, "ADMIN")).token;
    editor = (await staff(lede, "EDITOR")).token;
    moderator = (await staff(lede, "MODERATOR")).token;
    for (const [name, events] of Object.entries(ENDPOINTS)) {
      const created = await mutate(
        `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
        { i: { url: `${hook.url}/${name}`, events } },
        admin,
      );
      secrets.set(name, created.createWebhookEndpoint.secret);
    }
  });
  afterAll(async () => {
    await lede?.close();
    await hook?.close();
  });

  it("sends article.published, article.scheduled and article.withdrawn to the endpoint that asked for them", async () => {
    const { createArticle: article } = await mutate(
      `mutation { createArticle(input: { slug: "events-ferry", headline: "Ferry events" }) { id } }`,
      {},
      editor,
    );
    await mutate(`mutation($id: ID!) { publishArticle(id: $id, version: 1) { id } }`, { id: article.id }, editor);
    await waitFor("articles", 1);
    const at = new Date(lede.clock.now().getTime() + HOUR).toISOString();
    const { scheduleArticle: job } = await mutate(
      `mutation($a: ID!, $at: DateTime!) { scheduleArticle(articleId: $a, action: WITHDRAW, at: $at, reason: "Legal") { id } }`,
      { a: article.id, at },
      editor,
    );
    expect(job.id).toBeTruthy();
    await waitFor("articles", 2);
    await mutate(
      `mutation($id: ID!) { withdrawArticle(id: $id, version: 2, reason: "Legal") { id } }`,
      { id: article.id },
      editor,
    );
    await waitFor("articles", 3);

    const events = eventsAt("articles");
    expect(events.map((e) => e.type)).toEqual(["article.published", "article.scheduled", "article.withdrawn"]);
    expect(events[0]!.data).toMatchObject({ id: article.id, slug: "events-ferry", status: "PUBLISHED", version: 2 });
    expect(events[0]!.data.publishedAt).toEqual(expect.any(String));
    expect(events[1]!.data).toMatchObject({ id: article.id, status: "PUBLISHED" });
    expect(events[2]!.data).toMatchObject({ id: article.id, status: "WITHDRAWN", version: 3 });
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    for (const event of events) expect(Date.parse(event.timestamp)).not.toBeNaN();
    // The endpoint for article.created got the creation only.
    await waitFor("createdOnly", 1);
    expect(eventsAt("createdOnly").map((e) => [e.type, e.data.id])).toEqual([["article.created", article.id]]);
  });

  it("sends entity.created and entity.updated", async () => {
    const { createPerson: person } = await mutate(
      `mutation { createPerson(input: { slug: "events-ada", name: "Ada Events" }) { id version } }`,
      {},
      editor,
    );
    await mutate(
      `mutation($id: ID!, $v: Int!) { updatePerson(input: { id: $id, version: $v, description: "A harbour pilot" }) { id } }`,
      { id: person.id, v: person.version },
      editor,
    );
    await waitFor("entities", 2);
    expect(eventsAt("entities").map((e) => [e.type, e.data.id, e.data.type])).toEqual([
      ["entity.created", person.id, "Person"],
      ["entity.updated", person.id, "Person"],
    ]);
  });

  it("sends comment.added and comment.decided for a held comment that a moderator approves", async () => {
    const { createArticle: article } = await mutate(
      `mutation { createArticle(input: { slug: "events-held", headline: "Held comments", commentsPremoderated: true }) { id } }`,
      {},
      editor,
    );
    await mutate(`mutation($id: ID!) { publishArticle(id: $id, version: 1) { id } }`, { id: article.id }, editor);
    const reader = await guest(lede, "Events Reader");
    const comment = await post(lede, reader.token, { articleId: article.id, body: "When does the ferry run?" });
    await waitFor("comments", 1);
    await mutate(`mutation($id: ID!) { approveComment(id: $id) { id status } }`, { id: comment.id }, moderator);
    await waitFor("comments", 2);

    const events = eventsAt("comments");
    expect(events.map((e) => e.type)).toEqual(["comment.added", "comment.decided"]);
    expect(events[0]!.data).toMatchObject({ id: comment.id, articleId: article.id, status: "PENDING" });
    expect(events[1]!.data).toMatchObject({ id: comment.id, status: "VISIBLE", previousStatus: "PENDING" });
    // Nothing about comments went to the other endpoints.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const name of ["articles", "entities", "createdOnly"] as const)
      expect(eventsAt(name).filter((e) => e.type.startsWith("comment."))).toEqual([]);
  });
});
