// Imports every domain (each registers its types on the builder) and builds the executable schema.
import { isObjectType, type GraphQLSchema } from "graphql";
import { builder } from "../builder.js";
import { nodeTypeNames } from "../global-id.js";
import { guardArguments } from "./shared/argument-guards.js";
import "./shared/enums.js";
import "./links/types.js";
import "./article/types.js";
import "./article/queries.js";
import "./article/mutations.js";
import "./article/link-mutations.js";
import "./article/exports.js";
import "./person/types.js";
import "./person/mutations.js";
import "./organisation/types.js";
import "./organisation/mutations.js";
import "./event/types.js";
import "./event/mutations.js";
import "./place/types.js";
import "./place/mutations.js";
import "./merge/mutations.js";
import "./find/queries.js";
import "./graph/types.js";
import "./graph/queries.js";
import "./stats/types.js";
import "./account/types.js";
import "./comment/types.js";
import "./comment/mutations.js";

function buildSchema(): GraphQLSchema {
  const schema = builder.toSchema({ sortSchema: true });
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type) && type.getInterfaces().some((i) => i.name === "Node")) nodeTypeNames.add(type.name);
  }
  guardArguments(schema);
  return schema;
}

export const schema = buildSchema();
