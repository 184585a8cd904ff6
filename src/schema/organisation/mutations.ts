// Editors create and correct organisations.
import { builder } from "../../builder.js";
import { PURGES_CACHE } from "../shared/cache-facts.js";
import { createOrganisation, updateOrganisation } from "../../services/entities/editing.js";
import { OrganisationKindEnum } from "../shared/enums.js";

const CreateOrganisationInput = builder.inputType("CreateOrganisationInput", {
  description: "A new organisation.",
  fields: (t) => ({
    slug: t.string({ required: true, description: "Lower-case words joined by hyphens; unique." }),
    name: t.string({ required: true, description: "The name Lede uses." }),
    kind: t.field({ type: OrganisationKindEnum, required: true, description: "What kind of organisation it is." }),
    alternateNames: t.stringList({ required: false, description: "Other names it is known by." }),
    countryId: t.id({ required: false, description: "The country (a Place of kind COUNTRY) it is based in." }),
    description: t.string({ required: false, description: "What the organisation is." }),
    clientMutationId: t.string({
      required: false,
      description: "Your id for this create: a retry with the same id and input returns the first organisation.",
    }),
  }),
});

const UpdateOrganisationInput = builder.inputType("UpdateOrganisationInput", {
  description: "Changes to an organisation; fields left out stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The organisation." }),
    version: t.int({
      required: true,
      description: "The version you edited (Organisation.version): a stale one is a CONFLICT.",
    }),
    slug: t.string({ required: false, description: "A new slug (unique)." }),
    name: t.string({ required: false, description: "A new name." }),
    kind: t.field({ type: OrganisationKindEnum, required: false, description: "What kind of organisation it is." }),
    countryId: t.id({ required: false, description: "The country it is based in; null for none." }),
    description: t.string({ required: false, description: "What the organisation is." }),
    addAlternateNames: t.stringList({ required: false, description: "Names to add (ones it has are ignored)." }),
    removeAlternateNames: t.stringList({ required: false, description: "Names to remove (each must be one it has)." }),
  }),
});

builder.prismaObjectField("Organisation", "version", (t) =>
  t.exposeInt("version", { description: "Bumped by every edit of the record; send it back with updates and merges." }),
);

builder.mutationFields((t) => ({
  createOrganisation: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Organisation",
    description: "Editors: adds an organisation.",
    args: { input: t.arg({ type: CreateOrganisationInput, required: true, description: "The organisation." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.organisation.findUniqueOrThrow({ ...query, where: { id: await createOrganisation(ctx, input) } }),
  }),
  updateOrganisation: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Organisation",
    description: "Editors: changes an organisation, if nobody changed it since the version you name.",
    args: { input: t.arg({ type: UpdateOrganisationInput, required: true, description: "The changes." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.organisation.findUniqueOrThrow({ ...query, where: { id: await updateOrganisation(ctx, input) } }),
  }),
}));
