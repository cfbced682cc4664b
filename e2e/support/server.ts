import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the server under test, e.g. `http://127.0.0.1:40123`. */
    baseUrl: string;
  }
}

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const webDir = path.join(repoRoot, "packages/web");
const webDist = path.join(webDir, "dist");
const readyTimeoutMs = 180_000;

/**
 * Global setup of the browser tests: builds the web app when needed, starts the API server on a
 * free port with a fresh data directory and the demo data, and stops it when the run ends.
 * With YULIN_E2E_BASE_URL set, it uses that server instead and starts nothing.
 */
export default async function setup(project: TestProject) {
  // Point the tests at a server that is already running (a staging instance, a dev server).
  const external = process.env.YULIN_E2E_BASE_URL;
  if (external) {
    await waitUntilReady(null, external, []);
    project.provide("baseUrl", external.replace(/\/$/, ""));
    return;
  }

  buildWebIfStale();

  const dataDir = mkdtempSync(path.join(tmpdir(), "yulin-e2e-"));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];

  const child = spawn(process.execPath, ["--import", "tsx", "packages/server/src/entrypoints/api.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      YULIN_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      YULIN_DEMO: "1",
      YULIN_WEB_DIST: webDist,
      // Every browser of every journey comes from 127.0.0.1: per-IP limits meant for the public
      // would throttle the test run itself, so they are raised here (their own tests are the server's).
      YULIN_RATE_LIMIT_IP_PER_MINUTE: "100000",
      YULIN_RATE_LIMIT_ACCOUNT_PER_MINUTE: "100000",
      YULIN_RATE_LIMIT_LOGIN_PER_MINUTE: "10000",
      // The outbox journey points a bank at this same server: allow the loopback address for it.
      YULIN_OUTBOUND_ALLOW: "127.0.0.1,localhost,::1",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
    if (process.env.YULIN_E2E_VERBOSE) process.stderr.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);

  try {
    await waitUntilReady(child, baseUrl, output);
  } catch (error) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  project.provide("baseUrl", baseUrl);

  return async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** Builds `packages/web` when `dist/` is missing or older than any source file. */
function buildWebIfStale() {
  const built = path.join(webDist, "index.html");
  if (existsSync(built) && newestMtime(webDir, ["dist", "node_modules"]) <= statSync(built).mtimeMs) return;
  execFileSync("npm", ["run", "build", "-w", "@yulin/web"], { cwd: repoRoot, stdio: "inherit" });
}

function newestMtime(dir: string, skip: readonly string[]): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full, []) : statSync(full).mtimeMs;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(child: ChildProcess | null, baseUrl: string, output: readonly string[]) {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output.join("")}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server was not ready within ${readyTimeoutMs / 1000}s:\n${output.join("")}`);
}

/** SIGTERM for a graceful shutdown (the embedded database flushes), SIGKILL if it hangs. */
async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}
