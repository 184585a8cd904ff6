// Picture credits as newsrooms write them: "Jane Doe / Agency", "Agency via Distributor", "Copyright 2023 Agency.
// All rights reserved.", or a name alone. The photographer becomes the credited person and the first agency the
// credited organisation; new ones are created when the credit says clearly which is which.
import type { Prisma as P } from "../../generated/prisma/client.js";
import { findOrCreate, type EntityIndex, type ImportDeps, type KnownEntity } from "./entities.js";

const AGENCY_WORDS =
  /\b(images?|press|agency|news|photos?|pictures|wire|media|afp|reuters|ap|pa|epa|ntb|getty|alamy)\b/i;

/** The parts of a credit: "Gorm Kallestad / NTB" → ["Gorm Kallestad", "NTB"]. */
export function creditParts(credit: string): string[] {
  return credit
    .replace(/^(?:photo(?:graph)?s?|picture|image)\s*:\s*/i, "")
    .replace(/\ball rights reserved\.?/i, "")
    .replace(/^(?:copyright|©)\s*(?:\(c\)\s*)?(?:\d{4}\s*)?/i, "")
    .replace(/^©\s*/, "")
    .split(/\s*\/\s*|\s+via\s+|\s*;\s*/i)
    .map((part) => part.replace(/[.,\s]+$/, "").trim())
    .filter(Boolean);
}

export async function creditedEntities(
  tx: P.TransactionClient,
  deps: ImportDeps,
  index: EntityIndex,
  credit: string,
): Promise<{ person: KnownEntity | null; organisation: KnownEntity | null }> {
  const parts = creditParts(credit);
  let person: KnownEntity | null = null;
  let organisation: KnownEntity | null = null;
  for (const [position, part] of parts.entries()) {
    const knownPerson = index.find(part, "Person");
    const knownOrganisation = index.find(part, "Organisation");
    if (knownPerson && !person) person = knownPerson;
    else if (knownOrganisation && !organisation) organisation = knownOrganisation;
    else if (!knownPerson && !knownOrganisation) {
      // Unknown: an agency by its words or by standing after the photographer, else a photographer before an agency.
      const agency = AGENCY_WORDS.test(part) || (position > 0 && !organisation);
      if (agency && !organisation)
        organisation = await findOrCreate(tx, deps, index, "Organisation", part, { organisationKind: "PHOTO_AGENCY" });
      else if (!agency && !person && parts.length > 1 && /^(\p{Lu}[\p{L}'’.-]*\s*){2,4}$/u.test(part))
        person = await findOrCreate(tx, deps, index, "Person", part);
    }
  }
  return { person, organisation };
}
