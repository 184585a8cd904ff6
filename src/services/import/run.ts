// `npm run import`: files and folders in, one report line per article out. Each article is one transaction; a file
// that cannot be read or parsed fails as a whole before anything is written. A dry run does all the work, reports
// what it would do, and rolls every transaction back.
import { randomUUID } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import type { Prisma } from "../../platform/db.js";
import { writeTransaction } from "../../platform/transactions.js";
import type { Prisma as P } from "../../generated/prisma/client.js";
import { loadEntityIndex, type EntityIndex, type ImportDeps } from "./entities.js";
import { parseNinjs } from "./ninjs.js";
import { parsePlainText } from "./plain-text.js";
import { ImportError, type ImportedArticle } from "./types.js";
import { writeArticle, type ArticleResult, type Outcome } from "./write.js";

export interface ImportLine {
  /** The file, and "#n" for the n-th item of a ninjs array. */
  source: string;
  outcome: Outcome | "failed";
  slug?: string;
  reason?: string;
  newEntities: string[];
}

export interface ImportReport {
  lines: ImportLine[];
  counts: Record<ImportLine["outcome"], number>;
}

export interface ImportOptions extends Partial<ImportDeps> {
  dryRun?: boolean;
  /** Called after each file with the number of files done and the total. */
  progress?: (done: number, total: number, file: string) => void | Promise<void>;
}

const FORMATS = [".txt", ".text", ".json"];

/** The files to import: named files as they are, folders searched (recursively) for .txt and .json files. */
export async function collectFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new ImportError(`${path}: no such file or folder`);
    if (info.isFile()) files.push(path);
    else if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((e) => e.isFile() && FORMATS.includes(extname(e.name).toLowerCase()))
          .map((e) => join(e.parentPath, e.name))
          .sort(),
      );
    }
  }
  return [...new Set(files)];
}

export function parseFile(content: string, source: string): ImportedArticle[] {
  const extension = extname(source).toLowerCase();
  const looksLikeJson = /^\uFEFF?\s*[[{]/.test(content);
  if (extension === ".json" || (extension !== ".txt" && extension !== ".text" && looksLikeJson))
    return parseNinjs(content, source);
  return [parsePlainText(content, source)];
}

class DryRunRollback extends Error {
  constructor(readonly result: ArticleResult) {
    super("dry run");
  }
}

export async function importFiles(prisma: Prisma, paths: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const deps: ImportDeps = {
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? randomUUID,
  };
  const files = await collectFiles(paths);
  const cache = new IndexCache();
  const lines: ImportLine[] = [];
  for (const [done, file] of files.entries()) {
    const name = relative(process.cwd(), file) || file;
    let articles: ImportedArticle[];
    try {
      articles = parseFile(await readFile(file, "utf8"), name);
    } catch (error) {
      lines.push({ source: name, outcome: "failed", reason: reasonOf(error), newEntities: [] });
      await options.progress?.(done + 1, files.length, name);
      continue;
    }
    for (const article of articles) lines.push(await importOne(prisma, deps, cache, article, options.dryRun ?? false));
    await options.progress?.(done + 1, files.length, name);
  }
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  for (const line of lines) counts[line.outcome]++;
  return { lines, counts };
}

/** The graph's names, read on first use and kept for the run. */
class IndexCache {
  private index: EntityIndex | null = null;
  async get(tx: P.TransactionClient): Promise<EntityIndex> {
    this.index ??= await loadEntityIndex(tx);
    return this.index;
  }
  reset(): void {
    this.index = null;
  }
}

async function importOne(
  prisma: Prisma,
  deps: ImportDeps,
  cache: IndexCache,
  article: ImportedArticle,
  dryRun: boolean,
) {
  for (let attempt = 1; ; attempt++) {
    let index: EntityIndex | null = null;
    try {
      const result = await writeTransaction({ prisma }, async (tx) => {
        index = await cache.get(tx);
        const written = await writeArticle(tx, deps, index, article);
        if (dryRun) throw new DryRunRollback(written);
        return written;
      }).catch((error: unknown) => {
        if (error instanceof DryRunRollback) return error.result;
        throw error;
      });
      if (dryRun) (index as EntityIndex | null)?.forget();
      else (index as EntityIndex | null)?.keep();
      return { source: article.source, outcome: result.outcome, slug: result.slug, newEntities: result.newEntities };
    } catch (error) {
      (index as EntityIndex | null)?.forget();
      // Someone else created a row this run's index did not know of (a slug, a name): read the graph again, once.
      if (attempt === 1 && (error as { code?: string }).code === "P2002") {
        cache.reset();
        continue;
      }
      return { source: article.source, outcome: "failed" as const, reason: reasonOf(error), newEntities: [] };
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof Error && "code" in error && (error as { code?: string }).code === "EISDIR") return "is a folder";
  if (error instanceof Error) return error.message.split("\n").filter(Boolean).at(-1) ?? error.message;
  return String(error);
}
