// Checks every field's arguments before its resolver (or subscribe) runs, for what no single resolver should have
// to remember: page sizes above the maximum are an error rather than a silent clamp (Pothos clamps); cursors must
// be cursors; text may not hold NUL or unpaired surrogates (PostgreSQL and Prisma reject those with errors that
// would otherwise surface as 500s); id lists are bounded.
import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from "graphql";
import { MAX_PAGE_SIZE } from "./page-size.js";
import { BadUserInputError } from "../../errors.js";

export const MAX_IDS = 100;

/** Field extensions of a connection whose cursors are its own (search: a hit's place in the ranking), not Pothos'
 * list cursors: its resolver checks them, and the page sizes. */
export const OWN_CURSORS = { ownCursors: true };

export function checkPageSize(args: { first?: unknown; last?: unknown }): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (typeof value !== "number") continue;
    if (value < 0) throw new BadUserInputError(`${name} must not be negative`, name);
    if (value > MAX_PAGE_SIZE) {
      throw new BadUserInputError(
        `${name} may be at most ${MAX_PAGE_SIZE} (got ${value}); page with after/before`,
        name,
      );
    }
  }
}

/** Pothos' Prisma cursors are base64 of "GPC:" and a typed chunk; ours are all string ids ("S:"). */
export function checkCursor(name: string, value: unknown): void {
  if (typeof value !== "string") return;
  const decoded =
    value.length <= 400 && /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, "base64").toString("utf8") : "";
  if (!/^GPC:S:[^\u0000-\u001f]{1,300}$/.test(decoded)) {
    throw new BadUserInputError(`${name} is not a cursor this list handed out`, name);
  }
}

function checkText(value: unknown, path: string): void {
  if (typeof value === "string") {
    if (value.includes("\u0000") || !value.isWellFormed()) {
      throw new BadUserInputError(`${path} contains a NUL character or an unpaired surrogate`, path);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => checkText(item, `${path}[${index}]`));
  } else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) checkText(item, `${path}.${key}`);
  }
}

function guard(isConnection: boolean) {
  return (args: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(args)) checkText(value, name);
    if (isConnection) {
      checkPageSize(args);
      checkCursor("after", args.after);
      checkCursor("before", args.before);
    }
    if (Array.isArray(args.ids) && args.ids.length > MAX_IDS) {
      throw new BadUserInputError(`ids may hold at most ${MAX_IDS} ids (got ${args.ids.length})`, "ids");
    }
  };
}

export function guardArguments(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const isConnection =
        getNamedType(field.type).name.endsWith("Connection") &&
        field.args.some((a) => a.name === "first") &&
        field.args.some((a) => a.name === "last");
      const check = guard(isConnection && field.extensions.ownCursors !== true);
      if (field.subscribe) {
        const subscribe = field.subscribe;
        field.subscribe = (source, args, context, info) => {
          check(args);
          return subscribe(source, args, context, info);
        };
        continue;
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        check(args);
        return resolve(source, args, context, info);
      };
    }
  }
}
