// Bundles the widget (src/widget/index.ts) into src/widget/dist/comments.js, the file Lede serves at
// /embed/comments.js. The bundle is committed, so `npm ci && npm start` (or a production install without dev
// dependencies) serves it with no build step; `--check` rebuilds it in memory and fails when the committed file is
// stale (npm run check:generated). esbuild is pinned, so the same sources give the same bytes.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
export const WIDGET_BUNDLE = join(here, "dist", "comments.js");

if (process.argv.includes("--help")) {
  console.log(
    "usage: npm run build:widget [-- --check]\n" +
      "  Writes src/widget/dist/comments.js and liveblog.js; --check only compares them with the sources.",
  );
  process.exit(0);
}

/** The comment widget, and the live-blog script (src/widget/liveblog/, served at /embed/liveblog.js). */
const BUNDLES = [
  {
    entry: "index.ts",
    file: "comments.js",
    banner: "Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/)",
  },
  {
    entry: "liveblog/index.ts",
    file: "liveblog.js",
    banner: "Lede live blog (served by Lede at /embed/liveblog.js; built from src/widget/liveblog/)",
  },
];

for (const bundle of BUNDLES) {
  const target = join(here, "dist", bundle.file);
  const result = await build({
    entryPoints: [join(here, bundle.entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "eof",
    charset: "utf8",
    banner: { js: `/* ${bundle.banner} */` },
    logLevel: "warning",
  });
  const output = result.outputFiles[0]!.text;

  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(target, "utf8");
    } catch {
      // missing counts as stale
    }
    if (committed !== output) {
      console.error(`src/widget/dist/${bundle.file} is stale: run \`npm run build:widget\` and commit it.`);
      process.exit(1);
    }
    console.log(`widget bundle ${bundle.file} is current (${output.length} bytes)`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
    console.log(`wrote src/widget/dist/${bundle.file} (${output.length} bytes)`);
  }
}
