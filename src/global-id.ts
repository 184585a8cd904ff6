// Opaque global ids: base64url("Type:rowId"). Decoding checks the shape and the type name so that a malformed id is a
// BAD_USER_INPUT error rather than a crash deep in a resolver.
import { BadUserInputError } from "./errors.js";
import { listOf, withArticle } from "./wording.js";

/** The GraphQL types that implement Node; filled in as the schema modules register them. */
export const nodeTypeNames = new Set<string>();

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, "utf8").toString("base64url");
}

/** Decodes any Lede id; a malformed one is a BAD_USER_INPUT naming `field`, the argument it came in. */
export function decodeGlobalId(globalId: string, field = "id"): { typename: string; id: string } {
  const fail = (): never => {
    throw new BadUserInputError(`${JSON.stringify(globalId.slice(0, 80))} is not a valid Lede id`, field);
  };
  if (globalId.length === 0 || globalId.length > 512 || !/^[A-Za-z0-9_-]+={0,2}$/.test(globalId)) fail();
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator <= 0) fail();
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!nodeTypeNames.has(typename) || id.length === 0 || /[\u0000-\u001f]/.test(id)) fail();
  return { typename, id };
}

/** Decodes an id that must name one of `expected` types. */
export function decodeGlobalIdOf(globalId: string, expected: string | string[], field = "id"): string {
  const types = Array.isArray(expected) ? expected : [expected];
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(globalId, field);
  } catch {
    throw new BadUserInputError(`${field} is not a valid ${listOf(types, "or")} id`, field);
  }
  if (!types.includes(decoded.typename)) {
    throw new BadUserInputError(
      `${field} must be ${withArticle(listOf(types, "or"))} id, not ${withArticle(decoded.typename)} id`,
      field,
    );
  }
  return decoded.id;
}
