// Who and what an article mentions. Names already in the graph are found by their words in the text (longest name
// first); compromise (an NLP tagger) proposes the people, organisations and places that are not in it yet. A surname
// or first name on its own ("Medvedev") counts for the person named in full elsewhere in the article. Salience, 0–1,
// comes from how often an entity is named and how early, with extra weight for the headline and standfirst.
import nlp from "compromise";
import { keyOf, type EntityIndex, type KnownEntity } from "./entities.js";
import { wordsOf } from "./names.js";
import type { EntityType } from "./types.js";

export interface Occurrence {
  start: number;
  end: number;
}

export interface FoundEntity {
  /** Set for an entity of the graph; unset for one compromise found that is to be created. */
  entity?: KnownEntity;
  type: EntityType;
  name: string;
  occurrences: Occurrence[];
}

const TITLES =
  /^(?:(?:president|prime minister|minister|mr|mrs|ms|miss|dr|sir|dame|lord|lady|general|gen|colonel|col|captain|capt|judge|king|queen|prince|princess|pope|chancellor|senator|sen|rep|governor|mayor|commander)\.?\s+)+/i;
const JOINERS = new Set(["of", "and", "for", "the", "de", "du", "von", "van", "der", "la", "le", "al", "bin", "on"]);

/** A compromise match trimmed to the name itself (no title, possessive or punctuation); empty unless it is a proper name. */
function cleanCandidate(text: string): string {
  let name = text.split(/[()[\]"“”]/)[0]!.trim();
  name = name
    .replace(TITLES, "")
    .replace(/['’]s$/u, "")
    .replace(/[\s,.;:!?'’-]+$/u, "");
  const words = name.split(/\s+/);
  while (words.length && !/^\p{Lu}/u.test(words[0]!)) words.shift();
  if (words.some((w) => !/^[\p{Lu}\p{N}]/u.test(w) && !JOINERS.has(w.toLowerCase()))) return "";
  return words.join(" ");
}

export function findEntities(text: string, index: EntityIndex): FoundEntity[] {
  const words = wordsOf(text);
  const found = new Map<string, FoundEntity>();
  const covered: Occurrence[] = [];
  const note = (key: string, type: EntityType, name: string, at: Occurrence, entity?: KnownEntity) => {
    const entry = found.get(key) ?? { entity, type, name, occurrences: [] };
    entry.occurrences.push(at);
    found.set(key, entry);
    covered.push(at);
  };

  // 1. Names of the graph, longest first, where the text capitalises them.
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(index.longestName, words.length - i); n >= 1 && !matched; n--) {
      const span = words.slice(i, i + n);
      if (!span[0]!.capitalised) continue;
      const key = span.map((w) => w.word).join(" ");
      const candidates = index.findByKey(key);
      if (candidates.length === 0) continue;
      if (index.acronyms.has(key) && !span.every((w) => w.upper)) continue;
      const entity = candidates[0]!;
      note(
        `${entity.type}:${entity.id}`,
        entity.type,
        entity.name,
        { start: span[0]!.start, end: span.at(-1)!.end },
        entity,
      );
      matched = n;
    }
    i += matched || 1;
  }

  // 2. New names from compromise, where the graph had nothing.
  const doc = nlp(text);
  const proposals: [EntityType, { text: string; offset: { start: number; length: number } }[]][] = [
    ["Person", doc.people().json({ offset: true })],
    ["Organisation", doc.organizations().json({ offset: true })],
    ["Place", doc.places().json({ offset: true })],
  ];
  const overlaps = (at: Occurrence) => covered.some((c) => at.start < c.end && c.start < at.end);
  const later: [EntityType, string, Occurrence][] = [];
  for (const [type, matches] of proposals) {
    for (const match of matches) {
      const name = cleanCandidate(match.text);
      if (!name) continue;
      const start = text.indexOf(name, match.offset.start);
      const at = {
        start: start >= 0 ? start : match.offset.start,
        end: (start >= 0 ? start : match.offset.start) + name.length,
      };
      if (overlaps(at)) continue;
      later.push([type, name, at]);
    }
  }
  const alone: [string, Occurrence][] = [];
  for (const [type, name, at] of later) {
    const key = keyOf(name);
    // A first or last name on its own is settled once every full name is known (step 3).
    if (type === "Person" && !key.includes(" ")) alone.push([key, at]);
    else if (name.length >= 3 && name.length <= 120) note(`new:${type}:${key}`, type, name, at);
  }

  // 3. First and last names on their own, for the one person of the article (or else of the graph) they fit.
  const people = [...found.values()].filter((f) => f.type === "Person");
  const fits = (person: FoundEntity, word: string) =>
    (person.entity ? index.keysOf(person.entity.id) : [keyOf(person.name)]).some((key) => {
      const parts = key.split(" ");
      return parts.length > 1 && (parts[0] === word || parts.at(-1) === word);
    });
  for (const w of words) {
    const at = { start: w.start, end: w.end };
    if (!w.capitalised || overlaps(at)) continue;
    const inArticle = people.filter((p) => fits(p, w.word));
    if (inArticle.length === 1) {
      inArticle[0]!.occurrences.push(at);
      covered.push(at);
    }
  }
  for (const [word, at] of alone) {
    if (overlaps(at)) continue;
    const inGraph = index.peopleCalled(word);
    if (inGraph.length === 1) note(`Person:${inGraph[0]!.id}`, "Person", inGraph[0]!.name, at, inGraph[0]);
  }
  return [...found.values()];
}

/** 0–1: half from frequency (relative to the most-named entity), the rest from how early it first comes. */
export function salienceOf(entity: FoundEntity, all: FoundEntity[], textLength: number, leadLength: number): number {
  const most = Math.max(1, ...all.map((e) => e.occurrences.length));
  const first = Math.min(...entity.occurrences.map((o) => o.start));
  const frequency = entity.occurrences.length / most;
  const position = 1 - first / Math.max(1, textLength);
  const inLead = first < leadLength ? 1 : 0;
  const score = 0.5 * frequency + 0.3 * position + 0.2 * inLead;
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}
