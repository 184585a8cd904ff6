// Applies pending migrations with `prisma migrate deploy` (the JS schema engine over a driver adapter; see
// prisma.config.ts). It runs as a child process because the Prisma CLI is the maintained migration runner.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function prismaCli(): string {
  const require = createRequire(import.meta.url);
  return resolve(dirname(require.resolve("prisma/package.json")), "build/index.js");
}

export interface MigrateResult {
  output: string;
}

export async function migrateDeploy(databaseUrl: string): Promise<MigrateResult> {
  const child = spawn(process.execPath, [prismaCli(), "migrate", "deploy"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.once("error", fail);
    child.once("close", done);
  });
  if (code !== 0) {
    const lastLines = output.trim().split("\n").slice(-8).join("\n");
    throw new Error(`prisma migrate deploy failed (exit ${code}):\n${lastLines}`);
  }
  return { output };
}
