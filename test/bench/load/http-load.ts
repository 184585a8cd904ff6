// HTTP load (autocannon) in a process of its own on the load core, driven over IPC: each { config } message runs
// one round and is answered with its result. Every response is checked: its status, and its body byte for byte
// against the expected answer (a fast wrong answer is a failure, not a result).
import autocannon from "autocannon";
import { percentile } from "../lib/stats.js";

export interface HttpLoadConfig {
  url: string;
  body: string;
  expected: string;
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
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
  const instance = autocannon(
    {
      url: config.url,
      method: "POST",
      connections: config.connections,
      duration: config.durationSec,
      headers: { "content-type": "application/json", ...config.headers },
      body: config.body,
      expectBody: config.expected,
    },
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
