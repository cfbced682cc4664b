import pino, { type Logger } from "pino";

export type ProcessLog = {
  /** The process's root logger; capabilities take children (`log.child({ name })`). */
  log: Logger;
  /** Writes out what is buffered, synchronously: before `process.exit` and on a fatal error. */
  flush: () => void;
};

/**
 * Structured logs (pino, JSON lines on stdout) written asynchronously: a request only appends
 * to a buffer, and the buffer goes out in the background (sonic-boom), so no request waits on
 * a synchronous `writev` to a slow terminal or pipe (issue 19: 11 % of the API's CPU samples).
 * What is buffered is flushed at `exit` by pino itself, and by `flush` on SIGTERM/SIGINT and on
 * fatal errors, before the process exits.
 */
export function createProcessLog(level: string): ProcessLog {
  // minLength 0: a line is written as soon as no write is in flight (no periodic flush to wait for).
  const destination = pino.destination({ dest: 1, sync: false });
  const log = pino(logOptions(level), destination);
  return {
    log,
    flush: () => {
      try {
        destination.flushSync();
      } catch {
        // Nothing written yet (sonic-boom not open) or stdout gone: nothing to save.
      }
    },
  };
}

/** Query parameters that carry a secret (the payment link's `t`, tokens, signatures). */
const SECRET_QUERY = /^(t|token|access_token|sig|signature|code|secret|key|password)$/i;

/** A URL with the values of its secret query parameters replaced by `[REDACTED]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const name of [...params.keys()]) if (SECRET_QUERY.test(name)) params.set(name, "[REDACTED]");
  return `${url.slice(0, q)}?${params.toString()}`;
}

type LoggedRequest = { method?: string; url?: string; hostname?: string; ip?: string; id?: unknown };

/**
 * pino's options: the request serializer (which replaces Fastify's) writes the URL without the
 * secrets in its query string, and `redact` censors credentials wherever a log object carries them
 * (headers, bodies, connector payloads): tokens, passwords, cookies, keys, signatures.
 */
export function logOptions(level: string): pino.LoggerOptions {
  return {
    level,
    serializers: {
      req: (req: LoggedRequest) => ({
        id: req.id,
        method: req.method,
        url: req.url === undefined ? undefined : redactUrl(req.url),
        host: req.hostname,
        remoteAddress: req.ip,
      }),
    },
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.token",
        "*.password",
        "*.secret",
        "*.privateKey",
        "*.signature",
        "*.payUrl",
        "*.authorization",
        "*.cookie",
      ],
      censor: "[REDACTED]",
    },
  };
}

/**
 * Logs an uncaught exception or unhandled rejection as `fatal`, flushes, and exits non-zero: the
 * process's state is unknown after one, and its last log lines are what an operator needs.
 */
export function exitOnFatalErrors(processLog: ProcessLog): void {
  const fatal = (kind: string) => (error: unknown) => {
    processLog.log.fatal({ err: error, kind }, "fatal error: exiting");
    processLog.flush();
    process.exit(1);
  };
  process.once("uncaughtException", fatal("uncaughtException"));
  process.once("unhandledRejection", fatal("unhandledRejection"));
}
