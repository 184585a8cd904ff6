// `npm run import`: plain-text and ninjs articles, linked to the graph, idempotent, one transaction per article;
// section, tags and publisher from a file's first lines or the run's defaults, and a report of what is missing.
import { randomUUID } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles, type ImportReport } from "../src/services/import/run.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { REFERENCE_SLUG, staff } from "./support/fixtures.js";
import { articleBySlug, mentioned, rowCounts } from "./support/imports.js";

const FIXTURES = "test/fixtures/import";
const REFERENCE = "../shared/reference/000_b1c5e5c7f4776916.txt";
const APPEAL_SLUG = "former-wagner-fighter-asks-oslo-judges-to-overturn-his-air-gun-conviction";
const BORDER_SLUG = "arctic-border-post-extends-opening-hours";

function outcomes(report: ImportReport): Record<string, string> {
  return Object.fromEntries(report.lines.map((l) => [l.source.replace(/^.*fixtures\/import\//, ""), l.outcome]));
}

describe.skipIf(skipDatabase)("import", () => {
  let lede: TestLede;
  let work: string;
  beforeAll(async () => {
    lede = await startLede({ env: { RESPONSE_CACHE: "off" } });
    work = mkdtempSync(join(tmpdir(), "lede-import-"));
  });
  afterAll(async () => {
    await lede?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("imports the plain-text fixtures: header, captions with credits, no page furniture, linked names", async () => {
    const report = await importFiles(lede.db.prisma, [`${FIXTURES}/plain`]);
    expect(outcomes(report)).toEqual({
      "plain/ferry-strike.txt": "created",
      "plain/medvedev-appeal-hearing.txt": "created",
    });
    const a = await articleBySlug(lede, APPEAL_SLUG);
    expect(a).toMatchObject({
      headline: "Former Wagner fighter asks Oslo judges to overturn his air gun conviction",
      standfirst: "His lawyer argues the 14-day sentence took no account of what his client had been through",
      publishedAt: "2024-03-12T09:05:00.000Z",
      status: "PUBLISHED",
    });
    expect(a.bylines.map((b) => [b.person.name, b.role])).toEqual([["Ingrid Solberg", "AUTHOR"]]);
    // the caption repeated without its credit is gone; the agency is found whatever the diacritics
    expect(a.media).toEqual([
      {
        caption: "Andrei Medvedev arriving for the hearing in the Norwegian capital",
        credit: "Kari Nordmann / Norsk Telegrambyra",
        creditPerson: { name: "Kari Nordmann" },
        creditOrganisation: { name: "NTB" },
      },
      {
        caption: "Medvedev outside the courthouse after the morning session",
        credit: "Getty Images",
        creditPerson: null,
        creditOrganisation: { name: "Getty Images" },
      },
    ]);
    expect(a.body.map((b) => b.kind)).toEqual([
      "IMAGE",
      "PARAGRAPH",
      "PARAGRAPH",
      "PARAGRAPH",
      "PARAGRAPH",
      "IMAGE",
      "PARAGRAPH",
    ]);
    expect(a.bodyText).not.toMatch(/Comments|newsletter|commenting forum|Have your say/);

    // names link to the seeded graph: one Andrei Medvedev, not two
    const names = mentioned(a);
    expect([...names.keys()]).toEqual(
      expect.arrayContaining(["Andrei Medvedev", "Brynjulf Risnes", "Wagner Group", "Oslo", "Oslo District Court"]),
    );
    const medvedev = a.mentions.edges.find((e) => e.node.person?.name === "Andrei Medvedev")!.node.person!;
    const seeded = (await lede.query(`{ person(slug: "andrei-medvedev") { id } }`)) as { person: { id: string } };
    expect(medvedev.id).toBe(seeded.person.id);
    expect(await lede.db.prisma.person.count({ where: { name: "Andrei Medvedev" } })).toBe(1);
    for (const salience of names.values())
      (expect(salience).toBeGreaterThanOrEqual(0), expect(salience).toBeLessThanOrEqual(1));
    // named most and first, Medvedev outranks his lawyer
    expect(names.get("Andrei Medvedev")!).toBeGreaterThan(names.get("Brynjulf Risnes")!);

    const ferry = await articleBySlug(lede, "ferry-crews-on-norways-west-coast-walk-out-over-night-shift-rosters");
    expect(ferry.bylines.map((b) => b.person.name)).toEqual(["Lars Hetland", "Mette Aasen"]);
    expect(ferry.publishedAt).toBe("2024-05-03T15:40:00.000Z");
    expect(ferry.body).toHaveLength(3);
    expect(mentioned(ferry).has("Bergen")).toBe(true);
  });

  it("imports ninjs: HTML body with heading, quote and figure, section, tags, bylines of known people", async () => {
    const report = await importFiles(lede.db.prisma, [`${FIXTURES}/ninjs/border-reopening.json`]);
    expect(report.lines.map((l) => [l.outcome, l.slug])).toEqual([
      ["created", BORDER_SLUG],
      ["created", "reindeer-herders-new-fence"],
    ]);
    const a = await articleBySlug(lede, BORDER_SLUG);
    expect(a).toMatchObject({
      headline: "Norway's only crossing to Russia extends its opening hours",
      publishedAt: "2024-04-18T07:30:00.000Z",
      updatedAt: "2024-04-18T10:15:00.000Z",
      section: { slug: "world" },
      tags: [{ slug: "arctic" }, { slug: "border-towns" }],
    });
    expect(a.body.map((b) => b.kind)).toEqual(["PARAGRAPH", "HEADING", "PARAGRAPH", "IMAGE", "QUOTE", "PARAGRAPH"]);
    expect(a.body[4]).toMatchObject({
      text: "We have waited a long time for good news",
      attribution: "Hilde Varanger",
    });
    expect(a.body[3]!.media).toEqual({ credit: "Lars Hetland / Lede" });
    const seeded = (await lede.query(
      `{ a: person(slug: "helena-marsh") { id } b: person(slug: "sam-okafor") { id } }`,
    )) as {
      a: { id: string };
      b: { id: string };
    };
    expect(a.bylines.map((b) => b.person.id)).toEqual([seeded.a.id, seeded.b.id]);
    expect([...mentioned(a).keys()]).toEqual(
      expect.arrayContaining([
        "Norway",
        "Norwegian Directorate of Immigration",
        "Hilde Varanger",
        "Norway–Russia border",
      ]),
    );
    // generation-1 spellings (headline, body_text, versioncreated) are read too
    const older = await articleBySlug(lede, "reindeer-herders-new-fence");
    expect(older).toMatchObject({
      headline: "Reindeer herders object to a new fence along the northern frontier",
      standfirst: "Herders say the fence cuts across an old migration route",
      publishedAt: "2024-04-20T12:00:00.000Z",
    });
    expect(older.body).toHaveLength(2);
  });

  it("changes nothing when the same files are imported again", async () => {
    const before = await rowCounts(lede);
    const article = await articleBySlug(lede, APPEAL_SLUG);
    const report = await importFiles(lede.db.prisma, [`${FIXTURES}/plain`, `${FIXTURES}/ninjs`]);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 4, failed: 0 });
    expect(await rowCounts(lede)).toEqual(before);
    expect((await articleBySlug(lede, APPEAL_SLUG)).version).toBe(article.version);
  });

  it("updates the article in place when its file changed", async () => {
    const file = join(work, "appeal.txt");
    const original = readFileSync(`${FIXTURES}/plain/medvedev-appeal-hearing.txt`, "utf8");
    writeFileSync(file, original.replace("within a fortnight", "by the end of the month"));
    const before = await articleBySlug(lede, APPEAL_SLUG);
    const report = await importFiles(lede.db.prisma, [file]);
    expect(report.lines.map((l) => [l.outcome, l.slug])).toEqual([["updated", APPEAL_SLUG]]);
    const after = await articleBySlug(lede, APPEAL_SLUG);
    expect(after.id).toBe(before.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.bodyText).toContain("by the end of the month");
    expect(after.media).toEqual(before.media);
  });

  it("writes nothing in a dry run, and says what it would have done", async () => {
    const file = join(work, "new-story.txt");
    const original = readFileSync(`${FIXTURES}/plain/ferry-strike.txt`, "utf8");
    writeFileSync(file, original.replace("Ferry crews", "Island ferry crews").replace("Lars Hetland", "Nora Fjeld"));
    const before = await rowCounts(lede);
    const report = await importFiles(lede.db.prisma, [file, `${FIXTURES}/plain`], { dryRun: true });
    // the appeal fixture differs from the stored article the previous test changed: it would be updated
    expect(report.lines.map((l) => l.outcome)).toEqual(["created", "unchanged", "updated"]);
    expect(report.lines[0]!.newEntities).toContain("Person Nora Fjeld");
    expect(await rowCounts(lede)).toEqual(before);
    expect((await articleBySlug(lede, APPEAL_SLUG)).bodyText).toContain("by the end of the month");
    expect(await lede.db.prisma.person.count({ where: { name: "Nora Fjeld" } })).toBe(0);
  });

  it("reports each malformed file as failed, with the reason, and writes none of it", async () => {
    const before = await rowCounts(lede);
    const report = await importFiles(lede.db.prisma, [`${FIXTURES}/malformed`]);
    const reasons = Object.fromEntries(report.lines.map((l) => [l.source.replace(/^.*\//, ""), [l.outcome, l.reason]]));
    expect(reasons).toEqual({
      "bad-language.json": ["failed", "language is not a BCP-47 tag such as en or nb-NO"],
      "empty.txt": ["failed", "the file is empty"],
      "headline-only.txt": ["failed", "no paragraphs found after the headline"],
      "not-json.json": ["failed", expect.stringMatching(/^not valid JSON/)],
      "second-item-has-no-headline.json": [
        "failed",
        expect.stringMatching(/#1: headlines: an article needs a headline$/),
      ],
    });
    // the first item of the half-valid file is not written either
    expect(await rowCounts(lede)).toEqual(before);
    expect(await lede.db.prisma.article.count({ where: { slug: "harbour-cranes-return" } })).toBe(0);
  });

  it("rolls back the whole article when a write fails half-way", async () => {
    const file = join(work, "half-way.txt");
    writeFileSync(
      file,
      "A headline of our own\n\nA standfirst of our own\n\nNora Fjeld and Per Lunde\nMonday 6 May 2024 10:00 GMT\n\nA first paragraph about Tromsø.\n",
    );
    const before = await rowCounts(lede);
    // the id generator fails once the bylines' people are written: the storage fault comes mid-transaction
    let ids = 0;
    const newId = () => {
      if (++ids > 2) throw new Error("storage failed");
      return randomUUID();
    };
    const report = await importFiles(lede.db.prisma, [file], { newId });
    expect(report.lines[0]).toMatchObject({ outcome: "failed", reason: "storage failed" });
    expect(await rowCounts(lede)).toEqual(before);
    expect(await lede.db.prisma.person.count({ where: { name: { in: ["Nora Fjeld", "Per Lunde"] } } })).toBe(0);
  });

  it("imports an undated article as a draft, and matches names whatever their case", async () => {
    const file = join(work, "undated.txt");
    writeFileSync(
      file,
      "Notes from a long winter in the far north\n\nA standfirst of our own\n\nBy BRYNJULF RISNES\n\nThe snow came early this year.\n\nThe ferries kept running anyway.\n",
    );
    const report = await importFiles(lede.db.prisma, [file]);
    expect(report.lines[0]).toMatchObject({ outcome: "created", slug: "notes-from-a-long-winter-in-the-far-north" });
    const row = await lede.db.prisma.article.findUniqueOrThrow({
      where: { slug: "notes-from-a-long-winter-in-the-far-north" },
      include: { bylines: { include: { person: true } }, blocks: true },
    });
    expect(row).toMatchObject({ status: "DRAFT", publishedAt: null, standfirst: "A standfirst of our own" });
    expect(row.bylines.map((b) => b.person.slug)).toEqual(["brynjulf-risnes"]);
    expect(row.blocks).toHaveLength(2);
    // drafts stay hidden from readers
    expect(await lede.query(`{ article(slug: "notes-from-a-long-winter-in-the-far-north") { id } }`)).toEqual({
      article: null,
    });
  });

  it("takes section, tags and publisher from a file's first lines, else from the defaults, and says what is missing", async () => {
    const dir = join(work, "sections");
    mkdirSync(dir);
    const story = (headline: string) =>
      `${headline}\n\nA standfirst of our own\n\nNora Fjeld\nMonday 6 May 2024 10:00 GMT\n\nA paragraph about Tromsø.\n`;
    writeFileSync(
      join(dir, "a.txt"),
      `Section: Europe\nTags: Oslo courts, ferries\nPublisher: The Independent\n\n${story("A court story of our own")}`,
    );
    writeFileSync(join(dir, "b.txt"), story("A harbour story of our own"));
    const analyst = (await staff(lede, "ANALYST")).token;
    const STATS = `{ stats { articlesBySection { section { slug } count } articlesByTag(first: 100) { tag { slug } count } } }`;
    type Stats = {
      stats: {
        articlesBySection: { section: { slug: string }; count: number }[];
        articlesByTag: { tag: { slug: string }; count: number }[];
      };
    };
    const countsOf = async () => {
      const { stats } = (await lede.query(STATS, {}, { token: analyst })) as Stats;
      return {
        sections: new Map(stats.articlesBySection.map((r) => [r.section.slug, r.count])),
        tags: new Map(stats.articlesByTag.map((r) => [r.tag.slug, r.count])),
      };
    };
    const before = await countsOf();

    const report = await importFiles(lede.db.prisma, [dir], { defaults: { section: "world", tags: ["arctic"] } });
    expect(report.lines.map((l) => [l.outcome, l.missing])).toEqual([
      ["created", []],
      ["created", ["publisher"]],
    ]);
    expect(report.missing).toEqual({ section: 0, tags: 0, publisher: 1 });
    // the file's own lines win over the defaults; the defaults fill in what a file does not say
    const [a, b] = await Promise.all(report.lines.map((l) => articleBySlug(lede, l.slug!)));
    expect([a!.section, a!.tags]).toEqual([{ slug: "europe" }, [{ slug: "oslo-courts" }, { slug: "ferries" }]]);
    expect([b!.section, b!.tags]).toEqual([{ slug: "world" }, [{ slug: "arctic" }]]);
    const publisher = await lede.db.prisma.article.findUniqueOrThrow({
      where: { slug: report.lines[0]!.slug! },
      select: { publisher: { select: { slug: true } } },
    });
    expect(publisher.publisher?.slug).toBe("the-independent"); // the seeded organisation, not a new one
    // and so they count in the statistics
    const after = await countsOf();
    for (const [slug, more] of [
      ["europe", 1],
      ["world", 1],
    ] as const)
      expect(after.sections.get(slug), slug).toBe((before.sections.get(slug) ?? 0) + more);
    for (const [slug, more] of [
      ["oslo-courts", 1],
      ["ferries", 1],
      ["arctic", 1],
    ] as const)
      expect(after.tags.get(slug), slug).toBe((before.tags.get(slug) ?? 0) + more);
  });

  it("keeps apart two articles whose addresses end in the same slug", async () => {
    const file = join(work, "same-slug.json");
    writeFileSync(
      file,
      JSON.stringify({
        uri: "https://elsewhere.example/news/ferry-crews-on-norways-west-coast-walk-out-over-night-shift-rosters",
        type: "text",
        headlines: [{ role: "main", value: "Another paper's ferry story" }],
        bodies: [{ contentType: "text/plain", value: "A different story under a familiar address." }],
        versionCreated: "2024-05-04T08:00:00Z",
      }),
    );
    const original = await articleBySlug(lede, "ferry-crews-on-norways-west-coast-walk-out-over-night-shift-rosters");
    const report = await importFiles(lede.db.prisma, [file]);
    expect(report.lines.map((l) => [l.outcome, l.slug])).toEqual([
      ["created", "ferry-crews-on-norways-west-coast-walk-out-over-night-shift-rosters-2"],
    ]);
    expect(await articleBySlug(lede, "ferry-crews-on-norways-west-coast-walk-out-over-night-shift-rosters")).toEqual(
      original,
    );
    expect((await importFiles(lede.db.prisma, [file])).counts.unchanged).toBe(1);
  });

  it("links to a person created by someone else while the import runs", async () => {
    const first = join(work, "first.txt");
    const second = join(work, "second.txt");
    const story = (byline: string, headline: string) =>
      `${headline}\n\nA standfirst of our own\n\n${byline}\nMonday 6 May 2024 10:00 GMT\n\nA paragraph about Tromsø.\n`;
    writeFileSync(first, story("Nora Fjeld", "A first story of our own"));
    writeFileSync(second, story("Per Lunde", "A second story of our own"));
    const report = await importFiles(lede.db.prisma, [first, second], {
      // after the first file, an editor adds Per Lunde: the run's index of names does not know him yet
      progress: async (done) => {
        if (done !== 1) return;
        await lede.db.prisma.person.create({ data: { id: "per-lunde-by-hand", slug: "per-lunde", name: "Per Lunde" } });
      },
    });
    expect(report.lines.map((l) => l.outcome)).toEqual(["created", "created"]);
    const a = await articleBySlug(lede, report.lines[1]!.slug!);
    expect(a.bylines.map((b) => b.person.name)).toEqual(["Per Lunde"]);
    expect(await lede.db.prisma.person.count({ where: { name: "Per Lunde" } })).toBe(1);
  });

  it.skipIf(!existsSync(REFERENCE))("imports the reference article from ../shared", async () => {
    const dir = join(work, "reference");
    cpSync(REFERENCE, join(dir, "reference.txt"), { recursive: true });
    const report = await importFiles(lede.db.prisma, [dir]);
    expect(report.lines).toHaveLength(1);
    expect(report.lines[0]!.outcome).toBe("created");
    const a = await articleBySlug(lede, report.lines[0]!.slug!);
    const seeded = await articleBySlug(lede, REFERENCE_SLUG);
    expect(a.headline).toBe(readFileSync(REFERENCE, "utf8").split("\n")[0]!.trim());
    expect(a.publishedAt).toBe("2024-02-07T11:22:00.000Z");
    expect(a.bylines.map((b) => b.person.id)).toEqual(seeded.bylines.map((b) => b.person.id));
    expect(a.bylines[0]!.person.name).toBe("Rich Booth");
    expect(a.media.map((m) => m.credit)).toEqual([
      "Gorm Kallestad / NTB",
      "AFP via Getty Images",
      "Copyright 2023 The Associated Press. All rights reserved.",
    ]);
    expect(a.media.map((m) => m.creditOrganisation?.name)).toEqual(["NTB", "AFP", "The Associated Press"]);
    expect(a.bodyText).not.toMatch(/Join our commenting forum|Thank you for registering|Please refresh/);
    const people = a.mentions.edges.flatMap((e) => (e.node.person ? [e.node.person.name] : []));
    expect(people).toEqual(
      expect.arrayContaining(["Andrei Medvedev", "Brynjulf Risnes", "Yevgeny Prigozhin", "Vladimir Putin"]),
    );
    // "Andrey" and "Medvedev" alone are the seeded Andrei Medvedev, the most salient person
    const names = mentioned(a);
    expect(Math.max(...[...names.entries()].filter(([n]) => people.includes(n)).map(([, s]) => s))).toBe(
      names.get("Andrei Medvedev"),
    );
    expect(await lede.db.prisma.person.count({ where: { name: { contains: "Medvedev" } } })).toBe(1);
  });
});

describe.skipIf(skipDatabase)("import after a merge", () => {
  let lede: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { RESPONSE_CACHE: "off" } });
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("links a name merged away to the record it was merged into, and never reuses its slug", async () => {
    const { token } = await staff(lede, "EDITOR");
    const CREATE = `mutation($i: CreatePlaceInput!) { createPlace(input: $i) { id version } }`;
    const create = async (slug: string, name: string) =>
      ((await lede.query(CREATE, { i: { slug, name, kind: "CITY" } }, { token })) as any).createPlace as {
        id: string;
        version: number;
      };
    const merged = await create("bergen", "Bergen");
    const kept = await create("bergen-municipality", "Bergen Municipality");
    const result = (await lede.query(
      `mutation($i: MergeEntitiesInput!) { mergeEntities(input: $i) { mergedId } }`,
      { i: { keepId: kept.id, mergeId: merged.id, keepVersion: kept.version, mergeVersion: merged.version } },
      { token },
    )) as any;
    expect(result.mergeEntities.mergedId).toBe(merged.id);

    const report = await importFiles(lede.db.prisma, [`${FIXTURES}/plain/ferry-strike.txt`]);
    expect(report.counts.failed, JSON.stringify(report.lines)).toBe(0);
    expect(await lede.db.prisma.place.count({ where: { slug: "bergen" } })).toBe(0);
    const keptRow = await lede.db.prisma.place.findFirstOrThrow({ where: { slug: "bergen-municipality" } });
    expect(await lede.db.prisma.mention.count({ where: { placeId: keptRow.id } })).toBe(1);
  });
});
