// Live blogs for the synthetic corpus (`--live-blogs`): one article in fifty is told as a live blog, most with a few
// dozen updates and one in five hundred with hundreds (the long-running stories that load tests need). Each blog has
// its own random stream, seeded from the corpus seed and the article, so turning live blogs on changes no other row.
import type { ArticleRows } from "./corpus-articles.js";
import { Random } from "./corpus-random.js";

export interface LiveBlogRows {
  blog: Record<string, unknown>;
  updates: Record<string, unknown>[];
  blocks: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

const EVERY = 50;
const LONG_EVERY = 500;

const OPENERS = [
  "Officials have just confirmed",
  "Our correspondent at the scene reports",
  "A spokesperson told reporters",
  "Witnesses describe",
  "The latest figures show",
  "In a brief statement",
  "Local media now report",
];
const MIDDLES = [
  "that the talks will continue into the evening",
  "a heavy police presence around the building",
  "that no decision is expected before tomorrow",
  "crowds gathering outside the court",
  "that the vote has been postponed",
  "fresh delays at the border crossing",
];

/** Whether the corpus's article `index` is a live blog, and its rows when it is. */
export function liveBlogRowsFor(seed: number, index: number, article: ArticleRows["article"]): LiveBlogRows | null {
  if (index % EVERY !== 7 || !article.publishedAt) return null;
  const random = new Random((seed * 1_000_003 + index) >>> 0);
  const count = index % LONG_EVERY === 7 ? random.int(200, 400) : random.int(5, 40);
  const start = article.publishedAt.getTime();
  const articleId = article.id;
  const updates: Record<string, unknown>[] = [];
  const blocks: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  let at = start;
  for (let seq = 1; seq <= count; seq++) {
    at += Math.round(random.exponential(4 * 60_000)) + 1000;
    const when = new Date(at);
    const id = `${articleId}-live-${seq}`;
    const text = `${OPENERS[random.int(0, OPENERS.length - 1)]} ${MIDDLES[random.int(0, MIDDLES.length - 1)]}.`;
    updates.push({
      id,
      articleId,
      status: "PUBLISHED",
      seq,
      title: random.chance(0.3) ? `Update ${seq}` : null,
      bodyText: text,
      keyEvent: random.chance(0.08),
      summary: seq === count,
      publishedAt: when,
      version: 1,
      createdAt: when,
      updatedAt: when,
    });
    blocks.push({
      id: `${id}-b0`,
      updateId: id,
      position: 0,
      kind: "PARAGRAPH",
      text,
      createdAt: when,
      updatedAt: when,
    });
    events.push({ id: `${id}-e`, articleId, seq, kind: "POSTED", updateId: id, createdAt: when, updatedAt: when });
  }
  const end = new Date(at + 60_000);
  const blog = {
    articleId,
    coverageStartAt: new Date(start),
    coverageEndAt: end,
    pinnedUpdateId: null,
    lastUpdateSeq: count,
    lastEventSeq: count,
    version: 1,
    createdAt: new Date(start),
    updatedAt: end,
  };
  return { blog, updates, blocks, events };
}
