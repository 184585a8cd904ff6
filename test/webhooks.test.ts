// Webhooks end to end against a real HTTP receiver on 127.0.0.1: Standard Webhooks signatures verified with the
// standardwebhooks library, retries after failures, secret rotation with two signatures, replay, auto-disable, two
// instances delivering each event once, and the SSRF rule (literal addresses, DNS answers, redirects).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { startReceiver, webhookHeaders, type Receiver } from "./support/webhook-receiver.js";
import { until } from "./support/ws.js";
import { addressRule, checkedLookup } from "../src/services/webhooks/addresses.js";
import { attemptDelivery } from "../src/services/webhooks/send.js";

const ENV = {
  WEBHOOK_ALLOWED_ADDRESSES: "127.0.0.1",
  WEBHOOK_POLL_MS: "20",
  WEBHOOK_RETRY_BASE_MS: "1000",
  WEBHOOK_TIMEOUT_MS: "3000",
  WEBHOOK_DISABLE_AFTER_HOURS: "0.01",
};

const CREATE_ENDPOINT = `mutation($i: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $i) { secret endpoint { id url events enabled } } }`;
const CREATE_ARTICLE = `mutation($s: String!) { createArticle(input: { slug: $s, headline: "Webhook test" }) { id version } }`;

/** The test clock at real time: webhook-timestamp comes from it, and receivers check it against their own clock. */
function toRealTime(lede: TestLede) {
  lede.clock.advance(Date.now() - lede.clock.now().getTime());
}

