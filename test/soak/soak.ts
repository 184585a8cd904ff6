// The soak: two Lede instances on a PostgreSQL and a Redis of its own, under steady reads, posts and live
// subscribers; a quarter of the way in Redis is restarted, a little later PostgreSQL. Returns everything that
// happened (report.ts turns it into figures and verdicts). Everything it starts is stopped and removed at the end,
// on an abort (Ctrl-C), and, killed at once, when the process exits.
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { encodeGlobalId } from "../../src/global-id.js";
import { freePort } from "../support/ports.js";
import { REDIS_SERVER, startRedisServer, stopRedisServer } from "../support/redis.js";
import { startGuests, startReaders, startWriters, type RequestRecord, type SoakArticle } from "./http-load.js";
import { soakEnvironment, startSoakInstance, type SoakInstance } from "./instances.js";
import { postgresBinaries, startOwnPostgres } from "./postgres.js";
import { startSubscriber, type Subscriber } from "./subscribers.js";
import type { LoggedEvent, Outage, SoakOptions, SoakRun } from "./types.js";
import { clockText, progressLine } from "./report.js";

/** Why the soak cannot run here (no PostgreSQL binaries, no redis-server), or null. */
export function soakUnavailable(): string | null {
  if (!postgresBinaries())
    return "no PostgreSQL binaries (initdb, postgres) in /usr/lib/postgresql/*/bin or SOAK_POSTGRES_BIN";
  if (!existsSync(REDIS_SERVER)) return `no ${REDIS_SERVER}`;
  return null;
}

class Interrupted extends Error {
  override name = "Interrupted";
}

