// The per-operation limits on a tiny schema: the cost estimate (connections, plain lists, variables and their
// defaults, fragments), depth/alias/directive/token/cost limits as LIMIT_EXCEEDED naming the setting (that error
// alone), a bounded number of validation errors, the cost in every answer, and the query timeout (queries cut
// short, mutations left to finish).
import { parse } from "graphql";
import { useDeferStream } from "@graphql-yoga/plugin-defer-stream";
import { describe, expect, it } from "vitest";
import {
  MAX_VALIDATION_ERRORS,
  operationCost,
  usePerOperationLimits,
  useQueryTimeout,
} from "../../src/plugins/limits.js";
import { DEFAULT_PAGE_SIZE } from "../../src/schema/shared/page-size.js";
import { describeFailure } from "../support/failures.js";
import { tinySchema, tinyYoga } from "../support/tiny-yoga.js";

const cost = (query: string, variables?: Record<string, unknown>) => operationCost(tinySchema, parse(query), variables);

const LIMITS = { depth: 6, aliases: 3, directives: 2, tokens: 200, cost: 100, bodyBytes: 100_000 };

describe("operationCost", () => {
  it("counts every field once per item of the lists above it", () => {
    // articles 1 + edges 10 + node 10 + id 10
    expect(cost("{ articles(first: 10) { edges { node { id } } } }")).toBe(31);
    expect(cost("{ articles(last: 4) { edges { node { id } } } }")).toBe(13);
    // nested connections multiply: 1 + 10 + 10 + 10 + 100 + 100 + 100
    expect(cost("{ articles(first: 10) { edges { node { comments(first: 10) { edges { node { id } } } } } } }")).toBe(
      331,
    );
  });

  it("takes the default page size when a connection names no size, and 5 for a plain list", () => {
    expect(cost("{ articles { edges { node { id } } } }")).toBe(1 + 3 * DEFAULT_PAGE_SIZE);
    expect(cost("{ tags { name } }")).toBe(1 + 5);
    expect(cost("{ fast }")).toBe(1);
  });

  it("reads sizes from variables, and from a variable's default when the request leaves it out", () => {
    const query = "query($n: Int) { articles(first: $n) { edges { node { id } } } }";
    expect(cost(query, { n: 3 })).toBe(10);
    expect(cost(query, {})).toBe(1 + 3 * DEFAULT_PAGE_SIZE);
    const withDefault = "query($n: Int = 100) { articles(first: $n) { edges { node { id } } } }";
    expect(cost(withDefault)).toBe(301);
    expect(cost(withDefault, { n: 2 })).toBe(7);
  });

  it("counts a fragment where it is spread, under the lists above the spread", () => {
    const viaFragment = cost(
      "{ articles(first: 2) { edges { node { ...A } } } } fragment A on Article { id tags { name } }",
    );
    const inline = cost("{ articles(first: 2) { edges { node { id tags { name } } } } }");
    expect(viaFragment).toBe(inline);
    // 1 + 2 + 2 + (id 2 + tags 2 + name 10)
    expect(inline).toBe(19);
  });
});

