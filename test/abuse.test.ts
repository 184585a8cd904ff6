// What anonymous clients will send: each case asserts the exact HTTP status and error code, and that the answer
// carries no stack, path or SQL.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/global-id.js";
import { articleId, guest } from "./support/fixtures.js";
import { provider, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const JSON_HEADERS = { "content-type": "application/json", accept: "application/graphql-response+json" };
const body = (query: unknown, variables?: unknown, extra: object = {}) =>
  JSON.stringify({ query, variables, ...extra });
const nest = (depth: number) =>
  '{ article(slug: "x") { comments { edges { node ' +
  "{ parent ".repeat(depth) +
  "{ id }" +
  " }".repeat(depth) +
  " } } } }";

// 21 distinct fields, each with a directive (one directive may not repeat on one field).
const DIRECTED_FIELDS =
  "id slug url headline standfirst bodyText wordCount language status publishedAt createdAt updatedAt commentCount"
    .split(" ")
    .concat([
      "section { name }",
      "publisher { name }",
      "tags { name }",
      "bylines { role }",
      "media { url }",
      "corrections { text }",
      "body { kind }",
      "commentSettings { open }",
    ])
    .map((field) => field.replace(/^(\w+)/, "$1 @include(if: true)"))
    .join(" ");

interface Case {
  name: string;
  init?: RequestInit;
  path?: string;
  token?: boolean;
  status: number;
  code: string | null; // null: the request succeeds
  check?: (response: { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: any }) => void;
}

describe.skipIf(skipDatabase)("abuse suite", () => {
  let lede: TestLede;
  let token: string;
  let article: string;
  let baseUrl: string;
  beforeAll(async () => {
    lede = await startLede();
    token = (await guest(lede, "Mallory")).token;
    article = await articleId(lede);
    baseUrl = await lede.listen();
  });
  afterAll(async () => {
    await lede?.close();
  });

  const post = (query: unknown, variables?: unknown, extra?: object): RequestInit => ({
    method: "POST",
    headers: JSON_HEADERS,
    body: body(query, variables, extra),
  });
  const cases = (): Case[] => [
    {
      name: "over-deep query",
      init: post(nest(16)),
      status: 400,
      code: "LIMIT_EXCEEDED",
      check: (r) => expect(r.errors![0]!.extensions!.limit).toBe("MAX_DEPTH"),
    },
    {
      name: "too many aliases, __typename included",
      init: post(`{ ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename`).join(" ")} }`),
      status: 400,
      code: "LIMIT_EXCEEDED",
      check: (r) => expect(r.errors![0]!.extensions!.limit).toBe("MAX_ALIASES"),
    },
    {
      name: "too many directives",
      init: post(`{ articles(first: 1) { edges { node { ${DIRECTED_FIELDS} } } } }`),
      status: 400,
      code: "LIMIT_EXCEEDED",
      check: (r) => expect(r.errors![0]!.extensions!.limit).toBe("MAX_DIRECTIVES"),
    },
    {
      // graphql-cop's probe flags a server that answers with one error per repetition (ten)
      name: "directive overloading: one unknown directive ten times on one field",
      init: post("query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }"),
      status: 400,
      code: "LIMIT_EXCEEDED",
      check: (r) => expect(r.errors![0]!.extensions!.limit).toBe("MAX_DIRECTIVES"),
    },
    {
      name: "too many tokens",
      init: post(`{ ${"__typename ".repeat(6000)}}`),
      status: 400,
      code: "LIMIT_EXCEEDED",
      check: (r) => expect(r.errors![0]!.extensions!.limit).toBe("MAX_TOKENS"),
    },
    {
      name: "huge first as a literal",
      init: post("{ articles(first: 1000) { totalCount } }"),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "a first so huge that the cost alone refuses it",
      init: post("{ articles(first: 1000000) { totalCount } }"),
      status: 400,
      code: "LIMIT_EXCEEDED",
    },
    {
      name: "huge first as a variable",
      init: post("query($n: Int) { people(first: $n) { totalCount } }", { n: 1000 }),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    { name: "negative last", init: post("{ places(last: -5) { totalCount } }"), status: 200, code: "BAD_USER_INPUT" },
    {
      name: "cost over the limit through nesting",
      init: post(
        "{ articles(first: 100) { edges { node { comments(first: 100) { edges { node { replies(first: 100) { edges { node { id } } } } } } } } } }",
      ),
      status: 400,
      code: "LIMIT_EXCEEDED",
      check: (r) => expect(r.errors![0]!.extensions!.limit).toBe("MAX_COST"),
    },
    {
      name: "cost over the limit through variables",
      init: post(
        "query($a: Int, $b: Int, $c: Int) { articles(first: $a) { edges { node { comments(first: $b) { edges { node { replies(first: $c) { edges { node { id } } } } } } } } } }",
        { a: 100, b: 100, c: 100 },
      ),
      status: 400,
      code: "LIMIT_EXCEEDED",
    },
    {
      name: "malformed JSON",
      init: { method: "POST", headers: JSON_HEADERS, body: '{"query": ' },
      status: 400,
      code: "BAD_REQUEST",
    },
    { name: "a query that is not a string", init: post(42), status: 400, code: "BAD_REQUEST" },
    { name: "variables that are not an object", init: post("{ __typename }", "x"), status: 400, code: "BAD_REQUEST" },
    {
      name: "two operations without operationName",
      init: post("query A { __typename } query B { __typename }"),
      status: 400,
      code: "OPERATION_RESOLUTION_FAILURE",
    },
    {
      name: "an operationName that is not in the document",
      init: post("query A { __typename }", undefined, { operationName: "B" }),
      status: 400,
      code: "OPERATION_RESOLUTION_FAILURE",
    },
    {
      name: "a batch",
      init: {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
      },
      status: 400,
      code: "BAD_REQUEST",
    },
    {
      name: "a mutation over GET",
      path: `/graphql?query=${encodeURIComponent('mutation { startGuestSession(displayName: "x") { token } }')}`,
      init: { method: "GET", headers: { accept: "application/graphql-response+json" } },
      status: 405,
      code: "BAD_REQUEST",
    },
    {
      name: "a url-encoded POST",
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "query=%7B__typename%7D",
      },
      status: 415,
      code: "BAD_REQUEST",
    },
    {
      name: "a text/plain POST",
      init: { method: "POST", headers: { "content-type": "text/plain" }, body: body("{ __typename }") },
      status: 415,
      code: "BAD_REQUEST",
    },
    {
      name: "a multipart POST",
      init: { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--" },
      status: 415,
      code: "BAD_REQUEST",
    },
    { name: "an unknown field", init: post("{ nope }"), status: 400, code: "GRAPHQL_VALIDATION_FAILED" },
    { name: "a malformed id", init: post('{ node(id: "!!!") { id } }'), status: 200, code: "BAD_USER_INPUT" },
    {
      name: "an id of the wrong type",
      init: post("query($id: ID!) { person(id: $id) { id } }", { id: encodeGlobalId("Place", "x") }),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "a null byte in a string",
      init: post("query($s: String!) { article(slug: $s) { id } }", { s: "a\u0000b" }),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "an unpaired surrogate",
      init: post("query($s: String!) { person(slug: $s) { id } }", { s: "\ud800" }),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "an oversize slug",
      init: post("query($s: String!) { article(slug: $s) { id } }", { s: "x".repeat(10_000) }),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "a forged cursor",
      init: post('{ articles(after: "R1BDOk46NQ==") { totalCount } }'),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "too many ids for nodes()",
      init: post("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {
        ids: Array.from({ length: 101 }, (_, i) => encodeGlobalId("Article", `a${i}`)),
      }),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "a forged bearer token",
      init: {
        method: "POST",
        headers: { ...JSON_HEADERS, authorization: "Bearer lede_forged" },
        body: body("{ viewer { id } }"),
      },
      status: 401,
      code: "UNAUTHENTICATED",
    },
    {
      name: "a comment too long",
      token: true,
      init: post("mutation($i: PostCommentInput!) { postComment(input: $i) { id } }", {
        i: { articleId: "ARTICLE", body: "x".repeat(5001) },
      }),
      status: 200,
      code: "BAD_USER_INPUT",
    },
    {
      name: "a comment made of script tags and text",
      token: true,
      init: post("mutation($i: PostCommentInput!) { postComment(input: $i) { body } }", {
        i: { articleId: "ARTICLE", body: "<script>fetch('//evil')</script><b onclick=x()>hi</b>" },
      }),
      status: 200,
      code: null,
      check: (r) => expect(r.data.postComment.body).toBe("hi"),
    },
  ];

  it("has at least 25 cases", () => expect(cases().length).toBeGreaterThanOrEqual(25));

  for (const testCase of cases()) {
    it(testCase.name, async () => {
      const init = { ...testCase.init } as RequestInit & { headers: Record<string, string> };
      init.headers = { ...(init.headers as Record<string, string>) };
      if (typeof init.body === "string") init.body = init.body.replace("ARTICLE", article);
      if (testCase.token) init.headers.authorization = `Bearer ${token}`;
      const response = await lede.fetch(testCase.path ?? "/graphql", init);
      const text = await response.text();
      const context = `${testCase.name}: ${response.status} ${text.slice(0, 600)}`;
      expect(response.status, context).toBe(testCase.status);
      expect(text, context).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|SELECT |prisma|originalError/i);
      const parsed = JSON.parse(text);
      if (testCase.code === null) expect(parsed.errors, context).toBeUndefined();
      else
        expect(
          parsed.errors.map((e: { extensions?: { code?: string } }) => e.extensions?.code),
          context,
        ).toEqual([testCase.code]);
      testCase.check?.(parsed);
    });
  }

  it("a 5 MB body is refused with 413 before it is read", async () => {
    const big = body(`{ __typename } # ${"x".repeat(5 * 1024 * 1024)}`);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const { hostname, port } = new URL(baseUrl);
      const req = httpRequest(
        {
          host: hostname,
          port,
          path: "/graphql",
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(big) },
        },
        (res) => {
          let text = "";
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", (error) =>
        (error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET"
          ? undefined
          : reject(error),
      );
      req.end(big);
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).errors[0].extensions).toMatchObject({
      code: "LIMIT_EXCEEDED",
      limit: "MAX_BODY_BYTES",
    });
  });

  it("every successful answer carries its cost", async () => {
    const response = await lede.fetch("/graphql", post("{ articles(first: 3) { edges { node { headline } } } }"));
    expect((await response.json()).extensions).toEqual({ cost: { requested: 10, limit: 100_000 } });
  });

  // Yoga caches validation per document; the cost depends on the variables too, so a cached "valid" must neither
  // drop the cost from the answer nor let larger variables through (nor a cached refusal refuse smaller ones).
  it("computes the cost for every request of the same document, with its own variables", async () => {
    const nested =
      "query($a: Int, $b: Int) { articles(first: $a) { edges { node { comments(first: $b) { edges { node { id } } } } } } }";
    const send = async (variables: Record<string, number>) => {
      const response = await lede.fetch("/graphql", post(nested, variables));
      return { status: response.status, body: await response.json() };
    };
    const small = { a: 2, b: 2 };
    const first = await send(small);
    const second = await send(small);
    expect(first.body.extensions, JSON.stringify(first.body)).toEqual({ cost: { requested: 19, limit: 100_000 } });
    expect(second.body, JSON.stringify(second.body)).toEqual(first.body);
    const tooMuch = await send({ a: 100, b: 100_000 });
    expect(tooMuch.status, JSON.stringify(tooMuch.body)).toBe(400);
    expect(tooMuch.body.errors[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "MAX_COST" });
    expect((await send(small)).body).toEqual(first.body);
  });
});

