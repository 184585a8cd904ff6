// The README's map of the code: every source or test path it names in backquotes exists, so the map cannot drift
// from the tree when files move.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** `src/`, `test/`, `prisma/` and `schema/` paths in backquotes, cut at the first space, colon or parenthesis. */
function namedPaths(markdown: string): string[] {
  const paths = [...markdown.matchAll(/`((?:src|test|prisma|schema)\/[^`\s:(]*)/g)].map((match) => match[1]!);
  // Placeholders (`src/schema/<domain>/`) and globs (`test/*.test.ts`) name a kind of path, not one path.
  return [...new Set(paths)].filter((path) => !/[<>*]/.test(path));
}

describe("README paths", () => {
  const paths = namedPaths(readFileSync(join(root, "README.md"), "utf8"));

  it("names the folders of the house plan", () => {
    for (const folder of ["src/platform/", "src/plugins/", "src/caching/", "src/ws/", "src/loaders/", "test/unit/"]) {
      expect(paths).toContain(folder);
    }
  });

  it("names only paths that exist", () => {
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
