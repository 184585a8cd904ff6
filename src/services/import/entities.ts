// The people, organisations and places an import can link to, and the creation of new ones. The index is read once
// per run and then kept in step with what each article's transaction creates (and forgets what a rollback undid).
// Names match by name or alternate name, whatever the case or diacritics.
import type { Prisma as P } from "../../generated/prisma/client.js";
import type { OrganisationKind } from "../../generated/prisma/enums.js";
import { normalName, slugify, wordsOf } from "./names.js";
import type { EntityType } from "./types.js";

type Tx = P.TransactionClient;

export interface KnownEntity {
  type: EntityType;
  id: string;
  slug: string;
  name: string;
  /** True for an entity this import created (and that a dry run will not keep). */
  created: boolean;
}

export interface ImportDeps {
  clock: () => Date;
  newId: () => string;
}

/** Every name of every entity, keyed by its words ("andrei medvedev"), for matching against an article's text. */
export class EntityIndex {
  private readonly byName = new Map<string, KnownEntity[]>();
  private readonly keysById = new Map<string, Set<string>>();
  /** Names written in capitals (UDI, AP): they match only where the text writes them in capitals too. */
  readonly acronyms = new Set<string>();
  private readonly slugs: Record<EntityType, Map<string, KnownEntity>> = {
    Person: new Map(),
    Organisation: new Map(),
    Place: new Map(),
  };
  longestName = 1;

  /** People by the first and by the last word of each of their names. */
  private readonly peopleByPart = new Map<string, Set<KnownEntity>>();
  /** What the article being imported created: kept when its transaction commits, forgotten when it rolls back. */
  private readonly created: KnownEntity[] = [];

  /** "Person Jane Doe", for each entity the current article created. */
  createdNames(): string[] {
    return this.created.map((e) => `${e.type} ${e.name}`);
  }

  /** The article's transaction committed: its new entities are part of the graph now. */
  keep(): void {
    this.created.length = 0;
  }

  /** The article's transaction rolled back (a failure or a dry run): its new entities do not exist. */
  forget(): void {
    for (const entity of this.created) {
      this.slugs[entity.type].delete(entity.slug);
      for (const key of this.keysById.get(entity.id) ?? []) {
        const rest = (this.byName.get(key) ?? []).filter((e) => e.id !== entity.id);
        if (rest.length) this.byName.set(key, rest);
        else this.byName.delete(key);
        for (const part of [key.split(" ")[0]!, key.split(" ").at(-1)!]) this.peopleByPart.get(part)?.delete(entity);
      }
      this.keysById.delete(entity.id);
    }
    this.created.length = 0;
  }

  add(entity: KnownEntity, names: string[]): void {
    if (entity.created) this.created.push(entity);
    this.slugs[entity.type].set(entity.slug, entity);
    for (const name of new Set([entity.name, ...names])) {
      const key = keyOf(name);
      if (!key) continue;
      const words = key.split(" ");
      if (entity.type === "Person" && words.length > 1)
        for (const part of [words[0]!, words.at(-1)!])
          this.peopleByPart.set(part, (this.peopleByPart.get(part) ?? new Set()).add(entity));
      if (name === name.toUpperCase() && /\p{Lu}/u.test(name)) this.acronyms.add(key);
      const list = this.byName.get(key) ?? [];
      if (!list.some((e) => e.id === entity.id)) list.push(entity);
      const keys = this.keysById.get(entity.id) ?? new Set();
      this.keysById.set(entity.id, keys.add(key));
      this.byName.set(key, list);
      this.longestName = Math.max(this.longestName, key.split(" ").length);
    }
  }

  /** Every name of an entity, as keys. */
  keysOf(id: string): string[] {
    return [...(this.keysById.get(id) ?? [])];
  }

  find(name: string, type?: EntityType): KnownEntity | undefined {
    const list = this.byName.get(keyOf(name)) ?? [];
    return type ? list.find((e) => e.type === type) : list[0];
  }

  findByKey(key: string): KnownEntity[] {
    return this.byName.get(key) ?? [];
  }

  /** The people whose first or last name is this word ("Medvedev", "Andrey"). */
  peopleCalled(word: string): KnownEntity[] {
    return [...(this.peopleByPart.get(word) ?? [])];
  }

