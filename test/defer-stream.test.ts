// @defer and @stream over HTTP (multipart/mixed): the first part comes without the slow fields, the rest follows;
// the limits (cost, directives, depth), the query deadline and the HTTP rules hold for incremental delivery too.
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useQueryTimeout } from "../src/plugins/limits.js";
import { REFERENCE_SLUG } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const DEFERRED = `query Deferred($slug: String!) {
  article(slug: $slug) {
    headline
    ... @defer(label: "graph") { mentions(first: 5) { totalCount edges { node { salience } } } }
    comments(first: 3) { edges @stream(initialCount: 1) { node { id body } } }
  }
}`;
const PLAIN = DEFERRED.replace(/ @defer\(label: "graph"\)| @stream\(initialCount: 1\)/g, "");

/** The JSON parts of a multipart/mixed body. */
function parts(body: string): Record<string, any>[] {
  return body
    .split(/\r\n---/)
    .map((chunk) => chunk.split("\r\n\r\n")[1])
    .filter((json): json is string => Boolean(json?.trim()))
    .map((json) => JSON.parse(json));
}

describe.skipIf(skipDatabase)("@defer and @stream", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { RESPONSE_CACHE: "off", MAX_COST: "400", MAX_DIRECTIVES: "3" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  const send = (query: string, accept = "multipart/mixed", variables: object = { slug: REFERENCE_SLUG }) =>
    lede.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept },
      body: JSON.stringify({ query, variables }),
    });

  it("sends the fast fields first and the deferred and streamed ones after, in a multipart response", async () => {
    const response = await send(DEFERRED);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^multipart\/mixed/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const payloads = parts(await response.text());
    expect(payloads.length).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = payloads;
    expect(first!.hasNext).toBe(true);
    expect(first!.data.article.headline).toMatch(/Wagner/);
    expect(first!.data.article.mentions).toBeUndefined();
    expect(first!.data.article.comments.edges).toHaveLength(1);
    expect(first!.extensions.cost).toEqual({ requested: expect.any(Number), limit: 400 });
    expect(rest.at(-1)!.hasNext).toBe(false);
    // put together, the parts are the answer to the same query without the directives
    const merged = structuredClone(first!.data);
    for (const part of rest.flatMap((p) => p.incremental ?? [])) {
      const at = part.path.slice(0, part.items ? -1 : undefined).reduce((node: any, key: any) => node[key], merged);
      if (part.items) at.push(...part.items);
      else Object.assign(at, part.data);
    }
    const plain = await lede.query(PLAIN, { slug: REFERENCE_SLUG });
    expect(merged).toEqual(plain);
    expect(rest.flatMap((p) => p.incremental ?? []).find((p) => p.label === "graph")).toBeTruthy();
  });

  it("streams over Server-Sent Events too, and tells a client that accepts only JSON to ask for a stream", async () => {
    const sse = await send(DEFERRED, "text/event-stream");
    expect(sse.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = (await sse.text()).split("\n").filter((line) => line.startsWith("data: {"));
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.parse(events[0]!.slice(6)).data.article.headline).toMatch(/Wagner/);
    const jsonOnly = await send(DEFERRED, "application/json");
    expect(jsonOnly.status).toBe(406);
  });

  it("counts deferred fields in the cost and @defer/@stream in the directive limit", async () => {
    const costly = `{ articles(first: 5) { edges { node { headline ... @defer { mentions(first: 100) { edges { node { salience } } } } } } } }`;
    const [overCost] = parts(await (await send(costly, "multipart/mixed", {})).text());
    expect(overCost!.errors[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "MAX_COST" });
    const directives = `{ sections { edges { node { ... @defer { name } ... @defer { slug } ... @defer { description } ... @defer { name } } } } }`;
    const [tooMany] = parts(await (await send(directives, "multipart/mixed", {})).text());
    expect(tooMany!.errors[0].extensions).toMatchObject({
      code: "LIMIT_EXCEEDED",
      limit: "MAX_DIRECTIVES",
    });
  });

  it("refuses @defer on a mutation's root field and @stream on a field that is not a list", async () => {
    const mutation = `mutation { ... @defer { startGuestSession(displayName: "Deferred") { token } } }`;
    const refused = await send(mutation, "multipart/mixed", {});
    expect(refused.status).toBe(400);
    const notList = `{ article(slug: "${REFERENCE_SLUG}") @stream(initialCount: 0) { headline } }`;
    expect((await send(notList, "multipart/mixed", {})).status).toBe(400);
  });
});

describe.skipIf(skipDatabase)("@defer with the response cache on", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("caches the whole result of a deferred query and serves it again in one part", async () => {
    const send = async () => {
      const response = await lede.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "multipart/mixed" },
        body: JSON.stringify({ query: DEFERRED, variables: { slug: REFERENCE_SLUG } }),
      });
      return parts(await response.text());
    };
    expect((await send()).length).toBeGreaterThanOrEqual(2);
    const again = await lede.countStatements(send);
    expect(again.statements).toBe(0);
    expect(again.result).toHaveLength(1);
    expect(again.result[0]!.data).toEqual(await lede.query(PLAIN, { slug: REFERENCE_SLUG }));
  });
});

describe("the query deadline with incremental delivery", () => {
  it("ends a delivery whose deferred parts outlast QUERY_TIMEOUT_MS with a TIMEOUT payload", async () => {
    async function* slow() {
      yield { data: { fast: true }, hasNext: true };
      await new Promise(() => {}); // a deferred part that never resolves
    }
    let execute: ((args: unknown) => Promise<AsyncIterable<Record<string, unknown>>>) | undefined;
    const plugin = useQueryTimeout(50) as { onExecute: (params: unknown) => void };
    plugin.onExecute({
      args: { document: parse("query { fast }") },
      executeFn: async () => slow(),
      setExecuteFn: (fn: typeof execute) => (execute = fn),
    });
    const payloads: Record<string, any>[] = [];
    for await (const payload of await execute!({})) payloads.push(payload);
    expect(payloads[0]).toEqual({ data: { fast: true }, hasNext: true });
    expect(payloads[1]).toMatchObject({ hasNext: false });
    expect(payloads[1]!.errors[0].extensions).toEqual({ code: "TIMEOUT", limit: "QUERY_TIMEOUT_MS", value: 50 });
    expect(payloads).toHaveLength(2);
  });
});
