import type { FastifyPluginAsync } from "fastify";
import type { Database } from "../platform/db/database";
import { createAlertsScheduler } from "./alerts.scheduler";
import { createAlertsService } from "./alerts.service";
import { supervisionRoutes } from "./supervision.routes";

/** Wires supervision (监管): the integrity and risk alerts, their scheduler and routes. */
export function createSupervisionModule(deps: {
  db: Database;
  now: () => Date;
  log?: { error(obj: object, msg: string): void };
}) {
  const alerts = createAlertsService({ db: deps.db, now: deps.now });
  const scheduler = createAlertsScheduler({ alerts, ...(deps.log ? { log: deps.log } : {}) });
  return { alerts, scheduler };
}

export type SupervisionModule = ReturnType<typeof createSupervisionModule>;

export const supervisionPlugin =
  (module: SupervisionModule): FastifyPluginAsync =>
  async (app) => {
    await app.register(supervisionRoutes(module.alerts));
    app.addHook("onClose", async () => module.scheduler.stop());
  };
