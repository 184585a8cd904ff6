// What a client sees when something fails, on its own: Lede's coded errors pass, graphql-js's own errors pass,
// database failures become SERVICE_UNAVAILABLE or CONFLICT, anything else a bare INTERNAL_SERVER_ERROR that is logged
// for us (and never shown).
import { GraphQLError } from "graphql";
import { PothosValidationError } from "@pothos/core";
import { describe, expect, it } from "vitest";
import { BadUserInputError, NotFoundError } from "../../src/errors.js";
import { createErrorMasker, isConnectionFailure } from "../../src/plugins/mask-error.js";
import { createLogger } from "../../src/platform/logger.js";
import { tinyYoga } from "../support/tiny-yoga.js";

function masker() {
  const lines: string[] = [];
  const mask = createErrorMasker(createLogger("debug", (line) => lines.push(line)));
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { mask, logged };
}

/** An error as graphql-js wraps one a resolver threw. */
const fromResolver = (original: unknown) =>
  new GraphQLError(String((original as Error).message), {
    path: ["article", "headline"],
    originalError: original as Error,
  });

const prismaError = (code: string, message = "prisma says no") => Object.assign(new Error(message), { code });

/** What Prisma throws for a PostgreSQL error its driver adapter has no kind for (as a restart answers). */
const postgresError = (sqlState: string, message: string) =>
  Object.assign(new Error(`Database error. Code: \`${sqlState}\`. Message: \`${message}\``), {
    code: "P2039",
    meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: sqlState, originalMessage: message } } },
  });

describe("isConnectionFailure", () => {
  it.each([
    ["P1001", prismaError("P1001")],
    ["P1017", prismaError("P1017")],
    ["P2024", prismaError("P2024")],
    ["P2028", prismaError("P2028")],
    ["P2034", prismaError("P2034")],
    ["ECONNREFUSED", new Error("connect ECONNREFUSED 127.0.0.1:5432")],
    ["a reset", new Error("read ECONNRESET")],
    ["a terminated connection", new Error("Connection terminated unexpectedly")],
    ["SQLITE_BUSY", new Error("SQLITE_BUSY: database is locked")],
    ["too many clients", new Error("sorry, too many clients already")],
    ["a pool timeout", new Error("timeout exceeded when trying to connect")],
    ["an unreachable server", new Error("Can't reach database server at db:5432")],
    ["a named driver error", Object.assign(new Error("x"), { name: "DatabaseNotReachable" })],
    // A PostgreSQL restart, as the soak (npm run soak) met it: these were INTERNAL_SERVER_ERRORs before.
    ["a server shutting down (57P03)", postgresError("57P03", "the database system is shutting down")],
    ["a server starting up (57P03)", postgresError("57P03", "the database system is starting up")],
    [
      "a session ended by the shutdown (57P01)",
      postgresError("57P01", "terminating connection due to administrator command"),
    ],
    ["a lost connection (08006)", postgresError("08006", "connection failure")],
    ["P2037 (too many connections)", prismaError("P2037")],
    // pg, for a transaction's connection that the restart cut: the next statement on it is refused
    ["a cut connection", new Error("Client has encountered a connection error and is not queryable")],
  ])("recognises %s", (_what, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002")],
    ["another PostgreSQL error (a bad cast)", postgresError("22P02", "invalid input syntax for type integer")],
    ["a code that is not Prisma's", prismaError("ECONNREFUSE")],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["null", null],
    ["a string", "ECONNREFUSED"],
  ])("does not mistake %s for one", (_what, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});

describe("createErrorMasker", () => {
  it("passes Lede's own errors with their code and field, keeping the path of a resolver's error", () => {
    const { mask, logged } = masker();
    const direct = new BadUserInputError("body is empty", "body");
    expect(mask(direct)).toBe(direct);
    const wrapped = mask(fromResolver(new NotFoundError("Article", "x"))) as GraphQLError;
    expect(wrapped.message).toBe('Article "x" was not found');
    expect(wrapped.extensions).toEqual({ code: "NOT_FOUND", id: "x" });
    expect(wrapped.path).toEqual(["article", "headline"]);
    expect(logged()).toEqual([]);
  });

  it("turns Pothos' validation errors into BAD_USER_INPUT", () => {
    const masked = masker().mask(fromResolver(new PothosValidationError("Invalid cursor"))) as GraphQLError;
    expect(masked.message).toBe("Invalid cursor");
    expect(masked.extensions).toEqual({ code: "BAD_USER_INPUT" });
  });

  it("names the token limit when graphql-armor fails the parse", () => {
    const masked = masker().mask(new GraphQLError("Syntax Error: Token limit of 5000 exceeded.")) as GraphQLError;
    expect(masked.message).toBe("Token limit of 5000 exceeded.");
    expect(masked.extensions).toEqual({
      code: "LIMIT_EXCEEDED",
      limit: "MAX_TOKENS",
      value: 5000,
      http: { status: 400 },
    });
  });

  it("lets graphql-js's own errors through as they are", () => {
    const parseError = new GraphQLError('Syntax Error: Expected Name, found "}".');
    expect(masker().mask(parseError)).toBe(parseError);
  });

  it("makes a database that does not answer SERVICE_UNAVAILABLE, logged as a warning", () => {
    const { mask, logged } = masker();
    const masked = mask(fromResolver(new Error("connect ECONNREFUSED 10.0.0.5:5432"))) as GraphQLError;
    expect(masked.message).toBe("The database is not answering; try again shortly");
    expect(masked.extensions).toEqual({ code: "SERVICE_UNAVAILABLE" });
    expect(logged()).toMatchObject([{ level: "warn", message: "database unavailable" }]);
  });

  it("makes a unique violation CONFLICT", () => {
    const masked = masker().mask(fromResolver(prismaError("P2002"))) as GraphQLError;
    expect(masked.extensions).toEqual({ code: "CONFLICT" });
  });

  it("hides anything else behind INTERNAL_SERVER_ERROR, and logs it with its stack for us", () => {
    const { mask, logged } = masker();
    const masked = mask(fromResolver(new Error("secret: postgres://user:pw@db"))) as GraphQLError;
    expect(masked.message).toBe("Unexpected error");
    expect(masked.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(masked)).not.toContain("secret");
    expect(logged()).toMatchObject([
      { level: "error", message: "unexpected error", error: "secret: postgres://user:pw@db", path: "article.headline" },
    ]);
    expect(String(logged()[0]!.stack)).toContain("mask-error.test.ts");
  });

  it("in a yoga: the client gets the code and never the message; a broken JSON body stays a 400", async () => {
    const logLines: string[] = [];
    const yoga = tinyYoga([], { logLines });
    const { body } = await yoga.post("{ boom fast }");
    expect(body).toMatchObject({
      data: { boom: null, fast: "fast" },
      errors: [{ message: "Unexpected error", path: ["boom"], extensions: { code: "INTERNAL_SERVER_ERROR" } }],
    });
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(logLines.join("")).toContain("secret");

    const broken = await yoga.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: "{ not json",
    });
    expect(broken.status).toBe(400);
    const text = await broken.text();
    expect(text).not.toContain("originalError");
  });
});
