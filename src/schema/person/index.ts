// Person: the type, its root queries and its mutations.
import "./types.js";
import "./queries.js";
import "./mutations.js";
