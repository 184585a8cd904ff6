// A tiny schema and a yoga around it, for testing one plugin at a time without a database (as graphql-yoga's and
// envelop's own tests do): connections with first/last, a plain list, a recursive type, and fields that take as
// long as they are asked to.
import { createSchema, createYoga, type Plugin } from "graphql-yoga";
import type { ExecutionResult } from "graphql";
import { createErrorMasker } from "../../src/plugins/mask-error.js";
import { maxAge } from "../../src/schema/shared/cache-facts.js";
import { createLogger } from "../../src/platform/logger.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const tinySchema = createSchema({
  typeDefs: /* GraphQL */ `
    type Query {
      articles(first: Int, last: Int): ArticleConnection!
      tags: [Tag!]!
      deep: Deep!
      slow(ms: Int!): String!
      fast: String!
      boom: String
    }
    type Mutation {
      slowWrite(ms: Int!): String!
    }
    type ArticleConnection {
      edges: [ArticleEdge!]!
    }
    type ArticleEdge {
      node: Article!
    }
    type Article {
      id: ID!
      tags: [Tag!]!
      comments(first: Int): CommentConnection!
    }
    type CommentConnection {
      edges: [CommentEdge!]!
    }
    type CommentEdge {
      node: Comment!
    }
    type Comment {
      id: ID!
    }
    type Tag {
      name: String!
    }
    type Deep {
      deep: Deep!
      leaf: String!
    }
  `,
  resolvers: {
    Query: {
      articles: (_: unknown, args: { first?: number; last?: number }) => ({
        edges: Array.from({ length: Math.min(args.first ?? args.last ?? 2, 3) }, (_, i) => ({ node: { id: `a${i}` } })),
      }),
      tags: () => [{ name: "news" }],
      deep: () => ({}),
      slow: async (_: unknown, { ms }: { ms: number }) => {
        await sleep(ms);
        return `slept ${ms}`;
      },
      fast: () => "fast",
      boom: () => {
        throw new Error("secret: connection string postgres://user:pw@db");
      },
    },
    Mutation: {
      slowWrite: async (_: unknown, { ms }: { ms: number }) => {
        await sleep(ms);
        return `wrote after ${ms}`;
      },
    },
    Article: {
      tags: () => [{ name: "news" }],
      comments: () => ({ edges: [{ node: { id: "c1" } }] }),
    },
    Deep: { deep: () => ({}), leaf: () => "leaf" },
  },
});

// Lede's types declare how long an anonymous answer holding them may live (schema/shared/cache-facts.ts); the tiny
// schema's namesakes declare the same, so the caching plugins see the same facts here.
for (const [type, ms] of [
  ["Article", 60_000],
  ["Comment", 5_000],
  ["Tag", 300_000],
] as const) {
  Object.assign(tinySchema.getType(type)!.extensions, maxAge(ms));
}

export interface TinyYoga {
  /** POSTs an operation; returns the HTTP status, the headers and the parsed body. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: ExecutionResult & { extensions?: Record<string, unknown> } }>;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** A yoga on the tiny schema with Lede's error masking and the given plugins. */
export function tinyYoga(plugins: Plugin[], options: { logLines?: string[] } = {}): TinyYoga {
  const logger = createLogger("debug", (line) => options.logLines?.push(line));
  const yoga = createYoga({
    schema: tinySchema,
    logging: false,
    landingPage: false,
    graphiql: false,
    maskedErrors: { maskError: createErrorMasker(logger), isDev: false },
    plugins,
  });
  const fetchYoga = (path: string, init?: RequestInit) =>
    Promise.resolve(yoga.fetch(new URL(path, "http://tiny.test"), init ?? {}));
  return {
    fetch: fetchYoga,
    async post(query, variables, headers = {}) {
      const response = await fetchYoga("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: ExecutionResult;
      try {
        body = JSON.parse(text) as ExecutionResult;
      } catch {
        throw new Error(`not JSON (${response.status}): ${text.slice(0, 500)}\noperation:\n${query}`);
      }
      return { status: response.status, headers: response.headers, body };
    },
  };
}
