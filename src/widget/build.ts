// Bundles Lede's browser scripts: the widget (src/widget/index.ts) into src/widget/dist/comments.js, the file Lede
// serves at /embed/comments.js, the live blog's, and the script of the GraphiQL page (src/graphiql/boot.ts). The
// bundles are committed, so `npm ci && npm start` (or a production install without dev dependencies) serves them
// with no build step; `--check` rebuilds them in memory and fails when a committed file is stale
// (npm run check:generated). esbuild is pinned, so the same sources give the same bytes.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const src = dirname(here);
export const WIDGET_BUNDLE = join(here, "dist", "comments.js");

if (process.argv.includes("--help")) {
  console.log(
    "usage: npm run build:widget [-- --check]\n" +
      "  Writes src/widget/dist/comments.js, src/widget/dist/liveblog.js and src/graphiql/dist/lede-graphiql.js;\n" +
      "  --check only compares them with the sources.",
  );
  process.exit(0);
}

/** The comment widget, the live-blog script (src/widget/liveblog/, served at /embed/liveblog.js), GraphiQL's page
 * script; paths under src/. */
const BUNDLES = [
  {
    entry: "widget/index.ts",
    file: "widget/dist/comments.js",
    banner: "Lede comment widget (served by Lede at /embed/comments.js; built from src/widget/)",
  },
  {
    entry: "widget/liveblog/index.ts",
    file: "widget/dist/liveblog.js",
    banner: "Lede live blog (served by Lede at /embed/liveblog.js; built from src/widget/liveblog/)",
  },
  {
    entry: "graphiql/boot.ts",
    file: "graphiql/dist/lede-graphiql.js",
    banner: "Lede's GraphiQL page script (served by Lede under /assets/graphiql/; built from src/graphiql/)",
  },
];

for (const bundle of BUNDLES) {
  const target = join(src, bundle.file);
  const result = await build({
    entryPoints: [join(src, bundle.entry)],
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
      console.error(`src/${bundle.file} is stale: run \`npm run build:widget\` and commit it.`);
      process.exit(1);
    }
    console.log(`bundle src/${bundle.file} is current (${output.length} bytes)`);
  } else {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
    console.log(`wrote src/${bundle.file} (${output.length} bytes)`);
  }
}
