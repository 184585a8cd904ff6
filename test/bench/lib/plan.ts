// How long and how hard a run measures: the full run (the README's table) and --quick (under a minute).
export interface Plan {
  quick: boolean;
  /** HTTP: seconds of warm-up per subject, measured rounds per subject (interleaved), seconds per round. */
  warmupSec: number;
  rounds: number;
  roundSec: number;
  connections: number;
  /** P4: subscribers on one process, fleet processes, measured events, milliseconds between events. */
  subscribers: number;
  fleets: number;
  events: number;
  intervalMs: number;
  /** P5: subscribers, measured events, rounds per side (interleaved). */
  crossSubscribers: number;
  crossEvents: number;
  crossRounds: number;
  /** P7: cold starts. */
  startups: number;
  /** P8: subscribers following the breaking story, and comments a second on it while readers read. */
  breakingSubscribers: number;
  breakingCommentsPerSec: number;
}

export const FULL: Plan = {
  quick: false,
  warmupSec: 3,
  rounds: 5,
  roundSec: 5,
  connections: 10,
  subscribers: 10_000,
  fleets: 2,
  events: 5,
  intervalMs: 2000,
  crossSubscribers: 500,
  crossEvents: 20,
  crossRounds: 3,
  startups: 3,
  breakingSubscribers: 2000,
  breakingCommentsPerSec: 10,
};

export const QUICK: Plan = {
  quick: true,
  warmupSec: 1,
  rounds: 2,
  roundSec: 2,
  connections: 4,
  subscribers: 200,
  fleets: 1,
  events: 3,
  intervalMs: 200,
  crossSubscribers: 100,
  crossEvents: 5,
  crossRounds: 1,
  startups: 1,
  breakingSubscribers: 200,
  breakingCommentsPerSec: 10,
};
