// Shared, named connection types (ArticleConnection, not QueryArticlesConnection) so that every list of the same
// thing has one type a client can write a fragment on, each with totalCount.
import { builder } from "../../builder.js";

type TotalCount = number | (() => number | Promise<number>) | undefined;

/**
 * Typed as `never` on purpose: a node type's fields refer to its own connection, so letting TypeScript infer the
 * connection's type from the node's would be circular. Pothos still checks the node shapes at the field.
 */
export function namedConnection(ref: unknown, name: string, plural: string): never {
  const connection = builder.connectionObject(
    {
      type: ref as never,
      name: `${name}Connection`,
      description: `A page of ${plural}, with cursors to fetch the pages around it.`,
      fields: (t) => ({
        totalCount: t.int({
          description: `How many ${plural} the whole list holds, across all pages.`,
          resolve: async (connection) => {
            const { totalCount } = connection as { totalCount?: TotalCount };
            const value = typeof totalCount === "function" ? await totalCount() : totalCount;
            return value ?? 0;
          },
        }),
      }),
    },
    { name: `${name}Edge`, description: `One of the ${plural} in a page, with its cursor.` },
  );
  return connection as never;
}