export async function runSoak(options: SoakOptions): Promise<SoakRun> {
  const t0 = performance.now();
  const wallStart = Date.now();
  const clock = () => performance.now() - t0;
  const say = (line: string) => options.progress(`[${clockText(clock())}] ${line}`);
  // An instance that dies ends the soak at once (nothing it could still measure would mean much).
  let fatal: Error | undefined;
  const sleepUntil = async (at: number) => {
    while (clock() < at) {
      if (options.signal?.aborted) throw new Interrupted("interrupted");
      if (fatal) throw fatal;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, at - clock())));
    }
  };
  const exitHooks = new Set<() => void>();
  const onExit = () => exitHooks.forEach((kill) => kill());
  process.once("exit", onExit);
  const stops: (() => Promise<unknown>)[] = [];

  try {
    const bin = postgresBinaries();
    if (!bin) throw new Error(soakUnavailable()!);
    say(`starting PostgreSQL (${bin}) and Redis of the soak's own`);
    const postgres = await startOwnPostgres(bin);
    exitHooks.add(postgres.killNow);
    stops.push(() => postgres.dispose());
    const redisPort = await freePort();
    let redis = await startRedisServer(redisPort);
    const killRedis = () => void redis.kill("SIGKILL");
    exitHooks.add(killRedis);
    stops.push(() => stopRedisServer(redis));

    say("starting two Lede instances (the first migrates and seeds the database)");
    const env = soakEnvironment(postgres.url, `redis://127.0.0.1:${redisPort}`);
    const instances: SoakInstance[] = [];
    for (const name of ["A", "B"]) {
      const instance = await startSoakInstance(name, env);
      instances.push(instance);
      exitHooks.add(instance.killNow);
      stops.unshift(() => instance.stop());
    }
    const urls = instances.map((i) => i.baseUrl);
    say(`instances A ${urls[0]} (pid ${instances[0]!.pid}), B ${urls[1]} (pid ${instances[1]!.pid})`);

    const rows = await postgres.query<{ id: string; slug: string; lastEventSeq: number }>(
      `SELECT id, slug, "lastEventSeq" FROM "Article"
        WHERE status = 'PUBLISHED' AND "embargoedUntil" IS NULL AND "commentsEnabled"
          AND NOT "commentsPremoderated" AND ("commentsCloseAt" IS NULL OR "commentsCloseAt" > now())
        ORDER BY slug LIMIT $1`,
      [options.articles],
    );
    if (rows.length < options.articles)
      throw new Error(`the seed has ${rows.length} open articles, not ${options.articles}`);
    const articles: SoakArticle[] = rows.map((r) => ({
      rowId: r.id,
      id: encodeGlobalId("Article", r.id),
      slug: r.slug,
    }));
    const tokens = await startGuests(urls, 8);

    const subscribers: Subscriber[] = [];
    instances.forEach((_, instance) => {
      const perInstance = options.subscribersPerInstance + options.reconnectingPerInstance;
      for (let i = 0; i < perInstance; i++) {
        const articleIndex = (instance * perInstance + i) % articles.length;
        const reconnecting = i >= options.subscribersPerInstance;
        subscribers.push(
          startSubscriber({
            name: `${reconnecting ? "reconnecting" : "steady"} ${instances[instance]!.name}${i + 1}`,
            instances: urls,
            instance,
            article: articles[articleIndex]!,
            articleIndex,
            startSeq: rows[articleIndex]!.lastEventSeq,
            reconnectEveryMs: reconnecting ? options.reconnectEverySeconds * 1000 : undefined,
            clock,
          }),
        );
      }
    });
    stops.unshift(() => Promise.all(subscribers.map((s) => s.stop())));

    const records: RequestRecord[] = [];
    const loadStart = clock();
    const durationMs = options.minutes * 60_000;
    const redisAt = loadStart + durationMs * options.redisAt;
    // Never inside Redis' recovery grace: each outage is judged on its own.
    const postgresAt = (redisUp: number) =>
      Math.max(loadStart + durationMs * options.postgresAt, redisUp + (options.recoveryGraceSeconds + 5) * 1000);
    say(
      `load for ${options.minutes} min: ${options.readsPerSecond} reads/s, ${options.postsPerSecond} posts/s on ` +
        `${articles.length} articles, ${subscribers.length} subscribers; Redis restarts at ${clockText(redisAt)}, ` +
        `PostgreSQL at about ${clockText(postgresAt(redisAt + options.downSeconds * 1000))}`,
    );
    const readers = startReaders({ instances: urls, perSecond: options.readsPerSecond, articles, records, clock });
    const writers = startWriters({
      instances: urls,
      perSecond: options.postsPerSecond,
      articles,
      tokens,
      records,
      clock,
    });
    const outages: Outage[] = [];
    const run: Omit<SoakRun, "log" | "loadEnd" | "exitCodes" | "duplicateComments"> = {
      options,
      wallStart,
      loadStart,
      outages,
      records,
      posted: writers.posted,
      abandoned: 0,
      skipped: { reads: 0, posts: 0 },
      subscribers: subscribers.map((s) => s.record),
      instances: instances.map((i) => ({ name: i.name, memory: i.memory, output: i.output })),
      articles,
    };

    // Memory, and a line of progress, every so often while the load runs.
    const sample = async () => {
      await Promise.all(instances.map((i) => i.measure(clock())));
      say(progressLine(run, clock()));
      for (const i of instances) {
        if (i.exited()) fatal ??= new Error(`instance ${i.name} exited:\n${i.output().slice(-3000)}`);
      }
    };
    let sampling = Promise.resolve();
    const sampler = setInterval(() => {
      sampling = sampling.then(sample).catch((error) => {
        say(String(error));
      });
    }, options.sampleEverySeconds * 1000);
    stops.unshift(async () => clearInterval(sampler));

    const restart = async (service: Outage["service"], stop: () => Promise<void>, start: () => Promise<void>) => {
      const stoppedAt = clock();
      say(`stopping ${service}`);
      await stop();
      await sleepUntil(clock() + options.downSeconds * 1000);
      await start();
      const upAt = clock();
      outages.push({ service, stoppedAt, upAt, endsAt: upAt + options.recoveryGraceSeconds * 1000 });
      say(`${service} is up again after ${((upAt - stoppedAt) / 1000).toFixed(1)} s`);
    };
    await sleepUntil(redisAt);
    await restart(
      "Redis",
      () => stopRedisServer(redis, "SIGTERM"),
      async () => {
        redis = await startRedisServer(redisPort);
      },
    );
    await sleepUntil(postgresAt(outages[0]!.upAt));
    await restart("PostgreSQL", postgres.stop, postgres.start);
    await sleepUntil(loadStart + durationMs);

    const loadEnd = clock();
    clearInterval(sampler);
    await sampling;
    await Promise.all(instances.map((i) => i.measure(clock())));
    say("load stopped; waiting for posts under way, then for every subscriber to catch up");
    await Promise.all([readers.stop(), writers.stop(options.drainSeconds * 1000)]);
    run.abandoned = writers.abandoned();
    run.skipped = { reads: readers.skipped(), posts: writers.skipped() };
    const log = await postgres.query<LoggedEvent>(
      `SELECT "articleId", seq, kind, "commentId", status, "previousStatus" FROM "CommentEvent"
        WHERE "articleId" = ANY($1) ORDER BY "articleId", seq`,
      [articles.map((a) => a.rowId)],
    );
    const lastSeq = new Map<string, number>();
    for (const event of log) lastSeq.set(event.articleId, event.seq);
    const caughtUp = () =>
      subscribers.every((s) => {
        const last = lastSeq.get(articles[s.record.article]!.rowId) ?? 0;
        return last <= s.record.startSeq || s.record.received.has(last);
      });
    const catchUpBy = clock() + options.drainSeconds * 1000;
    while (!caughtUp() && clock() < catchUpBy && !options.signal?.aborted) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // a moment for anything that would arrive twice
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const duplicates = await postgres.query<{ body: string; count: string }>(
      `SELECT body, count(*) FROM "Comment" WHERE body LIKE 'soak post %' GROUP BY body HAVING count(*) > 1`,
    );
    await Promise.all(subscribers.map((s) => s.stop()));
    const exitCodes: (number | null)[] = [];
    for (const instance of instances) {
      exitHooks.delete(instance.killNow);
      exitCodes.push(instance.exited() ? -1 : await instance.stop());
    }
    say("done; stopping PostgreSQL and Redis");
    return {
      ...run,
      loadEnd,
      exitCodes,
      log: log.map((event) => ({ ...event, article: articles.findIndex((a) => a.rowId === event.articleId) })),
      duplicateComments: duplicates.map((d) => `${d.body} ×${d.count}`),
    };
  } finally {
    for (const stop of stops) await stop().catch(() => {});
    exitHooks.forEach((kill) => kill());
    process.off("exit", onExit);
  }
}
