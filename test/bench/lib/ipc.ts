// Request/answer over a child's IPC channel (the load generators are driven this way).
import type { Child } from "./processes.js";

let nextId = 0;

export function ask<T>(
  child: Child,
  cmd: string,
  extra: Record<string, unknown> = {},
  timeoutMs = 120_000,
): Promise<T> {
  const id = ++nextId;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.child.off("message", onMessage);
      reject(new Error(`${child.name}: no answer to ${cmd} within ${timeoutMs} ms\n${child.output().slice(-2000)}`));
    }, timeoutMs);
    const onMessage = (message: { id: number; payload?: T; error?: string }) => {
      if (message.id !== id) return;
      clearTimeout(timer);
      child.child.off("message", onMessage);
      if (message.error) reject(new Error(`${child.name}: ${message.error}`));
      else resolve(message.payload as T);
    };
    child.child.on("message", onMessage);
    child.child.send({ id, cmd, ...extra });
  });
}
