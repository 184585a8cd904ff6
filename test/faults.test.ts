// The database goes away and comes back: /ready says so, queries answer SERVICE_UNAVAILABLE (never a 500), and
// everything works again once it is back. The outage is a TCP proxy in front of PostgreSQL that the test closes.
import { createServer, connect, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type LedeApp } from "../src/app.js";
import { loadConfig } from "../src/platform/config.js";
import { openDatabase, type Database } from "../src/platform/db.js";
import { createLogger } from "../src/platform/logger.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";

class FlakyProxy {
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  constructor(
    private target: { host: string; port: number },
    public port = 0,
  ) {}
  async open(): Promise<number> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

describe.skipIf(skipDatabase || provider !== "postgresql")("database outage", () => {
  let lede: TestLede;
  let proxy: FlakyProxy;
  let db: Database;
  let app: LedeApp;
  beforeAll(async () => {
    lede = await startLede();
    const real = new URL(lede.config.databaseUrl);
    proxy = new FlakyProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const port = await proxy.open();
    const viaProxy = new URL(real);
    viaProxy.port = String(port);
    db = await openDatabase(viaProxy.toString());
    const config = loadConfig({
      DATABASE_URL: viaProxy.toString(),
      LOG_LEVEL: "silent",
      SEED_ON_START: "false",
      MIGRATE_ON_START: "false",
      // With the response cache on, answers cached before the outage are (rightly) still served during it.
      RESPONSE_CACHE: "off",
    });
    app = await createApp(config, { db, logger: createLogger("silent") });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await lede?.close();
  });

  const query = async () => {
    const response = await app.server.yoga.fetch("http://lede.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ articles(first: 1) { totalCount } }" }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] },
    };
  };
  const ready = async () => (await app.server.yoga.fetch("http://lede.test/ready")).status;

  it("reports 503 and SERVICE_UNAVAILABLE while it is away, and recovers when it is back", async () => {
    expect(await ready()).toBe(200);
    // the seed's published articles: three, and the sample live blog
    expect((await query()).body.data).toEqual({ articles: { totalCount: 4 } });

    await proxy.cut();
    expect(await ready()).toBe(503);
    const during = await query();
    expect(during.status).toBeLessThan(500);
    expect(during.body.errors?.map((e) => e.extensions.code)).toEqual(["SERVICE_UNAVAILABLE"]);

    await proxy.open(); // same port
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await ready()) === 200 && (await query()).body.data !== undefined;
      if (!recovered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(recovered).toBe(true);
    expect((await query()).body).toEqual(expect.objectContaining({ data: { articles: { totalCount: 4 } } }));
  });
});
