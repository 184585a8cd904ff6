// Comments: the types, queries, mutations and live subscriptions.
import "./types.js";
import "./queries.js";
import "./mutations.js";
import "./subscriptions.js";
