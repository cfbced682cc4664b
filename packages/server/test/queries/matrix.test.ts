import { fieldsFor, QUERY_KIND_RULES, QUERY_SCOPES, type QuerentKind, type QueryScope } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv, type Http, http } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { applyAndAnswer, LI_CHEN_HOME, LI_ID, logCount, ZHANG_HOME, ZHANG_ID } from "./support";

let env: TestEnv;
let api: Http;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
});
afterAll(async () => closeEnv(env));

/** The querent kinds an account of the demo may act as, with the account used. */
const QUERENTS: Array<{ kind: QuerentKind; who: string }> = [
  { kind: "holder", who: "citizen.zhang" },
  { kind: "heir", who: "citizen.zhang" },
  { kind: "guardian", who: "citizen.zhang" },
  { kind: "administrator", who: "citizen.zhang" },
  { kind: "interested", who: "citizen.zhang" },
  { kind: "intent", who: "citizen.zhang" },
  { kind: "lawyer", who: "citizen.zhang" },
  { kind: "notary", who: "notary.chancheng" },
  { kind: "court", who: "court.chancheng" },
];

const MASKED_ID = /^\d{3}\*{11}[\dX]{4}$/;

function bodyFor(kind: QuerentKind, scope: QueryScope, own: boolean) {
  const subject =
    scope === "holdings"
      ? { kind: "person", value: own && kind !== "court" ? "" : own ? ZHANG_ID : LI_ID }
      : { kind: "unit", value: own ? ZHANG_HOME : LI_CHEN_HOME };
  return {
    querentKind: kind,
    purpose: QUERY_KIND_RULES[kind].purposes[0],
    scope,
    subject,
    proof: ["证明文件 2026-001"],
  };
}

describe("R30 query matrix: querent kind × scope × own/other property", () => {
  for (const { kind, who } of QUERENTS)
    for (const scope of QUERY_SCOPES)
      for (const own of [true, false])
        it(`${kind} (${who}) × ${scope} × ${own ? "own" : "other"} property`, async () => {
          const before = await logCount(env);
          const { applied, final } = await applyAndAnswer(api, who, bodyFor(kind, scope, own));
          const after = await logCount(env);
          const allowed = QUERY_KIND_RULES[kind].scopes.includes(scope);
          if (!allowed) {
            expect(applied.status).toBe(400);
            expect(applied.body.code).toBe("QUERY.INVALID_APPLICATION");
            expect(after - before).toBe(0); // nothing logged, nothing disclosed
            return;
          }
          if (kind === "holder" && !own) {
            expect(applied.status).toBe(403);
            expect(applied.body.code).toBe("QUERY.NOT_HOLDER");
            expect(applied.body.details.findings[0].message_zh).toMatch(/不符合查询条件/);
            expect(JSON.stringify(applied.body)).not.toMatch(/李娜|陈静/);
            expect(after - before).toBe(1); // the refusal is logged as refused
            return;
          }
          // One row for the application, one more when a clerk decided it.
          const queued = applied.body.status === "pending";
          expect(after - before).toBe(queued ? 2 : 1);
          expect(final.status).toBe(applied.status === 201 && !queued ? 201 : 200);
          expect(final.body.status).toBe("answered");
          const answers = final.body.result.answers as Array<Record<string, unknown>>;
          const fields = fieldsFor(kind, scope);
          expect(answers.length).toBeGreaterThan(0);
          for (const a of answers) {
            expect(a.natural).not.toBeNull();
            expect(a.flags === null).toBe(!fields.flags);
            expect(a.restrictions === null).toBe(!fields.restrictions);
            expect(a.history === null).toBe(!fields.history);
            if (!fields.rights) {
              expect(a.rights).toBeNull();
              expect(JSON.stringify(a)).not.toMatch(/张伟|李娜|陈静|\*{5}/);
              continue;
            }
            const holders = (
              a.rights as Array<{ holders: Array<{ name: string; idNumber: string }> }>
            ).flatMap((r) => r.holders);
            expect(holders.length).toBeGreaterThan(0);
            for (const h of holders) {
              if (fields.holderName === "present") expect(h.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
              if (fields.holderId === "present") expect(h.idNumber).toMatch(/^\d{17}[\dX]$/);
              if (fields.holderId === "masked") expect(h.idNumber).toMatch(MASKED_ID);
            }
            if (scope !== "holdings" && own) expect(holders.map((h) => h.name)).toEqual(["张伟"]);
            if (fields.holderId === "present" && own && scope !== "holdings")
              expect(holders[0]!.idNumber).toBe(ZHANG_ID);
          }
        });
});
