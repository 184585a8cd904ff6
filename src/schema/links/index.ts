// The typed links of the entity graph: mentions, affiliations and event participants.
import "./types.js";
