// The caching facts declared on the schema's types and fields (schema/shared/cache-facts.ts): every mutation says how
// the response cache learns what it changed, every field whose definition reads the viewer says whether its answers
// may be shared, and the caches read those marks.
//
// The rule for viewer-dependent fields: a field whose definition in src/schema reads `ctx.viewer`, or runs an
// authorization check (canModerate, mayAudit, requireViewer, requireRole, requireModerator, requireAdmin,
// requireAnalyst, requireEditor), must carry VIEWER_SPECIFIC (never cached: the value depends on who asks, or is for
// staff or the author only) or VIEWER_FILTERED (cached: the viewer only narrows it to what they may see, and every
// anonymous reader sees the same). Only the code written in the field's own definition is read, not the services it
// calls. Mutation and subscription fields are left out: their answers are never cached.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  mutationsCoveredByCommentEvents,
  mutationsCoveredByLiveBlogEvents,
  ttlPerSchemaCoordinate,
} from "../src/caching/policy.js";
import { schema } from "../src/schema/index.js";
import { cacheFactsOf } from "../src/schema/shared/cache-facts.js";

const SCHEMA_DIR = new URL("../src/schema/", import.meta.url);
const READS_VIEWER =
  /ctx\.viewer|\bcanModerate\(|\bmayAudit\(|\brequire(?:Viewer|Role|Moderator|Admin|Analyst|Editor)\(/;

interface Mark {
  at: number;
  /** The type whose fields follow (undefined: fields of no cached type, such as inputs and mutations). */
  type?: string | undefined;
  /** A field, of `type` or of the last type opened. */
  field?: string;
}

/** Where each field definition starts in a schema module, and on which type. */
function marksOf(text: string): Mark[] {
  const marks: Mark[] = [];
  const find = (pattern: RegExp, mark: (m: RegExpExecArray) => Omit<Mark, "at">) => {
    for (const m of text.matchAll(pattern)) marks.push({ at: m.index, ...mark(m) });
  };
  // Types whose fields follow.
  find(/builder\.prisma(?:Node|Object)\("(\w+)"/g, (m) => ({ type: m[1] }));
  find(/builder\.objectRef<[^>]*>\("(\w+)"\)/g, (m) => ({ type: m[1] }));
  find(/builder\.prismaObjectFields\("(\w+)"/g, (m) => ({ type: m[1] }));
  find(/builder\.objectFields\((\w+)Ref\b/g, (m) => ({ type: m[1] }));
  find(/builder\.queryFields\(/g, () => ({ type: "Query" }));
  // Single fields.
  find(/builder\.queryField\("(\w+)"/g, (m) => ({ type: "Query", field: m[1] }));
  find(/builder\.prismaObjectField\("(\w+)", "(\w+)"/g, (m) => ({ type: m[1], field: m[2] }));
  find(/builder\.objectField\((\w+)Ref, "(\w+)"/g, (m) => ({ type: m[1], field: m[2] }));
  // What ends a run of fields: anything else declared at the top level.
  find(/^(?:export |const |function |async function |interface |type |builder\.(?!(?:prisma|query)))/gm, () => ({}));
  // Fields inside a run (arguments are not fields).
  find(/^ +(\w+): t\.(?!arg\b)\w+\(/gm, (m) => ({ field: m[1] }));
  marks.sort((a, b) => a.at - b.at || (a.field === undefined ? -1 : 1));
  let type: string | undefined;
  return marks.map((mark) => {
    if (mark.field === undefined || "type" in mark) type = mark.type;
    return { ...mark, type: mark.type ?? type };
  });
}

/** "Type.field" of every field whose definition reads the viewer. */
function fieldsReadingTheViewer(): string[] {
  const found: string[] = [];
  for (const path of readdirSync(SCHEMA_DIR, { recursive: true, encoding: "utf8" })) {
    if (!path.endsWith(".ts")) continue;
    const text = readFileSync(new URL(path, SCHEMA_DIR), "utf8");
    const marks = marksOf(text);
    marks.forEach((mark, i) => {
      if (mark.field === undefined || mark.type === undefined) return;
      const definition = text.slice(mark.at, marks[i + 1]?.at ?? text.length);
      if (READS_VIEWER.test(definition)) found.push(`${mark.type}.${mark.field}`);
    });
  }
  return found.sort();
}

describe("caching facts on the schema", () => {
  const facts = cacheFactsOf(schema);

  it("marks every mutation with how the response cache learns what it changed", () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(30);
    const unmarked = mutations.filter((name) => facts.invalidationByMutation[name] === undefined);
    expect(
      unmarked,
      "mark them INVALIDATED_BY_COMMENT_EVENTS, INVALIDATED_BY_LIVE_BLOG_EVENTS or PURGES_CACHE",
    ).toEqual([]);
  });

  it("marks every field whose definition reads the viewer as viewer-specific or viewer-filtered", () => {
    const found = fieldsReadingTheViewer();
    // The scan itself still finds what it should (a refactor that hid every field from it would pass otherwise).
    expect(found).toEqual(expect.arrayContaining(["Query.viewer", "Comment.viewerReactions", "Comment.body"]));
    const missing = found.filter((field) => {
      const [typeName, fieldName] = field.split(".") as [string, string];
      const type = schema.getType(typeName);
      if (!type || !("getFields" in type) || !type.getFields()[fieldName]) return true;
      return !facts.viewerSpecificFields.includes(field) && !facts.viewerFilteredFields.includes(field);
    });
    expect(missing, "mark them VIEWER_SPECIFIC or VIEWER_FILTERED (or the scan misread their type)").toEqual([]);
  });

  it("is what the caches read", () => {
    const coordinates = ttlPerSchemaCoordinate(schema);
    for (const [type, ms] of Object.entries(facts.maxAgeMsByType)) expect(coordinates[type]).toBe(ms);
    for (const field of facts.viewerSpecificFields) expect(coordinates[field]).toBe(0);
    for (const field of facts.viewerFilteredFields) expect(coordinates[field]).toBeUndefined();
    expect(coordinates).toMatchObject({ Article: 60_000, Person: 300_000, Comment: 5_000, "Query.viewer": 0 });
    const covered = [...mutationsCoveredByCommentEvents(schema)];
    expect(covered.sort()).toEqual(
      Object.entries(facts.invalidationByMutation)
        .filter(([, invalidation]) => invalidation === "comment-events")
        .map(([name]) => name)
        .sort(),
    );
    expect(covered).toContain("postComment");
    const coveredByLiveBlogEvents = [...mutationsCoveredByLiveBlogEvents(schema)];
    expect(coveredByLiveBlogEvents.sort()).toEqual(
      Object.entries(facts.invalidationByMutation)
        .filter(([, invalidation]) => invalidation === "live-blog-events")
        .map(([name]) => name)
        .sort(),
    );
    expect(coveredByLiveBlogEvents).toContain("postLiveUpdate");
  });
});
