// The response cache's grace, end to end (on the injected clock): after a new comment, readers are answered from
// before it at once until it is due to be read again (a quarter of the grace), then while one reader reads it again;
// past the grace everyone waits for the read; a removal drops the answer at once, so nobody sees the removed comment
// again; RESPONSE_CACHE_GRACE_MS=0 turns the grace off. The one read is held at a gate (the article read waits for
// the test), so "while one reader reads" is not left to timing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleId, guest, post } from "./support/fixtures.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const PAGE = `query GracePage($slug: String!) { article(slug: $slug) { id commentCount } }`;
const SLUG = "ex-wagner-commander-norway-refused-asylum-allowed-to-stay";
const DELETE = `mutation Delete($id: ID!) { deleteComment(id: $id) { id status } }`;

const countIn = (answer: { data?: unknown; errors?: unknown }) => {
  expect(answer.errors, JSON.stringify(answer)).toBeUndefined();
  return (answer.data as { article: { commentCount: number } }).article.commentCount;
};

/**
 * One anonymous reader reads the page while its article read is held; seven more ask meanwhile. Returns the counts
 * the seven got while the read was held (null for those still waiting), then the reader's and the seven's counts.
 */
async function readWhileOneReads(lede: TestLede) {
  const articles = lede.db.prisma.article as unknown as { findFirst: (...args: unknown[]) => Promise<unknown> };
  const findFirst = articles.findFirst;
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  let reads = 0;
  articles.findFirst = async (...args) => {
    reads++;
    entered();
    await gate;
    return findFirst.apply(articles, args);
  };
  try {
    const reader = lede.execute(PAGE, { slug: SLUG });
    // held at the gate, or answered without reading
    await Promise.race([inside, reader]);
    const others = Array.from({ length: 7 }, () => lede.execute(PAGE, { slug: SLUG }));
    const settled = others.map((answer) => answer.then(countIn));
    // what the seven had while the read was held: give them time to be answered if they are not waiting
    const whileHeld = await Promise.race([
      Promise.all(settled),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 500)),
    ]);
    release();
    return { whileHeld, reader: countIn(await reader), others: await Promise.all(settled), reads };
  } finally {
    articles.findFirst = findFirst;
    release();
  }
}

async function countOf(lede: TestLede): Promise<number> {
  return countIn(await lede.execute(PAGE, { slug: SLUG }));
}

describe.skipIf(skipDatabase)("response cache: grace after a new comment", () => {
  let lede: TestLede;
  let withoutGrace: TestLede;
  beforeAll(async () => {
    lede = await startLede({ env: { RESPONSE_CACHE_GRACE_MS: "1000" } });
    withoutGrace = await startLede({ env: { RESPONSE_CACHE_GRACE_MS: "0" } });
  });
  afterAll(async () => {
    await lede?.close();
    await withoutGrace?.close();
  });

  it("answers readers from before the comment while one of them reads again, and then serves the new count", async () => {
    const before = await countOf(lede); // stored
    const poster = await guest(lede, "Grace Poster");
    const comment = await post(lede, poster.token, { articleId: await articleId(lede, SLUG), body: "first!" });
    expect(comment.status).toBe("VISIBLE");

    // not yet due to be read again: everyone is answered from before the comment, and nothing is read
    const soon = await readWhileOneReads(lede);
    expect([soon.reader, ...(soon.whileHeld ?? [])]).toEqual(Array(8).fill(before));
    expect(soon.reads).toBe(0);

    lede.clock.advance(300);
    const during = await readWhileOneReads(lede);
    // the seven were answered at once, from before the comment, while the one read it again
    expect(during.whileHeld).toEqual(Array(7).fill(before));
    expect(during.reader).toBe(before + 1);
    expect(during.reads).toBe(1);
    // the read that saw the comment is what everyone gets from then on
    expect(await countOf(lede)).toBe(before + 1);

    // past its grace an answer is not served: after another comment, a second later everyone waits for the read
    await post(lede, poster.token, { articleId: await articleId(lede, SLUG), body: "second!" });
    lede.clock.advance(1001);
    const late = await readWhileOneReads(lede);
    expect(late.whileHeld).toBeNull();
    expect([late.reader, ...late.others]).toEqual(Array(8).fill(before + 2));

    // a removal takes the comment away at once: nobody is answered from before it, everyone waits for the read
    await lede.query(DELETE, { id: comment.id }, { token: poster.token });
    const afterRemoval = await readWhileOneReads(lede);
    expect(afterRemoval.whileHeld).toBeNull();
    expect([afterRemoval.reader, ...afterRemoval.others]).toEqual(Array(8).fill(before + 1));
    expect(afterRemoval.reads).toBe(1);
  });

  it("makes everyone wait for the new read when the grace is 0", async () => {
    const before = await countOf(withoutGrace);
    const poster = await guest(withoutGrace, "Graceless Poster");
    await post(withoutGrace, poster.token, { articleId: await articleId(withoutGrace, SLUG), body: "no grace" });
    const during = await readWhileOneReads(withoutGrace);
    expect(during.whileHeld).toBeNull();
    expect([during.reader, ...during.others]).toEqual(Array(8).fill(before + 1));
    expect(during.reads).toBe(1);
  });
});
