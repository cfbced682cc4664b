import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), "yulin-stop-"));
const started: ChildProcess[] = [];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/** Whether nothing listens on the port any more: we can bind it ourselves. */
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });

/** `npm start` as a newcomer runs it, in its own process group (as a terminal would). */
async function npmStart(port: number): Promise<ChildProcess> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn("npm", ["start"], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port), HOST: "127.0.0.1", YULIN_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(child);
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const since = Date.now();
  while (!output.includes("Yulin listening on")) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    if (Date.now() - since > 120_000) throw new Error(`not listening after 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", resolve));

/** Waits up to `ms` for the port to be freed. */
async function freedWithin(port: number, ms: number) {
  const since = Date.now();
  while (Date.now() - since < ms) {
    if (await portIsFree(port)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start stops everything", () => {
  it("SIGTERM to the npm process stops the server and frees its port", async () => {
    const port = await freePort();
    const npm = await npmStart(port);
    expect(await portIsFree(port)).toBe(false);
    npm.kill("SIGTERM");
    await exited(npm);
    expect(await freedWithin(port, 20_000)).toBe(true);
  }, 180_000);

  it("Ctrl-C (SIGINT to the process group) stops the server and frees its port", async () => {
    const port = await freePort();
    const npm = await npmStart(port);
    process.kill(-npm.pid!, "SIGINT");
    await exited(npm);
    expect(await freedWithin(port, 20_000)).toBe(true);
  }, 180_000);
});
