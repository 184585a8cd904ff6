// HTTP load (autocannon) in a process of its own on the load core, driven over IPC: each { config } message runs
// one round and is answered with its result. Every response is checked: its status, and its body byte for byte
// against the expected answer (a fast wrong answer is a failure, not a result). P8's pages change while it runs
// (comments arrive), so its GETs are checked by content instead: an answer with data and no error, a full front
// page or the story itself.
import autocannon from "autocannon";
import { percentile } from "../lib/stats.js";

export interface HttpLoadConfig {
  url: string;
  /** A POST of `body` answered byte for byte with `expected`… */
  body?: string;
  expected?: string;
  /** …or GETs of these paths, in turn on each connection, checked with `verify`. */
  paths?: string[];
  verify?: PageCheck;
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
}

/** What every answer to P8's GETs must hold: the front page with this many articles, or the article with this id. */
export interface PageCheck {
  frontPageEdges: number;
  storyId: string;
}

function checksPage(check: PageCheck) {
  return (body: string | Buffer | undefined): boolean => {
    try {
      const { data, errors } = JSON.parse(String(body)) as {
        data?: { articles?: { edges: unknown[] }; article?: { id: string } };
        errors?: unknown;
      };
      if (errors !== undefined || !data) return false;
      if (data.articles) return data.articles.edges.length === check.frontPageEdges;
      return data.article?.id === check.storyId;
    } catch {
      return false;
    }
  };
}

export interface HttpLoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers, bodies that differ from the expected one, socket errors and timeouts. */
  wrong: number;
  sampleWrong?: string;
}

async function round(config: HttpLoadConfig): Promise<HttpLoadResult> {
  const latencies: number[] = [];
  let sampleWrong: string | undefined;
  let finish: (result: autocannon.Result) => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (failed = reject)));
  const target = config.paths
    ? {
        requests: config.paths.map((path) => ({ method: "GET" as const, path })),
        verifyBody: checksPage(config.verify!),
        headers: { ...config.headers },
      }
    : {
        method: "POST" as const,
        body: config.body,
        expectBody: config.expected,
        headers: { "content-type": "application/json", ...config.headers },
      };
  const instance = autocannon(
    { url: config.url, connections: config.connections, duration: config.durationSec, ...target },
    (error, result) => (error ? failed(error) : finish(result)),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  // autocannon emits it (lib/run.js) but its types do not list it
  (instance as unknown as NodeJS.EventEmitter).on("reqMismatch", (body: string) => {
    sampleWrong ??= String(body).slice(0, 500);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    wrong: (result.mismatches ?? 0) + result.non2xx + result.errors + result.timeouts,
    ...(sampleWrong ? { sampleWrong } : {}),
  };
}

process.on("message", (message: { id: number; cmd: string; config?: HttpLoadConfig }) => {
  if (message.cmd === "close") process.exit(0);
  void round(message.config!).then(
    (payload) => process.send!({ id: message.id, payload }),
    (error: unknown) => process.send!({ id: message.id, error: String(error) }),
  );
});
process.stdout.write("READY http load\n");
