// The root fields of people: one by id or slug (`person`) and the filtered, paged list (`people`).
import { entityRootFields } from "../shared/entity-roots.js";
import { PersonConnection } from "./types.js";

entityRootFields({
  connection: PersonConnection,
  type: "Person",
  single: "person",
  plural: "people",
  label: "person",
  orderBy: [{ name: "asc" }, { id: "asc" }],
});
