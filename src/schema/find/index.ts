// Search: ranked hits over articles and entities, with highlights and facets.
import "./types.js";
import "./queries.js";
