// Single flight for the response cache. When a hot story changes, its answers leave the cache, and every reader who
// asks in the next moment misses together: each would execute the same front page (a thundering herd), on a core
// that is also fanning the change out to the story's subscribers. Instead, the first miss executes and the others
// that ask for the same answer while it runs wait for it and are answered with it.
//
// A reader joins only a flight that started in the same cache generation as its own request (no invalidation in
// between), so nobody is answered with what was read before a change they asked after: a request that comes after an
// invalidation starts a flight of its own. Whether the answer is then stored for later readers is the cache's own
// rule (response-cache.ts); the waiters are answered either way, since they asked while it was being read.
import type { ExecutionResult } from "graphql";

export interface Flight {
  generation: number;
  /** The answer for the waiters, or undefined when they must execute for themselves (an error, a stream). */
  answer: Promise<ExecutionResult | undefined>;
  land(result: ExecutionResult | undefined): void;
  timer?: NodeJS.Timeout;
}

export interface Flights {
  /** The answer of a flight for `key` that started in `generation`, or undefined when there is none to join. */
  join(key: string, generation: number): Promise<ExecutionResult | undefined> | undefined;
  /** Starts a flight for `key`, unless one of this generation is under way (then null: this one flies alone). */
  start(key: string, generation: number): Flight | null;
  /** Ends a flight: its waiters get `result` when it may be shared (no errors, not a stream), else execute. */
  land(key: string, flight: Flight, result: unknown): void;
  /** Whether a flight for `key` of any generation is under way. */
  underWay(key: string): boolean;
  /** Flights under way (for tests). */
  readonly size: number;
}

/** An answer with data and no error, not a stream: one that may be served to another reader. */
export function isShareable(result: unknown): result is ExecutionResult {
  if (typeof result !== "object" || result === null || Symbol.asyncIterator in result) return false;
  const { errors, data } = result as ExecutionResult;
  return !errors?.length && data != null;
}

/** A flight whose execution never reports back (it threw instead of answering) lets its waiters go after this. */
const LONGEST_WAIT_MS = 30_000;

export function createFlights(longestWaitMs = LONGEST_WAIT_MS): Flights {
  const flights = new Map<string, Flight>();
  const self: Flights = {
    join(key, generation) {
      const flight = flights.get(key);
      return flight?.generation === generation ? flight.answer : undefined;
    },
    start(key, generation) {
      if (flights.get(key)?.generation === generation) return null;
      let land!: (result: ExecutionResult | undefined) => void;
      const answer = new Promise<ExecutionResult | undefined>((resolve) => (land = resolve));
      const flight: Flight = { generation, answer, land };
      flight.timer = setTimeout(() => self.land(key, flight, undefined), longestWaitMs).unref();
      // A flight of an older generation may still be under way: its waiters keep it; new readers join this one.
      flights.set(key, flight);
      return flight;
    },
    land(key, flight, result) {
      if (flights.get(key) === flight) flights.delete(key);
      clearTimeout(flight.timer);
      flight.land(isShareable(result) ? result : undefined);
    },
    underWay: (key) => flights.has(key),
    get size() {
      return flights.size;
    },
  };
  return self;
}
