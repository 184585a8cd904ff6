// negotiator (jshttp, the negotiation behind express) ships no types, and @types/negotiator describes 0.6, which has
// no `preferred` option: the part of 1.x that Lede uses.
declare module "negotiator" {
  interface RequestHeaders {
    headers: Record<string, string | undefined>;
  }
  class Negotiator {
    constructor(request: RequestHeaders);
    /** The acceptable one of `available` the client prefers; on equal q-values, the first of `preferred`. */
    encoding(available: string[], options?: { preferred?: string[] }): string | undefined;
    /** The acceptable one of `available` the client prefers; on equal q-values, the first in `available`. */
    mediaType(available: string[]): string | undefined;
  }
  export = Negotiator;
}
