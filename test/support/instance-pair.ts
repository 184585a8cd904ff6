// Two Lede instances on one database that fan out over the shared test Redis, each listening on a real port: the
// setup of the multi-instance tests. Call it inside a describe: the pair starts in beforeAll and closes, with every
// client it handed out, in afterAll.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { afterAll, beforeAll } from "vitest";
import { startLede, type TestLede } from "./lede.js";
import { TEST_REDIS_URL } from "./redis.js";
import { subscribe, wsClient, type Collector } from "./ws.js";

export interface InstancePair {
  a: TestLede;
  b: TestLede;
  urlA: string;
  urlB: string;
  /** Opens `perInstance` subscriptions on a, then as many on b, each on a client of its own. */
  subscribeOnBoth<R, V extends Record<string, unknown>>(
    perInstance: number,
    document: TypedDocumentNode<R, V>,
    variables: V,
  ): Promise<Collector<R>[]>;
}

export function twoInstancesOnRedis(options: { poolSize: number }): InstancePair {
  const env = { REDIS_URL: TEST_REDIS_URL, DATABASE_POOL_SIZE: String(options.poolSize) };
  const clients: { dispose(): void | Promise<void> }[] = [];
  const pair = {
    async subscribeOnBoth(perInstance, document, variables) {
      const feeds = [];
      for (const [lede, url] of [
        [pair.a, pair.urlA],
        [pair.b, pair.urlB],
      ] as const) {
        for (let i = 0; i < perInstance; i++) {
          const client = wsClient(url);
          clients.push(client);
          feeds.push(await subscribe(lede, client, document, variables));
        }
      }
      return feeds;
    },
  } as InstancePair;
  beforeAll(async () => {
    pair.a = await startLede({ env });
    pair.b = await startLede({ env, sameDatabaseAs: pair.a });
    [pair.urlA, pair.urlB] = await Promise.all([pair.a.listen(), pair.b.listen()]);
  });
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await pair.b?.close();
    await pair.a?.close();
  });
  return pair;
}