describe.skipIf(skipDatabase)("limits over WebSockets", () => {
  it("applies depth, alias, token and cost limits to operations sent over the socket", async () => {
    const { firstResult, wsClient } = await import("./support/ws.js");
    const lede = await startLede();
    try {
      const client = wsClient(await lede.listen());
      const run = (query: string) => firstResult(client, { query });
      const codes = async (query: string) => {
        const text = JSON.stringify(await run(query)) ?? "";
        return [text.match(/LIMIT_EXCEEDED/)?.[0], text.match(/"limit":"\w+"/)?.[0]];
      };
      expect(await codes(nest(16))).toEqual(["LIMIT_EXCEEDED", '"limit":"MAX_DEPTH"']);
      expect(await codes(`{ ${Array.from({ length: 21 }, (_, i) => `a${i}: __typename`).join(" ")} }`)).toEqual([
        "LIMIT_EXCEEDED",
        '"limit":"MAX_ALIASES"',
      ]);
      expect(
        await codes(
          "{ articles(first: 100) { edges { node { comments(first: 100) { edges { node { replies(first: 100) { edges { node { id } } } } } } } } } }",
        ),
      ).toEqual(["LIMIT_EXCEEDED", '"limit":"MAX_COST"']);
      expect(await codes(`{ ${"__typename ".repeat(6000)}}`)).toEqual(["LIMIT_EXCEEDED", '"limit":"MAX_TOKENS"']);
      await client.dispose();
    } finally {
      await lede.close();
    }
  });
});

// On SQLite a query runs synchronously inside better-sqlite3 and finishes before any timer can fire, so only an
// asynchronous database (PostgreSQL) can be cut short.
describe.skipIf(skipDatabase || provider !== "postgresql")("query timeout", () => {
  it("answers a query that runs past QUERY_TIMEOUT_MS with TIMEOUT", async () => {
    const lede = await startLede({ env: { QUERY_TIMEOUT_MS: "1" } });
    try {
      const heavy = `{ articles(first: 50) { edges { node { mentions(first: 50) { edges { node { entity { __typename } } } } comments(first: 20) { edges { node { body } } } } } } }`;
      const result = await lede.execute(heavy);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(["TIMEOUT"]);
      expect(result.errors?.[0]?.extensions?.limit).toBe("QUERY_TIMEOUT_MS");
    } finally {
      await lede.close();
    }
  });
});
