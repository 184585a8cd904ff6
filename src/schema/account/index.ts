// Accounts: the type, the viewer and guest sessions.
import "./types.js";
import "./queries.js";
import "./mutations.js";
