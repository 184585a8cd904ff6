// Error classes with stable `extensions.code`s. Resolvers and services throw these; anything else that escapes is
// masked by yoga (see http/yoga.ts and plugins/mask-error.ts) so a client never sees a stack, a file path or SQL.
import { GraphQLError } from "graphql";

export type ErrorCode =
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "LIMIT_EXCEEDED"
  | "TIMEOUT"
  | "SERVICE_UNAVAILABLE";

export class LedeError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends LedeError {
  /** `field` names the argument or input field at fault, so a form can show the message beside it. */
  constructor(message: string, field?: string) {
    super("BAD_USER_INPUT", message, field ? { field } : {});
  }
}

export class NotFoundError extends LedeError {
  constructor(what: string, id: string) {
    super("NOT_FOUND", `${what} ${JSON.stringify(id)} was not found`, { id });
  }
}

export class UnauthenticatedError extends LedeError {
  constructor(message = "Sign in first: send Authorization: Bearer <token>") {
    super("UNAUTHENTICATED", message);
  }
}

export class ForbiddenError extends LedeError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

export class RateLimitedError extends LedeError {
  constructor(message: string, retryAfterSeconds: number) {
    super("RATE_LIMITED", message, { retryAfter: retryAfterSeconds });
  }
}

/** A fixed limit of the server (not a rate): `limit` names it, so a client knows which setting it hit. */
export class LimitExceededError extends LedeError {
  constructor(message: string, limit: string, value: number) {
    super("LIMIT_EXCEEDED", message, { limit, value });
  }
}

export class ConflictError extends LedeError {
  constructor(message: string, field?: string) {
    super("CONFLICT", message, field ? { field } : {});
  }
}

export class ServiceUnavailableError extends LedeError {
  constructor(message = "The database is not answering; try again shortly") {
    super("SERVICE_UNAVAILABLE", message);
  }
}
