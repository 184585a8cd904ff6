// Imports every domain (each registers its types on the builder) and builds the executable schema.
import { isObjectType, type GraphQLSchema } from "graphql";
import { builder } from "../builder.js";
import { nodeTypeNames } from "../global-id.js";
import { guardArguments } from "./argument-guards.js";
import "./common.js";
import "./links.js";
import "./article/types.js";
import "./article/queries.js";
import "./article/mutations.js";
import "./article/link-mutations.js";
import "./article/exports.js";
import "./person/index.js";
import "./person/mutations.js";
import "./organisation/index.js";
import "./organisation/mutations.js";
import "./event/index.js";
import "./event/mutations.js";
import "./place/index.js";
import "./place/mutations.js";
import "./merge.js";
import "./find/search.js";
import "./graph/index.js";
import "./graph/timeline.js";
import "./stats/index.js";
import "./account/index.js";
import "./comment/types.js";
import "./comment/operations.js";
import "./live/index.js";

function buildSchema(): GraphQLSchema {
  const schema = builder.toSchema({ sortSchema: true });
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node")) nodeTypeNames.add(type.name);
  }
  guardArguments(schema);
  return schema;
}

export const schema = buildSchema();
