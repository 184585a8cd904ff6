// The WASM schema engine leaves a long timer running after `migrate deploy` on PostgreSQL, which keeps the CLI alive
// for ~10 s. Timers of 10 s or more never gate a CLI run's result, so let them not hold the process open.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function patchedSetTimeout(handler, ms, ...rest) {
  const timer = originalSetTimeout(handler, ms, ...rest);
  if (typeof ms === "number" && ms >= 10_000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
