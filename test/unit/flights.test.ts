// Single flight for the response cache (src/caching/flights.ts): readers of the same answer join the flight reading
// it, only within the cache generation it started in; they get its answer when it may be shared, and execute for
// themselves when it may not (errors, a stream) or when it never reports back.
import { describe, expect, it } from "vitest";
import { createFlights } from "../../src/caching/flights.js";

const answer = { data: { articles: { totalCount: 2 } } };

describe("response-cache flights", () => {
  it("answers the readers who joined with the flight's answer", async () => {
    const flights = createFlights();
    const flight = flights.start("front", 1)!;
    const waiting = [flights.join("front", 1), flights.join("front", 1)];
    flights.land("front", flight, answer);
    expect(await Promise.all(waiting)).toEqual([answer, answer]);
    expect(flights.size).toBe(0);
    expect(flights.join("front", 1)).toBeUndefined();
  });

  it("lets nobody join a flight that started before an invalidation", async () => {
    const flights = createFlights();
    const before = flights.start("front", 1)!;
    expect(flights.join("front", 2)).toBeUndefined();
    const after = flights.start("front", 2)!;
    expect(after).not.toBeNull();
    const joinedAfter = flights.join("front", 2);
    flights.land("front", before, answer);
    flights.land("front", after, { data: { articles: { totalCount: 3 } } });
    expect(await joinedAfter).toEqual({ data: { articles: { totalCount: 3 } } });
  });

  it("starts no second flight for the same answer in the same generation", () => {
    const flights = createFlights();
    expect(flights.start("front", 1)).not.toBeNull();
    expect(flights.start("front", 1)).toBeNull();
    expect(flights.start("story", 1)).not.toBeNull();
  });

  it("sends the waiters to execute for themselves when the answer has errors or streams", async () => {
    const flights = createFlights();
    const failing = flights.start("a", 1)!;
    const waitingOnError = flights.join("a", 1);
    flights.land("a", failing, { data: null, errors: [{ message: "timed out" }] });
    expect(await waitingOnError).toBeUndefined();
    const streaming = flights.start("b", 1)!;
    const waitingOnStream = flights.join("b", 1);
    flights.land("b", streaming, { [Symbol.asyncIterator]: () => ({}) });
    expect(await waitingOnStream).toBeUndefined();
  });

  it("lets the waiters go when the flight never reports back", async () => {
    const flights = createFlights(20);
    flights.start("lost", 1);
    expect(await flights.join("lost", 1)).toBeUndefined();
    expect(flights.size).toBe(0);
  });
});
