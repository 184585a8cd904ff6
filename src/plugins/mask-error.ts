// What a client sees when something fails. Our own coded errors pass through; known database failures become
// stable codes; everything else becomes a bare INTERNAL_SERVER_ERROR (and is logged with its stack for us).
import { GraphQLError } from "graphql";
import { PothosValidationError } from "@pothos/core";
import { LedeError } from "../errors.js";
import type { Logger } from "../platform/logger.js";

function codeOf(error: unknown): string | undefined {
  return error instanceof GraphQLError ? (error.extensions?.code as string | undefined) : undefined;
}

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/**
 * PostgreSQL's SQLSTATEs for a server that is going away or not there yet: shutting down or starting up (57P01
 * admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now: what a restart answers), a lost connection
 * (class 08), and no connection slot left (53300).
 */
const UNAVAILABLE_SQLSTATES = /^(57P0[123]|08\d{3}|53300)$/;

type AdapterError = { cause?: { originalCode?: unknown } };

/** The SQLSTATE behind a Prisma error the driver adapter passed on ("Database error. Code: `57P03`", P2039), or
 * behind the adapter's own error. */
function sqlState(error: unknown): string | undefined {
  const e = error as (AdapterError & { meta?: { driverAdapterError?: AdapterError } }) | null;
  const code = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}

/** Whether `error` says the database could not be reached or was saturated: worth trying again shortly. */
export function isConnectionFailure(error: unknown): boolean {
  const text = `${(error as Error)?.name ?? ""} ${(error as Error)?.message ?? ""}`;
  const code = prismaCode(error);
  if (UNAVAILABLE_SQLSTATES.test(sqlState(error) ?? "")) return true;
  return (
    code === "P1001" ||
    code === "P1008" || // the socket timed out
    code === "P1017" ||
    code === "P2024" ||
    code === "P2028" || // a transaction could not start in time: the database is saturated
    code === "P2034" || // a write conflict or deadlock: safe to retry
    code === "P2037" || // too many connections
    /ECONNREFUSED|ECONNRESET|Connection terminated|encountered a connection error|connect ETIMEDOUT|DatabaseNotReachable|SQLITE_BUSY|database is locked|too many clients|remaining connection slots|timeout exceeded when trying to connect|Can.t reach database server/i.test(
      text,
    )
  );
}

function isGraphQLErrorChain(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return !error.originalError || isGraphQLErrorChain(error.originalError);
}

/** yoga copies the JSON parser's own message into extensions.originalError: a client gets the message and code only. */
function withoutOriginalError(error: Error): Error {
  // In place: yoga picks the HTTP status by looking at this very error object.
  if (error instanceof GraphQLError && error.extensions?.originalError) {
    const extensions = error.extensions as { originalError?: unknown; http?: { spec?: boolean } };
    delete extensions.originalError;
    // Without it yoga would answer a broken JSON body with 200 to application/json clients: keep the 400.
    if (extensions.http) extensions.http.spec = false;
  }
  return error;
}

export function createErrorMasker(logger: Logger) {
  const mask = createInnerMasker(logger);
  return (error: unknown): Error => withoutOriginalError(mask(error));
}

function createInnerMasker(logger: Logger) {
  return (error: unknown): Error => {
    const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (original instanceof LedeError) {
      return error instanceof GraphQLError && error.originalError
        ? new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: original.extensions })
        : original;
    }
    const path = error instanceof GraphQLError ? error.path : undefined;
    const nodes = error instanceof GraphQLError ? error.nodes : undefined;
    // Pothos' own validation errors (a malformed cursor, before with first) are GraphQLErrors without a code.
    if (original instanceof PothosValidationError) {
      return new GraphQLError(original.message, { nodes, path, extensions: { code: "BAD_USER_INPUT" } });
    }
    // graphql-armor's token limit fails the parse: say which limit it was, like the other limits.
    const tokens = error instanceof GraphQLError ? /Token limit of (\d+) exceeded/.exec(error.message) : null;
    if (tokens) {
      return new GraphQLError(error instanceof GraphQLError ? error.message.replace(/^Syntax Error: /, "") : "", {
        nodes,
        extensions: { code: "LIMIT_EXCEEDED", limit: "MAX_TOKENS", value: Number(tokens[1]), http: { status: 400 } },
      });
    }
    // Errors graphql-js raises itself (parse, validation, variable coercion) are GraphQLErrors all the way down,
    // and say only what was wrong with the request.
    if (error instanceof GraphQLError && (!error.originalError || isGraphQLErrorChain(error.originalError)))
      return error;
    if (original instanceof GraphQLError && codeOf(original)) return original;
    if (isConnectionFailure(original)) {
      logger.warn("database unavailable", { error: String((original as Error)?.message ?? original) });
      return new GraphQLError("The database is not answering; try again shortly", {
        nodes,
        path,
        extensions: { code: "SERVICE_UNAVAILABLE" },
      });
    }
    if (prismaCode(original) === "P2002") {
      return new GraphQLError("That conflicts with something that already exists", {
        nodes,
        path,
        extensions: { code: "CONFLICT" },
      });
    }
    logger.error("unexpected error", {
      error: String((original as Error)?.message ?? original),
      stack: (original as Error)?.stack,
      path: path?.join("."),
    });
    return new GraphQLError("Unexpected error", { nodes, path, extensions: { code: "INTERNAL_SERVER_ERROR" } });
  };
}
