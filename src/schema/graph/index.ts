// The entity graph: co-mentions, related articles and timelines.
import "./types.js";
import "./queries.js";
