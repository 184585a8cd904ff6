// The root fields of events: one by id or slug (`event`) and the filtered, paged list (`events`).
import { entityRootFields } from "../shared/entity-roots.js";
import { EventConnection } from "./types.js";

entityRootFields({
  connection: EventConnection,
  type: "Event",
  single: "event",
  plural: "events",
  label: "event",
  orderBy: [{ startsAt: "asc" }, { id: "asc" }],
});
