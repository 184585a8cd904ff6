// Waiting out a database that is saturated or reconnecting, for reads that must not fail for that alone.
import { isConnectionFailure } from "../plugins/mask-error.js";

const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000];

/**
 * Runs `load` again while the database is unavailable (saturated or reconnecting), up to about eight seconds and not
 * past `signal`. For reads behind a committed event: the row is there, and a subscriber would rather get it late
 * than get an error in place of the comment.
 */
export async function retryWhileUnavailable<T>(load: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || signal.aborted || !isConnectionFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
