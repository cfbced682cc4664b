import type { AlertsService } from "./alerts.service";

/**
 * Runs the integrity rules over every office on an interval, and soon after a poke (a registration,
 * a spoiled form): one sweep at a time; a failed sweep is logged and the next one tries again.
 */
export function createAlertsScheduler(deps: {
  alerts: Pick<AlertsService, "sweep">;
  log?: { error(obj: object, msg: string): void };
}) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let again = false;
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = deps.alerts
      .sweep()
      .catch((error) => deps.log?.error({ err: error }, "integrity sweep failed"))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  return {
    start(intervalMs: number) {
      if (timer || intervalMs <= 0) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    /** An event that may complete a pattern: sweep soon (only while started). */
    poke() {
      if (timer) tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      again = false;
      await running;
    },
  };
}

export type AlertsScheduler = ReturnType<typeof createAlertsScheduler>;
