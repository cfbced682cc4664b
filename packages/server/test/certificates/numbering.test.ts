import { numberingScopeOf, parseCertificateNumber } from "@yulin/domain";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocateNumber, lastSequence } from "../../src/certificates/certificate-number.repository";
import { systemContext } from "../../src/platform/audit/audit";
import { type Database, inTransaction } from "../../src/platform/db/database";
import type { DB } from "../../src/platform/db/schema";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { titleData } from "./fixtures";
import { given } from "./given";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

describe("numbering scope (DOMAIN-REFERENCE §6)", () => {
  it("numbers a city's districts in the city's series, counties and municipal districts in their own", () => {
    expect(numberingScopeOf("440604")).toEqual({
      scopeCode: "440600",
      provinceAbbreviation: "粤",
      registry: "佛山市",
    });
    expect(numberingScopeOf("440605")?.scopeCode).toBe("440600");
    expect(numberingScopeOf("231282")).toEqual({
      scopeCode: "231282",
      provinceAbbreviation: "黑",
      registry: "肇东市",
    });
    expect(numberingScopeOf("231221")?.registry).toBe("望奎县");
    expect(numberingScopeOf("110105")).toEqual({
      scopeCode: "110105",
      provinceAbbreviation: "京",
      registry: "朝阳区",
    });
    expect(numberingScopeOf("441900")?.registry).toBe("东莞");
    expect(numberingScopeOf("999999")).toBeUndefined();
  });
});

class ForcedRollback extends Error {}

/**
 * On PostgreSQL the 20 registrations run on a pool of their own with 10 connections (real lock
 * contention), closed before the test database is dropped: pg-pool's end() returns before its
 * sockets close, and a forced drop would otherwise hit connections still closing.
 */
async function withRegistrationPool<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const url = env.services.config.databaseUrl;
  if (!url) return fn(env.services.db);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {});
  let open = 0;
  pool.on("connect", () => open++);
  pool.on("remove", () => open--);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
    for (let i = 0; i < 100 && open > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("allocating numbers inside the registering transaction", () => {
  it("gives concurrent registrations in one office consecutive distinct numbers with no gap after forced rollbacks", async () => {
    const { db } = env.services;
    const service = env.services.certificates.service;
    const holder = await given(env).accountId("citizen.zhang");
    const base = titleData();
    const title = base.kind === "certificate" ? base.title : undefined;
    const rollbacks = new Set([2, 5, 9, 13, 17]);
    const outcomes = await withRegistrationPool((registrations) =>
      Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          inTransaction(registrations, async (tx) => {
            const prepared = await service.prepareInTx(tx, systemContext("test"), {
              office: i % 2 === 0 ? "440604" : "440605", // two district offices share 佛山市's series
              registeredOn: "2026-03-02",
              caseId: `CONCURRENT-${i}`,
              content: { kind: "certificate", title: title! },
              recipients: [{ role: "holder", accountId: holder }],
            });
            // Hold the series lock a little while others queue behind it, then maybe roll back.
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
            if (rollbacks.has(i)) throw new ForcedRollback(prepared.number);
            return prepared.number;
          }),
        ),
      ),
    );
    const committed = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const failed = outcomes.filter((o) => o.status === "rejected");
    expect(failed.every((o) => (o as PromiseRejectedResult).reason instanceof ForcedRollback)).toBe(true);
    expect(committed).toHaveLength(15);
    const sequences = committed.map((n) => {
      const parsed = parseCertificateNumber(n, { kind: "certificate" });
      if (!parsed.ok) throw new Error(n);
      expect(parsed.value.registry).toBe("佛山市");
      expect(parsed.value.year).toBe(2026);
      return parsed.value.sequence;
    });
    expect(new Set(sequences).size).toBe(15);
    expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(await lastSequence(db, { office: "440604", year: 2026, kind: "certificate" })).toBe(15);
    const stored = await db
      .selectFrom("certificates")
      .select("number")
      .where("year", "=", 2026)
      .where("scope_code", "=", "440600")
      .execute();
    expect(stored.map((r) => r.number).sort()).toEqual([...committed].sort());
    expect(committed).toContain("粤（2026）佛山市不动产权第0000015号");
  });

  it("reuses a rolled-back number for the next registration instead of leaving a hole", async () => {
    const { db } = env.services;
    const input = { office: "231282", year: 2026, kind: "certification" as const };
    const first = await inTransaction(db, (tx) => allocateNumber(tx, input));
    await expect(
      inTransaction(db, async (tx) => {
        await allocateNumber(tx, input);
        throw new ForcedRollback();
      }),
    ).rejects.toBeInstanceOf(ForcedRollback);
    const second = await inTransaction(db, (tx) => allocateNumber(tx, input));
    expect(first.number).toBe("黑（2026）肇东市不动产证明第0000001号");
    expect(second.number).toBe("黑（2026）肇东市不动产证明第0000002号");
  });

  it("keeps separate series per kind and per year", async () => {
    const { db } = env.services;
    const a = await inTransaction(db, (tx) =>
      allocateNumber(tx, { office: "231221", year: 2025, kind: "certificate" }),
    );
    const b = await inTransaction(db, (tx) =>
      allocateNumber(tx, { office: "231221", year: 2026, kind: "certificate" }),
    );
    const c = await inTransaction(db, (tx) =>
      allocateNumber(tx, { office: "231221", year: 2026, kind: "certification" }),
    );
    expect([a.sequence, b.sequence, c.sequence]).toEqual([1, 1, 1]);
    expect(a.number).toBe("黑（2025）望奎县不动产权第0000001号");
  });

  it("refuses an office with no GB/T 2260 county", async () => {
    await expect(
      inTransaction(env.services.db, (tx) =>
        allocateNumber(tx, { office: "449999", year: 2026, kind: "certificate" }),
      ),
    ).rejects.toMatchObject({ code: "CERTIFICATE.OFFICE_UNKNOWN" });
  });
});
