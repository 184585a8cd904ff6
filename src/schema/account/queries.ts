// The viewer: the account a request's token acts as.
import { builder } from "../../builder.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";

builder.queryField("viewer", (t) =>
  t.prismaField({
    extensions: VIEWER_SPECIFIC,
    type: "Account",
    nullable: true,
    description: "The account your token acts as; null without a token.",
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.prisma.account.findUnique({ ...query, where: { id: ctx.viewer.id } }) : null,
  }),
);
