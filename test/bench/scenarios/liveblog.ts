// L1: a live blog with 2,000 subscribers (200 in a quick run) on one Lede process: postLiveUpdate → delivery p95,
// losses and duplicates. Modelled on P4: the same subscriber fleets (each a real graphql-ws client), the post time
// (monotonic clock, ns) written into each update's text, and an editor posting at a steady interval.
import { hashToken, newTokenSecret } from "../../../src/auth/authenticate.js";
import { openDatabase } from "../../../src/platform/db.js";
import { LIVE_ARTICLE_GLOBAL_ID, LIVE_ARTICLE_ID } from "../lib/data.js";
import { graphql, startLede } from "../lib/lede.js";
import type { Plan } from "../lib/plan.js";
import { progress, type Row } from "../lib/stats.js";
import { measureFanout, POSTER_NAME } from "./live.js";

export const LIVE_BLOG_SUBSCRIPTION = `subscription($articleId: ID!) {
  liveBlogEvents(articleId: $articleId) { kind cursor sequence update { id bodyText authors { name } } }
}`;
const FULL_SUBSCRIBERS = 2000;
const EDITOR_ID = "bench-live-editor";
const POSTER_PERSON_ID = "bench-live-poster";

/** Makes the benchmark's live article a live blog, with an editor to post and a person to credit. */
async function prepare(databaseUrl: string): Promise<string> {
  const db = await openDatabase(databaseUrl);
  try {
    const token = newTokenSecret();
    await db.prisma.account.upsert({
      where: { id: EDITOR_ID },
      create: { id: EDITOR_ID, displayName: "Bench Editor", role: "EDITOR" },
      update: {},
    });
    await db.prisma.apiToken.create({
      data: {
        id: `${EDITOR_ID}-${Date.now()}`,
        accountId: EDITOR_ID,
        kind: "API",
        name: "bench",
        tokenHash: hashToken(token),
      },
    });
    await db.prisma.person.upsert({
      where: { id: POSTER_PERSON_ID },
      create: { id: POSTER_PERSON_ID, slug: POSTER_PERSON_ID, name: POSTER_NAME },
      update: {},
    });
    await db.prisma.liveBlog.upsert({
      where: { articleId: LIVE_ARTICLE_ID },
      create: { articleId: LIVE_ARTICLE_ID, coverageStartAt: new Date(Date.UTC(2000, 0, 1)) },
      update: {},
    });
    return token;
  } finally {
    await db.close();
  }
}

export async function runLiveBlogFanout(sqliteUrl: string, plan: Plan, raw: Record<string, unknown>): Promise<Row[]> {
  const subscribers = Math.min(FULL_SUBSCRIBERS, plan.subscribers);
  const token = await prepare(sqliteUrl);
  const lede = await startLede("Lede (L1)", sqliteUrl, { WS_INIT_TIMEOUT_MS: "60000" });
  try {
    const authorIds = [Buffer.from(`Person:${POSTER_PERSON_ID}`).toString("base64url")];
    const result = await measureFanout({
      label: "Lede live blog",
      url: lede.wsUrl,
      mode: "graphql-ws",
      query: LIVE_BLOG_SUBSCRIPTION,
      articleId: LIVE_ARTICLE_GLOBAL_ID,
      subscribers,
      fleets: Math.min(plan.fleets, Math.max(1, Math.ceil(subscribers / 1000))),
      events: plan.events,
      intervalMs: plan.intervalMs,
      servers: [lede],
      async post(text) {
        const { json } = await graphql(
          lede.baseUrl,
          `
            mutation ($i: PostLiveUpdateInput!) {
              postLiveUpdate(input: $i) {
                id
              }
            }
          `,
          { i: { articleId: LIVE_ARTICLE_GLOBAL_ID, body: [{ kind: "PARAGRAPH", text }], authorIds } },
          token,
        );
        if (!json.data) throw new Error(`postLiveUpdate failed: ${JSON.stringify(json).slice(0, 300)}`);
      },
    });
    raw.L1 = result;
    const notes = [`${result.connected}/${result.subscribers} connected`];
    if (result.lost) notes.push(`${result.lost} lost`);
    if (result.duplicates) notes.push(`${result.duplicates} duplicates`);
    if (result.wrong) notes.push(`${result.wrong} wrong`);
    progress(`  L1: p95 ${result.p95.toFixed(0)} ms, ${notes.join(", ")}`);
    const full = subscribers >= FULL_SUBSCRIBERS;
    const ok = result.p95 <= 500 && result.lost === 0 && result.duplicates === 0;
    return [
      {
        scenario: "L1",
        subject: `live blog, ${subscribers} subscribers, postLiveUpdate → delivery`,
        db: "sqlite",
        p50: result.p50,
        p95: result.p95,
        p99: result.p99,
        rssMb: result.rssMb,
        ratio: notes.join(", "),
        target: "2,000, p95 ≤ 500 ms, 0 lost, 0 duplicates",
        verdict: result.wrong ? "FAIL" : full ? (ok ? "ok" : "MISS") : "",
        ...(full ? {} : { note: "(fewer subscribers than the 2,000 of the target)" }),
      },
    ];
  } finally {
    await lede.stop();
  }
}
