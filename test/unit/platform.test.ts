// Platform rules on their own: which database a DATABASE_URL names, the default PostgreSQL user, SQLite file paths,
// and waiting out an unavailable database (retried while it is unavailable, never past the signal or for other errors).
import { mkdtempSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { providerOf, sqliteFilePath, withDefaultPostgresUser } from "../../src/platform/database-url.js";
import { retryWhileUnavailable } from "../../src/platform/retry.js";

describe("DATABASE_URL", () => {
  it("names the provider by the scheme", () => {
    expect(providerOf("file:./data/lede.db")).toBe("sqlite");
    expect(providerOf("postgres://db/lede")).toBe("postgresql");
    expect(providerOf("postgresql://u:p@db:5432/lede?sslmode=require")).toBe("postgresql");
    // the message quotes 16 characters at most: never the password further along
    expect(() => providerOf("mysql://localhost:secret@db/lede")).toThrow(
      /^DATABASE_URL must start with file:, postgres:\/\/ or postgresql:\/\/ \(got mysql:\/\/localhos…\)$/,
    );
  });

  it("fills in a PostgreSQL user only when the URL names none", () => {
    expect(withDefaultPostgresUser("postgresql://alice:secret@db:5432/lede")).toBe(
      "postgresql://alice:secret@db:5432/lede",
    );
    const previous = process.env.PGUSER;
    process.env.PGUSER = "from-env";
    try {
      expect(withDefaultPostgresUser("postgresql://db:5432/lede")).toBe("postgresql://from-env@db:5432/lede");
    } finally {
      if (previous === undefined) delete process.env.PGUSER;
      else process.env.PGUSER = previous;
    }
  });

  it("turns a file: URL into a path, without its query, creating its folder", () => {
    const root = mkdtempSync(join(tmpdir(), "lede-unit-"));
    try {
      const path = join(root, "nested", "deeper", "lede.db");
      expect(sqliteFilePath(`file:${path}?connection_limit=1`)).toBe(path);
      expect(existsSync(join(root, "nested", "deeper"))).toBe(true);
      expect(existsSync(path)).toBe(false);
      expect(sqliteFilePath("file::memory:")).toBe(":memory:");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("retryWhileUnavailable", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  const unavailable = () => Object.assign(new Error("Can't reach database server"), { code: "P1001" });

  it("retries while the database is unavailable, with growing delays, and returns the first answer", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const load = vi.fn(async () => {
      if (++calls < 4) throw unavailable();
      return "row";
    });
    const result = retryWhileUnavailable(load, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(99);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1); // 100 ms
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(250);
    expect(load).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(500);
    await expect(result).resolves.toBe("row");
    expect(load).toHaveBeenCalledTimes(4);
  });

  it("gives up after about eight seconds, with the last error", async () => {
    vi.useFakeTimers();
    const load = vi.fn(async () => {
      throw unavailable();
    });
    const result = retryWhileUnavailable(load, new AbortController().signal);
    const settled = expect(result).rejects.toMatchObject({ code: "P1001" });
    await vi.advanceTimersByTimeAsync(100 + 250 + 500 + 1000 + 2000 + 4000);
    await settled;
    expect(load).toHaveBeenCalledTimes(7);
  });

  it("does not retry another error, nor once the signal is aborted", async () => {
    const bug = vi.fn(async () => {
      throw new TypeError("a bug");
    });
    await expect(retryWhileUnavailable(bug, new AbortController().signal)).rejects.toThrow("a bug");
    expect(bug).toHaveBeenCalledTimes(1);

    const aborted = new AbortController();
    aborted.abort();
    const load = vi.fn(async () => {
      throw unavailable();
    });
    await expect(retryWhileUnavailable(load, aborted.signal)).rejects.toMatchObject({ code: "P1001" });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