describe("usePerOperationLimits", () => {
  const yoga = tinyYoga([usePerOperationLimits(LIMITS)]);

  async function expectLimit(query: string, limit: string, value: number, variables?: Record<string, unknown>) {
    const { status, body } = await yoga.post(query, variables);
    const context = describeFailure(query, variables, body);
    expect(status, context).toBe(400);
    expect(
      body.errors?.map((e) => e.extensions),
      context,
    ).toContainEqual(expect.objectContaining({ code: "LIMIT_EXCEEDED", limit, value }));
  }

  it("answers within the limits, saying what the operation cost", async () => {
    const query = "{ articles(first: 2) { edges { node { id } } } }";
    const { status, body } = await yoga.post(query);
    expect(status, describeFailure(query, {}, body)).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.extensions).toEqual({ cost: { requested: 7, limit: LIMITS.cost } });
  });

  it("costs the same document again by its variables: one text asked with a small and a large page", async () => {
    // the cost is kept per document and per numeric variables; a kept answer must not leak to other variables
    const query = "query page($n: Int) { articles(first: $n) { edges { node { id } } } }";
    for (const n of [2, 50, 2, 3, 50]) {
      const { status, body } = await yoga.post(query, { n });
      const context = describeFailure(query, { n }, body);
      if (n === 50) {
        expect(status, context).toBe(400);
        expect(
          body.errors?.map((e) => e.extensions?.limit),
          context,
        ).toEqual(["MAX_COST"]);
      } else {
        expect(status, context).toBe(200);
        expect(body.extensions, context).toEqual({ cost: { requested: 1 + 3 * n, limit: LIMITS.cost } });
      }
    }
  });

  it("refuses too deep, too many aliases, too many directives, too many tokens and too costly", async () => {
    await expectLimit("{ deep { deep { deep { deep { deep { deep { deep { leaf } } } } } } } }", "MAX_DEPTH", 6);
    await expectLimit("{ a: fast b: fast c: fast d: fast }", "MAX_ALIASES", 3);
    await expectLimit("{ fast @include(if: true) @skip(if: false) @include(if: true) }", "MAX_DIRECTIVES", 2);
    await expectLimit(`{ ${"fast ".repeat(250)}}`, "MAX_TOKENS", 200);
    await expectLimit("{ articles(first: 50) { edges { node { id } } } }", "MAX_COST", 100);
  });

  it("answers a document over a limit with that one error, not one per repetition (directive overloading)", async () => {
    // graphql-cop's probe: ten repetitions of an unknown directive, each of which validation would also report
    const query = "query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }";
    const { status, body } = await yoga.post(query);
    expect(status, describeFailure(query, {}, body)).toBe(400);
    expect(body.errors?.map((e) => e.extensions)).toEqual([
      { code: "LIMIT_EXCEEDED", limit: "MAX_DIRECTIVES", value: LIMITS.directives },
    ]);
    // within the limit, each unknown directive is still named
    const within = await yoga.post("{ fast @aa @bb }");
    expect(within.body.errors?.map((e) => e.message)).toEqual(['Unknown directive "@aa".', 'Unknown directive "@bb".']);
  });

  it("lists at most MAX_VALIDATION_ERRORS validation errors, and says it stopped", async () => {
    const query = `{ ${Array.from({ length: 40 }, (_, i) => `unknown${i}`).join(" ")} }`;
    const { status, body } = await yoga.post(query);
    expect(status, describeFailure(query, {}, body)).toBe(400);
    expect(body.errors).toHaveLength(MAX_VALIDATION_ERRORS + 1);
    expect(body.errors?.at(-1)?.message).toMatch(/Too many validation errors/);
  });

  it("counts __typename aliases too, with no exemption", async () => {
    await expectLimit("{ a: __typename b: __typename c: __typename d: __typename }", "MAX_ALIASES", 3);
  });

  it("prices one document by the variables of each request", async () => {
    const query = "query($n: Int) { articles(first: $n) { edges { node { id } } } }";
    // the same document is validated once by yoga and cached: a cheap request first must not let a costly one through
    expect((await yoga.post(query, { n: 2 })).status).toBe(200);
    await expectLimit(query, "MAX_COST", 100, { n: 40 });
    expect((await yoga.post(query, { n: 2 })).status).toBe(200);
  });

  it("costs a connection size given as a variable's default", async () => {
    await expectLimit("query($n: Int = 40) { articles(first: $n) { edges { node { id } } } }", "MAX_COST", 100);
  });
});

describe("useQueryTimeout", () => {
  const yoga = tinyYoga([useQueryTimeout(100), useDeferStream()]);

  it("answers a query that runs too long with TIMEOUT naming QUERY_TIMEOUT_MS", async () => {
    const started = Date.now();
    const { body } = await yoga.post("{ slow(ms: 2000) }");
    expect(Date.now() - started).toBeLessThan(1500);
    expect(body.errors?.map((e) => e.extensions)).toEqual([{ code: "TIMEOUT", limit: "QUERY_TIMEOUT_MS", value: 100 }]);
    expect(body.errors?.[0]?.message).toBe("The query took longer than 100 ms (QUERY_TIMEOUT_MS)");
  });

  it("lets a query within the deadline answer", async () => {
    expect((await yoga.post("{ slow(ms: 5) fast }")).body).toEqual({ data: { slow: "slept 5", fast: "fast" } });
  });

  it("lets a mutation run to its end, however long", async () => {
    expect((await yoga.post("mutation { slowWrite(ms: 250) }")).body).toEqual({
      data: { slowWrite: "wrote after 250" },
    });
  });

  it("with @defer, delivers what is ready and ends with a TIMEOUT payload when the deadline passes", async () => {
    const response = await yoga.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "multipart/mixed" },
      body: JSON.stringify({ query: "{ fast ... @defer { slow(ms: 2000) } }" }),
    });
    const started = Date.now();
    const text = await response.text();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(response.headers.get("content-type")).toContain("multipart/mixed");
    const parts = text
      .split(/\r?\n/)
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parts[0]).toMatchObject({ data: { fast: "fast" }, hasNext: true });
    expect(parts.at(-1)).toMatchObject({ errors: [{ extensions: { code: "TIMEOUT" } }], hasNext: false });
    expect(text).not.toContain("slept");
  });
});
