// The per-request loaders (src/loaders/index.ts): built on first read and kept, none before (a subscription's context
// that never reads one pays nothing for it), and the node types node(id) accepts.
import { describe, expect, it } from "vitest";
import { createLoaders, isNodeTypename } from "../../src/loaders/index.js";
import type { Prisma } from "../../src/platform/db.js";

// No query runs here: the loaders are only built, never asked to load.
const prisma = {} as Prisma;

describe("per-request loaders", () => {
  it("builds none until one is read, then keeps the one it built", () => {
    const loaders = createLoaders(prisma, "sqlite", { cache: true });
    expect(
      Object.getOwnPropertyNames(loaders).filter((name) => !["prisma", "provider", "options"].includes(name)),
    ).toEqual([]);
    const people = loaders.rows.Person;
    expect(loaders.rows.Person).toBe(people);
    expect(Object.getOwnPropertyNames(loaders.rows)).toEqual(["loader", "Person"]);
    expect(loaders.commentCounts).toBe(loaders.commentCounts);
  });

  it("gives each context its own loaders", () => {
    const first = createLoaders(prisma, "sqlite", { cache: true });
    const second = createLoaders(prisma, "sqlite", { cache: true });
    expect(first.rows.Article).not.toBe(second.rows.Article);
  });

  it("knows the node types by name, and nothing else", () => {
    expect(isNodeTypename("Person")).toBe(true);
    expect(isNodeTypename("LiveUpdate")).toBe(true);
    expect(isNodeTypename("toString")).toBe(false);
    expect(isNodeTypename("Tag")).toBe(false);
    // a section is loaded by id (a page's articles link to theirs) but is no node
    expect(isNodeTypename("Section")).toBe(false);
  });
});
