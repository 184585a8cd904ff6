// Webhooks: endpoints, delivery logs, replays (see services/webhooks for the outbox and the dispatcher).
import "./types.js";
import "./queries.js";
import "./mutations.js";
