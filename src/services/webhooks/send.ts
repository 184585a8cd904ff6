// One attempt at delivering a signed webhook: a POST with a short deadline for the whole exchange, a capped read of
// the answer, and redirects followed by hand so that each new address passes the address rule again.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { checkedLookup, checkReceiverUrl, RefusedAddressError, type AddressRule } from "./addresses.js";

/** How much of an answer is read (the rest is never downloaded) and kept in the delivery log. */
export const RESPONSE_EXCERPT_BYTES = 1024;
const MAX_REDIRECTS = 3;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  /** Why nothing usable came back: a refused address, a timeout, a connection error. */
  error: string | null;
  responseBody: string | null;
  durationMs: number;
}

interface Exchange {
  statusCode: number;
  location: string | undefined;
  body: string;
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  rule: AddressRule,
  signal: AbortSignal,
): Promise<Exchange> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Exchange>((resolve, reject) => {
    const req = send(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      lookup: checkedLookup(rule) as never,
      // A fresh connection each time: a pooled socket would skip the lookup, and with it the address check.
      agent: false,
      signal,
    });
    req.on("error", reject);
    req.on("response", (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let received = 0;
      const finish = () => {
        response.removeAllListeners("data");
        resolve({
          statusCode: response.statusCode ?? 0,
          location: response.headers.location,
          body: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8"),
        });
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        received += chunk.length;
        if (received >= RESPONSE_EXCERPT_BYTES) finish();
      });
      response.on("end", finish);
      response.on("error", finish);
    });
    req.end(body);
  });
}

/** POSTs `body` to `target`; follows up to three redirects, re-checking each address. Never throws. */
export async function attemptDelivery(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { rule: AddressRule; timeoutMs: number; shutdown?: AbortSignal },
): Promise<AttemptResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const deadline = options.shutdown ? AbortSignal.any([timeout, options.shutdown]) : timeout;
  const result = (partial: Omit<AttemptResult, "durationMs">): AttemptResult => ({
    ...partial,
    durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = checkReceiverUrl(target, options.rule);
    for (let redirects = 0; ; redirects++) {
      const exchange = await post(url, headers, body, options.rule, deadline);
      const redirected = exchange.statusCode >= 300 && exchange.statusCode < 400 && exchange.location;
      if (!redirected) {
        const ok = exchange.statusCode >= 200 && exchange.statusCode < 300;
        return result({ ok, statusCode: exchange.statusCode, error: null, responseBody: exchange.body });
      }
      if (redirects === MAX_REDIRECTS)
        return result({ ok: false, statusCode: exchange.statusCode, error: "too many redirects", responseBody: null });
      url = checkReceiverUrl(new URL(exchange.location as string, url).toString(), options.rule);
    }
  } catch (error) {
    const message =
      error instanceof RefusedAddressError || (error as NodeJS.ErrnoException).code === "EREFUSEDADDRESS"
        ? `refused: ${(error as Error).message}`
        : options.shutdown?.aborted
          ? "cut short: the instance is shutting down"
          : timeout.aborted
            ? `timed out after ${options.timeoutMs} ms`
            : String((error as Error).message ?? error);
    return result({ ok: false, statusCode: null, error: message, responseBody: null });
  }
}
