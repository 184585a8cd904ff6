// Article.ninjs, `npm run export` and `npm run import` as commands (a dry run's wording, what an article lacks, the
// --section/--tag/--publisher flags), and the round trip: what one Lede exports, an empty Lede imports back with its
// headline, body, bylines, dates, pictures and mentions.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportArticles } from "../src/services/export/run.js";
import { importFiles } from "../src/services/import/run.js";
import { REFERENCE_SLUG } from "./support/fixtures.js";
import { articleBySlug, mentioned } from "./support/imports.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { runScript } from "./support/process.js";

/** A CLI as its own process (what `npm run …` starts); some seconds each, hence the longer timeouts below. */
const runCli = (script: string, args: string[], databaseUrl: string) =>
  runScript(script, args, { DATABASE_URL: databaseUrl });

function readJson(file: string): Record<string, any> {
  return JSON.parse(readFileSync(file, "utf8"));
}

describe.skipIf(skipDatabase)("export", () => {
  let lede: TestLede;
  let out: string;
  beforeAll(async () => {
    lede = await startLede();
    out = mkdtempSync(join(tmpdir(), "lede-export-"));
  });
  afterAll(async () => {
    await lede?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it("describes an article as ninjs 3.0", async () => {
    const { article } = (await lede.query(`query($s: String!) { article(slug: $s) { ninjs } }`, {
      s: REFERENCE_SLUG,
    })) as { article: { ninjs: Record<string, any> } };
    const n = article.ninjs;
    expect(n).toMatchObject({
      uri: `https://lede.example/world/europe/${REFERENCE_SLUG}`,
      standard: { name: "ninjs", version: "3.0" },
      type: "text",
      version: "1",
      pubStatus: "usable",
      language: "en",
      firstCreated: "2024-02-07T11:22:00.000Z",
      by: "Rich Booth",
      copyrightHolder: "The Independent",
      subjects: expect.arrayContaining([{ name: "World", literal: "section:world", rel: "section" }]),
    });
    expect(n.versionCreated).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(n.contentCreated).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(n.headlines).toEqual([{ role: "main", value: expect.stringMatching(/Wagner/) }]);
    expect(n.descriptions[0]).toMatchObject({ role: "summary" });
    expect(n.bodies.map((b: { contentType: string }) => b.contentType)).toEqual(["text/plain", "text/html"]);
    expect(n.bodies[1].value).toMatch(/^<figure data-association="image-1"><img src="https:[^"]+" alt="[^"]+"\/>/);
    expect(n.bodies[1].value).toContain("\n<p>Norway has turned down");
    expect(n.people).toEqual(
      expect.arrayContaining([{ name: "Andrei Medvedev", literal: "andrei-medvedev", rel: "about" }]),
    );
    expect(n.organisations.map((o: { name: string }) => o.name)).toContain("Wagner Group");
    expect(n.places.map((p: { name: string }) => p.name)).toContain("Norway");
    expect(n.events.length).toBeGreaterThan(0);
    expect(n.associations).toHaveLength(3);
    expect(n.associations[0]).toMatchObject({ name: "image-1", type: "picture", by: "Gorm Kallestad / NTB" });
    expect(n.associations[0].renditions[0].href).toBe(n.associations[0].uri);
  });

  it("costs no extra SQL per article in a list", async () => {
    const query = `query($n: Int!) { articles(first: $n) { edges { node { ninjs } } } }`;
    const one = await lede.countStatements(() => lede.query(query, { n: 1 }));
    const all = await lede.countStatements(() => lede.query(query, { n: 3 }));
    expect(all.statements).toBe(one.statements);
  });

  it("writes one file per published article in either format", async () => {
    const published = await lede.db.prisma.article.findMany({ where: { status: "PUBLISHED" }, select: { slug: true } });
    const progress: number[] = [];
    const ninjs = await exportArticles(lede.db.prisma, {
      format: "ninjs",
      outDir: join(out, "ninjs"),
      progress: (done) => progress.push(done),
    });
    expect(ninjs.files.map((f) => f.replace(/^.*\//, "")).sort()).toEqual(
      published.map((a) => `${a.slug}.ninjs.json`).sort(),
    );
    expect(progress).toEqual([0, ...published.map((_a, i) => i + 1)]);
    for (const file of ninjs.files) {
      const n = readJson(file);
      for (const field of ["uri", "type", "version", "firstCreated", "versionCreated", "headlines", "bodies"])
        expect(n, `${file} lacks ${field}`).toHaveProperty(field);
    }
    const jsonld = await exportArticles(lede.db.prisma, { format: "jsonld", outDir: join(out, "jsonld") });
    expect(jsonld.files).toHaveLength(published.length);
    // the seed's sample live blog is a LiveBlogPosting (test/live-blog-export.test.ts); the others NewsArticles
    for (const file of jsonld.files)
      expect(readJson(file)).toMatchObject({
        "@context": "https://schema.org",
        "@type": file.includes("sample-live-blog-a-day-in-oslo") ? "LiveBlogPosting" : "NewsArticle",
      });
    expect(readdirSync(join(out, "jsonld")).every((f) => f.endsWith(".jsonld"))).toBe(true);
  });

  it("runs as npm run export, with progress on stderr and --help", async () => {
    const dir = join(out, "cli");
    const published = await lede.db.prisma.article.count({ where: { status: "PUBLISHED" } });
    const result = await runCli("src/cli/export.ts", ["--format", "ninjs", "--out", dir], lede.config.databaseUrl);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^exported ${published} published articles as ninjs to `, "m"));
    expect(result.stderr).toMatch(new RegExp(`exporting \\[=+\\] ${published}/${published} articles`));
    expect(readdirSync(dir)).toHaveLength(published);
    const [bad, help] = await Promise.all([
      runCli("src/cli/export.ts", ["--format", "rss", "--out", dir], lede.config.databaseUrl),
      runCli("src/cli/export.ts", ["--help"], lede.config.databaseUrl),
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/needs --format \(ninjs or jsonld\)/);
    expect([help.code, help.stdout]).toEqual([0, expect.stringMatching(/^usage: npm run export/)]);
  }, 120_000);

  it("runs as npm run import: a report per file, a failing file makes the exit code 1", async () => {
    const dryRun = await runCli(
      "src/cli/import.ts",
      ["--dry-run", "test/fixtures/import/plain"],
      lede.config.databaseUrl,
    );
    expect(dryRun.code, dryRun.stderr).toBe(0);
    // a dry run says what would happen, never that it did
    expect(dryRun.stdout).toMatch(/^would create test\/fixtures\/import\/plain\/ferry-strike\.txt → ferry-crews-/m);
    expect(dryRun.stdout).not.toMatch(/^created/m);
    expect(dryRun.stdout).toMatch(/^dry run, nothing written: would create 2, would update 0, 0 unchanged, 0 failed$/m);
    // plain text names no section, tags or publisher: each line and the summary say so, and how to give them
    expect(dryRun.stdout).toMatch(/^ +missing: section, tags and publisher$/m);
    expect(dryRun.stdout).toMatch(
      /^missing: 2 without a section, 2 without tags, 2 without a publisher .*give --section, --tag or --publisher/m,
    );
    expect(dryRun.stderr).toMatch(/importing \[=+\] 2\/2 files/);
    expect(await lede.db.prisma.article.count({ where: { slug: { startsWith: "ferry-crews-" } } })).toBe(0);

    const failing = await runCli("src/cli/import.ts", ["test/fixtures/import/malformed"], lede.config.databaseUrl);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toMatch(/^failed +test\/fixtures\/import\/malformed\/empty\.txt: the file is empty$/m);
    expect(failing.stdout).toMatch(/0 created, 0 updated, 0 unchanged, 5 failed$/m);

    const [missing, help] = await Promise.all([
      runCli("src/cli/import.ts", ["no/such/folder"], lede.config.databaseUrl),
      runCli("src/cli/import.ts", ["--help"], lede.config.databaseUrl),
    ]);
    expect([missing.code, missing.stderr.trim()]).toEqual([1, "import: no/such/folder: no such file or folder"]);
    expect([help.code, help.stdout]).toEqual([0, expect.stringMatching(/^usage: npm run import/)]);
  }, 120_000);

  it("runs as npm run import with --section, --tag (repeated) and --publisher for files that name none", async () => {
    const result = await runCli(
      "src/cli/import.ts",
      [
        "--section",
        "Culture",
        "--tag",
        "ferries",
        "--tag",
        "West coast",
        "--publisher",
        "Fjord Gazette",
        "test/fixtures/import/plain/ferry-strike.txt",
      ],
      lede.config.databaseUrl,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^created +test\/fixtures\/import\/plain\/ferry-strike\.txt → ferry-crews-/m);
    expect(result.stdout).not.toMatch(/missing/);
    const row = await lede.db.prisma.article.findFirstOrThrow({
      where: { slug: { startsWith: "ferry-crews-" } },
      include: { section: true, tags: { include: { tag: true }, orderBy: { position: "asc" } }, publisher: true },
    });
    expect(row.section).toMatchObject({ slug: "culture", name: "Culture" });
    expect(row.tags.map((t) => [t.tag.slug, t.tag.name])).toEqual([
      ["ferries", "Ferries"],
      ["west-coast", "West coast"],
    ]);
    expect(row.publisher).toMatchObject({ name: "Fjord Gazette", kind: "PUBLISHER" });
    const bad = await runCli("src/cli/import.ts", ["--section", "", "x.txt"], lede.config.databaseUrl);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringMatching(/^import: --section needs a name/)]);
  }, 120_000);

  it("round-trips: an empty database imports the export with headline, body, bylines, dates and mentions", async () => {
    const dir = join(out, "round-trip");
    const { files } = await exportArticles(lede.db.prisma, { format: "ninjs", outDir: dir });
    const empty = await startLede({ seeded: false });
    try {
      const report = await importFiles(empty.db.prisma, [dir]);
      expect(report.counts).toEqual({ created: files.length, updated: 0, unchanged: 0, failed: 0 });
      const original = await articleBySlug(lede, REFERENCE_SLUG);
      const copy = await articleBySlug(empty, REFERENCE_SLUG);
      for (const field of ["headline", "standfirst", "bodyText", "publishedAt", "updatedAt", "status"] as const)
        expect(copy[field], field).toEqual(original[field]);
      expect(copy.section).toEqual(original.section);
      expect(copy.tags).toEqual(original.tags);
      expect(copy.bylines.map((b) => b.person.name)).toEqual(original.bylines.map((b) => b.person.name));
      expect(copy.media.map((m) => [m.caption, m.credit])).toEqual(original.media.map((m) => [m.caption, m.credit]));
      expect(copy.body.map((b) => [b.kind, b.text])).toEqual(original.body.map((b) => [b.kind, b.text]));
      // every person, organisation and place the original mentions (events have no place in an import)
      expect([...mentioned(copy).keys()]).toEqual(expect.arrayContaining([...mentioned(original).keys()]));
      expect(mentioned(copy).get("Andrei Medvedev")).toBeGreaterThanOrEqual(0.5);
      // and importing the same export again changes nothing
      expect((await importFiles(empty.db.prisma, [dir])).counts.unchanged).toBe(files.length);
    } finally {
      await empty.close();
    }
  });
});
