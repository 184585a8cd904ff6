// `npm run token -- create --role editor --name "Desk"` | `revoke <id>` | `list`: API tokens for DATABASE_URL.
import { loadConfig } from "../platform/config.js";
import { openDatabase } from "../platform/db.js";
import type { Role } from "../generated/prisma/enums.js";
import { createApiToken, listApiTokens, revokeApiToken, ROLES } from "../services/accounts/tokens.js";

const usage = `usage: npm run token -- <command>
  create --role <reader|analyst|moderator|editor|admin> --name "<who or what it is for>" [--expires-days N]
         creates an account with that role and a token for it; the secret is printed once
  revoke <token id>    stops a token from working
  list                 lists API tokens (never their secrets)
  The database is DATABASE_URL (default file:./data/lede.db).`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function run(): Promise<number> {
  const args = process.argv.slice(2);
  const [command] = args;
  const help = args.includes("--help") || args.includes("-h");
  if (!command || help) {
    console.log(usage);
    return help ? 0 : 1;
  }
  const db = await openDatabase(loadConfig().databaseUrl);
  try {
    if (command === "create") {
      const role = option(args, "--role")?.toUpperCase() as Role | undefined;
      const name = option(args, "--name");
      if (!role || !ROLES.includes(role) || !name) {
        console.error(`token: create needs --role (${ROLES.join(", ").toLowerCase()}) and --name\n\n${usage}`);
        return 1;
      }
      const days = option(args, "--expires-days");
      const expiresAt = days ? new Date(Date.now() + Number(days) * 86_400_000) : null;
      if (days && !(Number(days) > 0)) {
        console.error("token: --expires-days must be a positive number");
        return 1;
      }
      const token = await createApiToken(db.prisma, { role, name, expiresAt });
      console.log(`created token ${token.id} for "${token.name}" (${token.role.toLowerCase()})`);
      console.log(`secret (shown once, send as "Authorization: Bearer <secret>"):\n${token.secret}`);
      return 0;
    }
    if (command === "revoke") {
      const id = args[1];
      if (!id) {
        console.error(`token: revoke needs a token id\n\n${usage}`);
        return 1;
      }
      if (!(await revokeApiToken(db.prisma, id))) {
        console.error(`token: no API token ${id}`);
        return 1;
      }
      console.log(`revoked token ${id}`);
      return 0;
    }
    if (command === "list") {
      const tokens = await listApiTokens(db.prisma);
      if (tokens.length === 0) console.log("no API tokens");
      for (const t of tokens) {
        const state = t.revokedAt
          ? `revoked ${t.revokedAt.toISOString()}`
          : t.expiresAt
            ? `expires ${t.expiresAt.toISOString()}`
            : "active";
        console.log(
          `${t.id}  ${t.account.role.toLowerCase().padEnd(9)}  ${state.padEnd(34)}  ${t.name ?? t.account.displayName}`,
        );
      }
      return 0;
    }
    console.error(`token: unknown command ${command}\n\n${usage}`);
    return 1;
  } finally {
    await db.close();
  }
}

run()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`token: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
