// A guest's session survives reloads in localStorage (per Lede endpoint), so the reader stays the author of their
// comments and keeps seeing the ones held for moderation. Storage may be unavailable (privacy modes, sandboxed
// frames): then the session lasts as long as the page.
export interface StoredSession {
  token: string;
  expiresAt: string;
}

export function guestSessions(endpoint: string) {
  const key = `lede-comments:guest:${endpoint}`;
  let memory: StoredSession | null = null;
  return {
    load(): StoredSession | null {
      let session = memory;
      try {
        const raw = localStorage.getItem(key);
        if (raw) session = JSON.parse(raw) as StoredSession;
      } catch {
        // unavailable or not ours: the in-memory copy is all there is
      }
      if (!session || typeof session.token !== "string" || Date.parse(session.expiresAt) <= Date.now()) return null;
      return session;
    },
    save(session: StoredSession): void {
      memory = session;
      try {
        localStorage.setItem(key, JSON.stringify(session));
      } catch {
        // see load()
      }
    },
    clear(): void {
      memory = null;
      try {
        localStorage.removeItem(key);
      } catch {
        // see load()
      }
    },
  };
}
