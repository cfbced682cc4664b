import { formatDemoAccounts, isDemoSeeded, seedDemo } from "../demo/demo.seed";
import { seedIntegrationsDemo } from "../integrations/demo/integrations.demo";
import { ConfigError, loadConfig } from "../platform/config";
import { DataDirLockedError } from "../platform/db/embedded-lock";
import { createProcessLog, exitOnFatalErrors } from "../platform/logging";
import { buildApp } from "./app";
import { openServices } from "./setup";

async function main(): Promise<void> {
  const config = loadConfig();
  const processLog = createProcessLog(config.logLevel);
  exitOnFatalErrors(processLog);
  const services = await openServices(config, { processLog });
  const firstStart = config.demo ? await seedDemo(services) : false;
  // What the simulated departments know in the demo (contract, licences, homes).
  if (firstStart) await seedIntegrationsDemo(services);
  const app = await buildApp(services);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    await services.integrations.worker.stop();
    await services.cases.scheduler.stop();
    await services.register.sequencer.stop();
    await app.close();
    await services.close();
    processLog.flush();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  const address = await app.listen({ port: config.port, host: config.host });
  // The embedded default delivers outbox messages in this process; with YULIN_WORKER=off,
  // run `entrypoints/worker.ts` (one or more processes on PostgreSQL) instead.
  if (config.integrations.worker === "embedded") services.integrations.worker.start();
  // The ledger's sequencer: integrates registrations into the Merkle tree every
  // YULIN_LEDGER_BATCH_MS. Workers run it too; an advisory lock lets one integrate at a time.
  services.register.sequencer.start();
  // Time-driven effects (lapses, waiting seizures taking effect): swept now and on an interval.
  services.cases.scheduler.start(config.sweepIntervalSeconds * 1000);
  // 廉防预警: the integrity rules over every office, on the same interval and after registrations.
  services.supervision.scheduler.start(config.sweepIntervalSeconds * 1000);
  const url = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  const database = services.backend === "pglite" ? `PGlite (嵌入式) ${config.dataDir}` : "PostgreSQL";
  const lines = [
    "",
    `Yulin listening on ${url}`,
    `  鱼鳞 · 互联网+不动产登记   数据库 database: ${database}`,
    `  API 文档 docs: ${url}/api/docs   OpenAPI: ${url}/api/openapi.json`,
  ];
  if (firstStart) lines.push("", formatDemoAccounts());
  else if (await isDemoSeeded(services))
    lines.push("  演示数据已存在 Demo data present: `npm run yulin -- demo accounts` lists the accounts.");
  console.log(`${lines.join("\n")}\n`);
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
