// `npm run export`: every published article as one file, in ninjs or JSON-LD, read in pages of a fixed size so the
// archive's size does not matter.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Prisma } from "../../platform/db.js";
import { JSON_LD_SELECT, toJsonLd } from "./json-ld.js";
import { NINJS_SELECT, toNinjs } from "./ninjs.js";

export type ExportFormat = "ninjs" | "jsonld";
export const EXPORT_FORMATS: ExportFormat[] = ["ninjs", "jsonld"];

const EXTENSION: Record<ExportFormat, string> = { ninjs: ".ninjs.json", jsonld: ".jsonld" };
const PAGE = 100;

export interface ExportOptions {
  format: ExportFormat;
  outDir: string;
  /** Called once with the total (done = 0) and after each file. */
  progress?: (done: number, total: number, file: string) => void;
}

export async function exportArticles(prisma: Prisma, options: ExportOptions): Promise<{ files: string[] }> {
  const where = { status: "PUBLISHED" as const };
  const total = await prisma.article.count({ where });
  options.progress?.(0, total, "");
  await mkdir(options.outDir, { recursive: true });
  const files: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = {
      where,
      orderBy: { id: "asc" as const },
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    };
    const documents =
      options.format === "ninjs"
        ? (await prisma.article.findMany({ ...page, select: { id: true, ...NINJS_SELECT } })).map((a) => ({
            id: a.id,
            slug: a.slug,
            document: toNinjs(a),
          }))
        : (await prisma.article.findMany({ ...page, select: { id: true, slug: true, ...JSON_LD_SELECT } })).map(
            (a) => ({
              id: a.id,
              slug: a.slug,
              document: toJsonLd(a),
            }),
          );
    for (const { slug, document } of documents) {
      const file = join(options.outDir, `${slug}${EXTENSION[options.format]}`);
      // Written beside and renamed, so that a reader of the folder never sees half a file.
      await writeFile(`${file}.partial`, `${JSON.stringify(document, null, 2)}\n`);
      await rename(`${file}.partial`, file);
      files.push(file);
      options.progress?.(files.length, total, file);
    }
    if (documents.length < PAGE) break;
    cursor = documents.at(-1)!.id;
  }
  return { files };
}
