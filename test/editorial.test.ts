// Editors write articles: drafts only they see, versioned updates that refuse to overwrite a colleague's change,
// publication, withdrawal and corrections, idempotent creates, and an audit log for admins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalId } from "../src/global-id.js";
import { staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

const CREATE = `mutation($i: CreateArticleInput!) { createArticle(input: $i) { id slug status version headline wordCount bodyText url
  section { slug } tags { slug } publisher { name } body { kind text level attribution } } }`;
const UPDATE = `mutation($i: UpdateArticleInput!) { updateArticle(input: $i) { id version headline standfirst } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishArticle(id: $id, version: $v) { status version publishedAt } }`;
const WITHDRAW = `mutation($id: ID!, $v: Int!, $r: String!) { withdrawArticle(id: $id, version: $v, reason: $r) { status version corrections { text } } }`;
const CORRECT = `mutation($id: ID!, $t: String!) { addCorrection(articleId: $id, text: $t) { version corrections { text publishedAt } } }`;
const BY_SLUG = `query($s: String!) { article(slug: $s) { id status } }`;

describe.skipIf(skipDatabase)("editorial mutations", () => {
  let lede: TestLede;
  let editor: string;
  let admin: string;
  let reader: string;
  let publisher: string;
  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
    admin = (await staff(lede, "ADMIN")).token;
    reader = (await staff(lede, "READER")).token;
    const org = await lede.db.prisma.organisation.findFirstOrThrow({ where: { slug: "lede" } });
    publisher = encodeGlobalId("Organisation", org.id);
  });
  afterAll(async () => {
    await lede?.close();
  });

  const draft = (slug: string, extra: Record<string, unknown> = {}) => ({
    slug,
    headline: "  Arctic border reopens to trucks  ",
    standfirst: "A short summary",
    sectionSlug: "world",
    tags: ["norway", "arctic", "brand-new-tag"],
    publisherId: publisher,
    body: [
      { kind: "PARAGRAPH", text: "First paragraph with five words." },
      { kind: "HEADING", text: "A subheading", level: 3 },
      { kind: "QUOTE", text: "We are ready", attribution: "A customs officer" },
    ],
    ...extra,
  });

  it("creates a draft that only editors see, with its body, section, tags and publisher", async () => {
    const { createArticle } = (await lede.query(CREATE, { i: draft("border-reopens") }, { token: editor })) as {
      createArticle: any;
    };
    expect(createArticle).toMatchObject({
      slug: "border-reopens",
      status: "DRAFT",
      version: 1,
      headline: "Arctic border reopens to trucks",
      section: { slug: "world" },
      tags: [{ slug: "norway" }, { slug: "arctic" }, { slug: "brand-new-tag" }],
      publisher: { name: "Lede" },
      body: [
        { kind: "PARAGRAPH", level: null, attribution: null },
        { kind: "HEADING", level: 3 },
        { kind: "QUOTE", attribution: "A customs officer" },
      ],
    });
    expect(createArticle.wordCount).toBe(10);
    expect((await lede.query(BY_SLUG, { s: "border-reopens" })) as object).toEqual({ article: null });
    expect((await lede.query(BY_SLUG, { s: "border-reopens" }, { token: editor })) as object).toMatchObject({
      article: { status: "DRAFT" },
    });
  });

  it("names the field at fault for bad input, and writes nothing", async () => {
    const before = await lede.db.prisma.article.count();
    const cases: [Record<string, unknown>, string][] = [
      [draft("empty-headline", { headline: "   " }), "headline"],
      [draft("Not A Slug"), "slug"],
      [draft("border-reopens"), "slug"], // taken
      [draft("bad-section", { sectionSlug: "sport" }), "sectionSlug"],
      [draft("bad-publisher", { publisherId: encodeGlobalId("Organisation", "nope") }), "publisherId"],
      [draft("wrong-kind-of-id", { publisherId: encodeGlobalId("Person", "x") }), "publisherId"],
      [draft("bad-level", { body: [{ kind: "HEADING", text: "x", level: 7 }] }), "body[0].level"],
      [draft("empty-block", { body: [{ kind: "PARAGRAPH", text: " " }] }), "body[0].text"],
      [draft("bad-language", { language: "English!" }), "language"],
      [draft("bad-tag", { tags: ["Not a slug!"] }), "tags"],
    ];
    for (const [input, field] of cases) {
      const result = await lede.execute(CREATE, { i: input }, { token: editor });
      expectErrorCode(result, "BAD_USER_INPUT", { document: CREATE, variables: input });
      expect(result.errors![0]!.extensions!.field, JSON.stringify(input)).toBe(field);
    }
    expect(await lede.db.prisma.article.count()).toBe(before);
  });

  it("refuses an update based on a stale version with CONFLICT, and keeps the first change", async () => {
    const { createArticle } = (await lede.query(CREATE, { i: draft("versioned") }, { token: editor })) as {
      createArticle: { id: string };
    };
    const first = (await lede.query(
      UPDATE,
      { i: { id: createArticle.id, version: 1, headline: "Edit by Anna" } },
      { token: editor },
    )) as {
      updateArticle: { version: number };
    };
    expect(first.updateArticle.version).toBe(2);
    const stale = await lede.execute(
      UPDATE,
      { i: { id: createArticle.id, version: 1, headline: "Edit by Ben" } },
      { token: editor },
    );
    expectErrorCode(stale, "CONFLICT", { document: UPDATE });
    expect(stale.errors![0]!.message).toMatch(/version 2/);
    const now = (await lede.query(
      `query($id: ID!) { node(id: $id) { ... on Article { headline version } } }`,
      { id: createArticle.id },
      { token: editor },
    )) as {
      node: { headline: string };
    };
    expect(now.node.headline).toBe("Edit by Anna");
    const missing = await lede.execute(
      UPDATE,
      { i: { id: encodeGlobalId("Article", "nope"), version: 1, headline: "x" } },
      { token: editor },
    );
    expectErrorCode(missing, "NOT_FOUND", { document: UPDATE });
  });

  it("publishes, corrects and withdraws, with the record saying why", async () => {
    const { createArticle } = (await lede.query(CREATE, { i: draft("to-publish") }, { token: editor })) as {
      createArticle: { id: string };
    };
    const published = (await lede.query(PUBLISH, { id: createArticle.id, v: 1 }, { token: editor })) as {
      publishArticle: any;
    };
    expect(published.publishArticle).toMatchObject({
      status: "PUBLISHED",
      version: 2,
      publishedAt: lede.clock.now().toISOString(),
    });
    expect((await lede.query(BY_SLUG, { s: "to-publish" })) as object).toMatchObject({
      article: { status: "PUBLISHED" },
    });
    const corrected = (await lede.query(
      CORRECT,
      { id: createArticle.id, t: "An earlier version misspelt the town." },
      { token: editor },
    )) as {
      addCorrection: { version: number; corrections: { text: string }[] };
    };
    expect(corrected.addCorrection).toMatchObject({
      version: 3,
      corrections: [{ text: "An earlier version misspelt the town." }],
    });
    const withdrawn = (await lede.query(
      WITHDRAW,
      { id: createArticle.id, v: 3, r: "Legal advice" },
      { token: editor },
    )) as {
      withdrawArticle: { status: string; corrections: { text: string }[] };
    };
    expect(withdrawn.withdrawArticle.status).toBe("WITHDRAWN");
    expect(withdrawn.withdrawArticle.corrections.at(-1)!.text).toMatch(/withdrawn: Legal advice/);
    const list = (await lede.query(`{ articles(first: 100) { edges { node { slug } } } }`)) as {
      articles: { edges: { node: { slug: string } }[] };
    };
    expect(list.articles.edges.map((e) => e.node.slug)).not.toContain("to-publish");
  });

  it("returns the first article for a retried create, and refuses the same id with other input", async () => {
    const input = draft("idempotent", { clientMutationId: "cms-123" });
    const first = (await lede.query(CREATE, { i: input }, { token: editor })) as { createArticle: { id: string } };
    const again = (await lede.query(CREATE, { i: input }, { token: editor })) as { createArticle: { id: string } };
    expect(again.createArticle.id).toBe(first.createArticle.id);
    const different = await lede.execute(CREATE, { i: { ...input, headline: "Something else" } }, { token: editor });
    expectErrorCode(different, "CONFLICT", { document: CREATE });
  });

  it("keeps an audit log that admins can read and nobody else", async () => {
    const log = (await lede.query(
      `{ auditLog(first: 100) { totalCount edges { node { action entityType entityId actor { role } changes } } } }`,
      {},
      { token: admin },
    )) as {
      auditLog: { totalCount: number; edges: { node: { action: string; actor: { role: string } } }[] };
    };
    const actions = log.auditLog.edges.map((e) => e.node.action);
    expect(actions).toEqual(
      expect.arrayContaining(["createArticle", "updateArticle", "publishArticle", "addCorrection", "withdrawArticle"]),
    );
    expect(log.auditLog.edges.every((e) => e.node.actor.role === "EDITOR")).toBe(true);
    for (const token of [editor, reader]) {
      expectErrorCode(await lede.execute(`{ auditLog(first: 1) { totalCount } }`, {}, { token }), "FORBIDDEN", {
        document: "auditLog",
      });
    }
  });

  it("names the argument of a bad article id, with an article that fits the type (an Article, a Person)", async () => {
    for (const [id, message] of [
      ["not-an-id", "articleId is not a valid Article id"],
      [encodeGlobalId("Person", "x"), "articleId must be an Article id, not a Person id"],
      [encodeGlobalId("Organisation", "x"), "articleId must be an Article id, not an Organisation id"],
    ] as const) {
      const variables = { id, t: "A correction" };
      const result = await lede.execute(CORRECT, variables, { token: editor });
      expectErrorCode(result, "BAD_USER_INPUT", { document: CORRECT, variables });
      expect(result.errors![0]!.extensions!.field).toBe("articleId");
      expect(result.errors![0]!.message).toBe(message);
    }
  });

  it("tells an anonymous writer which accounts may write, and a reader that theirs may not", async () => {
    const anonymous = await lede.execute(CREATE, { i: draft("anonymous-message") });
    expect(anonymous.errors?.[0]?.message).toBe("Sign in with an editor or admin account to create articles");
    const refused = await lede.execute(CREATE, { i: draft("reader-message") }, { token: reader });
    expect(refused.errors?.[0]?.message).toBe("Only editor and admin accounts may create articles");
    const audit = await lede.execute(`{ auditLog(first: 1) { totalCount } }`, {}, { token: reader });
    expect(audit.errors?.[0]?.message).toBe("Only admin accounts may read the audit log");
  });

  it("lets no reader, analyst or moderator write", async () => {
    for (const role of ["READER", "ANALYST", "MODERATOR"] as const) {
      const { token } = await staff(lede, role);
      expectErrorCode(await lede.execute(CREATE, { i: draft(`by-${role.toLowerCase()}`) }, { token }), "FORBIDDEN", {
        document: CREATE,
      });
    }
    expectErrorCode(await lede.execute(CREATE, { i: draft("anonymous") }), "UNAUTHENTICATED", { document: CREATE });
  });
});
