// `npm start`. Runs src/main.ts as one bundled JavaScript file, which starts in a fraction of the time tsx takes to
// transpile the sources and Node to resolve a few hundred modules. The bundle (.build/lede.mjs) is rebuilt whenever a
// source file, the generated clients or the lockfile is newer; the packages with native code, WebAssembly or CLIs
// of their own stay outside it. Without esbuild (an install without it) the sources run through tsx as before.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, ".build", "lede.mjs");
// Native code, WebAssembly and CLIs of their own stay outside; so does GraphiQL's 9 MB of assets, which only a
// browser asking for GraphiQL needs.
const EXTERNAL = [
  "@prisma/*",
  "prisma",
  "better-sqlite3",
  "pg",
  "ioredis",
  "tsx",
  "esbuild",
  "@graphql-yoga/render-graphiql",
];

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function isCurrent() {
  const built = statSync(bundle, { throwIfNoEntry: false });
  if (!built) return false;
  const inputs = [join(root, "src"), join(root, "package-lock.json"), join(root, "package.json")];
  return inputs.every((input) => newestChange(input) < built.mtimeMs);
}

async function build() {
  const esbuild = await import("esbuild");
  // Built in a folder of its own and moved into place, so that two starts at once never run a half-written file.
  const temporary = join(dirname(bundle), `building-${process.pid}`);
  mkdirSync(temporary, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, "src", "main.ts")],
    outfile: join(temporary, "lede.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Run with NODE_OPTIONS=--enable-source-maps to see stack traces in the sources.
    sourcemap: "linked",
    // V8 keeps a module's source text for as long as the process runs: without whitespace and comments, and with
    // every character ASCII (so that V8 stores it one byte a character), the bundle's text takes a quarter of the
    // memory it did (11 MB). Names stay as they are, for stack traces.
    minifyWhitespace: true,
    legalComments: "none",
    charset: "ascii",
    external: EXTERNAL,
    logLevel: "warning",
    // CommonJS packages inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as __ledeRequire } from 'node:module'; const require = __ledeRequire(import.meta.url);",
    },
  });
  renameSync(join(temporary, "lede.mjs.map"), `${bundle}.map`);
  renameSync(join(temporary, "lede.mjs"), bundle);
  rmSync(temporary, { recursive: true, force: true });
}

if (process.argv.includes("--build")) {
  // After `npm install`, so that the first start waits for neither the bundle nor the database: the bundle, then
  // the template database a first start copies into place (src/platform/template.ts).
  try {
    if (!isCurrent()) await build();
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    console.log("lede: esbuild is not installed; npm start will run the sources through tsx");
    process.exit(0);
  }
  const template = spawnSync(process.execPath, [bundle, "--build-template"], { cwd: root, stdio: "inherit" });
  if (template.status !== 0) console.log("lede: no template database; a first start will migrate and seed instead");
  process.exit(0);
}

let entry = pathToFileURL(bundle).href;
if (!isCurrent()) {
  try {
    await build();
  } catch (error) {
    if (error?.code !== "ERR_MODULE_NOT_FOUND") throw error;
    const { register } = await import("tsx/esm/api");
    register();
    entry = pathToFileURL(join(root, "src", "main.ts")).href;
  }
}
await import(entry);
