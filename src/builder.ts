// The one Pothos SchemaBuilder. Every domain module under schema/ adds its types to it.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { DateTimeResolver } from "graphql-scalars";
import type PrismaTypes from "./generated/pothos-types.js";
import { getDatamodel } from "./generated/pothos-types.js";
import type { Context } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "./global-id.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./schema/shared/page-size.js";
import { loadNode } from "./services/shared/nodes.js";

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false, description: "The items of this page, each with its cursor." },
    nodeFieldOptions: { nullable: false, description: "The item." },
    cursorFieldOptions: { description: "An opaque position in the list: pass it as after or before." },
    pageInfoFieldOptions: { description: "Where this page sits in the whole list." },
    hasNextPageFieldOptions: { description: "True when there are more items after this page." },
    hasPreviousPageFieldOptions: { description: "True when there are items before this page." },
    startCursorFieldOptions: { description: "The cursor of the first item of this page." },
    endCursorFieldOptions: { description: "The cursor of the last item of this page." },
    firstArgOptions: {
      description: `How many items to return from the start (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
    },
    lastArgOptions: { description: `How many items to return from the end (at most ${MAX_PAGE_SIZE}).` },
    afterArgOptions: { description: "Return the items after this cursor." },
    beforeArgOptions: { description: "Return the items before this cursor." },
    idFieldOptions: { description: "The object's global id: opaque, stable, accepted by node(id:)." },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: (globalId: string) => decodeGlobalId(globalId),
    nodeTypeOptions: {
      description: "An object with a globally unique, opaque id. Fetch any of them again with `node(id:)`.",
    },
    pageInfoTypeOptions: { description: "Where a page of a connection sits in the whole list." },
    nodeQueryOptions: {
      description: "Fetches any object by its global id; null when nothing (visible to you) has that id.",
      nullable: true,
      args: { id: { description: "A global id, as any object's `id` field returns it." } },
      resolve: (_root, { id }, ctx) => loadNode(ctx, id.typename, id.id),
    },
    nodesQueryOptions: {
      description: "Fetches several objects by global id, in the order given; null for each id that matches nothing.",
      nullable: { list: false, items: true },
      args: { ids: { description: "Global ids, as objects' `id` fields return them." } },
      resolve: (_root, { ids }, ctx) => ids.map(({ typename, id }) => loadNode(ctx, typename, id)),
    },
  },
});

builder.addScalarType("DateTime", DateTimeResolver, {
  description: "An instant in time, as an ISO-8601 string in UTC (2024-02-07T11:22:00.000Z).",
});

builder.queryType({ description: "Everything Lede can tell you: articles, the entities they mention, comments." });
builder.mutationType({ description: "Changes: sessions and comments." });
builder.subscriptionType({ description: "Live streams, over graphql-ws (same URL as HTTP)." });
