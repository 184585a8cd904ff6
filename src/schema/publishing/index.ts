// Publishing on time (scheduling, embargoes), draft previews and revisions.
import "./types.js";
import "./queries.js";
import "./mutations.js";
