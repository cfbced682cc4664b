import { defineConfig } from "vitest/config";

// Unit, property and integration tests. Integration tests use PGlite unless DATABASE_URL is set,
// in which case every test file gets its own fresh PostgreSQL database (see server/test/support).
// The domain's and the web's tests run the portable SM3; the server's and the benchmarks' run OpenSSL's, as
// the server does (platform/crypto/sm3.ts).
export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "e2e/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "domain+web",
          include: ["packages/domain/src/**/*.test.ts", "packages/web/src/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          include: [
            "packages/server/src/**/*.test.ts",
            "packages/server/test/**/*.test.ts",
            "bench/**/*.test.ts",
          ],
          setupFiles: ["packages/server/test/support/setup.ts"],
        },
      },
    ],
  },
});
