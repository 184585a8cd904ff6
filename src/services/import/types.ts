// What every import format is turned into before anything is written: one article, as the source tells it.
import type { ArticleStatus, BlockKind, BylineRole } from "../../generated/prisma/enums.js";

export type EntityType = "Person" | "Organisation" | "Place";

export interface ImportedMedia {
  /** Absent in plain text, where the picture itself is not in the file. */
  url: string | null;
  caption: string | null;
  altText: string | null;
  creditText: string | null;
  width: number | null;
  height: number | null;
}

export interface ImportedBlock {
  kind: BlockKind;
  text: string | null;
  level: number | null;
  attribution: string | null;
  /** For IMAGE blocks: the index into `media`. */
  mediaIndex: number | null;
}

import type { ImportedLiveBlog } from "./live.js";

export interface ImportedArticle {
  /** Where in the file it came from ("file.json#2" for the third object of an array). */
  source: string;
  canonicalUrl: string | null;
  slug: string | null;
  headline: string;
  standfirst: string | null;
  language: string;
  /** Only set when the source says so (ninjs pubStatus); plain text articles are published when dated. */
  status: ArticleStatus | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  /** A null role is unspecified: a new byline is AUTHOR, an existing one keeps its role. */
  bylines: { name: string; role: BylineRole | null }[];
  media: ImportedMedia[];
  blocks: ImportedBlock[];
  /** Undefined when the source names none (plain text without a Section: line, ninjs without a section subject):
   * the run's --section is used if given, else the article's section is left as it is. */
  section?: { slug: string; name: string } | null;
  tags?: { slug: string; name: string }[];
  publisher?: string | null;
  /** Entities the source names explicitly (ninjs people, organisations, places), with its relevance if given. */
  declared: { type: EntityType; name: string; slug: string | null; salience: number | null }[];
  /** A live blog's coverage and updates (ninjs only; see import/live.ts). */
  liveBlog?: ImportedLiveBlog | null;
}

/** A file or an article in it that cannot be imported; the message says why. */
export class ImportError extends Error {
  override name = "ImportError";
}
