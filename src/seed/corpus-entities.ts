// The entities of a synthetic corpus, and the storylines that tie them together: a storyline is a few people,
// organisations, a place and its events that recur in many articles over a period, as real stories do; which
// storyline an article belongs to, and which extra entities it names, follow Zipf-like popularity.
import type { DatePrecision, EventKind, OrganisationKind, PlaceKind } from "../generated/prisma/enums.js";
import { Random, slugify, Zipf } from "./corpus-random.js";
import {
  AFFILIATION_ROLES,
  AGENCIES,
  EVENT_KINDS,
  EVENT_NAMES,
  FIRST_NAMES,
  NATIONALITIES,
  ORGANISATION_PATTERNS,
  placeName,
  PUBLISHERS,
  SURNAMES,
  TOPICS,
} from "./corpus-vocabulary.js";

const YEAR = 365.25 * 24 * 3600_000;
export const CORPUS_START = Date.UTC(2016, 0, 1);
export const CORPUS_END = Date.UTC(2026, 0, 1);

export interface Named {
  id: string;
  name: string;
}

export interface Storyline {
  topic: string;
  people: Named[];
  organisations: Named[];
  place: Named;
  events: Named[];
  startsAt: number;
  endsAt: number;
}

/** The first instant of the day, month or year a date is known to. */
export function truncateDate(time: number, precision: DatePrecision): Date {
  const d = new Date(time);
  if (precision === "YEAR") return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  if (precision === "MONTH") return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function precision(random: Random): DatePrecision {
  return random.weighted<DatePrecision>([
    ["DAY", 6],
    ["MONTH", 2.5],
    ["YEAR", 1.5],
  ]);
}

export function buildEntities(random: Random, tag: string) {
  const suffix = tag.replace(/^corpus/, "c");
  const places: { id: string; slug: string; name: string; kind: PlaceKind; parentId: string | null }[] = [];
  const addPlace = (name: string, kind: PlaceKind, parentId: string | null) => {
    const id = `${tag}-place-${places.length}`;
    places.push({ id, slug: `${slugify(name)}-${suffix}`, name, kind, parentId });
    return id;
  };
  const countries: Named[] = [];
  const cities: Named[] = [];
  for (let c = 0; c < 20; c++) {
    const name = placeName(c * 7);
    const countryId = addPlace(name, "COUNTRY", null);
    countries.push({ id: countryId, name });
    for (let r = 0; r < 2; r++) {
      const regionName = `${placeName(c * 7 + r + 1)} Province`;
      const regionId = addPlace(regionName, "REGION", countryId);
      for (let k = 0; k < 3; k++) {
        const cityName = placeName(c * 7 + r * 3 + k + 2 + 140 * (k + 1));
        cities.push({ id: addPlace(cityName, "CITY", regionId), name: cityName });
      }
    }
    if (c % 2 === 0) addPlace(`${name} border crossing`, "BORDER", countryId);
  }
  // Popular places are cities and countries alike, in a random order of popularity.
  const mentionablePlaces = shuffle(random, [...countries, ...cities]);

  const combinations = shuffle(
    random,
    FIRST_NAMES.flatMap((first, f) => SURNAMES.map((_, s) => [f, s] as const)),
  );
  const people: { id: string; slug: string; name: string; nationality: string; description: string }[] = [];
  const personNames: { id: string; personId: string; name: string }[] = [];
  for (let i = 0; i < 360; i++) {
    const [f, s] = combinations[i]!;
    const firsts = FIRST_NAMES[f]!;
    const lasts = SURNAMES[s]!;
    const name = `${firsts[0]} ${lasts[0]}`;
    const id = `${tag}-person-${i}`;
    const journalist = i >= 300;
    people.push({
      id,
      slug: `${slugify(name)}-${suffix}`,
      name,
      nationality: random.pick(NATIONALITIES),
      description: journalist ? "Reporter." : `Figure in stories about ${random.pick(TOPICS).replace("-", " ")}.`,
    });
    const variants = new Set(firsts.flatMap((first) => lasts.map((last) => `${first} ${last}`)));
    variants.delete(name);
    for (const alternate of [...variants].slice(0, 2))
      personNames.push({ id: `${id}-name-${personNames.length}`, personId: id, name: alternate });
  }
  const mentionablePeople: Named[] = people.slice(0, 300);
  const journalists: Named[] = people.slice(300);

  const organisations: {
    id: string;
    slug: string;
    name: string;
    kind: OrganisationKind;
    countryId: string | null;
  }[] = [];
  const organisationNames: { id: string; organisationId: string; name: string }[] = [];
  const seenNames = new Set<string>();
  const addOrganisation = (name: string, kind: OrganisationKind, countryId: string | null) => {
    const id = `${tag}-organisation-${organisations.length}`;
    organisations.push({ id, slug: `${slugify(name)}-${suffix}`, name, kind, countryId });
    const initials = name.match(/\b[A-Z]/g)?.join("") ?? "";
    if (initials.length >= 3 && !seenNames.has(initials)) {
      seenNames.add(initials);
      organisationNames.push({ id: `${id}-name`, organisationId: id, name: initials });
    }
    return { id, name };
  };
  const publishers = PUBLISHERS.map((name) => addOrganisation(name, "PUBLISHER", null));
  const agencies = AGENCIES.map((name) => addOrganisation(name, "NEWS_AGENCY", null));
  const mentionableOrganisations: Named[] = [...agencies];
  while (mentionableOrganisations.length < 150) {
    const [kind, pattern] = random.pick(ORGANISATION_PATTERNS);
    const country = random.pick(countries);
    const name = pattern
      .replace("{place}", country.name)
      .replace("{topic}", capitalise(random.pick(TOPICS)))
      .replace("{surname2}", random.pick(SURNAMES)[0]!)
      .replace("{surname}", random.pick(SURNAMES)[0]!);
    if (seenNames.has(name)) continue;
    seenNames.add(name);
    mentionableOrganisations.push(addOrganisation(name, kind as OrganisationKind, country.id));
  }

  const personRank = new Zipf(mentionablePeople.length, 0.9);
  const organisationRank = new Zipf(mentionableOrganisations.length, 0.9);
  const placeRank = new Zipf(mentionablePlaces.length, 0.9);
  const topicRank = new Zipf(TOPICS.length, 0.9);
  const storylines: Storyline[] = [];
  const events: {
    id: string;
    slug: string;
    name: string;
    kind: EventKind;
    description: string;
    startsAt: Date;
    startPrecision: DatePrecision;
    endsAt: Date | null;
    endPrecision: DatePrecision | null;
    placeId: string;
  }[] = [];
  const participants: { id: string; eventId: string; personId?: string; organisationId?: string; role: string }[] = [];
  const affiliations: {
    id: string;
    personId: string;
    organisationId: string;
    role: string;
    startsAt: Date | null;
    startPrecision: DatePrecision | null;
    endsAt: Date | null;
    endPrecision: DatePrecision | null;
  }[] = [];
  const distinct = <T extends Named>(draw: () => T, count: number): T[] => {
    const chosen = new Map<string, T>();
    for (let tries = 0; chosen.size < count && tries < count * 10; tries++) {
      const item = draw();
      chosen.set(item.id, item);
    }
    return [...chosen.values()];
  };
  for (let s = 0; s < 90; s++) {
    // Later years carry more stories (the archive grows), so start times lean towards the end.
    const startsAt = CORPUS_START + Math.sqrt(random.next()) * (CORPUS_END - CORPUS_START - YEAR / 2);
    const storyline: Storyline = {
      topic: TOPICS[topicRank.sample(random)]!,
      // Each storyline has a lead of its own (the first ninety people); the well-known names recur as the others.
      people: [
        mentionablePeople[s]!,
        ...distinct(() => mentionablePeople[personRank.sample(random)]!, random.int(0, 2)).filter(
          (p) => p !== mentionablePeople[s],
        ),
      ],
      organisations: distinct(() => mentionableOrganisations[organisationRank.sample(random)]!, random.int(1, 2)),
      place: mentionablePlaces[placeRank.sample(random)]!,
      events: [],
      startsAt,
      endsAt: Math.min(CORPUS_END - 1, startsAt + random.exponential(1.2) * YEAR + YEAR / 12),
    };
    for (let e = random.int(1, 3); e > 0; e--) {
      const kind = random.pick(EVENT_KINDS);
      const person = random.pick(storyline.people);
      const name = EVENT_NAMES[kind].replace("{person}", person.name).replace("{place}", storyline.place.name);
      const id = `${tag}-event-${events.length}`;
      const at = storyline.startsAt - random.next() * YEAR + random.next() * (storyline.endsAt - storyline.startsAt);
      const startPrecision = precision(random);
      const lasting = random.chance(0.3);
      const endPrecision = lasting ? precision(random) : null;
      events.push({
        id,
        slug: `${slugify(name)}-${suffix}-${events.length}`,
        name,
        kind,
        description: `${name}, part of the ${storyline.topic.replace("-", " ")} story.`,
        startsAt: truncateDate(at, startPrecision),
        startPrecision,
        endsAt: endPrecision ? truncateDate(at + random.exponential(0.5) * YEAR + YEAR, endPrecision) : null,
        endPrecision,
        placeId: storyline.place.id,
      });
      participants.push({ id: `${id}-p0`, eventId: id, personId: person.id, role: "subject" });
      const organisation = random.pick(storyline.organisations);
      participants.push({ id: `${id}-p1`, eventId: id, organisationId: organisation.id, role: "involved" });
      storyline.events.push({ id, name });
    }
    storylines.push(storyline);
  }
  // Affiliations: storyline people belong to its organisations, some still, some no longer; others at random.
  const addAffiliation = (personId: string, organisationId: string, around: number) => {
    const startPrecision = random.chance(0.15) ? null : precision(random);
    const starts = around - random.exponential(3) * YEAR;
    const former = random.chance(0.5);
    const endPrecision = former ? precision(random) : null;
    const ends = Math.min(CORPUS_END - 1, starts + random.exponential(2) * YEAR + YEAR / 6);
    affiliations.push({
      id: `${tag}-affiliation-${affiliations.length}`,
      personId,
      organisationId,
      role: random.pick(AFFILIATION_ROLES),
      startsAt: startPrecision ? truncateDate(starts, startPrecision) : null,
      startPrecision,
      endsAt: endPrecision ? truncateDate(Math.max(ends, starts + YEAR), endPrecision) : null,
      endPrecision,
    });
  };
  const affiliated = new Set<string>();
  for (const storyline of storylines)
    for (const person of storyline.people) {
      const organisation = random.pick(storyline.organisations);
      if (affiliated.has(`${person.id}:${organisation.id}`)) continue;
      affiliated.add(`${person.id}:${organisation.id}`);
      addAffiliation(person.id, organisation.id, storyline.startsAt);
    }
  for (let extra = 0; extra < 200; extra++) {
    const person = mentionablePeople[personRank.sample(random)]!;
    const organisation = mentionableOrganisations[organisationRank.sample(random)]!;
    if (affiliated.has(`${person.id}:${organisation.id}`)) continue;
    affiliated.add(`${person.id}:${organisation.id}`);
    addAffiliation(person.id, organisation.id, CORPUS_START + random.next() * (CORPUS_END - CORPUS_START));
  }
  const mentionableEvents: Named[] = shuffle(
    random,
    events.map(({ id, name }) => ({ id, name })),
  );
  return {
    places,
    people,
    personNames,
    organisations,
    organisationNames,
    events,
    participants,
    affiliations,
    storylines,
    publishers,
    journalists,
    pools: {
      person: mentionablePeople,
      organisation: mentionableOrganisations,
      place: mentionablePlaces,
      event: mentionableEvents,
    },
  };
}

export type CorpusEntities = ReturnType<typeof buildEntities>;

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).replace("-", " ");
}
