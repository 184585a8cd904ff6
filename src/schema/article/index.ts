// Articles: the type and what hangs off it, the root queries, the editorial mutations.
import "./types.js";
import "./queries.js";
import "./mutations.js";
