// Writes the server's OpenAPI document to a file (default: stdout) without a running server: an
// in-memory database, migrated, no demo data. Used by `npm run lint:api` (Spectral) and the client.
// Usage: node --import tsx scripts/write-openapi.ts [out.json]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildApp } from "../packages/server/src/entrypoints/app";
import { openServices } from "../packages/server/src/entrypoints/setup";
import { loadConfig } from "../packages/server/src/platform/config";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-openapi-"));
const config = loadConfig({
  YULIN_DATA_DIR: dataDir,
  LOG_LEVEL: "silent",
  YULIN_WEB_DIST: path.join(dataDir, "no-web"),
});
const services = await openServices(config, { memory: true });
try {
  const app = await buildApp(services, { logger: false });
  await app.ready();
  const res = await app.inject({ url: "/api/openapi.json" });
  const text = `${JSON.stringify(JSON.parse(res.body), null, 2)}\n`;
  const out = process.argv[2];
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
  await app.close();
} finally {
  await services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
