// The moderation domain: queues, flags, commenter history, account actions, a reader's own data.
import "./types.js";
import "./queries.js";
import "./mutations.js";
