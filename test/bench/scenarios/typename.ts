// P1: `{ __typename }`, the cost of a request that does nothing, against B0 (node:http writing a constant) and two
// peers run the same way (baselines/peers.ts): Apollo Server, which the target is set against, and Mercurius.
import type { LedeServer } from "../lib/lede.js";
import type { Plan } from "../lib/plan.js";
import type { Child } from "../lib/processes.js";
import { figures, pct, times, type Row } from "../lib/stats.js";
import {
  answerOf,
  baselineUrl,
  measureInterleaved,
  peerVersion,
  startHttpBaseline,
  startPeer,
  type Measured,
} from "./http.js";

const TYPENAME = JSON.stringify({ query: "{ __typename }" });

export async function runTypename(
  load: Child,
  lede: LedeServer,
  plan: Plan,
  raw: Record<string, unknown>,
  keep: <T extends Child>(child: T) => T,
): Promise<Row[]> {
  const rows: Row[] = [];
  const expected = (await answerOf(lede.baseUrl, TYPENAME)).text;
  if (JSON.parse(expected).data?.__typename !== "Query") throw new Error(`{ __typename } answered ${expected}`);
  const b0 = keep(await startHttpBaseline("b0", { BENCH_FIXED_BODY: expected }));
  const apollo = keep(await startPeer("apollo"));
  const mercurius = keep(await startPeer("mercurius"));
  // each peer answers in its own bytes (no extensions); what it answers must still be { __typename: "Query" }
  const peerAnswer = async (child: Child) => {
    const { status, text } = await answerOf(baselineUrl(child), TYPENAME);
    if (status !== 200 || JSON.parse(text).data?.__typename !== "Query")
      throw new Error(`${child.name} answered ${status} ${text}`);
    return text;
  };
  const measured = await measureInterleaved(
    load,
    [
      { name: "B0", url: baselineUrl(b0), body: TYPENAME, expected, server: b0 },
      {
        name: "Apollo Server",
        url: baselineUrl(apollo),
        body: TYPENAME,
        expected: await peerAnswer(apollo),
        server: apollo,
      },
      {
        name: "Mercurius",
        url: baselineUrl(mercurius),
        body: TYPENAME,
        expected: await peerAnswer(mercurius),
        server: mercurius,
      },
      { name: "Lede { __typename }", url: lede.baseUrl, body: TYPENAME, expected, server: lede },
    ],
    plan,
  );
  const [base, apolloFigures, mercuriusFigures, ours] = measured as [Measured, Measured, Measured, Measured];
  raw.P1 = { B0: base, apollo: apolloFigures, mercurius: mercuriusFigures, lede: ours };
  rows.push({ scenario: "B0", subject: "node:http, fixed JSON", ...figures(base), verdict: "" });
  rows.push({
    scenario: "BA",
    subject: `Apollo Server ${peerVersion("@apollo/server")} (standalone)`,
    ...figures(apolloFigures),
    verdict: apolloFigures.wrong ? "FAIL" : "",
  });
  rows.push({
    scenario: "BM",
    subject: `Mercurius ${peerVersion("mercurius")} on Fastify ${peerVersion("fastify")}`,
    ...figures(mercuriusFigures),
    verdict: mercuriusFigures.wrong ? "FAIL" : "",
  });
  rows.push({
    scenario: "P1",
    subject: "{ __typename }",
    ...figures(ours),
    ratio:
      `${times(ours.rps, apolloFigures.rps)} Apollo, ${times(ours.rps, mercuriusFigures.rps)} Mercurius, ` +
      `${pct(ours.rps, base.rps)} of B0`,
    target: "≥ 1.0× Apollo Server",
    verdict: measured.some((m) => m.wrong) ? "FAIL" : ours.rps >= apolloFigures.rps ? "ok" : "MISS",
  });
  await Promise.all([b0.stop(), apollo.stop(), mercurius.stop()]);
  return rows;
}
