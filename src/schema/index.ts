// Imports every domain (each registers its types on the builder; the order does not matter) and builds the
// executable schema.
import { isObjectType, type GraphQLSchema } from "graphql";
import { builder } from "../builder.js";
import { nodeTypeNames } from "../global-id.js";
import { guardArguments } from "./shared/argument-guards.js";
import { cacheFactsOf } from "./shared/cache-facts.js";
import "./account/index.js";
import "./article/index.js";
import "./comment/index.js";
import "./event/index.js";
import "./find/index.js";
import "./graph/index.js";
import "./links/index.js";
import "./live/index.js";
import "./merge/index.js";
import "./moderation/index.js";
import "./organisation/index.js";
import "./person/index.js";
import "./place/index.js";
import "./stats/index.js";
import "./webhooks/index.js";
import "./publishing/index.js";

function buildSchema(): GraphQLSchema {
  const schema = builder.toSchema({ sortSchema: true });
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node")) nodeTypeNames.add(type.name);
  }
  guardArguments(schema);
  // The caching facts marked on the types and fields, collected once; the caches read them (caching/policy.ts).
  cacheFactsOf(schema);
  return schema;
}

export const schema = buildSchema();
