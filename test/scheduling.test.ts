// Publishing on time with an injected clock: a scheduled publication fires when the clock reaches it (once, with
// two instances watching), a scheduled withdrawal too, and an embargoed article is absent from every public read,
// list, search, count and node(id) until the scheduler lifts the embargo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { until } from "./support/ws.js";

const ENV = { SCHEDULER: "true", SCHEDULER_POLL_MS: "20" };
const HOUR = 3_600_000;

describe.skipIf(skipDatabase)("publishing on time", () => {
  let lede: TestLede;
  let editor: string;
  beforeAll(async () => {
    lede = await startLede({ env: ENV });
    editor = (await staff(lede, "EDITOR")).token;
  });
  afterAll(async () => {
    await lede?.close();
  });

  const create = async (slug: string, extra = "") =>
    (
      (await lede.query(
        `mutation($s: String!) { createArticle(input: { slug: $s, headline: "Zanzibarine ferry timetable ${slug}", sectionSlug: "world", tags: ["zanzibarine"] ${extra} }) { id version } }`,
        { s: slug },
        { token: editor },
      )) as any
    ).createArticle;
  const statusOf = async (id: string) =>
    (
      (await lede.query(
        `query($id: ID!) { node(id: $id) { ... on Article { status version publishedAt } } }`,
        { id },
        { token: editor },
      )) as any
    ).node;
  const settle = () => new Promise((r) => setTimeout(r, 150));

  it("publishes at the scheduled time, once, with two instances watching", async () => {
    const second = await startLede({ env: ENV, sameDatabaseAs: lede });
    try {
      const article = await create("scheduled-ferry");
      const at = new Date(lede.clock.now().getTime() + HOUR);
      const scheduled = (await lede.query(
        `mutation($a: ID!, $at: DateTime!) { scheduleArticle(articleId: $a, action: PUBLISH, at: $at) { id runAt doneAt } }`,
        { a: article.id, at: at.toISOString() },
        { token: editor },
      )) as any;
      expect(scheduled.scheduleArticle.doneAt).toBeNull();
      lede.clock.advance(HOUR - 60_000);
      second.clock.advance(HOUR - 60_000);
      await settle();
      expect((await statusOf(article.id)).status).toBe("DRAFT");
      lede.clock.advance(60_000);
      second.clock.advance(60_000);
      await until(async () => (await statusOf(article.id)).status === "PUBLISHED", "the scheduled publication");
      await settle();
      const after = await statusOf(article.id);
      expect(after.publishedAt).toBe(at.toISOString());
      expect(after.version).toBe(2); // one publication, not two
      const audits = await lede.db.prisma.auditEntry.count({
        where: { action: "publishArticle", entityId: Buffer.from(article.id, "base64url").toString().split(":")[1] },
      });
      expect(audits).toBe(1);
    } finally {
      await second.close();
    }
  });

  it("catches up at start on a withdrawal that came due while no scheduler ran", async () => {
    // Its own database, where no instance runs a scheduler when the time comes.
    const idle = await startLede({ env: { SCHEDULER: "false" } });
    try {
      const token = (await staff(idle, "EDITOR")).token;
      const made = (await idle.query(
        `mutation { createArticle(input: { slug: "withdraw-later", headline: "Withdraw later" }) { id } }`,
        {},
        { token },
      )) as any;
      const id = made.createArticle.id;
      await idle.query(`mutation($id: ID!) { publishArticle(id: $id, version: 1) { id } }`, { id }, { token });
      await idle.query(
        `mutation($a: ID!, $at: DateTime!) { scheduleArticle(articleId: $a, action: WITHDRAW, at: $at, reason: "Legal hold") { id } }`,
        { a: id, at: new Date(idle.clock.now().getTime() + HOUR).toISOString() },
        { token },
      );
      idle.clock.advance(2 * HOUR);
      await settle();
      const status = async () =>
        (
          await idle.db.prisma.article.findUniqueOrThrow({
            where: { id: Buffer.from(id, "base64url").toString().split(":")[1] },
          })
        ).status;
      expect(await status()).toBe("PUBLISHED");
      // Started after the time, polling only every ten minutes: its pass at start is what runs the job.
      const restarted = await startLede({
        env: { SCHEDULER: "true", SCHEDULER_POLL_MS: "600000" },
        sameDatabaseAs: idle,
      });
      restarted.clock.advance(2 * HOUR);
      try {
        await until(async () => (await status()) === "WITHDRAWN", "the missed withdrawal");
        const corrections = await idle.db.prisma.correction.findMany({ where: { text: { contains: "Legal hold" } } });
        expect(corrections).toHaveLength(1);
      } finally {
        await restarted.close();
      }
    } finally {
      await idle.close();
    }
  });

  it("refuses a time in the past", async () => {
    const article = await create("past-time");
    const document = `mutation($a: ID!, $at: DateTime!) { scheduleArticle(articleId: $a, action: PUBLISH, at: $at) { id } }`;
    const result = await lede.execute(document, { a: article.id, at: "2001-01-01T00:00:00.000Z" }, { token: editor });
    expectErrorCode(result, "BAD_USER_INPUT", { document });
  });

  it("keeps an embargoed article out of every public read until the embargo lifts", async () => {
    const slug = "embargoed-ferry";
    const article = await create(slug);
    await lede.query(
      `mutation($id: ID!) { publishArticle(id: $id, version: 1) { id } }`,
      { id: article.id },
      { token: editor },
    );
    const until_ = new Date(lede.clock.now().getTime() + HOUR).toISOString();
    const embargoed = (await lede.query(
      `mutation($id: ID!, $u: DateTime) { embargoArticle(id: $id, version: 2, until: $u) { embargoedUntil version } }`,
      { id: article.id, u: until_ },
      { token: editor },
    )) as any;
    expect(embargoed.embargoArticle.embargoedUntil).toBe(until_);

    const READER_VIEW = `query($slug: String!, $id: ID!) {
      article(slug: $slug) { id }
      node(id: $id) { id }
      articles(first: 100, filter: { tag: "zanzibarine" }) { totalCount edges { node { slug } } }
      search(query: "Zanzibarine", types: [ARTICLE]) { edges { node { ... on Article { slug } } } }
      section(slug: "world") { articles(first: 100) { edges { node { slug } } } }
    }`;
    const visible = async () => {
      const data = (await lede.query(READER_VIEW, { slug, id: article.id })) as any;
      const places = {
        article: data.article !== null,
        node: data.node !== null,
        list: data.articles.edges.some((e: any) => e.node.slug === slug),
        search: data.search.edges.some((e: any) => e.node.slug === slug),
        section: data.section.articles.edges.some((e: any) => e.node.slug === slug),
      };
      return { places, count: data.articles.totalCount as number };
    };
    const before = await visible();
    expect(before.places).toEqual({ article: false, node: false, list: false, search: false, section: false });
    // an editor still sees it
    const asEditor = (await lede.query(READER_VIEW, { slug, id: article.id }, { token: editor })) as any;
    expect(asEditor.article).not.toBeNull();

    lede.clock.advance(HOUR + 1000);
    await until(async () => (await visible()).places.article, "the embargo to lift");
    const after = await visible();
    expect(after.places).toEqual({ article: true, node: true, list: true, search: true, section: true });
    expect(after.count).toBe(before.count + 1);
  });
});
