// The root fields of organisations: one by id or slug (`organisation`) and the filtered, paged list (`organisations`).
import { entityRootFields } from "../shared/entity-roots.js";
import { OrganisationConnection } from "./types.js";

entityRootFields({
  connection: OrganisationConnection,
  type: "Organisation",
  single: "organisation",
  plural: "organisations",
  label: "organisation",
  orderBy: [{ name: "asc" }, { id: "asc" }],
});
