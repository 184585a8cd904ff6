// Account moderation and a commenter's own data: ban, suspend, warn and note (each with a reason, each audited),
// restricted accounts refused with ACCOUNT_RESTRICTED over HTTP and WebSocket alike, the display name, the download
// of everything Lede holds about a reader, and account deletion (comments removed or anonymised, live widgets told).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { print } from "graphql";
import {
  AccountDataDocument,
  AcknowledgeWarningDocument,
  AddAccountNoteDocument,
  BanAccountDocument,
  ChangeDisplayNameDocument,
  CommentByIdDocument,
  CommentEventsDocument,
  CommenterHistoryDocument,
  DeleteAccountDocument,
  FlagCommentWithReasonDocument,
  PostCommentDocument,
  ReactToCommentDocument,
  SuspendAccountDocument,
  UnbanAccountDocument,
  ViewerStandingDocument,
  WarnAccountDocument,
} from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { expectErrorCode, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { subscribe, until, wsClient } from "./support/ws.js";

type Who = { token: string; accountId: string };

describe.skipIf(skipDatabase)("account moderation", () => {
  let lede: TestLede;
  let moderator: Who;
  let admin: Who;
  let article: string;
  let base: string;
  beforeAll(async () => {
    lede = await startLede();
    moderator = await staff(lede, "MODERATOR", "Desk");
    asModerator = { token: moderator.token };
    admin = await staff(lede, "ADMIN", "Chief");
    article = await articleId(lede);
    base = await lede.listen();
  });
  afterAll(async () => {
    await lede?.close();
  });

  let asModerator: { token: string };

  it("bans a reader: posting, reacting and flagging answer ACCOUNT_RESTRICTED over HTTP and WebSocket", async () => {
    const reader = await guest(lede, "Troll");
    const other = await guest(lede, "Bystander");
    const theirs = await post(lede, other.token, { articleId: article, body: "a comment to react to" });
    await lede.query(BanAccountDocument, { id: reader.accountId, reason: "repeated abuse" }, asModerator);
    const refusedPost = await lede.execute(
      PostCommentDocument,
      { input: { articleId: article, body: "still here" } },
      { token: reader.token },
    );
    expectErrorCode(refusedPost, "ACCOUNT_RESTRICTED", { document: PostCommentDocument });
    expect(refusedPost.errors![0]!.extensions).toMatchObject({ restriction: "BANNED" });
    expect(refusedPost.errors![0]!.message).toMatch(/banned/);
    const react = await lede.execute(ReactToCommentDocument, { commentId: theirs.id, kind: "LIKE" }, reader);
    expectErrorCode(react, "ACCOUNT_RESTRICTED", { document: ReactToCommentDocument });
    const flagged = await lede.execute(FlagCommentWithReasonDocument, { id: theirs.id, reason: "SPAM" }, reader);
    expectErrorCode(flagged, "ACCOUNT_RESTRICTED", { document: FlagCommentWithReasonDocument });
    // the same over a WebSocket
    const client = wsClient(base, reader.token);
    try {
      const result = await new Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>(
        (resolve, reject) => {
          client.subscribe(
            { query: print(PostCommentDocument), variables: { input: { articleId: article, body: "over ws" } } },
            { next: resolve, error: reject, complete: () => {} },
          );
        },
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "ACCOUNT_RESTRICTED", restriction: "BANNED" });
    } finally {
      await client.dispose();
    }
    // the reader sees their standing; lifting the ban lets them post again
    const standing = await lede.query(ViewerStandingDocument, {}, reader);
    expect(standing.viewer!.standing).toMatchObject({ banned: true });
    await lede.query(UnbanAccountDocument, { id: reader.accountId, reason: "appeal accepted" }, asModerator);
    expect((await post(lede, reader.token, { articleId: article, body: "back again" })).status).toBe("VISIBLE");
  });

  it("suspends until a time, then lets the reader back", async () => {
    const reader = await guest(lede, "Hothead");
    const until = new Date(lede.clock.now().getTime() + 3_600_000).toISOString();
    const past = new Date(lede.clock.now().getTime() - 1000).toISOString();
    const bad = await lede.execute(
      SuspendAccountDocument,
      { id: reader.accountId, until: past, reason: "x" },
      asModerator,
    );
    expectErrorCode(bad, "BAD_USER_INPUT", { document: SuspendAccountDocument });
    const suspended = await lede.query(
      SuspendAccountDocument,
      { id: reader.accountId, until, reason: "cool off" },
      asModerator,
    );
    expect(suspended.suspendAccount.standing!.suspendedUntil).toBe(until);
    const refused = await lede.execute(
      PostCommentDocument,
      { input: { articleId: article, body: "let me in" } },
      { token: reader.token },
    );
    expectErrorCode(refused, "ACCOUNT_RESTRICTED", { document: PostCommentDocument });
    expect(refused.errors![0]!.extensions).toMatchObject({ restriction: "SUSPENDED", until });
    lede.clock.advance(3_600_001);
    expect((await post(lede, reader.token, { articleId: article, body: "calmer now" })).status).toBe("VISIBLE");
  });

  it("warns a reader with a message they see until they acknowledge it; others never see it", async () => {
    const reader = await guest(lede, "Warned");
    const message = "Please keep to the topic of the article.";
    await lede.query(WarnAccountDocument, { id: reader.accountId, message, reason: "off-topic run" }, asModerator);
    expect((await lede.query(ViewerStandingDocument, {}, reader)).viewer!.standing!.warning).toBe(message);
    const other = await guest(lede, "Nosy");
    expect((await lede.query(CommenterHistoryDocument, { id: reader.accountId }, other)).node).toMatchObject({
      standing: null,
      history: null,
    });
    const acknowledged = await lede.query(AcknowledgeWarningDocument, {}, reader);
    expect(acknowledged.acknowledgeWarning.standing!.warning).toBeNull();
  });

  it("keeps every action with its reason in the history and the audit log; limits who acts on whom", async () => {
    const reader = await guest(lede, "Recorded");
    await lede.query(AddAccountNoteDocument, { id: reader.accountId, note: "asked about our policy" }, asModerator);
    await lede.query(BanAccountDocument, { id: reader.accountId, reason: "spam account" }, asModerator);
    const { node } = await lede.query(CommenterHistoryDocument, { id: reader.accountId }, asModerator);
    expect(node).toMatchObject({
      history: {
        actions: [
          { kind: "BAN", reason: "spam account", moderator: { displayName: "Desk" } },
          { kind: "NOTE", reason: "asked about our policy", moderator: { displayName: "Desk" } },
        ],
      },
    });
    const audit = await lede.query(
      `{ auditLog(first: 10) { edges { node { action entityType changes actor { displayName } } } } }`,
      {},
      { token: admin.token },
    );
    const entries = (audit as { auditLog: { edges: { node: { action: string; changes: string } }[] } }).auditLog.edges;
    expect(entries.map((e) => e.node.action)).toEqual(expect.arrayContaining(["banAccount", "addAccountNote"]));
    expect(entries.find((e) => e.node.action === "banAccount")!.node.changes).toContain("spam account");
    // a moderator may not restrict staff, nor themselves; an admin may restrict a moderator
    const otherModerator = await staff(lede, "MODERATOR", "Second desk");
    for (const id of [otherModerator.accountId, moderator.accountId]) {
      const refused = await lede.execute(BanAccountDocument, { id, reason: "no" }, asModerator);
      expectErrorCode(refused, "FORBIDDEN", { document: BanAccountDocument });
    }
    await lede.query(BanAccountDocument, { id: otherModerator.accountId, reason: "left the desk" }, admin);
    const empty = await lede.execute(BanAccountDocument, { id: reader.accountId, reason: "  " }, asModerator);
    expectErrorCode(empty, "BAD_USER_INPUT", { document: BanAccountDocument });
  });

  it("lets a guest change their display name", async () => {
    const reader = await guest(lede, "Old name");
    const renamed = await lede.query(ChangeDisplayNameDocument, { displayName: "  New   name " }, reader);
    expect(renamed.changeDisplayName.displayName).toBe("New name");
    const bad = await lede.execute(ChangeDisplayNameDocument, { displayName: "" }, reader);
    expectErrorCode(bad, "BAD_USER_INPUT", { document: ChangeDisplayNameDocument });
  });

  it("tells the author, and only them, how many seconds are left to edit, by Lede's clock", async () => {
    const author = await guest(lede, "Counting down");
    const comment = await post(lede, author.token, { articleId: article, body: "Editable for a while" });
    const secondsLeft = async (token?: string) => {
      const query = `query($id: ID!) { node(id: $id) { ... on Comment { editableForSeconds } } }`;
      type Answer = { node: { editableForSeconds: number | null } };
      const { node } = await lede.query<Answer, object>(query, { id: comment.id }, token ? { token } : {});
      return node.editableForSeconds;
    };
    expect(await secondsLeft(author.token)).toBe(lede.config.comments.editWindowMs / 1000);
    lede.clock.advance(60_000);
    expect(await secondsLeft(author.token)).toBe(lede.config.comments.editWindowMs / 1000 - 60);
    expect([await secondsLeft(), await secondsLeft(moderator.token)]).toEqual([null, null]);
    lede.clock.advance(lede.config.comments.editWindowMs);
    expect(await secondsLeft(author.token)).toBe(0);
  });
});

