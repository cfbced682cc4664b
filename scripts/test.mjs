#!/usr/bin/env node
// `npm test`: the whole suite. Unit and integration tests (PGlite, or PostgreSQL when
// DATABASE_URL is set), then the browser tests in Debian's Chromium. Without a Chromium the
// browser tests are skipped with a notice on a developer machine, and fail under CI.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (args) => spawnSync("npx", args, { stdio: "inherit" }).status ?? 1;

const unit = run(["vitest", "run", ...process.argv.slice(2)]);
if (unit !== 0) process.exit(unit);

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  const message = `浏览器测试未运行 Browser tests not run: no Chromium at ${chromium}. Install it with \`apt-get install chromium fonts-noto-cjk\` or set CHROMIUM_PATH.`;
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.warn(`\n${message}\n`);
  process.exit(0);
}
process.exit(run(["vitest", "run", "--config", "e2e/vitest.config.ts"]));
