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
import { subjectNamed } from "./names.js";
import { parsePlainText } from "./plain-text.js";
import { ImportError, type ImportedArticle } from "./types.js";
import { writeArticle, type ArticleResult, type Missing, type Outcome } from "./write.js";

export interface ImportLine {
  /** The file, and "#n" for the n-th item of a ninjs array. */
  source: string;
  outcome: Outcome | "failed";
  slug?: string;
  reason?: string;
  newEntities: string[];
  /** What the imported article has none of (see write.ts); empty for a failed one. */
  missing: Missing[];
}

export interface ImportReport {
  lines: ImportLine[];
  counts: Record<ImportLine["outcome"], number>;
  /** How many imported articles have no section, no tags, no publisher. */
  missing: Record<Missing, number>;
}

/** What to give an article whose source does not say (`npm run import -- --section … --tag … --publisher …`). */
export interface ImportDefaults {
  /** A section's name or slug. */
  section?: string;
  /** Tags' names or slugs. */
  tags?: string[];
  /** The publishing organisation's name. */
  publisher?: string;
}

export interface ImportOptions extends Partial<ImportDeps> {
  dryRun?: boolean;
  defaults?: ImportDefaults;
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

/** The article with the defaults where its source says nothing (a plain-text file, a ninjs item without subjects). */
export function withDefaults(article: ImportedArticle, defaults: ImportDefaults = {}): ImportedArticle {
  return {
    ...article,
    ...(article.section === undefined && defaults.section ? { section: subjectNamed(defaults.section) } : {}),
    ...(!article.tags?.length && defaults.tags?.length ? { tags: defaults.tags.map(subjectNamed) } : {}),
    ...(!article.publisher && defaults.publisher ? { publisher: defaults.publisher } : {}),
  };
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
      lines.push({ source: name, outcome: "failed", reason: reasonOf(error), newEntities: [], missing: [] });
      await options.progress?.(done + 1, files.length, name);
      continue;
    }
    for (const article of articles)
      lines.push(
        await importOne(prisma, deps, cache, withDefaults(article, options.defaults), options.dryRun ?? false),
      );
    await options.progress?.(done + 1, files.length, name);
  }
  return reportOf(lines);
}

/** The lines with their counts: outcomes, and articles lacking a section, tags, a publisher. */
export function reportOf(lines: ImportLine[]): ImportReport {
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const missing = { section: 0, tags: 0, publisher: 0 };
  for (const line of lines) {
    counts[line.outcome]++;
    for (const what of line.missing) missing[what]++;
  }
  return { lines, counts, missing };
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
): Promise<ImportLine> {
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
      const { outcome, slug, newEntities, missing } = result;
      return { source: article.source, outcome, slug, newEntities, missing };
    } catch (error) {
      (index as EntityIndex | null)?.forget();
      // Someone else created a row this run's index did not know of (a slug, a name): read the graph again, once.
      if (attempt === 1 && (error as { code?: string }).code === "P2002") {
        cache.reset();
        continue;
      }
      return { source: article.source, outcome: "failed", reason: reasonOf(error), newEntities: [], missing: [] };
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  if (error instanceof Error && "code" in error && (error as { code?: string }).code === "EISDIR") return "is a folder";
  if (error instanceof Error) return error.message.split("\n").filter(Boolean).at(-1) ?? error.message;
  return String(error);
}
