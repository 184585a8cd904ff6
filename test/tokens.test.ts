// `npm run token`: API tokens created, listed and revoked from the command line, used against the API.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ViewerDocument } from "./generated/graphql.js";
import { skipDatabase, startLede, type TestLede } from "./support/lede.js";

const run = promisify(execFile);

describe.skipIf(skipDatabase)("token CLI", () => {
  let lede: TestLede;
  const cli = (...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/cli/token.ts", ...args], {
      env: { ...process.env, DATABASE_URL: lede.config.databaseUrl },
    });
  beforeAll(async () => {
    lede = await startLede();
  });
  afterAll(async () => {
    await lede?.close();
  });

  it("creates a token whose secret acts with its role, lists it without the secret, and revokes it", async () => {
    const created = await cli("create", "--role", "editor", "--name", "Night desk");
    const id = /created token (\S+)/.exec(created.stdout)![1]!;
    const secret = created.stdout.trim().split("\n").at(-1)!;
    expect(secret).toMatch(/^lede_/);
    const { viewer } = await lede.query(ViewerDocument, {}, { token: secret });
    expect(viewer).toMatchObject({ displayName: "Night desk", role: "EDITOR" });

    const listed = await cli("list");
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain("editor");
    expect(listed.stdout).not.toContain(secret);

    await cli("revoke", id);
    const after = await lede.execute(ViewerDocument, {}, { token: secret });
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect((await cli("list")).stdout).toMatch(new RegExp(`${id}.*revoked`));
  });

  it("prints --help, and refuses bad arguments with a message and exit code 1", async () => {
    expect((await cli("--help")).stdout).toMatch(/usage: npm run token/);
    await expect(cli("create", "--role", "emperor", "--name", "x")).rejects.toMatchObject({ code: 1 });
    await expect(cli("revoke", "no-such-token")).rejects.toMatchObject({ code: 1 });
  });
});
