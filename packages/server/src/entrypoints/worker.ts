import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../platform/config";
import { DataDirLockedError } from "../platform/db/embedded-lock";
import { createProcessLog, exitOnFatalErrors } from "../platform/logging";
import { countOpenMessages } from "../platform/outbox/outbox.repository";
import { openServices } from "./setup";

/**
 * The outbox worker (and the ledger's sequencer) on its own (`node --import tsx packages/server/src/entrypoints/worker.ts`):
 * for PostgreSQL deployments that run the API with YULIN_WORKER=off and one or more workers.
 * On the embedded database the API process runs the worker itself (one process per data dir).
 * `--until-empty` delivers until no message is pending or leased, then exits (batch use, tests).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "until-empty": { type: "boolean" } } });
  const config = loadConfig();
  const processLog = createProcessLog(config.logLevel);
  exitOnFatalErrors(processLog);
  const services = await openServices(config, { processLog });
  const { worker } = services.integrations;
  // The ledger's sequencer runs here too: one process at a time integrates (advisory lock).
  services.register.sequencer.start();

  if (values["until-empty"]) {
    let handled = 0;
    for (;;) {
      const n = await worker.runOnce();
      handled += n;
      if (n === 0) {
        if ((await countOpenMessages(services.db)) === 0) break;
        await new Promise((r) => setTimeout(r, config.integrations.outboxPollMs));
      }
    }
    console.log(`outbox empty: handled ${handled} message(s)`);
    await services.register.sequencer.stop();
    await services.register.sequencer.flush();
    await services.close();
    processLog.flush();
    process.exit(0);
  }

  worker.start();
  console.log(`Yulin outbox worker ${worker.id} started (${services.backend})`);
  const shutdown = async (signal: string) => {
    console.log(`outbox worker stopping (${signal})`);
    await worker.stop();
    await services.register.sequencer.stop();
    await services.close();
    processLog.flush();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
