// Draft previews (a token that shows one article read-only, expires and can be revoked) and article revisions:
// every saved change keeps one, a diff by field and by body block, and restoreRevision with the version check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";

describe.skipIf(skipDatabase)("previews and revisions", () => {
  let lede: TestLede;
  let editor: string;
  let article: string;
  beforeAll(async () => {
    lede = await startLede();
    editor = (await staff(lede, "EDITOR")).token;
    const made = (await lede.query(
      `mutation { createArticle(input: { slug: "revised-draft", headline: "First headline",
        body: [{ kind: PARAGRAPH, text: "One." }, { kind: PARAGRAPH, text: "Two." }] }) { id } }`,
      {},
      { token: editor },
    )) as any;
    article = made.createArticle.id;
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("shows a draft to a preview token's holder until it expires or is revoked", async () => {
    const preview = `query($t: String!) { articlePreview(token: $t) { id headline status } }`;
    const made = (await lede.query(
      `mutation($a: ID!) { createPreviewToken(articleId: $a, expiresInHours: 2) { token preview { id } } }`,
      { a: article },
      { token: editor },
    )) as any;
    const token = made.createPreviewToken.token;
    expect(((await lede.query(`query { article(slug: "revised-draft") { id } }`)) as any).article).toBeNull();
    expect(((await lede.query(preview, { t: token })) as any).articlePreview).toMatchObject({
      id: article,
      status: "DRAFT",
    });
    lede.clock.advance(3 * 3_600_000);
    expect(((await lede.query(preview, { t: token })) as any).articlePreview).toBeNull();
    lede.clock.advance(-3 * 3_600_000);
    await lede.query(
      `mutation($id: ID!) { revokePreviewToken(id: $id) }`,
      { id: made.createPreviewToken.preview.id },
      { token: editor },
    );
    expect(((await lede.query(preview, { t: token })) as any).articlePreview).toBeNull();
    expect(((await lede.query(preview, { t: "lede_preview_" + "x".repeat(32) })) as any).articlePreview).toBeNull();
  });

  it("keeps a revision per change, diffs two, and restores one as a new version", async () => {
    await lede.query(
      `mutation($id: ID!) { updateArticle(input: { id: $id, version: 1, headline: "Second headline",
        body: [{ kind: PARAGRAPH, text: "One." }, { kind: PARAGRAPH, text: "Two, edited." }, { kind: QUOTE, text: "Three.", attribution: "Someone" }] }) { version } }`,
      { id: article },
      { token: editor },
    );
    const read = `query($id: ID!) { node(id: $id) { ... on Article { version headline revisions { id version action actor { displayName } } } } }`;
    const { node } = (await lede.query(read, { id: article }, { token: editor })) as any;
    expect(node.revisions.map((r: any) => [r.version, r.action])).toEqual([
      [2, "updateArticle"],
      [1, "createArticle"],
    ]);
    expect(node.revisions[0].actor.displayName).toBe("Test EDITOR");
    const [newer, older] = node.revisions;
    const diff = (await lede.query(
      `query($f: ID!, $t: ID!) { revisionDiff(from: $f, to: $t) { fields { field before after } blocks { position change before { text } after { text } } } }`,
      { f: older.id, t: newer.id },
      { token: editor },
    )) as any;
    expect(diff.revisionDiff.fields).toEqual([
      { field: "headline", before: "First headline", after: "Second headline" },
    ]);
    expect(diff.revisionDiff.blocks).toEqual([
      { position: 1, change: "CHANGED", before: { text: "Two." }, after: { text: "Two, edited." } },
      { position: 2, change: "ADDED", before: null, after: { text: "Three." } },
    ]);
    const restore = `mutation($r: ID!, $v: Int!) { restoreRevision(revisionId: $r, version: $v) { version headline body { text } } }`;
    expectErrorCode(await lede.execute(restore, { r: older.id, v: 1 }, { token: editor }), "CONFLICT", {
      document: restore,
    });
    const restored = (await lede.query(restore, { r: older.id, v: 2 }, { token: editor })) as any;
    expect(restored.restoreRevision).toMatchObject({ version: 3, headline: "First headline" });
    expect(restored.restoreRevision.body.map((b: any) => b.text)).toEqual(["One.", "Two."]);
    const after = (await lede.query(read, { id: article }, { token: editor })) as any;
    expect(after.node.revisions[0]).toMatchObject({ version: 3, action: "restoreRevision" });
  });
});
