// A post can commit and still fail on its way back: the transaction expires while its COMMIT is being answered, or
// the connection drops. The comment is saved then, so its arrival must still reach every subscriber: at once when
// the server can tell it was saved, and at the latest when the widget retries with the same clientMutationId. The
// same holds for an edit, a delete and a moderator's decision that is retried.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CommentEventsDocument,
  DeleteCommentDocument,
  EditCommentDocument,
  PostCommentDocument,
  RejectCommentDocument,
  type CommentEventsSubscription,
} from "./generated/graphql.js";
import { articleId, guest, post, staff } from "./support/fixtures.js";
import { describeFailure, skipDatabase, startLede, type TestLede } from "./support/lede.js";
import { subscribe, until, wsClient, type Collector } from "./support/ws.js";

const SLUG = "why-norway-refused-wagner-deserter-asylum-but-wont-send-him-back";

/** What Prisma throws when a transaction's time ran out: code P2028, which the server reports as SERVICE_UNAVAILABLE. */
function expiredTransaction(): Error {
  return Object.assign(new Error("Transaction already closed: the transaction expired while it was committing"), {
    code: "P2028",
  });
}

describe.skipIf(skipDatabase)("a post whose commit was answered with an error", () => {
  let lede: TestLede;
  let baseUrl: string;
  let article: string;
  let reader: { token: string; accountId: string };
  const restore: (() => void)[] = [];
  const clients: { dispose(): void | Promise<void> }[] = [];
  const feed = async () => {
    const client = wsClient(baseUrl);
    clients.push(client);
    return subscribe(lede, client, CommentEventsDocument, { articleId: article });
  };
  const bodies = (events: Collector<CommentEventsSubscription>) =>
    events.results.map((r) => `${r.commentEvents.kind} ${r.commentEvents.comment.body}`);

  /** The next write transaction commits and then fails, as if its answer had been lost. */
  function commitThenFail(afterCommit?: () => void): void {
    const prisma = lede.db.prisma as unknown as { $transaction: (...args: unknown[]) => Promise<unknown> };
    const real = prisma.$transaction;
    prisma.$transaction = async (...args: unknown[]) => {
      prisma.$transaction = real;
      await real.apply(prisma, args);
      afterCommit?.();
      throw expiredTransaction();
    };
    restore.push(() => (prisma.$transaction = real));
  }

  /** Reads of one comment fail until the patches are undone: the database is still not answering. */
  function commentReadsFail(): void {
    const model = lede.db.prisma.comment as unknown as { findUnique: (...args: unknown[]) => Promise<unknown> };
    const real = model.findUnique;
    model.findUnique = async () => {
      throw new Error("Can't reach database server at 127.0.0.1");
    };
    restore.push(() => (model.findUnique = real));
  }
  const undoPatches = () => {
    for (const undo of restore.splice(0).reverse()) undo();
  };

  beforeAll(async () => {
    lede = await startLede();
    baseUrl = await lede.listen();
    article = await articleId(lede, SLUG);
    reader = await guest(lede, "Unlucky Reader");
  });
  afterEach(undoPatches);
  afterAll(async () => {
    for (const c of clients) await c.dispose();
    await lede?.close();
  });

  it("answers with the saved comment and publishes its arrival", async () => {
    const events = await feed();
    commitThenFail();
    const saved = await post(lede, reader.token, { articleId: article, body: "Saved although the answer was lost" });
    await until(() => events.results.length >= 1, "the arrival");
    expect(bodies(events)).toEqual(["ADDED Saved although the answer was lost"]);
    expect(events.results[0]!.commentEvents.comment.id).toBe(saved.id);
    expect(await lede.db.prisma.comment.count({ where: { body: "Saved although the answer was lost" } })).toBe(1);
  });

  it("publishes the arrival when the widget retries a post the server could not confirm", async () => {
    const events = await feed();
    const input = { articleId: article, body: "Retried after an outage", clientMutationId: "lost-answer-1" };
    commitThenFail(commentReadsFail);
    const first = await lede.execute(PostCommentDocument, { input }, { token: reader.token });
    undoPatches(); // the database is back
    expect(first.errors?.[0]?.extensions?.code, describeFailure(PostCommentDocument, { input }, first)).toBe(
      "SERVICE_UNAVAILABLE",
    );
    const retried = await post(lede, reader.token, input);
    await until(() => events.results.length >= 1, "the arrival");
    // A later post must not bring the arrival a second time (the stream drops sequences it has seen).
    await post(lede, reader.token, { articleId: article, body: "And one more" });
    await until(() => events.results.length >= 2, "the next arrival");
    expect(bodies(events)).toEqual(["ADDED Retried after an outage", "ADDED And one more"]);
    expect(events.results[0]!.commentEvents.comment.id).toBe(retried.id);
    expect(await lede.db.prisma.comment.count({ where: { clientMutationId: "lost-answer-1" } })).toBe(1);
  });

  it.each([
    { change: "an edit", kind: "EDITED", body: "After the change" },
    { change: "a delete", kind: "REMOVED", body: null },
    { change: "a moderator's rejection", kind: "STATUS_CHANGED", body: null },
  ])("publishes $change again when it is retried after its answer was lost", async ({ change, kind, body }) => {
    const comment = await post(lede, reader.token, { articleId: article, body: `Before ${change}` });
    const events = await feed();
    const moderator = change.includes("moderator") ? (await staff(lede, "MODERATOR")).token : reader.token;
    const send = () =>
      kind === "EDITED"
        ? lede.execute(
            EditCommentDocument,
            { input: { id: comment.id, body: "After the change" } },
            { token: moderator },
          )
        : kind === "REMOVED"
          ? lede.execute(DeleteCommentDocument, { id: comment.id }, { token: moderator })
          : lede.execute(RejectCommentDocument, { id: comment.id, reason: "off topic" }, { token: moderator });
    commitThenFail();
    const first = await send();
    expect(first.errors?.[0]?.extensions?.code, JSON.stringify(first)).toBe("SERVICE_UNAVAILABLE");
    const retried = await send();
    expect(retried.errors, JSON.stringify(retried)).toBeUndefined();
    await until(() => events.results.length >= 1, `${change}'s event`);
    await post(lede, reader.token, { articleId: article, body: `Posted after ${change}` });
    await until(() => events.results.length >= 2, "the next arrival");
    expect(bodies(events)).toEqual([`${kind} ${body}`, `ADDED Posted after ${change}`]);
  });
});
