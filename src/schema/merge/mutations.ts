// mergeEntities: two records of one person, organisation, event or place become one (services/merge.ts).
import { EventRef, OrganisationRef, PersonRef, PlaceRef } from "../shared/entity-refs.js";
import { builder } from "../../builder.js";
import { PURGES_CACHE } from "../shared/cache-facts.js";
import { encodeGlobalId } from "../../global-id.js";
import { mergeEntities, type MergeResult } from "../../services/entities/merge.js";
import { MentionedEntity } from "../links/types.js";

const MergeEntitiesInput = builder.inputType("MergeEntitiesInput", {
  description: "Two records of the same thing, and the versions you saw of each.",
  fields: (t) => ({
    keepId: t.id({ required: true, description: "The record that stays." }),
    mergeId: t.id({ required: true, description: "The record merged into it and deleted (of the same type)." }),
    keepVersion: t.int({ required: true, description: "The version of the kept record you saw." }),
    mergeVersion: t.int({ required: true, description: "The version of the merged record you saw." }),
  }),
});

const REFS = { Person: PersonRef, Organisation: OrganisationRef, Event: EventRef, Place: PlaceRef };

const MergeEntitiesPayload = builder.objectRef<MergeResult>("MergeEntitiesPayload").implement({
  description: "What a merge left: the kept record, and the id that now leads to it.",
  fields: (t) => ({
    kept: t.field({
      type: MentionedEntity,
      description: "The kept record, with the merged one's names and links.",
      resolve: async (result, _args, ctx) => {
        const row = await ctx.loaders.rows[result.type].load(result.keptId);
        return (REFS[result.type] as typeof PersonRef).addBrand(row as never);
      },
    }),
    mergedId: t.id({
      description: "The merged record's global id: node(id:) and the type's root field now return the kept record.",
      resolve: (result) => encodeGlobalId(result.type, result.mergedId),
    }),
  }),
});

builder.mutationField("mergeEntities", (t) =>
  t.field({
    extensions: PURGES_CACHE,
    type: MergeEntitiesPayload,
    description:
      "Editors: merges two records of one person, organisation, event or place. The merged record's name becomes an alternate name of the kept one (people and organisations), its mentions, credits and links move over, blanks are filled from it, and it is deleted.",
    args: { input: t.arg({ type: MergeEntitiesInput, required: true, description: "The two records." }) },
    resolve: (_root, { input }, ctx) => mergeEntities(ctx, input),
  }),
);
