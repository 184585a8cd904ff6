// Live blogs, model and API: coverage window, updates newest first with stable cursors, drafts for editors, marks
// (key event, one pinned, summary), edits with their "updated" time, corrections, withdrawals, revisions, the audit
// log, clientMutationId retries, images with credits. (What readers get around it: live-blog-readers.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CorrectLiveUpdateDocument,
  EditLiveUpdateDocument,
  LiveBlogDocument,
  LiveBlogDraftsDocument,
  MarkLiveUpdateDocument,
  PostLiveUpdateDocument,
  PublishLiveUpdateDocument,
  SetLiveCoverageDocument,
  WithdrawLiveUpdateDocument,
} from "./generated/graphql.js";
import { guest, staff } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { newLiveBlog, postUpdate, type TestLiveBlog } from "./support/live-blogs.js";

describe.skipIf(skipDatabase)("live blogs", () => {
  let lede: TestLede;
  let editor: string;
  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
  });
  afterAll(async () => {
    await lede?.close();
  });

  const read = async (blog: TestLiveBlog, variables: Record<string, unknown> = {}, token?: string) =>
    (await lede.query(LiveBlogDocument, { slug: blog.slug, ...variables }, token ? { token } : {})).article!.liveBlog!;

  it("makes an article a live blog with a coverage window that is open while it runs", async () => {
    const blog = await newLiveBlog(lede, editor);
    expect(await read(blog)).toMatchObject({
      coverageStartTime: "2026-01-15T12:00:00.000Z",
      coverageEndTime: null,
      isLive: true,
      pinnedUpdate: null,
      summary: null,
      liveUpdates: { totalCount: 0, edges: [] },
    });
    const ended = await lede.query(
      SetLiveCoverageDocument,
      { input: { articleId: blog.articleId, coverageEndTime: "2026-01-15T12:00:00.000Z" } },
      { token: editor },
    );
    expect(ended.setLiveCoverage.liveBlog).toMatchObject({
      coverageEndTime: "2026-01-15T12:00:00.000Z",
      isLive: false,
    });
    const backwards = await lede.execute(
      SetLiveCoverageDocument,
      { input: { articleId: blog.articleId, coverageEndTime: "2020-01-01T00:00:00.000Z" } },
      { token: editor },
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "coverageEndTime" });
  });

  it("lists updates newest first with cursors that stay valid as updates arrive; before/since for polling", async () => {
    const blog = await newLiveBlog(lede, editor);
    const posted = [];
    for (let i = 1; i <= 4; i++) {
      posted.push(await postUpdate(lede, blog, `Update ${i}`));
      lede.clock.advance(60_000);
    }
    const page = (await read(blog, { first: 2 })).liveUpdates;
    expect(page.totalCount).toBe(4);
    expect(page.edges.map((e) => e.node.bodyText)).toEqual(["Update 4", "Update 3"]);
    expect(page.edges.map((e) => e.node.publishedAt)).toEqual([posted[3]!.publishedAt, posted[2]!.publishedAt]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true });
    const newer = await postUpdate(lede, blog, "Update 5");
    // The cursor of the first page still leads to the same older updates.
    const next = (await read(blog, { first: 2, after: page.pageInfo.endCursor })).liveUpdates;
    expect(next.edges.map((e) => e.node.bodyText)).toEqual(["Update 2", "Update 1"]);
    // A poller with the newest cursor it saw asks for what came since.
    const since = (await read(blog, { before: page.pageInfo.startCursor })).liveUpdates;
    expect(since.edges.map((e) => e.node.id)).toEqual([newer.id]);
    lede.clock.advance(60_000);
    const mark = lede.clock.now().toISOString();
    await lede.query(
      EditLiveUpdateDocument,
      { input: { id: posted[0]!.id, version: posted[0]!.version, title: "Now with a title" } },
      { token: editor },
    );
    const changed = (await read(blog, { since: mark })).liveUpdates;
    expect(changed.edges.map((e) => e.node.title)).toEqual(["Now with a title"]);
  });

  it("keeps drafts for editors, and publishing one puts it on top with its own publication time", async () => {
    const blog = await newLiveBlog(lede, editor);
    await postUpdate(lede, blog, "Published first");
    const draft = await postUpdate(lede, blog, "Still a draft", { draft: true, title: "Draft" });
    expect(draft).toMatchObject({ status: "DRAFT", sequence: null, publishedAt: null });
    const reader = await guest(lede);
    for (const token of [undefined, reader.token]) {
      expect((await read(blog, {}, token)).liveUpdates.edges.map((e) => e.node.bodyText)).toEqual(["Published first"]);
      const drafts = await lede.query(LiveBlogDraftsDocument, { slug: blog.slug }, token ? { token } : {});
      expect(drafts.article!.liveBlog!.drafts).toBeNull();
    }
    const mine = await lede.query(LiveBlogDraftsDocument, { slug: blog.slug }, { token: editor });
    expect(mine.article!.liveBlog!.drafts).toEqual([{ id: draft.id, status: "DRAFT", title: "Draft" }]);
    lede.clock.advance(5 * 60_000);
    const published = await lede.query(
      PublishLiveUpdateDocument,
      { input: { id: draft.id, version: draft.version } },
      { token: editor },
    );
    expect(published.publishLiveUpdate).toMatchObject({
      status: "PUBLISHED",
      sequence: 2,
      publishedAt: lede.clock.now().toISOString(),
    });
    expect((await read(blog)).liveUpdates.edges.map((e) => e.node.bodyText)).toEqual([
      "Still a draft",
      "Published first",
    ]);
  });

  it("marks key events and summaries, pins at most one update, and shows them to readers", async () => {
    const blog = await newLiveBlog(lede, editor);
    const first = await postUpdate(lede, blog, "Key moment", { keyEvent: true, pinned: true, title: "Key" });
    const second = await postUpdate(lede, blog, "Where things stand", { summary: true });
    expect((await read(blog)).pinnedUpdate?.id).toBe(first.id);
    const pinned = await lede.query(
      MarkLiveUpdateDocument,
      { input: { id: second.id, pinned: true, keyEvent: true } },
      { token: editor },
    );
    expect(pinned.markLiveUpdate).toMatchObject({ pinned: true, keyEvent: true });
    const view = await read(blog);
    expect(view.pinnedUpdate?.id).toBe(second.id);
    expect(view.summary?.id).toBe(second.id);
    expect(view.keyEvents.map((u) => u.id)).toEqual([second.id, first.id]);
    expect(view.liveUpdates.edges.filter((e) => e.node.pinned).map((e) => e.node.id)).toEqual([second.id]);
    await lede.query(MarkLiveUpdateDocument, { input: { id: second.id, pinned: false } }, { token: editor });
    expect((await read(blog)).pinnedUpdate).toBeNull();
    const draft = await postUpdate(lede, blog, "draft", { draft: true });
    const refused = await lede.execute(
      MarkLiveUpdateDocument,
      { input: { id: draft.id, pinned: true } },
      { token: editor },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "pinned" });
  });

  it("edits show their time and keep every version; a stale version is a CONFLICT; corrections and withdrawals", async () => {
    const blog = await newLiveBlog(lede, editor);
    const update = await postUpdate(lede, blog, "Ten people were seen", { pinned: true });
    lede.clock.advance(120_000);
    const edited = await lede.query(
      EditLiveUpdateDocument,
      { input: { id: update.id, version: update.version, body: [{ kind: "PARAGRAPH", text: "Twelve people" }] } },
      { token: editor },
    );
    expect(edited.editLiveUpdate).toMatchObject({
      bodyText: "Twelve people",
      editedAt: lede.clock.now().toISOString(),
      publishedAt: update.publishedAt,
    });
    expect(edited.editLiveUpdate.revisions!.map((r) => JSON.parse(r.snapshot).blocks[0].text)).toEqual([
      "Ten people were seen",
      "Twelve people",
    ]);
    const stale = await lede.execute(
      EditLiveUpdateDocument,
      { input: { id: update.id, version: update.version, title: "late" } },
      { token: editor },
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "version" });
    const corrected = await lede.query(
      CorrectLiveUpdateDocument,
      { input: { id: update.id, text: "An earlier version gave the wrong number." } },
      { token: editor },
    );
    expect(corrected.correctLiveUpdate.corrections.map((c) => c.text)).toEqual([
      "An earlier version gave the wrong number.",
    ]);
    const since = lede.clock.now().toISOString();
    const withdrawn = await lede.query(
      WithdrawLiveUpdateDocument,
      { input: { id: update.id, reason: "It could not be confirmed." } },
      { token: editor },
    );
    expect(withdrawn.withdrawLiveUpdate).toMatchObject({ status: "WITHDRAWN", pinned: false });
    const view = await read(blog);
    expect(view.liveUpdates.totalCount).toBe(0);
    expect(view.pinnedUpdate).toBeNull();
    // A poller asking what changed hears of the withdrawal, without the withdrawn text.
    expect((await read(blog, { since })).liveUpdates.edges.map((e) => e.node)).toMatchObject([
      { id: update.id, status: "WITHDRAWN", bodyText: "", body: [], withdrawalReason: "It could not be confirmed." },
    ]);
    const audit = await lede.db.prisma.auditEntry.findMany({
      where: { entityType: "LiveUpdate", entityId: Buffer.from(update.id, "base64url").toString().split(":")[1] },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "postLiveUpdate",
      "editLiveUpdate",
      "correctLiveUpdate",
      "withdrawLiveUpdate",
    ]);
  });

  it("answers a retried post with the first update, and refuses the same clientMutationId with other input", async () => {
    const blog = await newLiveBlog(lede, editor);
    const input = { articleId: blog.articleId, body: [{ kind: "PARAGRAPH" as const, text: "Once" }] };
    const first = await lede.query(
      PostLiveUpdateDocument,
      { input: { ...input, clientMutationId: "m-1" } },
      { token: editor },
    );
    const again = await lede.query(
      PostLiveUpdateDocument,
      { input: { ...input, clientMutationId: "m-1" } },
      { token: editor },
    );
    expect(again.postLiveUpdate.id).toBe(first.postLiveUpdate.id);
    expect((await read(blog)).liveUpdates.totalCount).toBe(1);
    const other = await lede.execute(
      PostLiveUpdateDocument,
      { input: { ...input, body: [{ kind: "PARAGRAPH", text: "Twice" }], clientMutationId: "m-1" } },
      { token: editor },
    );
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "clientMutationId" });
    const mark = { id: first.postLiveUpdate.id, keyEvent: true, clientMutationId: "m-2" };
    await lede.query(MarkLiveUpdateDocument, { input: mark }, { token: editor });
    await lede.query(MarkLiveUpdateDocument, { input: mark }, { token: editor });
    const revisions = await lede.db.prisma.liveUpdateRevision.count({
      where: { updateId: Buffer.from(first.postLiveUpdate.id, "base64url").toString().split(":")[1] },
    });
    expect(revisions).toBe(2);
  });

  it("takes blocks of every kind, images with their credits, and authors; refuses bad input by field", async () => {
    const blog = await newLiveBlog(lede, editor);
    const media = await lede.query<{ addMedia: { id: string } }, unknown>(
      `mutation($a: ID!) { addMedia(input: { articleId: $a, url: "https://img.example/live.jpg", creditText: "Photo: Lede" }) { id } }`,
      { a: blog.articleId },
      { token: editor },
    );
    const person = await lede.query<{ createPerson: { id: string } }, unknown>(
      `mutation { createPerson(input: { slug: "live-reporter-${blog.slug}", name: "A Reporter" }) { id } }`,
      {},
      { token: editor },
    );
    const update = await postUpdate(lede, blog, "ignored", {
      body: [
        { kind: "HEADING", text: "At the court", level: 3 },
        { kind: "QUOTE", text: "We will appeal.", attribution: "A lawyer" },
        { kind: "IMAGE", mediaId: media.addMedia.id },
      ],
      authorIds: [person.createPerson.id],
    });
    expect(update.body).toEqual([
      { kind: "HEADING", text: "At the court", level: 3, attribution: null, media: null },
      { kind: "QUOTE", text: "We will appeal.", level: null, attribution: "A lawyer", media: null },
      {
        kind: "IMAGE",
        text: null,
        level: null,
        attribution: null,
        media: { id: media.addMedia.id, url: "https://img.example/live.jpg", credit: "Photo: Lede" },
      },
    ]);
    expect(update.authors).toEqual([{ id: person.createPerson.id, name: "A Reporter" }]);
    const bad = async (input: Record<string, unknown>) =>
      (
        await lede.execute(
          PostLiveUpdateDocument,
          { input: { articleId: blog.articleId, ...input } as never },
          { token: editor },
        )
      ).errors?.[0]?.extensions;
    expect(await bad({ body: [] })).toMatchObject({ code: "BAD_USER_INPUT", field: "body" });
    expect(await bad({ body: [{ kind: "IMAGE" }] })).toMatchObject({ field: "body[0].mediaId" });
    expect(await bad({ body: [{ kind: "PARAGRAPH", text: " " }] })).toMatchObject({ field: "body[0].text" });
    const notLive = await newLiveBlog(lede, editor).then(async (b) => {
      await lede.db.prisma.liveBlog.delete({
        where: { articleId: Buffer.from(b.articleId, "base64url").toString().split(":")[1] },
      });
      return b;
    });
    expect(
      (
        await lede.execute(
          PostLiveUpdateDocument,
          { input: { articleId: notLive.articleId, body: [{ kind: "PARAGRAPH", text: "x" }] } },
          { token: editor },
        )
      ).errors?.[0]?.extensions,
    ).toMatchObject({ code: "BAD_USER_INPUT", field: "articleId" });
  });
});
