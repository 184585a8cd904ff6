// The hashed names of Lede's static files (http/assets.ts): a name that changes exactly when the content does, ES
// modules renamed when a module they import changes, and the catalog that reads a group once, when first asked.
import { describe, expect, it } from "vitest";
import { createAssetCatalog, hashedName, linkModules } from "../../src/http/assets.js";

describe("hashedName", () => {
  it("puts 16 hex digits of the content's hash before the extension", () => {
    expect(hashedName("graphiql.css", "body { color: red }")).toMatch(/^graphiql\.[0-9a-f]{16}\.css$/);
    expect(hashedName("editor.worker.js", "x")).toMatch(/^editor\.worker\.[0-9a-f]{16}\.js$/);
    expect(hashedName("LICENSE", "x")).toMatch(/^LICENSE\.[0-9a-f]{16}$/);
  });

  it("gives the same content the same name, and changed content a new one", () => {
    const css = "body { color: red }";
    expect(hashedName("graphiql.css", css)).toBe(hashedName("graphiql.css", css));
    expect(hashedName("graphiql.css", Buffer.from(css))).toBe(hashedName("graphiql.css", css));
    expect(hashedName("graphiql.css", `${css} `)).not.toBe(hashedName("graphiql.css", css));
  });
});

describe("linkModules", () => {
  const modules = new Map([
    ["main.js", 'import { el } from "./dom.js";\nimport { request } from "./api.js";\nel(request);'],
    ["api.js", "import { el } from './dom.js';\nexport const request = () => el;"],
    ["dom.js", "export const el = 1;"],
  ]);

  it("points each relative import at the hashed name of the module it names", () => {
    const linked = linkModules(modules);
    const dom = linked.get("dom.js")!;
    expect(dom.text).toBe("export const el = 1;");
    expect(dom.name).toBe(hashedName("dom.js", dom.text));
    expect(linked.get("api.js")!.text).toContain(`from './${dom.name}'`);
    expect(linked.get("main.js")!.text).toContain(`from "./${dom.name}"`);
    expect(linked.get("main.js")!.text).toContain(`from "./${linked.get("api.js")!.name}"`);
  });

  it("renames a module and every module that imports it when it changes, and leaves the others", () => {
    const before = linkModules(modules);
    const after = linkModules(new Map([...modules, ["dom.js", "export const el = 2;"]]));
    for (const name of ["dom.js", "api.js", "main.js"]) expect(after.get(name)!.name).not.toBe(before.get(name)!.name);
    const apiOnly = linkModules(new Map([...modules, ["api.js", `${modules.get("api.js")}\n// changed`]]));
    expect(apiOnly.get("dom.js")!.name).toBe(before.get("dom.js")!.name);
    expect(apiOnly.get("main.js")!.name).not.toBe(before.get("main.js")!.name);
  });

  it("refuses an import of a module it was not given, and a cycle", () => {
    expect(() => linkModules(new Map([["a.js", 'import "./b.js";']]))).toThrow(/no module b\.js/);
    const cycle = new Map([
      ["a.js", 'import "./b.js";'],
      ["b.js", 'import "./a.js";'],
    ]);
    expect(() => linkModules(cycle)).toThrow(/imports itself/);
  });
});

describe("the asset catalog", () => {
  it("reads a group once, the first time one of its files is asked for, and finds files by hashed path", async () => {
    const catalog = createAssetCatalog();
    let reads = 0;
    catalog.define("demo", (add) => {
      reads++;
      add("app.js", "console.log(1)");
      add("app.css", "p{}");
    });
    expect(await catalog.lookup("/assets/other/app.js")).toBeUndefined();
    expect(reads).toBe(0);
    const group = await catalog.group("demo");
    const path = group.url("app.js");
    expect(path).toBe(`/assets/demo/${hashedName("app.js", "console.log(1)")}`);
    const asset = (await catalog.lookup(path))!;
    expect(Buffer.from(asset.body).toString()).toBe("console.log(1)");
    expect(asset.contentType).toBe("text/javascript; charset=utf-8");
    expect(asset.etag).toBe(`"${path.split("/").at(-1)}"`);
    expect((await catalog.lookup(group.url("app.css")))!.contentType).toBe("text/css; charset=utf-8");
    expect(await catalog.lookup("/assets/demo/app.0000000000000000.js")).toBeUndefined();
    expect(group.file("missing.js")).toBeUndefined();
    expect(() => group.url("missing.js")).toThrow(/no asset missing\.js/);
    expect(reads).toBe(1);
  });

  it("tries a group whose loader failed again at the next request", async () => {
    const catalog = createAssetCatalog();
    let attempts = 0;
    catalog.define("flaky", (add) => {
      if (++attempts === 1) throw new Error("not built yet");
      add("x.js", "1");
    });
    await expect(catalog.group("flaky")).rejects.toThrow(/not built yet/);
    expect((await catalog.group("flaky")).file("x.js")).toBeDefined();
  });
});
