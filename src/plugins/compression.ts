// Compresses answers with brotli or gzip, as the client's Accept-Encoding prefers (q-values honoured by negotiator,
// brotli first on a tie): GraphQL answers (POST and GET, persisted and cached ones), the widget's and the live blog's
// scripts, GraphiQL, the moderation console, feeds and sitemaps, and the home page. Everything the server answers
// passes through yoga, so this one onResponse covers it all.
// Left as they are: answers under COMPRESSION_THRESHOLD_BYTES (a tiny GraphQL answer pays a few header reads, and
// compressing it would make it larger), streams (SSE subscriptions, multipart @defer/@stream: a compressor holds
// events back until its buffer fills), HEAD (no body to measure), 304s, and anything marked `no-transform`.
// A body that may be stored by a cache (no `no-store`) is compressed once per coding and kept in a bounded LRU, so a
// static file, GraphiQL or a public answer the response cache serves again costs a lookup, not a compression.
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "graphql-yoga";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";

/** Smaller answers go out uncompressed: below about a kilobyte the saving is a few hundred bytes at most. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;
/** Brotli's quality for answers made per request: 4–5 compress close to gzip's best at a fraction of the time. */
const BROTLI_QUALITY = 5;
/** Compressed copies of bodies that may be cached (and the bodies as keys), in bytes. */
const MEMO_BYTES = 32 * 1024 * 1024;

type Coding = "br" | "gzip";
const CODINGS: Coding[] = ["br", "gzip"];

const COMPRESSIBLE = /^(text\/|application\/(json|graphql-response\+json|javascript|xml|rss\+xml|atom\+xml)\b)/i;
const STREAMED = /^(text\/event-stream|multipart\/)/i;
const VARIES_ON_ENCODING = /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

function compress(body: string, coding: Coding): Promise<Buffer> {
  if (coding === "gzip") return gzipped(body);
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body),
    },
  });
}

/** The coding an Accept-Encoding header prefers among ours, or null (none acceptable, or identity preferred). */
export function negotiateCoding(acceptEncoding: string): Coding | null {
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding } });
  const preferred = negotiator.encoding([...CODINGS, "identity"], { preferred: CODINGS });
  return preferred === "br" || preferred === "gzip" ? preferred : null;
}

/** Adds Accept-Encoding to Vary, keeping what is there. */
function varyOnAcceptEncoding(headers: Headers): void {
  const vary = headers.get("vary");
  if (!vary) headers.set("vary", "Accept-Encoding");
  else if (!VARIES_ON_ENCODING.test(vary)) headers.set("vary", `${vary}, Accept-Encoding`);
}

/** A strong ETag names the bytes sent; the compressed bytes are a different representation of the same content. */
const weakened = (etag: string) => (etag.startsWith("W/") ? etag : `W/${etag}`);

export function useCompression(): Plugin {
  // Clients send a handful of distinct Accept-Encoding headers: negotiate each once.
  const codingByHeader = new LRUCache<string, Coding | "none">({ max: 256 });
  const codingFor = (request: Request): Coding | null => {
    const header = request.headers.get("accept-encoding");
    if (!header) return null;
    let coding = codingByHeader.get(header);
    if (coding === undefined) codingByHeader.set(header, (coding = negotiateCoding(header) ?? "none"));
    return coding === "none" ? null : coding;
  };
  const memos = new Map(
    CODINGS.map((coding) => [
      coding,
      new LRUCache<string, Buffer>({
        maxSize: MEMO_BYTES / CODINGS.length,
        sizeCalculation: (compressed, body) => compressed.length + body.length,
        // Concurrent requests for the same body wait for one compression.
        fetchMethod: (body) => compress(body, coding),
      }),
    ]),
  );
  const compressed = async (body: string, coding: Coding, mayKeep: boolean): Promise<Buffer> =>
    mayKeep ? (await memos.get(coding)!.fetch(body))! : compress(body, coding);

  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      const { headers, status } = response;
      if (status === 304) {
        varyOnAcceptEncoding(headers);
        // The ETag a 200 would carry: weak if this request would get the body compressed. Its size is unknown here;
        // a client that sends the weak tag and accepts a coding holds a compressed copy, so it was over the threshold.
        const etag = headers.get("etag");
        if (etag && codingFor(request) && request.headers.get("if-none-match")?.includes(weakened(etag)))
          headers.set("etag", weakened(etag));
        return;
      }
      const type = headers.get("content-type");
      if (!type || !COMPRESSIBLE.test(type) || STREAMED.test(type)) return;
      if (headers.has("content-encoding") || headers.get("cache-control")?.includes("no-transform")) return;
      // Whether or not this answer is compressed, another request for it may be (HEAD's as GET's would be).
      varyOnAcceptEncoding(headers);
      if (!response.body || request.method === "HEAD" || status === 206 || status < 200) return;
      const declared = headers.get("content-length");
      if (declared !== null && Number(declared) < COMPRESSION_THRESHOLD_BYTES) return;
      const coding = codingFor(request);
      if (!coding) return;

      const body = await response.text();
      const init = { status, statusText: response.statusText, headers: new fetchAPI.Headers(headers) };
      const length = Buffer.byteLength(body);
      const encoded =
        length < COMPRESSION_THRESHOLD_BYTES
          ? null
          : await compressed(body, coding, !headers.get("cache-control")?.includes("no-store"));
      if (!encoded || encoded.length >= length) {
        setResponse(new fetchAPI.Response(body, init));
        return;
      }
      init.headers.set("content-encoding", coding);
      init.headers.set("content-length", String(encoded.length));
      const etag = headers.get("etag");
      if (etag) init.headers.set("etag", weakened(etag));
      // zlib's buffers own an ArrayBuffer (never a SharedArrayBuffer), which is what BodyInit asks for.
      setResponse(new fetchAPI.Response(encoded as Uint8Array<ArrayBuffer>, init));
    },
  };
}
