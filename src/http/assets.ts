// Lede's static files under /assets/<group>/: GraphiQL's scripts, styles and workers, the widget's and the live
// blog's scripts, the moderation console's. Each file's URL carries a hash of its content (graphiql.1f2e….css), so
// it never changes while the file does not and is a new URL as soon as it does: browsers and CDNs may keep it for a
// year (plugins/static-assets.ts), and the pages that load them (GraphiQL's, the console's) stay short-lived. A
// group's files are read once, when something first asks for one of them; nothing comes from the internet.
import { createHash } from "node:crypto";

export const ASSETS_PREFIX = "/assets/";

export interface Asset {
  /** The URL path: /assets/<group>/<name>.<hash>.<ext> */
  path: string;
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  /** A strong ETag: the content's hash, as in the name. */
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
};

function contentHash(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 16);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot) : "";
}

/** "graphiql.css" with its content → "graphiql.<16 hex digits of its SHA-256>.css": a new name for new content. */
export function hashedName(name: string, content: string | Uint8Array): string {
  const extension = extensionOf(name);
  return `${name.slice(0, name.length - extension.length)}.${contentHash(content)}${extension}`;
}

const RELATIVE_IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])\.\/([\w.-]+\.js)\2/g;

/**
 * ES modules that import one another by relative path (`from "./api.js"`): each module's text with those imports
 * pointing at the hashed names of the modules they name, by module name. A module's hash covers its rewritten
 * imports, so a change to one module renames it and every module that imports it, directly or not.
 */
export function linkModules(modules: ReadonlyMap<string, string>): Map<string, { name: string; text: string }> {
  const linked = new Map<string, { name: string; text: string }>();
  const visiting = new Set<string>();
  const link = (module: string): { name: string; text: string } => {
    const done = linked.get(module);
    if (done) return done;
    const source = modules.get(module);
    if (source === undefined) throw new Error(`linkModules: no module ${module}`);
    if (visiting.has(module)) throw new Error(`linkModules: ${module} imports itself through others`);
    visiting.add(module);
    const text = source.replace(RELATIVE_IMPORT, (_all, lead: string, quote: string, imported: string) => {
      return `${lead}${quote}./${link(imported).name}${quote}`;
    });
    visiting.delete(module);
    const result = { name: hashedName(module, text), text };
    linked.set(module, result);
    return result;
  };
  for (const module of modules.keys()) link(module);
  return linked;
}

/** One group's files, as a loader adds them: by their plain name (`graphiql.css`). */
export interface AssetGroup {
  /** The hashed URL path of the file added as `name`. */
  url(name: string): string;
  /** The file added as `name`, or undefined when it is not there (a bundle that was not built). */
  file(name: string): Asset | undefined;
}

export type AddAsset = (name: string, content: string | Uint8Array<ArrayBuffer>) => void;
export type AssetLoader = (add: AddAsset) => void | Promise<void>;

export interface AssetCatalog {
  /** Declares a group; its loader runs once, the first time one of its files is asked for. */
  define(group: string, loader: AssetLoader): void;
  group(group: string): Promise<AssetGroup>;
  /** The asset at a URL path under /assets/, if there is one. */
  lookup(path: string): Promise<Asset | undefined>;
}

export function createAssetCatalog(): AssetCatalog {
  const loaders = new Map<string, AssetLoader>();
  const groups = new Map<string, Promise<{ group: AssetGroup; byPath: Map<string, Asset> }>>();

  async function load(group: string, loader: AssetLoader) {
    const byName = new Map<string, Asset>();
    const byPath = new Map<string, Asset>();
    await loader((name, content) => {
      const body = typeof content === "string" ? Buffer.from(content) : content;
      const hashed = hashedName(name, body);
      const asset: Asset = {
        path: `${ASSETS_PREFIX}${group}/${hashed}`,
        body,
        contentType: CONTENT_TYPES[extensionOf(name)] ?? "application/octet-stream",
        etag: `"${hashed}"`,
      };
      byName.set(name, asset);
      byPath.set(asset.path, asset);
    });
    const file = (name: string) => byName.get(name);
    const url = (name: string) => {
      const asset = file(name);
      if (!asset) throw new Error(`no asset ${name} in the ${group} group`);
      return asset.path;
    };
    return { group: { url, file }, byPath };
  }

  function loaded(group: string) {
    let entry = groups.get(group);
    if (!entry) {
      const loader = loaders.get(group);
      if (!loader) throw new Error(`no asset group ${group}`);
      entry = load(group, loader);
      // A loader that failed (a file missing) is tried again by the next request rather than remembered.
      entry.catch(() => groups.delete(group));
      groups.set(group, entry);
    }
    return entry;
  }

  return {
    define(group, loader) {
      loaders.set(group, loader);
    },
    async group(group) {
      return (await loaded(group)).group;
    },
    async lookup(path) {
      if (!path.startsWith(ASSETS_PREFIX)) return undefined;
      const group = path.slice(ASSETS_PREFIX.length).split("/")[0]!;
      if (!loaders.has(group)) return undefined;
      return (await loaded(group)).byPath.get(path);
    },
  };
}
