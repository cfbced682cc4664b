import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser journeys against a real server with the demo data (see support/server.ts).
// Run with `npm run test:e2e`. One worker: the files share one server and one data directory.
export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/support/server.ts"],
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    // Building the web app and migrating + seeding a fresh database can take a while.
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});
