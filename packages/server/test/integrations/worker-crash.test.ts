import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServices, type Services } from "../../src/entrypoints/setup";
import { loadConfig } from "../../src/platform/config";
import { inTransaction } from "../../src/platform/db/database";
import { freshDatabase } from "../support/test-database";
import { startDepartmentServer } from "./support/department-server";

const EVENTS = 40;
const KILL_AFTER = 12;
const PII_KEY = "ab".repeat(32);
const WORKER = path.resolve(import.meta.dirname, "../../src/entrypoints/worker.ts");

/**
 * At-least-once delivery survives `kill -9`: a worker is killed while a request is in flight
 * (the department has processed it, the worker never sees the answer). A restarted worker
 * delivers everything left, including the in-flight message again with the same idempotency
 * key, which the department drops: every event takes effect exactly once.
 */
describe("outbox worker killed mid-delivery (kill -9) and restarted", () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let dataDir: string;
  let dept: Awaited<ReturnType<typeof startDepartmentServer>>;
  let platformPublicKey = "";
  let worker: ChildProcess | null = null;
  let killedAt: number | null = null;

  const env = () => {
    const e: Record<string, string | undefined> = {
      ...process.env,
      YULIN_DATA_DIR: dataDir,
      YULIN_PII_KEY: PII_KEY,
      YULIN_DEMO: "0",
      LOG_LEVEL: "silent",
      YULIN_OUTBOX_LEASE_SECONDS: "2",
      YULIN_OUTBOX_POLL_MS: "100",
      YULIN_OUTBOX_BACKOFF_BASE_MS: "50",
      YULIN_OUTBOX_BACKOFF_MAX_MS: "200",
      // The simulated bank listens on loopback: the operator allows it (docs/security.md).
      YULIN_OUTBOUND_ALLOW: "127.0.0.1",
    };
    if (db.url) e.DATABASE_URL = db.url;
    else delete e.DATABASE_URL;
    return e;
  };
  const open = () => openServices(loadConfig(env()));

  beforeAll(async () => {
    db = await freshDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-crash-"));
    dept = await startDepartmentServer({
      platformPublicKey: () => platformPublicKey,
      routes: {
        "POST /bank/collateral-events": async () => {
          // From the KILL_AFTER-th request on: the department has it, the worker dies before the answer.
          if (dept.received.length >= KILL_AFTER && worker && killedAt === null) {
            killedAt = Date.now();
            worker.kill("SIGKILL");
          }
          await new Promise((r) => setTimeout(r, 30));
          return { status: 200, json: { received: true } };
        },
      },
    });
    // Enqueue the events in business transactions, then let go of the database.
    const services: Services = await open();
    platformPublicKey = services.integrations.signingKey.publicKey;
    const bank = await services.db
      .insertInto("institutions")
      .values({ kind: "bank", name: "测试银行", credit_code: null, jurisdiction: "440604" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await services.integrations.connections.setConnection(
      { actor: null, requestId: "t", ip: null },
      bank.id,
      {
        endpointUrl: `${dept.url}/bank`,
      },
    );
    for (let i = 0; i < EVENTS; i++) {
      await inTransaction(services.db, (tx) =>
        services.integrations.notifyBanks(tx, {
          event: "mortgage-registered",
          eventId: `entry-${i}`,
          occurredAt: new Date(),
          unitCode: "440604003001GB00001F00010001",
          jurisdiction: "440604",
          mortgagees: [
            {
              institutionId: bank.id,
              certificationNo: `粤（2025）佛山市不动产证明第${String(i).padStart(7, "0")}号`,
            },
          ],
        }),
      );
    }
    await services.close();
  }, 120_000);

  afterAll(async () => {
    worker?.kill("SIGKILL");
    await dept.close();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", WORKER, ...args], {
        cwd: path.resolve(import.meta.dirname, "../.."),
        env: env(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      worker = child;
      let output = "";
      child.stdout?.on("data", (d) => (output += d));
      child.stderr?.on("data", (d) => (output += d));
      child.on("exit", (code, signal) => resolve({ code, signal, output }));
    });

  it("delivers every event exactly once to the receiver (idempotency key seen once)", async () => {
    const first = await run([]);
    expect(first.signal).toBe("SIGKILL");
    expect(killedAt).not.toBeNull();
    const beforeRestart = dept.processedKeys().length;
    expect(beforeRestart).toBeGreaterThanOrEqual(KILL_AFTER - 4);
    expect(beforeRestart).toBeLessThan(EVENTS);

    const second = await run(["--until-empty"]);
    expect(second.code, second.output).toBe(0);

    const keys = dept.processedKeys();
    expect(keys).toHaveLength(EVENTS);
    expect(new Set(keys).size).toBe(EVENTS);
    const requests = dept.received.filter((r) => r.path === "/bank/collateral-events");
    expect(requests.every((r) => r.signatureValid)).toBe(true);
    // At least the message in flight at the kill was sent twice and dropped by the receiver.
    expect(dept.duplicates()).toBeGreaterThanOrEqual(1);
    expect(requests.length).toBe(EVENTS + dept.duplicates());

    const services = await open();
    try {
      const rows = await services.db
        .selectFrom("outbox")
        .select(["status", "attempts", "idempotency_key"])
        .execute();
      expect(rows).toHaveLength(EVENTS);
      expect(rows.every((r) => r.status === "delivered")).toBe(true);
      expect(rows.filter((r) => r.attempts > 1).length).toBeGreaterThanOrEqual(1);
      expect(new Set(rows.map((r) => r.idempotency_key))).toEqual(new Set(keys));
      const health = await services.db.selectFrom("connector_health").selectAll().executeTakeFirstOrThrow();
      expect(health.consecutive_failures).toBe(0);
      console.log(
        `kill -9 after ${beforeRestart} processed; ${requests.length} requests for ${EVENTS} events, ` +
          `${dept.duplicates()} duplicate(s) dropped by key; ` +
          `${rows.filter((r) => r.attempts > 1).length} message(s) delivered on a second attempt (${services.backend})`,
      );
    } finally {
      await services.close();
    }
  }, 120_000);
});