describe.skipIf(skipDatabase)("a commenter's own data", () => {
  for (const mode of ["remove", "anonymise"] as const) {
    describe(`with DELETED_ACCOUNT_COMMENTS=${mode}`, () => {
      let lede: TestLede;
      let article: string;
      let base: string;
      beforeAll(async () => {
        lede = await startLede({ env: { DELETED_ACCOUNT_COMMENTS: mode } });
        article = await articleId(lede);
        base = await lede.listen();
      });
      afterAll(async () => {
        await lede?.close();
      });

      it("downloads everything about the reader, then deletes the account; live widgets see the change", async () => {
        const reader = await guest(lede, "Leaving");
        const other = await guest(lede, "Staying");
        const mine = await post(lede, reader.token, { articleId: article, body: "my words, my data" });
        const theirs = await post(lede, other.token, { articleId: article, body: "someone else's" });
        await lede.query(ReactToCommentDocument, { commentId: theirs.id, kind: "INSIGHTFUL" }, reader);
        await lede.query(FlagCommentWithReasonDocument, { id: theirs.id, reason: "OTHER", text: "rude" }, reader);
        const { accountData } = await lede.query(AccountDataDocument, {}, reader);
        expect(accountData).toMatchObject({
          account: { id: reader.accountId, displayName: "Leaving", role: "READER" },
          comments: [{ id: mine.id, body: "my words, my data", status: "VISIBLE" }],
          reactions: [{ commentId: theirs.id, kind: "INSIGHTFUL" }],
          flags: [{ commentId: theirs.id, reason: "OTHER", note: "rude" }],
        });
        const refused = await lede.execute(AccountDataDocument, { id: reader.accountId }, other);
        expectErrorCode(refused, "FORBIDDEN", { document: AccountDataDocument });

        const client = wsClient(base);
        const events = await subscribe(lede, client, CommentEventsDocument, { articleId: article });
        try {
          const deleted = await lede.query(DeleteAccountDocument, {}, reader);
          expect(deleted.deleteAccount).toEqual({
            accountId: reader.accountId,
            commentsRemoved: mode === "remove" ? 1 : 0,
            commentsAnonymised: mode === "anonymise" ? 1 : 0,
          });
          const kind = mode === "remove" ? "REMOVED" : "AUTHOR_CHANGED";
          await until(
            () => events.results.some((r) => r.commentEvents.kind === kind && r.commentEvents.comment.id === mine.id),
            `a ${kind} event for the reader's comment`,
          );
          expect(events.results.some((r) => r.commentEvents.kind === "REACTIONS_CHANGED")).toBe(true);
        } finally {
          events.dispose();
          await client.dispose();
        }
        const gone = await lede.execute(ViewerStandingDocument, {}, reader);
        expectErrorCode(gone, "UNAUTHENTICATED", { document: ViewerStandingDocument });
        const seen = (await lede.query(CommentByIdDocument, { id: mine.id })).comment;
        if (mode === "remove") expect(seen).toMatchObject({ removed: true, body: null });
        else expect(seen).toMatchObject({ removed: false, body: "my words, my data" });
        const author = await lede.query(`query($id: ID!) { comment(id: $id) { author { displayName } } }`, {
          id: mine.id,
        });
        expect(author).toEqual({ comment: { author: { displayName: "Deleted reader" } } });
        expect((await lede.query(CommentByIdDocument, { id: theirs.id })).comment!.reactionCount).toBe(0);
        // the audit entry names who and how many, never the text
        const entries = await lede.db.prisma.auditEntry.findMany({ where: { action: "deleteAccount" } });
        expect(entries).toHaveLength(1);
        expect(entries[0]!.changes).not.toContain("my words");
        if (mode === "remove") {
          expect(await lede.db.prisma.comment.count({ where: { body: { contains: "my words" } } })).toBe(0);
        }
      });

      it("lets a moderator download and delete a reader's account on request, with a reason", async () => {
        const moderator = await staff(lede, "MODERATOR", "Desk");
        const reader = await guest(lede, "Asked by email");
        await post(lede, reader.token, { articleId: article, body: "delete me please" });
        const data = await lede.query(AccountDataDocument, { id: reader.accountId }, moderator);
        expect((data.accountData as { comments: unknown[] }).comments).toHaveLength(1);
        const noReason = await lede.execute(DeleteAccountDocument, { id: reader.accountId }, moderator);
        expectErrorCode(noReason, "BAD_USER_INPUT", { document: DeleteAccountDocument });
        const done = await lede.query(
          DeleteAccountDocument,
          { id: reader.accountId, reason: "reader's email of 3 March" },
          moderator,
        );
        expect(done.deleteAccount.accountId).toBe(reader.accountId);
        const entry = await lede.db.prisma.auditEntry.findFirstOrThrow({
          where: { action: "deleteAccount", changes: { contains: "3 March" } },
        });
        expect(entry.actorId).not.toBeNull();
      });
    });
  }
});
