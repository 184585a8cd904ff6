// The row a foreign key points at, through the request's row loaders (src/loaders/rows.ts): a page's sections,
// publishers, credited people, mentioned entities and comment authors, of every table, are then one SQL statement
// instead of one a table (the n-plus-one test counts them). Used by the one-to-one fields a list page shows. Each
// root field's subtree has loaders of its own (Loaders.rowsUnder), so that how many statements a page costs does not
// depend on when its other root fields' reads answer.
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../../context.js";
import type { LoadableRows, RowTypename } from "../../loaders/index.js";

/** The response key of the root field a resolver runs under. */
function rootFieldOf(info: GraphQLResolveInfo): string {
  let path = info.path;
  while (path.prev) path = path.prev;
  return String(path.key);
}

/** The row a required foreign key points at; the database's foreign keys guarantee it is there. */
export async function linkedRow<K extends RowTypename>(
  ctx: Context,
  info: GraphQLResolveInfo,
  typename: K,
  id: string,
): Promise<LoadableRows[K]> {
  const row = await ctx.loaders.rowsUnder(rootFieldOf(info))[typename].load(id);
  if (!row) throw new Error(`${typename} ${id} is linked to but was not found`);
  return row;
}

/** The row an optional foreign key points at, or null when it is not set. */
export function optionalLinkedRow<K extends RowTypename>(
  ctx: Context,
  info: GraphQLResolveInfo,
  typename: K,
  id: string | null,
): Promise<LoadableRows[K]> | null {
  return id === null ? null : linkedRow(ctx, info, typename, id);
}
