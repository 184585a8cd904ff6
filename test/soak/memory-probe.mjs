// Preloaded into each Lede the soak starts (node --expose-gc --import): on the soak's request over the IPC channel,
// a full garbage collection, then the process's memory. Heap after a full GC is what a leak makes grow; the heap
// at a random moment mostly measures when the last collection happened.
process.on("message", (message) => {
  if (message?.type !== "soak:measure") return;
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.send?.({ type: "soak:memory", id: message.id, rss, heapUsed, heapTotal, external, arrayBuffers });
});
