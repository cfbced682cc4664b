import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../src/demo/demo.seed";
import { openServices } from "../src/entrypoints/setup";
import { ConfigError, loadConfig } from "../src/platform/config";
import { acquireDataDirLock } from "../src/platform/db/embedded-lock";
import { startTestEnv, type TestEnv } from "./support/test-services";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const cli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ["--import", "tsx", "packages/server/src/entrypoints/cli.ts", ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });

describe("configuration", () => {
  it("names the bad variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ YULIN_PII_KEY: "short" })).toThrow(/YULIN_PII_KEY/);
    expect(() => loadConfig({ YULIN_DEMO: "maybe" })).toThrow(/YULIN_DEMO/);
  });

  it("defaults to port 8080, ./data and the demo on the embedded database only", () => {
    const embedded = loadConfig({});
    expect(embedded.port).toBe(8080);
    expect(embedded.dataDir).toBe(path.resolve("data"));
    expect(embedded.demo).toBe(true);
    expect(loadConfig({ DATABASE_URL: "postgres://localhost/x" }).demo).toBe(false);
  });

  it("stops the server at start-up with the variable's name", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "packages/server/src/entrypoints/api.ts"], {
      cwd: repoRoot,
      env: { ...process.env, PORT: "-1" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PORT");
  });
});

describe("embedded database lock", () => {
  it("refuses a second process on the same data directory with a clear message", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-lock-"));
    const release = acquireDataDirLock(dataDir);
    try {
      const run = cli(["migrate"], { YULIN_DATA_DIR: dataDir });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("in use by another Yulin process");
      expect(run.stderr).toContain("正被另一个 Yulin 进程");
    } finally {
      release();
    }
    const again = cli(["migrate"], { YULIN_DATA_DIR: dataDir });
    expect(again.status, again.stderr).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  it("takes over a lock left by a process that died", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-lock-"));
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    fs.writeFileSync(path.join(dataDir, "yulin.lock"), dead.stdout);
    const release = acquireDataDirLock(dataDir);
    expect(fs.readFileSync(path.join(dataDir, "yulin.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dataDir, "yulin.lock"))).toBe(false);
  });
});

describe("embedded database on disk", () => {
  it("keeps its data across a restart and does not seed the demo twice", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-restart-"));
    const config = loadConfig({ YULIN_DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    const first = await openServices(config);
    expect(await seedDemo(first)).toBe(true);
    await first.close();
    const second = await openServices(config);
    expect(await seedDemo(second)).toBe(false);
    const n = await second.db
      .selectFrom("accounts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(n.n).toBeGreaterThan(50);
    await second.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});

describe("yulin CLI", () => {
  it("migrates, adds a staff user that can then log in, and rejects bad input", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-cli-"));
    const env = { YULIN_DATA_DIR: dataDir, YULIN_DEMO: "0" };
    const add = cli(
      [
        "user",
        "add",
        "--username",
        "ops.one",
        "--kind",
        "staff",
        "--name",
        "运维",
        "--password",
        "Ops-pass-2026",
        "--role",
        "admin@440604",
      ],
      env,
    );
    expect(add.status, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({
      username: "ops.one",
      roles: [{ role: "admin", jurisdiction: "440604" }],
    });
    const bad = cli(
      [
        "user",
        "add",
        "--username",
        "ops.two",
        "--kind",
        "staff",
        "--name",
        "x",
        "--password",
        "Ops-pass-2026",
        "--role",
        "boss@1",
      ],
      env,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--role must be role@county");
    const weak = cli(
      ["user", "add", "--username", "ops.three", "--kind", "citizen", "--name", "x", "--password", "short"],
      env,
    );
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("ACCOUNT.WEAK_PASSWORD");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});

describe("audit log", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(() => env.close());

  it("is append-only: updates, deletes and truncation are refused by the database", async () => {
    const count = async () =>
      (
        await env.services.db
          .selectFrom("audit_log")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(sql`update audit_log set outcome = 'success'`.execute(env.services.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(env.services.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(env.services.db)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });

  it("records actor, role, jurisdiction, action, target, purpose, time and outcome", async () => {
    const row = await env.services.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "account.create")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ outcome: "success", target_type: "account", request_id: "demo-seed" });
    expect(row.at).toBeInstanceOf(Date);
  });
});
