import { defineConfig } from "vitest/config";

// Unit, property and integration tests. Integration tests use PGlite unless DATABASE_URL is set,
// in which case every test file gets its own fresh PostgreSQL database (see server/test/support).
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts", "bench/**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
