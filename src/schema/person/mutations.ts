// Editors' mutations on the entity graph: people, mentions, affiliations.
import { builder } from "../../builder.js";
import { PURGES_CACHE } from "../shared/cache-facts.js";
import { updatePerson } from "../../services/entities/editing.js";
import {
  addAffiliation,
  addMention,
  createPerson,
  removeAffiliation,
  removeMention,
} from "../../services/graph/editing.js";
import { PartialDateInput } from "../shared/dates.js";

const CreatePersonInput = builder.inputType("CreatePersonInput", {
  description: "A new person.",
  fields: (t) => ({
    slug: t.string({ required: true, description: "Lower-case words joined by hyphens; unique." }),
    name: t.string({ required: true, description: "The name Lede uses." }),
    alternateNames: t.stringList({ required: false, description: "Other spellings." }),
    description: t.string({ required: false, description: "Who the person is." }),
    nationality: t.string({ required: false, description: "Their nationality." }),
    clientMutationId: t.string({
      required: false,
      description: "Your id for this create: a retry with the same id and input returns the first person.",
    }),
  }),
});

const UpdatePersonInput = builder.inputType("UpdatePersonInput", {
  description: "Changes to a person; fields left out stay as they are, null clears an optional one.",
  fields: (t) => ({
    id: t.id({ required: true, description: "The person." }),
    version: t.int({
      required: true,
      description: "The version you edited (Person.version): a stale one is a CONFLICT.",
    }),
    slug: t.string({ required: false, description: "A new slug (unique)." }),
    name: t.string({
      required: false,
      description: "A new name (an alternate name given as the name stops being one).",
    }),
    description: t.string({ required: false, description: "Who the person is." }),
    nationality: t.string({ required: false, description: "Their nationality." }),
    addAlternateNames: t.stringList({ required: false, description: "Spellings to add (ones it has are ignored)." }),
    removeAlternateNames: t.stringList({
      required: false,
      description: "Spellings to remove (each must be one it has).",
    }),
  }),
});

const AddMentionInput = builder.inputType("AddMentionInput", {
  description: "A mention of an entity by an article (setting it again changes its salience and role).",
  fields: (t) => ({
    articleId: t.id({ required: true, description: "The article." }),
    entityId: t.id({ required: true, description: "A Person, Organisation, Event or Place." }),
    salience: t.float({ required: true, description: "How central the entity is, 0–1." }),
    role: t.string({ required: false, description: "Its part in the story." }),
  }),
});

const AddAffiliationInput = builder.inputType("AddAffiliationInput", {
  description: "A person's role in an organisation over a period.",
  fields: (t) => ({
    personId: t.id({ required: true, description: "The person." }),
    organisationId: t.id({ required: true, description: "The organisation." }),
    role: t.string({ required: true, description: "The role." }),
    start: t.field({ type: PartialDateInput, required: false, description: "When it began." }),
    end: t.field({ type: PartialDateInput, required: false, description: "When it ended (not before start)." }),
  }),
});

builder.prismaObjectField("Person", "version", (t) =>
  t.exposeInt("version", { description: "Bumped by every edit of the record; send it back with updates and merges." }),
);

builder.mutationFields((t) => ({
  createPerson: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Person",
    description: "Editors: adds a person.",
    args: { input: t.arg({ type: CreatePersonInput, required: true, description: "The person." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const person = await createPerson(ctx, input);
      return ctx.prisma.person.findUniqueOrThrow({ ...query, where: { id: person.id } });
    },
  }),
  updatePerson: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Person",
    description: "Editors: changes a person, if nobody changed them since the version you name.",
    args: { input: t.arg({ type: UpdatePersonInput, required: true, description: "The changes." }) },
    resolve: async (query, _root, { input }, ctx) =>
      ctx.prisma.person.findUniqueOrThrow({ ...query, where: { id: await updatePerson(ctx, input) } }),
  }),
  addMention: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Mention",
    description: "Editors: records that an article mentions an entity.",
    args: { input: t.arg({ type: AddMentionInput, required: true, description: "The mention." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const mention = await addMention(ctx, input);
      return ctx.prisma.mention.findUniqueOrThrow({ ...query, where: { id: mention.id } });
    },
  }),
  removeMention: t.boolean({
    extensions: PURGES_CACHE,
    description: "Editors: removes an article's mention of an entity; false when there was none.",
    args: {
      articleId: t.arg.id({ required: true, description: "The article." }),
      entityId: t.arg.id({ required: true, description: "The entity." }),
    },
    resolve: (_root, args, ctx) => removeMention(ctx, args),
  }),
  addAffiliation: t.prismaField({
    extensions: PURGES_CACHE,
    type: "Affiliation",
    description: "Editors: records a person's role in an organisation.",
    args: { input: t.arg({ type: AddAffiliationInput, required: true, description: "The affiliation." }) },
    resolve: async (query, _root, { input }, ctx) => {
      const affiliation = await addAffiliation(ctx, input);
      return ctx.prisma.affiliation.findUniqueOrThrow({ ...query, where: { id: affiliation.id } });
    },
  }),
  removeAffiliation: t.boolean({
    extensions: PURGES_CACHE,
    description: "Editors: removes an affiliation; false when there is none (a retry is harmless).",
    args: { id: t.arg.id({ required: true, description: "The affiliation (Affiliation.id)." }) },
    resolve: (_root, args, ctx) => removeAffiliation(ctx, args.id),
  }),
}));
