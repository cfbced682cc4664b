import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServices } from "../../src/entrypoints/setup";
import { loadConfig } from "../../src/platform/config";
import { generateRegisterCsv } from "../../src/register/generator";
import { verifyRegister } from "../../src/register/verify";
import { freshDatabase } from "../support/test-database";

/**
 * The register's commands as an operator runs them, on a database a child process can open:
 * the test's PostgreSQL database, or an embedded PGlite data directory on disk.
 */
const repoRoot = path.resolve(import.meta.dirname, "../../../..");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-register-cli-"));
const csvDir = path.join(work, "csv");
let cliEnv: Record<string, string>;
let drop: () => Promise<void>;

const cliArgs = (args: string[]) => ["--import", "tsx", "packages/server/src/entrypoints/cli.ts", ...args];
const runCli = (args: string[]) =>
  spawnSync(process.execPath, cliArgs(args), {
    cwd: repoRoot,
    env: { ...process.env, ...cliEnv },
    encoding: "utf8",
    timeout: 120_000,
  });

/** Opens the same database in this process (the CLI must not be running on PGlite). */
async function withServices<T>(
  fn: (services: Awaited<ReturnType<typeof openServices>>) => Promise<T>,
): Promise<T> {
  const services = await openServices(loadConfig(cliEnv));
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

const count = async (
  services: Awaited<ReturnType<typeof openServices>>,
  table: "units" | "rights" | "register_entries" | "encumbrances",
) =>
  Number(
    (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(services.db)).rows[0]!.n,
  );

beforeAll(async () => {
  const db = await freshDatabase();
  drop = db.drop;
  cliEnv = {
    DATABASE_URL: db.url ?? "",
    YULIN_DATA_DIR: path.join(work, "data"),
    YULIN_DEMO: "0",
    LOG_LEVEL: "silent",
  };
  await generateRegisterCsv({ dir: csvDir, units: 600, seed: 11 });
});
afterAll(async () => {
  await drop?.();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("yulin import after kill -9", () => {
  it("resumes where it stopped and duplicates nothing", async () => {
    // Small batches, so the kill lands in the middle of the run.
    const child = spawn(process.execPath, cliArgs(["import", "--dir", csvDir, "--batch", "20"]), {
      cwd: repoRoot,
      env: { ...process.env, ...cliEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    const killed = await new Promise<boolean>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("units.csv") && !child.killed) {
          child.kill("SIGKILL");
          resolve(true);
        }
      });
      child.on("exit", () => resolve(false));
    });
    await new Promise((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on("exit", resolve),
    );
    expect(killed, `the import finished before it could be killed:\n${stderr}`).toBe(true);
    expect(child.signalCode).toBe("SIGKILL");

    const partial = await withServices((s) => count(s, "units"));
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(600);

    const second = runCli(["import", "--dir", csvDir, "--batch", "500"]);
    expect(second.status, second.stderr + second.stdout).toBe(0);
    expect(second.stdout).toContain("Resumed and finished");

    await withServices(async (s) => {
      expect(await count(s, "units")).toBe(
        600 + (await s.db.selectFrom("parcels").select("parcel_code").execute()).length,
      );
      const rights = fs.readFileSync(path.join(csvDir, "rights.csv"), "utf8").trim().split("\n").length - 1;
      expect(await count(s, "rights")).toBe(rights);
      const restrictions =
        fs.readFileSync(path.join(csvDir, "restrictions.csv"), "utf8").trim().split("\n").length - 1;
      expect(await count(s, "encumbrances")).toBe(restrictions);
      const verified = await verifyRegister(s.db);
      expect(verified.problems).toEqual([]);
    });
  }, 180_000);
});

describe("yulin gen and yulin verify", () => {
  it("generates a synthetic register that verifies (exit 0)", () => {
    const gen = runCli(["gen", "--units", "200", "--county", "440605", "--out", path.join(work, "gen")]);
    expect(gen.status, gen.stderr + gen.stdout).toBe(0);
    expect(gen.stdout).toContain("units 200");
    const verify = runCli(["verify"]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain("Verified");
  }, 120_000);

  it("names a projection row edited behind the ledger's back and exits 1", async () => {
    const code = await withServices(async (s) => {
      const unit = await s.db
        .selectFrom("units")
        .select("unit_code")
        .where("fixture", "=", "F")
        .orderBy("unit_code")
        .limit(1)
        .executeTakeFirstOrThrow();
      await sql`update units set room_label = '9999' where unit_code = ${unit.unit_code}`.execute(s.db);
      return unit.unit_code;
    });
    const verify = runCli(["verify"]);
    expect(verify.status).toBe(1);
    expect(verify.stdout).toContain(`units ${code}：roomLabel`);
  }, 120_000);
});
