// Where the project's files are, whether this code runs from src/ (tsx, vitest) or from the bundle `npm start`
// builds into .build/ (src/start.mjs): the nearest folder up from here that holds prisma/schema.prisma.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(resolve(dir, "prisma/schema.prisma"))) return dir;
    if (dirname(dir) === dir) return resolve(here, "..");
  }
}

export const PROJECT_ROOT = findProjectRoot();
