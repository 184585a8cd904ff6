// Structured JSON logs, one object a line, on stderr (stdout stays free for CLIs' output).
const LEVELS = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 } as const;
export type LogLevel = keyof typeof LEVELS;

export interface Logger {
  error(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  debug(message: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const threshold = LEVELS[level];
  const log =
    (at: Exclude<LogLevel, "silent">) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (LEVELS[at] > threshold) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: at, message, ...fields }) + "\n");
    };
  return { error: log("error"), warn: log("warn"), info: log("info"), debug: log("debug") };
}
