import { describe, expect, it } from "vitest";
import type { EncumbranceRecord, HolderRecord, RightRecord, UnitRecord } from "../register/register.types";
import {
  answerFor,
  checkApplication,
  checkIntentQuota,
  decideQuery,
  fieldsFor,
  needsApproval,
  QUERENT_KINDS,
  QUERY_KIND_RULES,
  QUERY_SCOPES,
  type QuerentKind,
  type QueryScope,
  unitVersion,
} from "./index";

const CODE = "440604001002GB00001F00010006";
const unit: UnitRecord = {
  jurisdiction: "440604",
  unitCode: CODE,
  parcelCode: CODE.slice(0, 19),
  fixture: "F",
  buildingNo: "0001",
  roomNo: "0006",
  floor: 2,
  roomLabel: "202",
  buildingArea: 89.5,
  innerArea: 75.2,
  sharedArea: 14.3,
  use: "11",
  structure: "2",
  address: "禅城区岭南花园1座202",
  status: "current",
} as UnitRecord;
const right = {
  jurisdiction: "440604",
  unitCode: CODE,
  seq: 10,
  registeredAt: "2025-01-02T00:00:00.000Z",
  status: "current",
  endedSeq: null,
  endReason: null,
  rightType: "4",
  nature: null,
  use: "11",
  area: 89.5,
  termStart: null,
  termEnd: null,
  source: "买卖",
  certificateNo: "粤(2025)佛山市不动产权第0000001号",
  coOwnership: "0",
} as RightRecord;
const holder = {
  jurisdiction: "440604",
  unitCode: CODE,
  rightSeq: 10,
  ordinal: 1,
  name: "张伟",
  holderType: "1",
  idType: "1",
  idNumberEnc: "enc",
  idNumberHash: "hash",
  idNumberMasked: "440***********1012",
  share: null,
  idNumber: "440604198503121012",
} as HolderRecord & { idNumber: string };
const mortgage = {
  jurisdiction: "440604",
  unitCode: CODE,
  seq: 12,
  kind: "mortgage",
  holderName: "中国工商银行佛山分行",
  status: "effective",
  rank: 1,
  amount: 800000,
  documentNo: "DY-1",
  startsOn: null,
  endsOn: null,
  registeredAt: "2025-01-03T00:00:00.000Z",
  updatedSeq: 12,
  endedSeq: null,
} as unknown as EncumbranceRecord;
const book = { unit, rights: [{ right, holders: [holder] }], encumbrances: [mortgage] };

describe("R30 matrix: what each querent kind gets for each scope", () => {
  const expected: Record<QuerentKind, { name: string | null; id: string | null }> = {
    holder: { name: "张伟", id: "440604198503121012" },
    heir: { name: "张伟", id: "440604198503121012" },
    guardian: { name: "张伟", id: "440604198503121012" },
    administrator: { name: "张伟", id: "440604198503121012" },
    interested: { name: "张伟", id: "440***********1012" },
    intent: { name: null, id: null },
    lawyer: { name: "张伟", id: "440***********1012" },
    notary: { name: "张伟", id: "440***********1012" },
    court: { name: "张伟", id: "440604198503121012" },
    procuratorate: { name: "张伟", id: "440604198503121012" },
    supervisory: { name: "张伟", id: "440604198503121012" },
    security: { name: "张伟", id: "440604198503121012" },
  };
  for (const kind of QUERENT_KINDS)
    for (const scope of QUERY_SCOPES) {
      const allowed = QUERY_KIND_RULES[kind].scopes.includes(scope);
      it(`${kind} × ${scope}: ${allowed ? "fields per §8" : "not allowed"}`, () => {
        const app = {
          kind,
          scope,
          purpose: QUERY_KIND_RULES[kind].purposes[0]!,
          subjectKind: scope === "holdings" ? ("person" as const) : ("unit" as const),
          proof: ["文书"],
        };
        const findings = checkApplication(app).map((f) => f.code);
        if (!allowed) {
          expect(findings).toContain("QUERY.SCOPE_NOT_ALLOWED");
          return;
        }
        expect(findings).toEqual([]);
        const answer = answerFor(book, fieldsFor(kind, scope));
        expect(answer.natural?.buildingArea).toBe(89.5);
        if (scope === "status") {
          expect(answer.flags).toEqual({
            coOwned: false,
            mortgaged: true,
            advanceNotice: false,
            objection: false,
            seized: false,
          });
          expect(answer.rights).toBeNull();
          expect(answer.restrictions).toBeNull();
          expect(JSON.stringify(answer)).not.toContain("张");
          return;
        }
        expect(answer.rights?.[0]?.holders[0]).toEqual({
          name: expected[kind].name,
          idNumber: expected[kind].id,
          share: null,
        });
        expect(answer.restrictions !== null).toBe(scope !== "holdings");
        expect(answer.history !== null).toBe(scope === "full");
        expect(answer.materials !== null).toBe(scope === "full");
      });
    }

  it("the intent-only answer never names or numbers the holder, whatever the scope asked", () => {
    for (const scope of QUERY_SCOPES) {
      const f = fieldsFor("intent", scope);
      if (scope === "status") expect([f.holderName, f.holderId]).toEqual(["absent", "absent"]);
    }
    expect(QUERY_KIND_RULES.intent.scopes).toEqual(["status"]);
  });
});

