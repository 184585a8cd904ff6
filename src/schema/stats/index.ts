// Statistics for analysts.
import "./types.js";
import "./queries.js";
