// The response cache's store: bounded by bytes, and invalidated by entity or by type.
import { describe, expect, it } from "vitest";
import { createResponseStore } from "../../src/caching/store.js";

const answer = (text: string) => ({ data: { text } });

describe("response store", () => {
  it("drops the answers that hold an entity, or any entity of a type", () => {
    const store = createResponseStore(1024 * 1024);
    store.set(
      "a",
      answer("a"),
      [
        { typename: "Article", id: "1" },
        { typename: "Person", id: "p" },
      ],
      60_000,
    );
    store.set("b", answer("b"), [{ typename: "Article", id: "2" }], 60_000);
    store.set("c", answer("c"), [{ typename: "Person", id: "p" }], 60_000);
    store.invalidate([{ typename: "Article", id: "1" }]);
    expect([store.get("a"), store.get("b"), store.get("c")]).toEqual([null, answer("b"), answer("c")]);
    store.invalidate([{ typename: "Person" }]);
    expect([store.get("b"), store.get("c")]).toEqual([answer("b"), null]);
    store.clear();
    expect(store.get("b")).toBeNull();
    expect(store.size()).toBe(0);
  });

  it("stays within its byte budget, evicting the least recently used, and skips oversized answers", () => {
    const store = createResponseStore(10_000);
    for (let i = 0; i < 50; i++) store.set(`k${i}`, answer("x".repeat(500)), [{ typename: "Article", id: i }], 60_000);
    expect(store.size()).toBeLessThanOrEqual(10_000);
    expect(store.get("k49")).not.toBeNull();
    expect(store.get("k0")).toBeNull();
    store.set("huge", answer("y".repeat(2000)), [], 60_000);
    expect(store.get("huge")).toBeNull();
    // an evicted answer left no index entry behind: invalidating its entity touches nothing else
    store.invalidate([{ typename: "Article", id: 0 }]);
    expect(store.get("k49")).not.toBeNull();
  });

  it("never keeps an answer whose TTL is 0", () => {
    const store = createResponseStore(10_000);
    store.set("zero", answer("z"), [], 0);
    expect(store.get("zero")).toBeNull();
  });
});