describe.skipIf(skipDatabase)("webhooks", () => {
  let lede: TestLede;
  let admin: string;
  const receivers: Receiver[] = [];
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...args);
    receivers.push(r);
    return r;
  };
  const register = async (url: string, events: string[]) =>
    (await lede.query(CREATE_ENDPOINT, { i: { url, events, description: "test" } }, { token: admin })) as any;
  let n = 0;
  const createArticle = async () =>
    (
      (await lede.query(
        CREATE_ARTICLE,
        { s: `webhook-${++n}-${Math.random().toString(36).slice(2, 8)}` },
        { token: admin },
      )) as any
    ).createArticle;

  beforeAll(async () => {
    lede = await startLede({ env: ENV });
    toRealTime(lede);
    admin = (await staff(lede, "ADMIN")).token;
  });
  afterAll(async () => {
    await lede?.close();
    for (const r of receivers) await r.close();
  });

  it("delivers a signed event that the standardwebhooks library verifies", async () => {
    const hook = await receiver();
    const { createWebhookEndpoint } = await register(`${hook.url}/hook`, ["article.created"]);
    expect(createWebhookEndpoint.secret).toMatch(/^whsec_/);
    const article = await createArticle();
    await until(() => hook.received.length === 1, "the delivery");
    const [request] = hook.received;
    const payload = new Webhook(createWebhookEndpoint.secret).verify(
      request!.body,
      webhookHeaders(request!.headers),
    ) as any;
    expect(payload).toMatchObject({ type: "article.created", data: { id: article.id, status: "DRAFT", version: 1 } });
    expect(request!.headers["webhook-id"]).toMatch(/^msg_/);
    expect(() =>
      new Webhook(`whsec_${Buffer.from("x".repeat(24)).toString("base64")}`).verify(
        request!.body,
        webhookHeaders(request!.headers),
      ),
    ).toThrow();
    // the secret is shown once: the endpoint type has no field for it
    const list = await lede.execute(`{ webhookEndpoints { secret } }`, {}, { token: admin });
    expect(list.errors?.[0]?.message).toMatch(/secret/);
  });

  it("retries a receiver that fails twice, then delivers once, logging each attempt", async () => {
    const hook = await receiver((_r, i) =>
      i < 2 ? { status: 500, body: "down for maintenance" } : { status: 200, body: "ok" },
    );
    const { createWebhookEndpoint } = await register(hook.url, ["article.created"]);
    await createArticle();
    for (const count of [1, 2]) {
      await until(() => hook.received.length === count, `attempt ${count}`);
      await new Promise((r) => setTimeout(r, 100)); // the attempt is recorded, and nothing is sent before it is due
      expect(hook.received.length).toBe(count);
      lede.clock.advance(5_000);
    }
    await until(() => hook.received.length === 3, "the third attempt");
    expect(new Set(hook.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
    const query = `query { webhookEndpoints { id deliveries { status attempts attemptLog { statusCode responseBody durationMs } } } }`;
    await until(async () => {
      const data = (await lede.query(query, {}, { token: admin })) as any;
      const mine = data.webhookEndpoints.find((e: any) => e.id === createWebhookEndpoint.endpoint.id);
      return mine.deliveries[0].status === "DELIVERED";
    }, "the delivery log");
    const data = (await lede.query(query, {}, { token: admin })) as any;
    const [delivery] = data.webhookEndpoints.find((e: any) => e.id === createWebhookEndpoint.endpoint.id).deliveries;
    expect(delivery.attempts).toBe(3);
    expect(delivery.attemptLog.map((a: any) => [a.statusCode, a.responseBody])).toEqual([
      [500, "down for maintenance"],
      [500, "down for maintenance"],
      [200, "ok"],
    ]);
    await new Promise((r) => setTimeout(r, 100));
    expect(hook.received.length).toBe(3);
  });

  it("signs with both secrets during a rotation's overlap, and replays a delivery with its webhook-id", async () => {
    const hook = await receiver();
    const { createWebhookEndpoint } = await register(hook.url, ["article.*"]);
    const rotated = (await lede.query(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapMinutes: 60) { secret endpoint { previousSecretUntil } } }`,
      { id: createWebhookEndpoint.endpoint.id },
      { token: admin },
    )) as any;
    await createArticle();
    await until(() => hook.received.length === 1, "the delivery");
    const request = hook.received[0]!;
    expect(String(request.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [createWebhookEndpoint.secret, rotated.rotateWebhookSecret.secret])
      expect(new Webhook(secret).verify(request.body, webhookHeaders(request.headers))).toBeTruthy();

    const log = (await lede.query(`query { webhookEndpoints { id deliveries { id } } }`, {}, { token: admin })) as any;
    const deliveryId = log.webhookEndpoints.find((e: any) => e.id === createWebhookEndpoint.endpoint.id).deliveries[0]
      .id;
    await lede.query(`mutation($id: ID!) { replayWebhookDelivery(id: $id) }`, { id: deliveryId }, { token: admin });
    await until(() => hook.received.length === 2, "the replay");
    expect(hook.received[1]!.headers["webhook-id"]).toBe(request.headers["webhook-id"]);
    const since = new Date(lede.clock.now().getTime() - 60_000).toISOString();
    const replayed = (await lede.query(
      `mutation($e: ID!, $s: DateTime!) { replayWebhooks(endpointId: $e, since: $s) }`,
      { e: createWebhookEndpoint.endpoint.id, s: since },
      { token: admin },
    )) as any;
    expect(replayed.replayWebhooks).toBe(1);
    await until(() => hook.received.length === 3, "the replay since a time");
  });

  it("disables an endpoint that keeps failing past the configured time", async () => {
    const hook = await receiver(() => ({ status: 503 }));
    const { createWebhookEndpoint } = await register(hook.url, ["article.created"]);
    await createArticle();
    await until(() => hook.received.length === 1, "the first attempt");
    await new Promise((r) => setTimeout(r, 100));
    lede.clock.advance(40_000);
    await until(() => hook.received.length === 2, "the second attempt");
    const id = createWebhookEndpoint.endpoint.id;
    const read = async () =>
      (
        (await lede.query(`query { webhookEndpoints { id enabled disabledReason } }`, {}, { token: admin })) as any
      ).webhookEndpoints.find((e: any) => e.id === id);
    await until(async () => (await read()).enabled === false, "the endpoint to be disabled");
    expect((await read()).disabledReason).toMatch(/failed since/);
    lede.clock.advance(-40_000);
  });

  it("refuses receivers at private, loopback, link-local and metadata addresses, and non-http URLs", async () => {
    for (const url of [
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.5/",
      "http://[::1]:80/",
      "ftp://example.com/",
      "http://192.168.1.1/",
    ]) {
      const result = await lede.execute(CREATE_ENDPOINT, { i: { url, events: ["*"] } }, { token: admin });
      expectErrorCode(result, "BAD_USER_INPUT", { document: CREATE_ENDPOINT, variables: { url } });
    }
    const strict = addressRule([]);
    const hook = await receiver();
    // a name that resolves to loopback: refused by the lookup the connection uses, after DNS
    const looked = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      checkedLookup(strict)("localhost", { all: true }, (error) => resolve(error)),
    );
    expect(looked?.code).toBe("EREFUSEDADDRESS");
    expect(String(looked?.message)).toMatch(/resolves to (127\.0\.0\.1|::1)/);
    const byName = await attemptDelivery(hook.url.replace("127.0.0.1", "localhost.") + "/", {}, "{}", {
      rule: strict,
      timeoutMs: 2000,
    });
    expect(byName.error).toMatch(/^refused/);
    expect((await attemptDelivery(hook.url, {}, "{}", { rule: strict, timeoutMs: 2000 })).error).toMatch(/^refused/);
    // an allowed receiver that redirects to the metadata address: the redirect is checked too
    const redirecting = await receiver(() => ({
      status: 307,
      headers: { location: "http://169.254.169.254/latest/meta-data" },
    }));
    const redirected = await attemptDelivery(redirecting.url, {}, "{}", {
      rule: addressRule(["127.0.0.1"]),
      timeoutMs: 2000,
    });
    expect(redirected.error).toMatch(/^refused: 169\.254\.169\.254/);
    expect(hook.received).toHaveLength(0);
  });

  it("sends each event once with two instances on one database", async () => {
    const second = await startLede({ env: ENV, sameDatabaseAs: lede });
    try {
      toRealTime(second);
      const hook = await receiver();
      await register(hook.url, ["article.created"]);
      const created = await Promise.all(Array.from({ length: 12 }, () => createArticle()));
      await until(() => hook.received.length >= 12, "every delivery", 10_000);
      await new Promise((r) => setTimeout(r, 300));
      const ids = hook.received.map((r) => JSON.parse(r.body).data.id);
      expect(ids.sort()).toEqual(created.map((a: any) => a.id).sort());
    } finally {
      await second.close();
    }
  });

  it("is for admins only", async () => {
    const editor = (await staff(lede, "EDITOR")).token;
    const result = await lede.execute(
      CREATE_ENDPOINT,
      { i: { url: "https://example.com/", events: ["*"] } },
      { token: editor },
    );
    expectErrorCode(result, "FORBIDDEN", { document: CREATE_ENDPOINT });
  });
});
