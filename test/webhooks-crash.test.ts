// A Lede process killed with SIGKILL after a change committed but before its webhook went out: the delivery waits in
// the outbox, and the restarted process sends it (on SQLite and on PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { graphqlOver, startLedeProcess } from "./support/process.js";
import { startReceiver, webhookHeaders, type Receiver } from "./support/webhook-receiver.js";
import { until } from "./support/ws.js";

describe.skipIf(skipDatabase)("a crash between commit and delivery", () => {
  let lede: TestLede;
  let hook: Receiver;
  beforeAll(async () => {
    // This in-process instance only sets things up: it sends nothing itself.
    lede = await startLede({ env: { WEBHOOK_DISPATCH: "false", SCHEDULER: "false" } });
    hook = await startReceiver();
  });
  afterAll(async () => {
    await lede?.close();
    await hook?.close();
  });

  it("delivers after the restart", async () => {
    const admin = (await staff(lede, "ADMIN")).token;
    const env = {
      DATABASE_URL: lede.config.databaseUrl,
      MIGRATE_ON_START: "false",
      SEED_ON_START: "false",
      LOG_LEVEL: "error",
      WEBHOOK_ALLOWED_ADDRESSES: "127.0.0.1",
      WEBHOOK_POLL_MS: "50",
    };
    // The first process commits changes but is not sending (as if it died right after each commit).
    const first = await startLedeProcess({ ...env, WEBHOOK_DISPATCH: "false" });
    const created = await graphqlOver(
      first.baseUrl,
      `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret } }`,
      { i: { url: `${hook.url}/after-crash`, events: ["article.created"] } },
      admin,
    );
    const secret = created.data.createWebhookEndpoint.secret;
    const article = await graphqlOver(
      first.baseUrl,
      `mutation { createArticle(input: { slug: "crash-before-delivery", headline: "Committed, not sent" }) { id } }`,
      {},
      admin,
    );
    expect(article.data.createArticle.id).toBeTruthy();
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    expect(hook.received).toHaveLength(0);
    expect(await lede.db.prisma.webhookDelivery.count({ where: { status: "PENDING" } })).toBe(1);

    const restarted = await startLedeProcess(env);
    try {
      await until(() => hook.received.length === 1, "the delivery after the restart", 20_000);
      const request = hook.received[0]!;
      const payload = new Webhook(secret).verify(request.body, webhookHeaders(request.headers)) as any;
      expect(payload.data.id).toBe(article.data.createArticle.id);
      await until(
        async () => (await lede.db.prisma.webhookDelivery.count({ where: { status: "DELIVERED" } })) === 1,
        "the delivery to be recorded",
      );
    } finally {
      await restarted.stop();
    }
  }, 90_000); // two child processes start one after the other: slow on a busy machine
});
