import { parseCertificateNumber } from "@yulin/domain";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastSequence } from "../../src/certificates/certificate-number.repository";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { bankMortgageCase } from "./mortgage-case";
import { closeEnv, type Given, given, type Http, http } from "./support";

/**
 * Gapless certificate numbers per office and year through whole registrations (docs/register.md,
 * "What stays serial"): concurrent instant registrations in one office get distinct consecutive
 * numbers, and a registration that rolls back after its number was taken leaves no hole.
 */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

/**
 * Makes one case's registration fail at COMMIT, after everything including its number: a deferred
 * constraint trigger on the certificate row it inserts. The fault of a real commit (a lost
 * connection, a serialisation failure), injected in the database, not in the code under test.
 */
async function failAtCommit(caseId: string): Promise<void> {
  await sql
    .raw(`
    create or replace function test_fail_at_commit() returns trigger language plpgsql as $$
    begin
      if new.case_id = '${caseId}' then raise exception 'forced failure at commit of %', new.case_id; end if;
      return new;
    end $$;
    drop trigger if exists test_fail_at_commit on certificates;
    create constraint trigger test_fail_at_commit after insert on certificates
      deferrable initially deferred for each row execute function test_fail_at_commit();
  `)
    .execute(env.services.db);
}

describe("certificate numbers of concurrent registrations", () => {
  it("are distinct and consecutive per office and year; a registration rolled back at commit leaves no gap", async () => {
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear(); // the registration date is China's
    const series = { office: "440604", year, kind: "certification" as const };
    const flats = [];
    for (let i = 0; i < 6; i++) flats.push(await g.flat({ holders: ["citizen.zhang"] }));
    const ids = [];
    for (const flat of flats) ids.push(await bankMortgageCase(api, flat.unitCode));
    const doomed = ids[2]!;
    await failAtCommit(doomed);
    const before = await lastSequence(env.services.db, series);

    const answers = await Promise.all(ids.map((id) => api.post("bank.gongshang", `/api/cases/${id}/submit`)));

    const failed = answers[2]!;
    expect(failed.status).toBe(500);
    const stage = await env.services.db
      .selectFrom("cases")
      .select("stage")
      .where("id", "=", doomed)
      .executeTakeFirstOrThrow();
    expect(stage.stage).toBe("draft");
    const committed = answers.filter((_, i) => i !== 2);
    for (const a of committed) {
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.body.instant).toEqual({ route: "automatic" });
    }
    const sequences = committed.map((a) => {
      const parsed = parseCertificateNumber(a.body.certificates[0].number, { kind: "certification" });
      if (!parsed.ok) throw new Error(a.body.certificates[0].number);
      return parsed.value.sequence;
    });
    expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 5 }, (_, i) => before + 1 + i));
    expect(await lastSequence(env.services.db, series)).toBe(before + 5);
    const doomedCertificates = await env.services.db
      .selectFrom("certificates")
      .select("number")
      .where("case_id", "=", doomed)
      .execute();
    expect(doomedCertificates).toEqual([]);

    // The next registration takes the number after the last committed one.
    await sql`drop trigger test_fail_at_commit on certificates`.execute(env.services.db);
    const retried = await api.post("bank.gongshang", `/api/cases/${doomed}/submit`);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    const next = parseCertificateNumber(retried.body.certificates[0].number, { kind: "certification" });
    expect(next.ok && next.value.sequence).toBe(before + 6);
  });
});
