// A socket's subscribe message: the operation is prepared like an HTTP request's, through yoga's envelop (so every
// plugin, limit and error mask applies), with a context of its own.
import { GraphQLError, type ExecutionArgs } from "graphql";
import type { SubscribePayload } from "graphql-ws";
import type { YogaServerInstance } from "graphql-yoga";
import { InvalidTokenError, type ResolveViewer } from "../auth/viewer.js";
import type { Context } from "../context.js";
import { RateLimitedError } from "../errors.js";
import type { Account } from "../generated/prisma/client.js";
import { upgradeAddress } from "../plugins/rate-limit.js";
import type { SocketContext, SocketTokens } from "./connect.js";

/** What a socket's operation hands yoga as its initial context: the Lede context, built already. */
export interface PreparedContext {
  ledeContext?: Context;
}

/** The operation's own execute and subscribe, with yoga's plugins: the root value carries them to graphql-ws. */
interface EnvelopedRoot {
  execute(args: ExecutionArgs): unknown;
  subscribe(args: ExecutionArgs): unknown;
}

export const executeOperation = (args: ExecutionArgs) => (args.rootValue as EnvelopedRoot).execute(args) as never;
export const subscribeOperation = (args: ExecutionArgs) => (args.rootValue as EnvelopedRoot).subscribe(args) as never;

export interface PrepareDeps {
  yoga: YogaServerInstance<PreparedContext, Context>;
  resolveViewer: ResolveViewer;
  tokens: SocketTokens;
  trustedProxies: string[];
  newContext(viewer: Account | null): Context;
  maskError(error: unknown): Error;
}

/** Builds graphql-ws' execution arguments for an operation, or the errors that refuse it. */
export function prepareOperation(deps: PrepareDeps) {
  return async (ctx: SocketContext, params: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    let viewer: Account | null;
    try {
      // A socket outlives tokens: check the token again for every operation, so a revoked or expired one stops.
      viewer = await deps.resolveViewer({
        authorization: deps.tokens.get(ctx.extra),
        address: () => upgradeAddress(ctx.extra.request, deps.trustedProxies),
        over: "socket",
      });
    } catch (error) {
      if (error instanceof InvalidTokenError) ctx.extra.socket.close(4403, "Forbidden");
      if (error instanceof InvalidTokenError || error instanceof RateLimitedError) return [error];
      throw error;
    }
    const enveloped = deps.yoga.getEnveloped({ ...ctx, ledeContext: deps.newContext(viewer), params });
    let document;
    try {
      document = enveloped.parse(params.query);
    } catch (error) {
      const masked = deps.maskError(error);
      return [masked instanceof GraphQLError ? masked : new GraphQLError("The query could not be parsed")];
    }
    const args: ExecutionArgs = {
      schema: enveloped.schema,
      operationName: params.operationName,
      document,
      variableValues: params.variables,
      contextValue: await enveloped.contextFactory(),
      rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe } satisfies EnvelopedRoot,
    };
    const errors = enveloped.validate(args.schema, args.document);
    if (errors.length > 0) return errors;
    return args;
  };
}