describe("applications", () => {
  const base = {
    kind: "intent" as const,
    purpose: "sale" as const,
    scope: "status" as const,
    subjectKind: "unit" as const,
    proof: [],
  };

  it("refuses a purpose the querent's kind may not state", () => {
    expect(checkApplication({ ...base, purpose: "investigation" }).map((f) => f.code)).toEqual([
      "QUERY.PURPOSE_NOT_ALLOWED",
    ]);
  });

  it("interested parties search by unit, never by person (查询办法 第20条)", () => {
    const codes = checkApplication({
      ...base,
      kind: "interested",
      scope: "results",
      subjectKind: "person",
      proof: ["合同"],
    });
    expect(codes.map((f) => f.code)).toEqual(["QUERY.SUBJECT_NOT_ALLOWED"]);
  });

  it("material-backed kinds must present proof", () => {
    for (const kind of ["interested", "lawyer", "notary", "heir", "court"] as QuerentKind[]) {
      const rule = QUERY_KIND_RULES[kind];
      const app = {
        kind,
        purpose: rule.purposes[0]!,
        scope: "results" as QueryScope,
        subjectKind: "unit" as const,
        proof: [],
      };
      expect(checkApplication(app).map((f) => f.code)).toEqual(["QUERY.PROOF_MISSING"]);
    }
  });

  it("queues proof-backed and original-material scopes for a clerk, answers the rest at once", () => {
    expect(needsApproval("intent", "status")).toBe(false);
    expect(needsApproval("holder", "results")).toBe(false);
    expect(needsApproval("holder", "full")).toBe(true);
    expect(needsApproval("interested", "results")).toBe(true);
    expect(needsApproval("lawyer", "results")).toBe(true);
    expect(needsApproval("notary", "results")).toBe(true);
    expect(needsApproval("heir", "results")).toBe(true);
    expect(needsApproval("court", "results")).toBe(false);
    expect(needsApproval("court", "full")).toBe(true);
  });

  it("refuses with written reasons: unit not registered, holder who does not hold it", () => {
    const unregistered = decideQuery(
      { kind: "intent", scope: "status" },
      { registered: false, querentHolds: false },
    );
    expect(unregistered).toMatchObject({ kind: "refuse", reason: { code: "QUERY.UNIT_NOT_REGISTERED" } });
    const notHolder = decideQuery(
      { kind: "holder", scope: "results" },
      { registered: true, querentHolds: false },
    );
    expect(notHolder).toMatchObject({ kind: "refuse", reason: { code: "QUERY.NOT_HOLDER" } });
    if (notHolder.kind === "refuse") expect(notHolder.reason.message_zh).toMatch(/不符合查询条件/);
    expect(
      decideQuery({ kind: "holder", scope: "results" }, { registered: true, querentHolds: true }),
    ).toEqual({
      kind: "answer",
    });
    expect(
      decideQuery({ kind: "lawyer", scope: "results" }, { registered: true, querentHolds: false }),
    ).toEqual({
      kind: "queue",
    });
  });
});

describe("quotas and versions", () => {
  it("allows up to the level's daily quota, then blocks", () => {
    expect(checkIntentQuota({ level: "verified", used: 9, blocked: false })).toEqual({
      ok: true,
      remaining: 0,
    });
    expect(checkIntentQuota({ level: "verified", used: 10, blocked: false })).toEqual({
      ok: false,
      block: true,
      limit: 10,
    });
    expect(checkIntentQuota({ level: "verified", used: 0, blocked: true })).toMatchObject({
      ok: false,
      block: false,
    });
    expect(checkIntentQuota({ level: "unverified", used: 0, blocked: false })).toMatchObject({ ok: false });
  });

  it("a unit's version moves with any right or restriction entry", () => {
    expect(unitVersion(book)).toBe(12);
    expect(unitVersion({ ...book, encumbrances: [{ ...mortgage, status: "historic", endedSeq: 20 }] })).toBe(
      20,
    );
  });
});
