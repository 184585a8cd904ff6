// HTTP scenarios, each against a baseline measured in the same run: P1 ({ __typename } vs B0), P2 (the front page
// vs B1, on SQLite and PostgreSQL) and P6 (response-cache hits vs the uncached front page). Subjects are measured
// in interleaved rounds (A B, B A, …) after a warm-up, and the medians are reported.
import { readdirSync, readFileSync } from "node:fs";
import { Kind, parse, print, visit, type ASTNode, type FragmentDefinitionNode } from "graphql";
import { ask } from "../lib/ipc.js";
import type { Plan } from "../lib/plan.js";
import { ROOT, startChild, type Child } from "../lib/processes.js";
import { median, progress } from "../lib/stats.js";
import type { HttpLoadResult } from "../load/http-load.js";

export interface Subject {
  name: string;
  url: string;
  body: string;
  expected: string;
  server: Child;
}

export interface Measured {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  wrong: number;
  rssMb: number;
  rounds: HttpLoadResult[];
  sampleWrong?: string;
}

/**
 * schema/operations/articles.graphql as a client sends it: the file, then the fragments it uses that other files of
 * schema/operations define (EntityName, NextPage, …), as codegen's documents see them together.
 */
export function articlesDocument(): string {
  const dir = `${ROOT}/schema/operations`;
  const own = readFileSync(`${dir}/articles.graphql`, "utf8");
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".graphql") && f !== "articles.graphql")) {
    for (const definition of parse(readFileSync(`${dir}/${file}`, "utf8")).definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
  }
  const document = parse(own);
  const defined = new Set(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])),
  );
  const used: string[] = [];
  const collect = (node: ASTNode) =>
    visit(node, {
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        if (used.includes(name)) return;
        used.push(name);
        const fragment = fragments.get(name);
        if (fragment) collect(fragment);
      },
    });
  collect(document);
  const added = used.filter((name) => !defined.has(name) && fragments.has(name));
  return [own.trimEnd(), ...added.map((name) => print(fragments.get(name)!))].join("\n\n") + "\n";
}

/** The FrontPage operation, as clients send it (schema/operations/articles.graphql). */
export function frontPageRequest(first = 20, comments = 5): string {
  return JSON.stringify({ query: articlesDocument(), operationName: "FrontPage", variables: { first, comments } });
}

export async function answerOf(url: string, body: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, text: await response.text() };
}

/** Where two answers first differ, for the message when they must be equal and are not. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `they differ at byte ${i}:\n  ${a.slice(Math.max(0, i - 80), i + 80)}\n  ${b.slice(Math.max(0, i - 80), i + 80)}`;
}

export function startHttpLoad(): Promise<Child> {
  return startChild({ name: "http load", script: "test/bench/load/http-load.ts", core: "load", ready: /READY/ });
}

export async function measureInterleaved(load: Child, subjects: Subject[], plan: Plan): Promise<Measured[]> {
  for (const subject of subjects) {
    const { status, text } = await answerOf(subject.url, subject.body);
    if (status !== 200 || text !== subject.expected) {
      throw new Error(`${subject.name} answers wrongly (${status}); ${firstDifference(text, subject.expected)}`);
    }
  }
  const run = (subject: Subject, durationSec: number) =>
    ask<HttpLoadResult>(load, "run", {
      config: {
        url: subject.url,
        body: subject.body,
        expected: subject.expected,
        connections: plan.connections,
        durationSec,
      },
    });
  for (const subject of subjects) {
    progress(`  warm-up ${subject.name} (${plan.warmupSec} s)`);
    await run(subject, plan.warmupSec);
  }
  const rounds = subjects.map(() => [] as HttpLoadResult[]);
  for (let round = 0; round < plan.rounds; round++) {
    const order = subjects.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const result = await run(subjects[i]!, plan.roundSec);
      rounds[i]!.push(result);
      progress(
        `  round ${round + 1}/${plan.rounds} ${subjects[i]!.name}: ${Math.round(result.rps)} req/s, p99 ${result.p99} ms${result.wrong ? `, ${result.wrong} WRONG` : ""}`,
      );
    }
  }
  return subjects.map((subject, i) => {
    const list = rounds[i]!;
    const pick = (key: "rps" | "p50" | "p95" | "p99") => median(list.map((r) => r[key]));
    const sampleWrong = list.find((r) => r.sampleWrong)?.sampleWrong;
    return {
      rps: pick("rps"),
      p50: pick("p50"),
      p95: pick("p95"),
      p99: pick("p99"),
      wrong: list.reduce((sum, r) => sum + r.wrong, 0),
      rssMb: subject.server.memory().peakMb,
      rounds: list,
      ...(sampleWrong ? { sampleWrong } : {}),
    };
  });
}

export function startHttpBaseline(mode: "b0" | "b1" | "b1-pg", env: Record<string, string>): Promise<Child> {
  return startChild({
    name: mode.toUpperCase(),
    script: "test/bench/baselines/http-baseline.ts",
    args: [mode],
    env,
    core: "server",
    ready: /READY (\d+)/,
  });
}

export const baselineUrl = (child: Child) => `http://127.0.0.1:${child.ready[1]}/graphql`;

/** P1's peers (baselines/peers.ts): Apollo Server and Mercurius, on the server core like every other subject. */
export function startPeer(peer: "apollo" | "mercurius"): Promise<Child> {
  return startChild({
    name: peer === "apollo" ? "Apollo Server" : "Mercurius",
    script: "test/bench/baselines/peers.ts",
    args: [peer],
    env: { NODE_ENV: "production" },
    core: "server",
    ready: /READY (\d+)/,
  });
}

/** The installed version of a peer, for the table (the versions are pinned in package.json's devDependencies). */
export function peerVersion(name: string): string {
  return (JSON.parse(readFileSync(`${ROOT}/node_modules/${name}/package.json`, "utf8")) as { version: string }).version;
}
