import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn } from "./support/browser";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

let child: ChildProcess | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), "yulin-start-"));
afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => child?.once("exit", resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start (the README's first command)", () => {
  it("serves the login page and the OpenAPI document within 60 s, prints the demo accounts, and a printed account logs in", async () => {
    const port = await freePort();
    const started = Date.now();
    // The e2e environment may point at PostgreSQL; the newcomer's start is the embedded default.
    const { DATABASE_URL: _ignored, ...env } = process.env;
    child = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: repoRoot,
      env: { ...env, PORT: String(port), HOST: "127.0.0.1", YULIN_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr?.on("data", (c: Buffer) => {
      output += c.toString();
    });
    while (!output.includes("Yulin listening on")) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      if (Date.now() - started > 60_000) throw new Error(`not listening after 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const base = `http://127.0.0.1:${port}`;
    const page = await fetch(`${base}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const openapi = await fetch(`${base}/api/openapi.json`);
    expect((await openapi.json()).openapi).toBe("3.1.0");
    const seconds = (Date.now() - started) / 1000;
    console.log(`npm start: login page and OpenAPI served after ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);

    // The printed accounts and password are the real ones.
    const password = /shared password: (\S+)\)/.exec(output)?.[1];
    expect(password).toBeDefined();
    expect(output).toContain("citizen.zhang");
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1366, height: 768 } });
      const tab = await context.newPage();
      await logIn(tab, "citizen.zhang", password);
      await tab.getByTestId("layout-hall").waitFor();
      await context.close();
    } finally {
      await browser.close();
    }
  }, 120_000);
});
