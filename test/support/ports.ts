// A free TCP port on the loopback address, for a server the test starts itself (its own Redis or PostgreSQL).
import { createServer } from "node:net";

/** A port nothing listens on right now (another process could still take it before the caller does). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
