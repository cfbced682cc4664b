import { ConfigError, loadConfig } from "../platform/config";
import { DataDirLockedError } from "../platform/db/embedded-lock";
import { openServices } from "./setup";

/**
 * The outbox worker on its own (`node --import tsx packages/server/src/entrypoints/worker.ts`):
 * for PostgreSQL deployments that run the API with YULIN_WORKER=off and one or more workers.
 * On the embedded database the API process runs the worker itself (one process per data dir).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const services = await openServices(config);
  const { worker, inbound } = services.integrations;
  worker.start();
  // Nonces older than the freshness window can no longer be replayed: forget them.
  const prune = setInterval(() => void inbound.prune().catch(() => {}), 10 * 60_000);
  console.log(`Yulin outbox worker ${worker.id} started (${services.backend})`);
  const shutdown = async (signal: string) => {
    clearInterval(prune);
    console.log(`outbox worker stopping (${signal})`);
    await worker.stop();
    await services.close();
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
