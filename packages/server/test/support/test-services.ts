import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { seedDemo } from "../../src/demo/demo.seed";
import { buildApp } from "../../src/entrypoints/app";
import { openServices, type Services } from "../../src/entrypoints/setup";
import { loadConfig } from "../../src/platform/config";
import { freshDatabase } from "./test-database";

/**
 * `app` calls the server as the web client does: a request whose cookie header carries the CSRF
 * token cookie also sends it as `x-csrf-token` (packages/web/src/api/client.ts). `server` is the
 * bare app, for tests of the CSRF defence itself (a foreign page can send cookies, not headers).
 */
export type TestEnv = {
  services: Services;
  app: FastifyInstance;
  server: FastifyInstance;
  close: () => Promise<void>;
};

/**
 * A real server on a fresh database (PGlite in memory, or a new PostgreSQL database), migrated,
 * with the demo dataset and the ledger's sequencer running: the same wiring as production,
 * nothing stubbed.
 */
export async function startTestEnv(
  env: Record<string, string> = {},
  options: { demo?: boolean; log?: Logger; nationalRandom?: () => number } = {},
): Promise<TestEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-test-"));
  const db = await freshDatabase();
  const config = loadConfig({
    YULIN_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    YULIN_WEB_DIST: path.join(dataDir, "no-web"),
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    ...env,
  });
  const log = options.log;
  const services = await openServices(config, {
    memory: true,
    ...(options.nationalRandom ? { nationalRandom: options.nationalRandom } : {}),
    ...(log ? { processLog: { log, flush: () => {} } } : {}),
  });
  if (options.demo !== false) await seedDemo(services);
  // With a log given, the app logs its requests to it (as the API process does).
  const app = await buildApp(services, log ? {} : { logger: false });
  await app.ready();
  // As in the API process: the ledger's sequencer integrates registrations every batch interval.
  services.register.sequencer.start();
  return {
    services,
    app: asWebClient(app),
    server: app,
    close: async () => {
      await services.register.sequencer.stop();
      await app.close();
      await services.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const DEMO_PASSWORD = "Yulin-demo-2026";

/** Logs in through the API and returns the session cookie header value. */
export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "yulin_session");
  if (!cookie) throw new Error("no session cookie");
  return res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The CSRF token in a cookie header, as the web client reads it from `document.cookie`. */
export function csrfTokenOf(cookieHeader: string): string | undefined {
  return /(?:^|;\s*)yulin_csrf=([^;]+)/.exec(cookieHeader)?.[1];
}

/** The app, with `inject` adding `x-csrf-token` from the cookie header as the web client does. */
export function asWebClient(app: FastifyInstance): FastifyInstance {
  return new Proxy(app, {
    get(target, prop, receiver) {
      if (prop !== "inject") return Reflect.get(target, prop, receiver);
      // biome-ignore lint/suspicious/noExplicitAny: inject's overloads, passed through unchanged.
      return (options?: any) => {
        if (options === undefined || typeof options === "string") return target.inject(options);
        const headers = { ...(options.headers ?? {}) };
        const token = typeof headers.cookie === "string" ? csrfTokenOf(headers.cookie) : undefined;
        if (token && headers["x-csrf-token"] === undefined) headers["x-csrf-token"] = token;
        return target.inject({ ...options, headers });
      };
    },
  });
}
