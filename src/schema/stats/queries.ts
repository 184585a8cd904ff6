// stats(from:, to:): the analysts' entry point, for a date window.
import { builder } from "../../builder.js";
import { VIEWER_SPECIFIC } from "../shared/cache-facts.js";
import * as stats from "../../services/stats/stats.js";
import { StatsRef } from "./types.js";

builder.queryField("stats", (t) =>
  t.field({
    extensions: VIEWER_SPECIFIC,
    type: StatsRef,
    description: "Aggregates for analysts (ANALYST, EDITOR and ADMIN accounts) over an optional date window.",
    args: {
      from: t.arg({ type: "DateTime", required: false, description: "Only from this instant on (inclusive)." }),
      to: t.arg({ type: "DateTime", required: false, description: "Only up to this instant (inclusive)." }),
    },
    resolve: (_root, args, ctx) => {
      stats.requireAnalyst(ctx);
      const window = { from: args.from ?? null, to: args.to ?? null };
      stats.checkStatsWindow(window);
      return window;
    },
  }),
);
