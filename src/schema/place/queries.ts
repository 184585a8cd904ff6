// The root fields of places: one by id or slug (`place`) and the filtered, paged list (`places`).
import { entityRootFields } from "../shared/entity-roots.js";
import { PlaceConnection } from "./types.js";

entityRootFields({
  connection: PlaceConnection,
  type: "Place",
  single: "place",
  plural: "places",
  label: "place",
  orderBy: [{ name: "asc" }, { id: "asc" }],
});