  /** A merged record's slug leads to the record it was merged into, and is never handed out again. */
  aliasSlug(slug: string, target: KnownEntity): void {
    if (!this.slugs[target.type].has(slug)) this.slugs[target.type].set(slug, target);
  }

  bySlug(type: EntityType, slug: string): KnownEntity | undefined {
    return this.slugs[type].get(slug);
  }

  freeSlug(type: EntityType, name: string): string {
    const base = slugify(name, 100);
    let slug = base;
    for (let n = 2; this.slugs[type].has(slug); n++) slug = `${base}-${n}`;
    return slug;
  }
}

/** The words of a name as the index keys them. */
export function keyOf(name: string): string {
  return wordsOf(name)
    .map((w) => w.word)
    .join(" ");
}

export async function loadEntityIndex(tx: Tx): Promise<EntityIndex> {
  // Plain statements one after the other: a transaction is one connection, and pg will not queue on it.
  const people = await tx.person.findMany({ select: { id: true, slug: true, name: true } });
  const personNames = await tx.personName.findMany({ select: { personId: true, name: true } });
  const organisations = await tx.organisation.findMany({ select: { id: true, slug: true, name: true } });
  const organisationNames = await tx.organisationName.findMany({ select: { organisationId: true, name: true } });
  const places = await tx.place.findMany({ select: { id: true, slug: true, name: true } });
  const namesOf = <K extends string>(rows: ({ name: string } & Record<K, string>)[], key: K) => {
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row[key], [...(map.get(row[key]) ?? []), row.name]);
    return map;
  };
  const alternatesOfPeople = namesOf(personNames, "personId");
  const alternatesOfOrganisations = namesOf(organisationNames, "organisationId");
  const index = new EntityIndex();
  const byId = new Map<string, KnownEntity>();
  const add = (entity: KnownEntity, names: string[]) => {
    byId.set(`${entity.type}:${entity.id}`, entity);
    index.add(entity, names);
  };
  for (const p of people)
    add({ type: "Person", id: p.id, slug: p.slug, name: p.name, created: false }, alternatesOfPeople.get(p.id) ?? []);
  for (const o of organisations)
    add(
      { type: "Organisation", id: o.id, slug: o.slug, name: o.name, created: false },
      alternatesOfOrganisations.get(o.id) ?? [],
    );
  for (const p of places) add({ type: "Place", id: p.id, slug: p.slug, name: p.name, created: false }, []);
  const redirects = await tx.entityRedirect.findMany({
    where: { entityType: { in: ["Person", "Organisation", "Place"] } },
    select: { entityType: true, slug: true, targetId: true },
  });
  for (const r of redirects) {
    const target = byId.get(`${r.entityType}:${r.targetId}`);
    if (target) index.aliasSlug(r.slug, target);
  }
  return index;
}

/** The entity of that name, created (and added to the index) when there is none yet. */
export async function findOrCreate(
  tx: Tx,
  deps: ImportDeps,
  index: EntityIndex,
  type: EntityType,
  rawName: string,
  options: { slug?: string | null; organisationKind?: OrganisationKind } = {},
): Promise<KnownEntity> {
  const name = rawName.replace(/\s+/g, " ").trim().slice(0, 200);
  // By name first; then by the slug a source gives as the entity's identifier (a ninjs literal).
  // The slug the name would get also finds a record merged away under it (places have no alternate names).
  const existing =
    index.find(name, type) ??
    (options.slug ? index.bySlug(type, options.slug) : undefined) ??
    index.bySlug(type, slugify(name, 100));
  if (existing) return existing;
  const now = deps.clock();
  const id = deps.newId();
  const slug = index.freeSlug(type, options.slug ?? name);
  const data = { id, slug, name, createdAt: now, updatedAt: now };
  if (type === "Person") await tx.person.create({ data });
  else if (type === "Organisation")
    await tx.organisation.create({ data: { ...data, kind: options.organisationKind ?? "OTHER" } });
  else await tx.place.create({ data: { ...data, kind: "OTHER" } });
  const entity: KnownEntity = { type, id, slug, name, created: true };
  index.add(entity, []);
  return entity;
}

export { normalName };
