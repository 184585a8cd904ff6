// Live blogs leave as standard formats: Article.jsonLd is a schema.org LiveBlogPosting with coverage times and each
// update as a BlogPosting with its own datePublished; ninjs carries the updates as associations of type "text", and
// `npm run import` reads them back: a live blog round-trips, and importing it again changes nothing.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFiles } from "../src/services/import/run.js";
import { CorrectLiveUpdateDocument, EditLiveUpdateDocument, SetLiveCoverageDocument } from "./generated/graphql.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { newLiveBlog, postUpdate } from "./support/live-blogs.js";

type Exports = { article: { jsonLd: Record<string, any>; ninjs: Record<string, any> } };
const EXPORTS = `query($s: String!) { article(slug: $s) { jsonLd ninjs } }`;

describe.skipIf(skipDatabase)("live blog export and import", () => {
  let lede: TestLede;
  let work: string;
  beforeAll(async () => {
    lede = await startLede();
    work = mkdtempSync(join(tmpdir(), "lede-live-"));
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await lede?.close();
  });

  it("exports a LiveBlogPosting and ninjs associations, and imports them back unchanged", async () => {
    const blog = await newLiveBlog(lede);
    const first = await postUpdate(lede, blog, "The hearing opened.", { keyEvent: true, title: "Hearing opens" });
    lede.clock.advance(10 * 60_000);
    const second = await postUpdate(lede, blog, "A witness spoke.", { pinned: true, summary: true });
    lede.clock.advance(60_000);
    await lede.query(
      EditLiveUpdateDocument,
      {
        input: {
          id: second.id,
          version: second.version,
          body: [
            { kind: "HEADING", text: "Witness", level: 3 },
            { kind: "QUOTE", text: "I saw it.", attribution: "The witness" },
          ],
        },
      },
      { token: blog.editorToken },
    );
    await lede.query(
      CorrectLiveUpdateDocument,
      { input: { id: first.id, text: "The hearing opened an hour late." } },
      { token: blog.editorToken },
    );
    await postUpdate(lede, blog, "A draft no one sees.", { draft: true });
    await lede.query(
      SetLiveCoverageDocument,
      { input: { articleId: blog.articleId, coverageEndTime: lede.clock.now().toISOString() } },
      { token: blog.editorToken },
    );
    const { article } = await lede.query<Exports, unknown>(EXPORTS, { s: blog.slug });
    const url = `https://lede.example/articles/${blog.slug}`;
    expect(article.jsonLd).toMatchObject({
      "@type": "LiveBlogPosting",
      coverageStartTime: "2026-01-15T12:00:00.000Z",
      coverageEndTime: "2026-01-15T12:11:00.000Z",
      liveBlogUpdate: [
        {
          "@type": "BlogPosting",
          url: `${url}#update-2`,
          datePublished: "2026-01-15T12:10:00.000Z",
          dateModified: "2026-01-15T12:11:00.000Z",
          articleBody: "Witness\n\nI saw it.",
        },
        {
          "@type": "BlogPosting",
          headline: "Hearing opens",
          datePublished: "2026-01-15T12:00:00.000Z",
          articleBody: "The hearing opened.",
        },
      ],
    });
    const updates = article.ninjs.associations.filter((a: { type: string }) => a.type === "text");
    expect(updates.map((a: { name: string }) => a.name)).toEqual(["live-update-2", "live-update-1"]);
    expect(updates[0]).toMatchObject({
      firstCreated: "2026-01-15T12:10:00.000Z",
      versionCreated: "2026-01-15T12:11:00.000Z",
      subjects: [
        { literal: "summary", rel: "live-mark" },
        { literal: "pinned", rel: "live-mark" },
      ],
    });
    expect(updates[1].descriptions).toEqual([{ role: "correction", value: "The hearing opened an hour late." }]);

    // Imported as another article (another URL), it is the same live blog.
    const copyUrl = "https://elsewhere.example/live/copy-of-the-blog";
    const file = join(work, "live.json");
    writeFileSync(file, JSON.stringify({ ...article.ninjs, uri: copyUrl }));
    const report = await importFiles(lede.db.prisma, [file], { clock: lede.clock.now });
    expect(report.lines.map((l) => `${l.outcome} ${l.reason ?? ""}`)).toEqual(["created "]);
    const copy = await lede.query<Exports, unknown>(EXPORTS, { s: "copy-of-the-blog" });
    const normalise = (json: Record<string, any>, from: string) =>
      JSON.parse(
        JSON.stringify(json.associations.filter((a: { type: string }) => a.type === "text")).replaceAll(from, "URL"),
      );
    expect(normalise(copy.article.ninjs, copyUrl)).toEqual(normalise(article.ninjs, url));
    expect(copy.article.ninjs.subjects).toEqual(article.ninjs.subjects);
    expect(copy.article.jsonLd["@type"]).toBe("LiveBlogPosting");
    const again = await importFiles(lede.db.prisma, [file], { clock: lede.clock.now });
    expect(again.lines.map((l) => l.outcome)).toEqual(["unchanged"]);
  });

  it("leaves an ordinary article a NewsArticle", async () => {
    const { article } = await lede.query<Exports, unknown>(EXPORTS, {
      s: "ex-wagner-commander-norway-refused-asylum-allowed-to-stay",
    });
    expect(article.jsonLd["@type"]).toBe("NewsArticle");
    expect(article.jsonLd.liveBlogUpdate).toBeUndefined();
  });
});
