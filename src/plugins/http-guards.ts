// HTTP rules that sit in front of GraphQL: a body size limit (413), only JSON bodies for POST (CSRF: a browser form
// cannot send application/json without a CORS preflight), and, in production, introspection only for accounts that
// explore the schema.
import type { IncomingMessage, ServerResponse } from "node:http";
import { visit, type DocumentNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Config } from "../platform/config.js";
import type { Context } from "../context.js";
import { ForbiddenError } from "../errors.js";

function refuse(res: ServerResponse, status: number, message: string, extensions: Record<string, unknown>): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(JSON.stringify({ errors: [{ message, extensions }] }));
}

/** Wraps the node:http handler so that an oversized body is refused before anything parses it. */
export function limitBodySize(limit: number, next: (req: IncomingMessage, res: ServerResponse) => void) {
  const message = `The request body may be at most ${limit} bytes (MAX_BODY_BYTES)`;
  const extensions = { code: "LIMIT_EXCEEDED", limit: "MAX_BODY_BYTES", value: limit };
  return (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      refuse(res, 413, message, extensions);
      req.resume();
      return;
    }
    if (req.headers["transfer-encoding"]) {
      let received = 0;
      req.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > limit && !res.headersSent) {
          refuse(res, 413, message, extensions);
          req.destroy();
        }
      });
    }
    next(req, res);
  };
}

const JSON_TYPES = ["application/json", "application/graphql-response+json"];

function asksForIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") found = true;
    },
  });
  return found;
}

export function mayIntrospect(config: Config, viewer: Context["viewer"]): boolean {
  if (config.introspection === "on") return true;
  if (config.introspection === "off") return false;
  if (config.env !== "production") return true;
  return viewer?.role === "ANALYST" || viewer?.role === "EDITOR" || viewer?.role === "ADMIN";
}

export function useHttpGuards(config: Config): Plugin<{}, Context> {
  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== config.graphqlPath || request.method !== "POST") return;
      const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (!JSON_TYPES.includes(type)) {
        endResponse(
          Response.json(
            {
              errors: [
                { message: "POST a JSON body (content-type: application/json)", extensions: { code: "BAD_REQUEST" } },
              ],
            },
            { status: 415 },
          ),
        );
      }
    },
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as Context;
      if (asksForIntrospection(args.document) && !mayIntrospect(config, ctx.viewer)) {
        setResultAndStopExecution({
          errors: [new ForbiddenError("Introspection is available to analyst, editor and admin tokens")],
        });
      }
    },
  };
}
