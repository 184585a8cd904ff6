// The root fields every entity type has: one by id or slug (`person(id:)`, `person(slug:)`) and a paged list
// (`people`). Written once here because the four entity types differ only in names and order.
import { builder } from "../../builder.js";
import type { Context } from "../../context.js";
import { BadUserInputError } from "../../errors.js";
import { decodeGlobalIdOf } from "../../global-id.js";
import { withArticle } from "../../wording.js";
import type { namedConnection } from "./connections.js";
import { ENTITY_FILTERS, entityWhere } from "./entity-filters.js";

type EntityType = "Person" | "Organisation" | "Event" | "Place";

interface Delegate {
  findUnique(args: object): Promise<unknown>;
  findMany(args: object): Promise<unknown[]>;
  count(args: object): Promise<number>;
}

function delegateFor(ctx: Context, type: EntityType): Delegate {
  const delegates = {
    Person: ctx.prisma.person,
    Organisation: ctx.prisma.organisation,
    Event: ctx.prisma.event,
    Place: ctx.prisma.place,
  };
  return delegates[type] as unknown as Delegate;
}

/** Turns `(id, slug)` arguments into a unique where, insisting on exactly one of them. */
export function uniqueWhere(
  type: string,
  args: { id?: string | null; slug?: string | null },
): { id: string } | { slug: string } {
  if ((args.id == null) === (args.slug == null)) {
    throw new BadUserInputError(`Pass exactly one of id or slug to look up ${withArticle(type)}`, args.id == null ? "id" : "slug");
  }
  if (args.id != null) return { id: decodeGlobalIdOf(args.id, type) };
  const slug = args.slug!;
  if (slug.length === 0 || slug.length > 200) throw new BadUserInputError("slug must be 1–200 characters", "slug");
  return { slug };
}

export function entityRootFields(options: {
  type: EntityType;
  single: string;
  plural: string;
  label: string;
  orderBy: object[];
  connection: ReturnType<typeof namedConnection>;
}): void {
  const { type, single, plural, label, orderBy, connection } = options;
  builder.queryFields((t) => ({
    [single]: t.prismaField({
      type: type as "Person",
      nullable: true,
      description: `One ${label}, by global id or by slug (pass exactly one); null when none matches. The id or slug of a record merged into another leads to that one.`,
      args: {
        id: t.arg.id({ required: false, description: `The ${label}'s global id.` }),
        slug: t.arg.string({ required: false, description: `The ${label}'s slug.` }),
      },
      resolve: async (query, _root, args, ctx) => {
        const where = uniqueWhere(type, args);
        const row = await delegateFor(ctx, type).findUnique({ ...query, where });
        if (row) return row as never;
        // A merged record's id or slug leads to the record it was merged into.
        const redirect = await ctx.prisma.entityRedirect.findFirst({
          where: { entityType: type, ...("id" in where ? { id: where.id } : { slug: where.slug }) },
          orderBy: { createdAt: "desc" },
        });
        if (!redirect) return null;
        return delegateFor(ctx, type).findUnique({ ...query, where: { id: redirect.targetId } }) as never;
      },
    }),
    [plural]: t.prismaConnection(
      {
        type: type as "Person",
        cursor: "id",
        description: `Every ${label} (or those the filter picks), in a stable order (20 a page by default, at most 100).`,
        args: {
          filter: t.arg({
            type: ENTITY_FILTERS[type] as never,
            required: false,
            description: `Which ${plural} to list.`,
          }),
        },
        totalCount: (_root, args, ctx) => delegateFor(ctx, type).count({ where: entityWhere(type, args.filter, ctx) }),
        resolve: (query, _root, args, ctx) =>
          delegateFor(ctx, type).findMany({ ...query, where: entityWhere(type, args.filter, ctx), orderBy }) as never,
      },
      connection as never,
    ),
  }));
}
