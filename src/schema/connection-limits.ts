// Page sizes above the maximum are an error, not a silent clamp: a client asking for 500 should learn that it gets
// at most 100. Pothos clamps, so every connection field's resolver is wrapped to check first/last before it runs.
import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLSchema } from "graphql";
import { MAX_PAGE_SIZE } from "../builder.js";
import { BadUserInputError } from "../errors.js";

export function checkPageSize(args: { first?: unknown; last?: unknown }): void {
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (typeof value !== "number") continue;
    if (value < 0) throw new BadUserInputError(`${name} must not be negative`, name);
    if (value > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`${name} may be at most ${MAX_PAGE_SIZE} (got ${value}); page with after/before`, name);
    }
  }
}

export function enforceConnectionLimits(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const isConnection = getNamedType(field.type).name.endsWith("Connection");
      const hasPageArgs = field.args.some((a) => a.name === "first") && field.args.some((a) => a.name === "last");
      if (!isConnection || !hasPageArgs) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        checkPageSize(args);
        return resolve(source, args, context, info);
      };
    }
  }
}
