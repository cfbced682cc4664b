import { findBusinessType, findCombinedType } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { clearTaxAndFees, closeEnv, type Given, given, type Http, http, uploadMaterials } from "./support";

/**
 * R1–R29 through the server: each scenario files a case over the HTTP API against a register
 * built with the register's own append, and shows the refused or allowed outcome with the
 * finding's rule id (the domain has the pure per-rule tests).
 */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_PUBLIC_URL: "http://yulin.test" });
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

type Finding = { rule: string; code: string; severity: string; commitment: { recorded: boolean } | null };
type PartSpec = { details?: Record<string, unknown>; parties: Array<Record<string, unknown>> };

const STAFF = {
  acceptor: "chancheng.shouli",
  reviewer: "chancheng.shenhe",
  registrar: "chancheng.dengbu",
  issuer: "chancheng.fazheng",
};
const codes = (findings: Finding[]) => findings.map((f) => f.code);
const blocks = (findings: Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule && f.severity === "block");
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

const typesOf = (typeId: string) =>
  findBusinessType(typeId) ? [typeId] : (findCombinedType(typeId)?.parts.map((p) => p.typeId) ?? []);

/** Files a case: create, upload every material (but `skip`), confirm by each party's account, submit. */
async function file(spec: {
  typeId: string;
  unitCode: string;
  by: string;
  parts: PartSpec[];
  confirm?: string[];
  skip?: string[];
  submit?: boolean;
}) {
  const created = await api.post(spec.by, "/api/cases", {
    typeId: spec.typeId,
    unitCode: spec.unitCode,
    parts: spec.parts,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, spec.by, id, typesOf(spec.typeId), spec.skip ?? []);
  const signers = spec.confirm ?? [
    ...new Set(
      spec.parts.flatMap((p) =>
        p.parties.filter((x) => x.role !== "agent" && x.role !== "helper").map((x) => x.account as string),
      ),
    ),
  ];
  for (const who of signers) {
    const r = await api.post(who, `/api/cases/${id}/confirm`);
    expect(r.status, `${who} confirms: ${JSON.stringify(r.body)}`).toBe(200);
  }
  if (spec.submit === false) return { id, findings: [] as Finding[], submitted: null };
  const submitted = await api.post(spec.by, `/api/cases/${id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return { id, findings: submitted.body.findings as Finding[], submitted: submitted.body };
}

const sale = (
  unitCode: string,
  details: Record<string, unknown> = {},
  seller = "citizen.zhang",
  buyer = "citizen.li",
) => ({
  typeId: "transfer.sale",
  unitCode,
  by: buyer,
  parts: [
    {
      details: { coOwnership: "sole", ...details },
      parties: [
        { role: "right-holder", account: buyer },
        { role: "obligor", account: seller },
      ],
    },
  ],
});

const mortgage = (unitCode: string, details: Record<string, unknown> = {}, mortgagor = "citizen.zhang") => ({
  typeId: "mortgage.first.general",
  unitCode,
  by: "bank.gongshang",
  parts: [
    {
      details: { mortgage: { amount: 50_000_000, debtEnd: "2046-12-31" }, ...details },
      parties: [
        { role: "right-holder", account: "bank.gongshang" },
        { role: "obligor", account: mortgagor },
      ],
    },
  ],
});

const seize = (unitCode: string, details: Record<string, unknown>) => ({
  typeId: "seizure.seize",
  unitCode,
  by: "court.chancheng",
  parts: [
    {
      details,
      parties: [
        { role: "instructing-authority", account: "court.chancheng" },
        { role: "obligor", account: "citizen.zhang" },
      ],
    },
  ],
});

const act = (who: string, id: string, action: string, body: unknown = {}) =>
  api.post(who, `/api/cases/${id}/${action}`, body);
const accept = (id: string) => act(STAFF.acceptor, id, "accept");
const review = (id: string) => act(STAFF.reviewer, id, "review");
const register = (id: string) => act(STAFF.registrar, id, "register");
const findingsNow = async (id: string, stage = "submit") =>
  (await api.get(STAFF.reviewer, `/api/cases/${id}/findings?stage=${stage}`)).body.findings as Finding[];

let courtId: string;
const court = async () => {
  courtId ??= await g.institutionId("court.chancheng");
  return courtId;
};

describe("R1–R29 through the server", () => {
  it("R1 the register decides: a certificate that differs from the register is refused; the registered one is accepted", async () => {
    const flat = await g.flat();
    const wrong = await file(
      sale(flat.unitCode, { presentedCertificate: "粤（2019）佛山市不动产权第0000001号" }),
    );
    expect(codes(blocks(wrong.findings, "R1"))).toEqual(["R1.CERTIFICATE_MISMATCH"]);
    const refused = await accept(wrong.id);
    expect(refused.status).toBe(409);
    expect(codes(refused.body.details.findings)).toContain("R1.CERTIFICATE_MISMATCH");
    const right = await file(sale(flat.unitCode, { presentedCertificate: flat.certificateNo }));
    expect(of(right.findings, "R1")).toEqual([]);
    expect((await accept(right.id)).status).toBe(200);
  });

  it("R2 first registration first: a mortgage on an unregistered flat is refused; its first registration is registered", async () => {
    const flat = await g.flat({ registered: false, landHolders: ["citizen.zhang"] });
    const refused = await file(mortgage(flat.unitCode));
    expect(codes(blocks(refused.findings, "R2"))).toEqual(["R2.NO_FIRST_REGISTRATION"]);
    expect(refused.submitted!.instant.route).toBe("human");
    const first = await file({
      typeId: "first.house.state-land",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [
        {
          details: {
            right: {
              rightType: "4",
              nature: "102",
              use: "0701",
              area: 98.5,
              termStart: "2000-01-01",
              termEnd: "2069-12-31",
            },
          },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
    });
    expect(blocks(first.findings, "R2")).toEqual([]);
    expect((await accept(first.id)).status).toBe(200);
    expect((await review(first.id)).status).toBe(200);
    const registered = await register(first.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.certificates[0].kind).toBe("certificate");
    const again = await file(mortgage(flat.unitCode));
    expect(blocks(again.findings, "R2")).toEqual([]);
    expect(again.submitted!.stage).toBe("certified");
  });

  it("R3 house and land together: selling the house without its land is refused, as is a house to another holder than the land's", async () => {
    const flat = await g.flat();
    const split = await file(sale(flat.unitCode, { scope: "house-only" }));
    expect(codes(blocks(split.findings, "R3"))).toEqual(["R3.SPLITS_HOUSE_AND_LAND"]);
    const unregistered = await g.flat({ registered: false, landHolders: ["citizen.zhang"] });
    const other = await file({
      typeId: "first.house.state-land",
      unitCode: unregistered.unitCode,
      by: "citizen.li",
      parts: [
        {
          details: { right: { rightType: "4" } },
          parties: [{ role: "right-holder", account: "citizen.li" }],
        },
      ],
    });
    expect(codes(blocks(other.findings, "R3"))).toEqual(["R3.HOLDER_SPLIT"]);
    const together = await file(sale(flat.unitCode, { scope: "house-and-land" }));
    expect(blocks(together.findings, "R3")).toEqual([]);
  });

  it("R4 who applies: a transfer the seller has not confirmed is not accepted until the seller signs", async () => {
    const flat = await g.flat();
    const filed = await file({ ...sale(flat.unitCode), confirm: ["citizen.li"] });
    expect(codes(blocks(filed.findings, "R4"))).toEqual(["R4.UNSIGNED_OBLIGOR"]);
    expect((await accept(filed.id)).status).toBe(409);
    expect((await api.post("citizen.zhang", `/api/cases/${filed.id}/confirm`)).status).toBe(200);
    const accepted = await accept(filed.id);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(blocks(accepted.body.findings, "R4")).toEqual([]);
  });

  it("R5 current holder only: someone who is not the registered holder cannot sell", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const filed = await file(sale(flat.unitCode, {}, "citizen.chen"));
    expect(codes(blocks(filed.findings, "R5"))).toEqual(["R5.NOT_THE_HOLDER"]);
    const holder = await file(sale(flat.unitCode));
    expect(blocks(holder.findings, "R5")).toEqual([]);
  });

  it("R6 co-owners: joint property is sold only with every owner", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang", "citizen.chen"], coOwnership: "1" });
    const one = await file(sale(flat.unitCode));
    expect(codes(blocks(one.findings, "R6"))).toEqual(["R6.ALL_OWNERS"]);
    const both = await file({
      ...sale(flat.unitCode),
      parts: [
        {
          details: { coOwnership: "sole" },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
            { role: "obligor", account: "citizen.chen" },
          ],
        },
      ],
    });
    expect(blocks(both.findings, "R6")).toEqual([]);
  });

  it("R7 seizure blocks disposal: a sale of a seized flat is refused; the mortgagee's cancellation is still registered", async () => {
    const flat = await g.flat();
    const m = await g.mortgage(flat.unitCode);
    await g.seizure(flat.unitCode);
    const refused = await file(sale(flat.unitCode));
    expect(codes(blocks(refused.findings, "R7"))).toEqual(["R7.UNIT_SEIZED"]);
    const cancel = await file({
      typeId: "mortgage.cancel",
      unitCode: flat.unitCode,
      by: "bank.gongshang",
      parts: [
        {
          details: { mortgage: { targetMortgageId: m } },
          parties: [{ role: "right-holder", account: "bank.gongshang" }],
        },
      ],
    });
    expect(of(cancel.findings, "R7")).toEqual([]);
    expect(cancel.submitted!.stage).toBe("registered");
  });

  it("R8 waiting seizures: a second court's seizure waits and takes effect when the first is released (the mortgagee is told)", async () => {
    const flat = await g.flat();
    await g.mortgage(flat.unitCode);
    const first = await g.seizure(flat.unitCode, { deliveredAt: "2026-01-01T09:00:00+08:00" });
    const second = await file(
      seize(flat.unitCode, {
        seizure: {
          court: await court(),
          deliveredAt: "2026-11-01T10:00:00+08:00",
          periodStart: "2026-11-01",
          periodEnd: "2029-10-31",
        },
      }),
    );
    expect(codes(of(second.findings, "R8"))).toEqual(["R8.WILL_WAIT"]);
    expect(second.submitted!.stage).toBe("registered");
    const waiting = String(second.submitted!.entries[0]);
    const status = async (seq: string) =>
      (
        await env.services.db
          .selectFrom("encumbrances")
          .select("status")
          .where("seq", "=", Number(seq))
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status(waiting)).toBe("waiting");
    const release = await file({
      typeId: "seizure.release",
      unitCode: flat.unitCode,
      by: "court.chancheng",
      parts: [
        {
          details: {
            seizure: {
              court: await court(),
              deliveredAt: "2026-11-20T10:00:00+08:00",
              periodStart: "2026-01-01",
              periodEnd: "2028-12-31",
              targetSeizureId: first,
            },
          },
          parties: [{ role: "instructing-authority", account: "court.chancheng" }],
        },
      ],
    });
    expect(codes(of(release.findings, "R8"))).toEqual(["R8.NEXT_TAKES_EFFECT"]);
    expect(release.submitted!.stage).toBe("registered");
    expect([await status(first), await status(waiting)]).toEqual(["historic", "effective"]);
    const told = await env.services.db
      .selectFrom("outbox")
      .select("idempotency_key")
      .where("topic", "=", "bank.collateral-event")
      .where("idempotency_key", "like", `%${release.id}:0:collateral-seized`)
      .execute();
    expect(told).toHaveLength(1);
  });

  it("R9 seizure period: more than three years is refused (to a reviewer); three years is registered at once", async () => {
    const flat = await g.flat();
    const long = await file(
      seize(flat.unitCode, {
        seizure: {
          court: await court(),
          deliveredAt: "2026-11-01T10:00:00+08:00",
          periodStart: "2026-11-01",
          periodEnd: "2030-11-02",
        },
      }),
    );
    expect(codes(blocks(long.findings, "R9"))).toEqual(["R9.PERIOD_TOO_LONG"]);
    expect(long.submitted!.instant.route).toBe("human");
    const ok = await file(
      seize(flat.unitCode, {
        seizure: {
          court: await court(),
          deliveredAt: "2026-11-01T10:00:00+08:00",
          periodStart: "2026-11-01",
          periodEnd: "2029-10-31",
        },
      }),
    );
    expect(blocks(ok.findings, "R9")).toEqual([]);
    expect(ok.submitted!.stage).toBe("registered");
  });

  it("R10 advance notice: a sale without the notice holder's written consent is refused; with it, allowed", async () => {
    const flat = await g.flat();
    const notice = await g.advanceNotice(flat.unitCode, { holder: "citizen.li" });
    const filed = await file(sale(flat.unitCode, {}, "citizen.zhang", "citizen.chen"));
    expect(codes(blocks(filed.findings, "R10"))).toEqual(["R10.NO_CONSENT"]);
    expect(
      (
        await api.post("citizen.li", `/api/cases/${filed.id}/consents`, {
          kind: "advance-notice-holder",
          refId: notice,
        })
      ).status,
    ).toBe(200);
    expect(blocks(await findingsNow(filed.id), "R10")).toEqual([]);
    expect((await accept(filed.id)).status).toBe(200);
  });

  it("R11 advance notice lapse and conversion: converting a notice that does not exist is refused; a new notice says when it lapses", async () => {
    const flat = await g.flat();
    const convert = await file(sale(flat.unitCode, { fromAdvanceNoticeId: "999999" }));
    expect(codes(blocks(convert.findings, "R11"))).toEqual(["R11.NOT_VALID"]);
    const notice = await file({
      typeId: "advance-notice.sale",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [
        {
          details: {},
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(codes(of(notice.findings, "R11"))).toEqual(["R11.LAPSES"]);
    expect(notice.submitted!.stage).toBe("certified");
  });

  it("R12 objection: a sale waits for the buyer's signed risk statement, then proceeds", async () => {
    const flat = await g.flat();
    const objection = await g.objection(flat.unitCode, { by: "citizen.chen" });
    const filed = await file(sale(flat.unitCode));
    const r12 = of(filed.findings, "R12");
    expect(r12.map((f) => [f.code, f.severity, f.commitment?.recorded])).toEqual([
      ["R12.OBJECTION_EXISTS", "warn", false],
    ]);
    const refused = await accept(filed.id);
    expect(refused.status).toBe(409);
    expect(codes(refused.body.details.findings)).toEqual(["R12.OBJECTION_EXISTS"]);
    expect(
      (await api.post("citizen.li", `/api/cases/${filed.id}/risk-statements`, { objectionId: objection }))
        .status,
    ).toBe(200);
    const accepted = await accept(filed.id);
    expect(accepted.status).toBe(200);
    expect(of(accepted.body.findings, "R12")[0]!.commitment!.recorded).toBe(true);
  });

  it("R13 mortgage follows the property: a mortgage registered before 2021 needs the mortgagee's consent to a sale", async () => {
    const flat = await g.flat();
    const m = await g.mortgage(flat.unitCode, { at: new Date("2020-06-01T02:00:00Z") });
    const filed = await file(sale(flat.unitCode));
    expect(codes(blocks(filed.findings, "R13"))).toEqual(["R13.MORTGAGEE_CONSENT"]);
    expect(
      (await api.post("bank.gongshang", `/api/cases/${filed.id}/consents`, { kind: "mortgagee", refId: m }))
        .status,
    ).toBe(200);
    const now = await findingsNow(filed.id);
    expect(codes(of(now, "R13"))).toEqual(["R13.MORTGAGE_STAYS"]);
  });

  it("R14 rank: a new mortgage ranks second; raising the first mortgage's amount needs the later mortgagee's consent", async () => {
    const flat = await g.flat();
    const m1 = await g.mortgage(flat.unitCode);
    const second = await file(mortgage(flat.unitCode));
    expect(of(second.findings, "R14").map((f) => [f.code, f.severity])).toEqual([["R14.RANK", "info"]]);
    expect(second.submitted!.stage).toBe("certified");
    const rank = await env.services.db
      .selectFrom("encumbrances")
      .select("rank")
      .where("seq", "=", second.submitted!.entries[0])
      .executeTakeFirstOrThrow();
    expect(rank.rank).toBe(2);
    // The later mortgage belongs to another bank in this scenario: the same bank would consent by applying.
    await env.services.db
      .updateTable("encumbrances")
      .set({ holder_id_hash: "0".repeat(64), holder_name: "另一银行" })
      .where("seq", "=", second.submitted!.entries[0])
      .execute();
    const change = await file({
      typeId: "mortgage.change",
      unitCode: flat.unitCode,
      by: "bank.gongshang",
      parts: [
        {
          details: { mortgage: { targetMortgageId: m1, amount: 200_000_000 } },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(codes(blocks(change.findings, "R14"))).toEqual(["R14.LATER_RANK_CONSENT"]);
  });

  it("R15 not mortgageable: a hospital facility is refused", async () => {
    const hospital = await g.flat({ use: "42" });
    const refused = await file(mortgage(hospital.unitCode));
    expect(codes(blocks(refused.findings, "R15"))).toEqual(["R15.PUBLIC_INTEREST"]);
    const flat = await g.flat();
    expect(blocks((await file(mortgage(flat.unitCode))).findings, "R15")).toEqual([]);
  });

  it("R16 building under construction: its first registration must convert the construction mortgage in the same case", async () => {
    const flat = await g.flat({ registered: false, landHolders: ["citizen.zhang"] });
    const m = await g.mortgage(flat.unitCode, { construction: true });
    const right = {
      rightType: "4",
      nature: "102",
      use: "0701",
      area: 98.5,
      termStart: "2000-01-01",
      termEnd: "2069-12-31",
    };
    const alone = await file({
      typeId: "first.house.state-land",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [{ details: { right }, parties: [{ role: "right-holder", account: "citizen.zhang" }] }],
    });
    expect(codes(blocks(alone.findings, "R16"))).toEqual(["R16.CONVERT_ON_COMPLETION"]);
    const together = await file({
      typeId: "combined.completion-with-mortgage-conversion",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [
        { details: { right }, parties: [{ role: "right-holder", account: "citizen.zhang" }] },
        {
          details: { mortgage: { targetMortgageId: m } },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(blocks(together.findings, "R16")).toEqual([]);
    expect((await accept(together.id)).status).toBe(200);
    expect((await review(together.id)).status).toBe(200);
    const registered = await register(together.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const converted = await env.services.db
      .selectFrom("encumbrances")
      .select("particulars")
      .where("seq", "=", Number(m))
      .executeTakeFirstOrThrow();
    expect(converted.particulars).toMatchObject({ construction: false });
  });

  it("R17 maximum-amount mortgage: fixing a general mortgage is refused; a seizure tells the maximum mortgagee", async () => {
    const flat = await g.flat();
    const general = await g.mortgage(flat.unitCode);
    const fix = await file({
      typeId: "mortgage.fix",
      unitCode: flat.unitCode,
      by: "bank.gongshang",
      parts: [
        {
          details: { mortgage: { targetMortgageId: general, fixingEvent: "no-new-debt" } },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(codes(blocks(fix.findings, "R17"))).toEqual(["R17.NOT_FIXABLE"]);
    const other = await g.flat();
    await g.mortgage(other.unitCode, { method: "maximum" });
    const seized = await file(
      seize(other.unitCode, {
        seizure: {
          court: await court(),
          deliveredAt: "2026-11-01T10:00:00+08:00",
          periodStart: "2026-11-01",
          periodEnd: "2029-10-31",
        },
      }),
    );
    expect(codes(of(seized.findings, "R17"))).toEqual(["R17.NOTIFY_MORTGAGEE"]);
    expect(seized.submitted!.stage).toBe("registered");
    const outbox = await env.services.db
      .selectFrom("outbox")
      .select("idempotency_key")
      .where("topic", "=", "bank.collateral-event")
      .execute();
    expect(outbox.some((o) => o.idempotency_key.includes(`${seized.id}:0:collateral-seized`))).toBe(true);
  });

  it("R18 habitation right: refused on a shop; created on a home and registered with a certification", async () => {
    const shop = await g.flat({ use: "31" });
    const habitation = (unitCode: string) => ({
      typeId: "habitation.create",
      unitCode,
      by: "citizen.zhang",
      parts: [
        {
          details: { termEnd: "2040-12-31" },
          parties: [
            { role: "right-holder", account: "citizen.wang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    const refused = await file(habitation(shop.unitCode));
    expect(codes(blocks(refused.findings, "R18"))).toEqual(["R18.NOT_A_DWELLING"]);
    const home = await g.flat();
    const allowed = await file(habitation(home.unitCode));
    expect(blocks(allowed.findings, "R18")).toEqual([]);
    for (const step of [accept, review]) expect((await step(allowed.id)).status).toBe(200);
    const registered = await register(allowed.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.certificates[0].kind).toBe("certification");
  });

  it("R19 easement: mortgaging an easement alone is refused; one within the servient right's term is registered", async () => {
    const flat = await g.flat();
    const alone = await file(
      mortgage(flat.unitCode, {
        mortgage: { amount: 1_000_000, debtEnd: "2030-01-01", collateral: "easement" },
      }),
    );
    expect(codes(blocks(alone.findings, "R19"))).toEqual(["R19.MORTGAGED_ALONE"]);
    const dominant = await g.flat({ holders: ["citizen.chen"] });
    const easement = (termEnd: string) => ({
      typeId: "easement.create",
      unitCode: flat.unitCode,
      by: "citizen.chen",
      parts: [
        {
          details: { termEnd, easement: { dominantUnitCode: dominant.unitCode }, documentNo: "通行" },
          parties: [
            { role: "right-holder", account: "citizen.chen" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    const tooLong = await file(easement("2080-12-31"));
    expect(codes(blocks(tooLong.findings, "R19"))).toEqual(["R19.OUTLASTS_USE_RIGHT"]);
    const ok = await file(easement("2060-12-31"));
    expect(codes(of(ok.findings, "R19"))).toEqual(["R19.WHERE_RECORDED"]);
    for (const step of [accept, review]) expect((await step(ok.id)).status).toBe(200);
    expect((await register(ok.id)).status).toBe(200);
    const row = await env.services.db
      .selectFrom("encumbrances")
      .selectAll()
      .where("unit_code", "=", flat.unitCode)
      .where("kind", "=", "easement")
      .executeTakeFirstOrThrow();
    expect(row.related_unit_code).toBe(dominant.unitCode);
  });

  it("R20 announcement: a lost certificate's replacement is reviewed only after its 15-working-day loss notice", async () => {
    const flat = await g.flat();
    const filed = await file({
      typeId: "certificate.replace-lost",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [{ details: {}, parties: [{ role: "right-holder", account: "citizen.zhang" }] }],
    });
    expect(of(filed.findings, "R20").map((f) => [f.code, f.severity])).toEqual([
      ["R20.NOT_COMPLETE", "info"],
    ]);
    expect((await accept(filed.id)).status).toBe(200);
    const early = await review(filed.id);
    expect(early.status).toBe(409);
    expect(codes(early.body.details.findings)).toEqual(["R20.ANNOUNCE_FIRST"]);
    const started = await act(STAFF.reviewer, filed.id, "announcement/start");
    expect(started.body.stage).toBe("announcing");
    const running = await act(STAFF.reviewer, filed.id, "announcement/end");
    expect(running.status).toBe(409);
    expect(codes(running.body.details.findings)).toEqual(["R20.STILL_RUNNING"]);
    // Fifteen working days pass.
    const row = await env.services.db
      .selectFrom("cases")
      .select("state")
      .where("id", "=", filed.id)
      .executeTakeFirstOrThrow();
    const state = row.state as {
      announcement: { startedOn: string; endsOn: string };
      pauses: Array<{ from: string }>;
    };
    state.announcement = { ...state.announcement, startedOn: "2026-01-05", endsOn: "2026-01-26" };
    state.pauses = state.pauses.map((p) => ({ ...p, from: "2026-01-05" }));
    await env.services.db
      .updateTable("cases")
      .set({ state: JSON.stringify(state) })
      .where("id", "=", filed.id)
      .execute();
    expect((await act(STAFF.reviewer, filed.id, "announcement/end")).body.stage).toBe("accepted");
    const reviewed = await review(filed.id);
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(blocks(reviewed.body.findings, "R20")).toEqual([]);
  });

  it("R21 correction: refused when the unit was sold after the error; allowed for a later error", async () => {
    const flat = await g.flat({ registeredAt: new Date("2015-03-01T02:00:00Z") });
    await g.transferred(flat, "citizen.zhang", new Date("2020-05-01T02:00:00Z"));
    const correction = (errorRegisteredOn: string) => ({
      typeId: "correction.application",
      unitCode: flat.unitCode,
      by: "citizen.zhang",
      parts: [
        {
          details: { correction: { errorRegisteredOn } },
          parties: [{ role: "right-holder", account: "citizen.zhang" }],
        },
      ],
    });
    const refused = await file(correction("2016-01-01"));
    expect(codes(blocks(refused.findings, "R21"))).toEqual(["R21.DISPOSED_AFTER_ERROR"]);
    const allowed = await file(correction("2021-01-01"));
    expect(blocks(allowed.findings, "R21")).toEqual([]);
  });

  it("R22 tax first, R26 certificates follow rights: refused at commit until the tax bureau confirms; the old certificate is then void", async () => {
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode, { presentedCertificate: flat.certificateNo }));
    expect(of(filed.findings, "R22").map((f) => [f.code, f.severity])).toEqual([
      ["R22.DEED_TAX", "info"],
      ["R22.FEE", "info"],
    ]);
    expect(codes(of(filed.findings, "R26"))).toEqual(["R26.VOIDS_OLD"]);
    for (const step of [accept, review]) expect((await step(filed.id)).status).toBe(200);
    const refused = await register(filed.id);
    expect(refused.status).toBe(409);
    expect(codes(refused.body.details.findings)).toEqual(["R22.DEED_TAX"]);
    await clearTaxAndFees(env, api, {
      caseId: filed.id,
      unitCode: flat.unitCode,
      staff: STAFF.reviewer,
      buyer: "citizen.li",
      seller: "citizen.zhang",
    });
    const registered = await register(filed.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    // R26: the seller's old certificate no longer counts.
    const resale = await file(
      sale(flat.unitCode, { presentedCertificate: flat.certificateNo }, "citizen.li", "citizen.chen"),
    );
    expect(codes(blocks(resale.findings, "R26"))).toEqual(["R26.VOID_CERTIFICATE"]);
  });

  it("R23 time limits: the deadline counts working days from acceptance; an overdue case is listed for supervisors", async () => {
    const flat = await g.flat();
    const filed = await file(sale(flat.unitCode));
    expect((await accept(filed.id)).status).toBe(200);
    const view = await api.get(STAFF.reviewer, `/api/cases/${filed.id}`);
    expect(view.body.deadline).toMatchObject({ paused: false });
    expect(codes(of(await findingsNow(filed.id, "review"), "R23"))).toEqual(["R23.DEADLINE"]);
    // Accepted two months ago: past the statutory 30 working days.
    const row = await env.services.db
      .selectFrom("cases")
      .select("state")
      .where("id", "=", filed.id)
      .executeTakeFirstOrThrow();
    await env.services.db
      .updateTable("cases")
      .set({
        state: JSON.stringify({ ...(row.state as object), acceptedOn: "2026-08-03" }),
        deadline: "2026-08-06",
        statutory_deadline: "2026-09-14",
      })
      .where("id", "=", filed.id)
      .execute();
    expect(of(await findingsNow(filed.id, "review"), "R23").map((f) => [f.code, f.severity])).toEqual([
      ["R23.STATUTORY_OVERDUE", "warn"],
    ]);
    const overdue = await api.get("chancheng.ducha", "/api/supervision/cases/overdue");
    expect(overdue.status).toBe(200);
    expect(overdue.body.cases.map((c: { id: string }) => c.id)).toContain(filed.id);
    const city = await api.get("foshan.ducha", "/api/supervision/cases/overdue");
    expect(city.body.cases.map((c: { id: string }) => c.id)).toContain(filed.id);
    expect(
      (await api.get("beilin.ducha", "/api/supervision/cases/overdue")).body.cases.map(
        (c: { id: string }) => c.id,
      ),
    ).not.toContain(filed.id);
    expect((await api.get("citizen.li", "/api/supervision/cases/overdue")).status).toBe(404);
    const dueSoon = await api.get("chancheng.ducha", "/api/supervision/cases/due-soon?today=2026-08-05");
    expect(dueSoon.body.cases.map((c: { id: string }) => c.id)).toContain(filed.id);
  });

  it("R24 counting time: a date that is not a calendar date is refused", async () => {
    const flat = await g.flat();
    const filed = await file(
      mortgage(flat.unitCode, { mortgage: { amount: 1_000_000, debtEnd: "2030-02-30" } }),
    );
    expect(codes(blocks(filed.findings, "R24"))).toEqual(["R24.INVALID_DATE"]);
    expect(filed.submitted!.instant.route).toBe("human");
  });

  it("R25 inheritance: the proof of death is required; with the heirs' materials the case is accepted", async () => {
    const flat = await g.flat();
    const inheritance = (skip: string[]) =>
      file({
        typeId: "transfer.inheritance",
        unitCode: flat.unitCode,
        by: "citizen.li",
        skip,
        parts: [
          {
            details: { coOwnership: "sole" },
            parties: [{ role: "heir", account: "citizen.li", heirOrder: 1 }],
          },
        ],
      });
    const missing = await inheritance(["death-proof"]);
    expect(codes(blocks(missing.findings, "R25"))).toEqual(["R25.MATERIAL.death-proof"]);
    const complete = await inheritance([]);
    expect(blocks(complete.findings, "R25")).toEqual([]);
    expect((await accept(complete.id)).status).toBe(200);
  });

  it("R27 terms: an expired industrial right is refused; an expired residential one renews", async () => {
    const factory = await g.flat({ landUse: "0601", use: "21", termEnd: "2020-12-31" });
    const refused = await file(sale(factory.unitCode));
    expect(codes(blocks(refused.findings, "R27"))).toEqual(["R27.EXPIRED"]);
    const home = await g.flat({ termEnd: "2020-12-31" });
    const renewed = await file(sale(home.unitCode));
    expect(of(renewed.findings, "R27").map((f) => [f.code, f.severity])).toEqual([["R27.RENEWED", "info"]]);
  });

  it("R28 withdrawal: before registering the applicant withdraws; after registering it is refused", async () => {
    const flat = await g.flat();
    const pending = await file(sale(flat.unitCode));
    const withdrawn = await api.post("citizen.li", `/api/cases/${pending.id}/withdraw`);
    expect(withdrawn.body.stage).toBe("withdrawn");
    const registered = await file(mortgage(flat.unitCode));
    expect(registered.submitted!.stage).toBe("certified");
    const late = await api.post("bank.gongshang", `/api/cases/${registered.id}/withdraw`);
    expect(late.status).toBe(409);
    expect(codes(late.body.details.findings)).toEqual(["R28.AFTER_RECORDING"]);
  });

  it("R29 reasons in writing: every missing item at once; non-acceptance needs reasons; correction stops the clock", async () => {
    const flat = await g.flat();
    const filed = await file({ ...sale(flat.unitCode), skip: ["sale-contract", "tax-proof"] });
    expect(codes(blocks(filed.findings, "R29")).sort()).toEqual([
      "R29.MATERIAL.sale-contract",
      "R29.MATERIAL.tax-proof",
    ]);
    const noReasons = await act(STAFF.acceptor, filed.id, "not-accept", { reasons: [" "] });
    expect(noReasons.status).toBe(400);
    expect(codes(noReasons.body.details.findings)).toEqual(["R29.REASONS_REQUIRED"]);
    const correction = await act(STAFF.acceptor, filed.id, "request-correction", {
      items: ["补交网签买卖合同", "补交契税完税凭证"],
    });
    expect(correction.body.stage).toBe("correction");
    const view = await api.get("citizen.li", `/api/cases/${filed.id}`);
    expect(view.body.correctionItems).toEqual(["补交网签买卖合同", "补交契税完税凭证"]);
    await uploadMaterials(api, "citizen.li", filed.id, ["transfer.sale"]);
    const resubmitted = await api.post("citizen.li", `/api/cases/${filed.id}/submit`);
    expect(resubmitted.body.stage).toBe("submitted");
    expect(blocks(resubmitted.body.findings, "R29")).toEqual([]);
    const other = await file({ ...sale(flat.unitCode), skip: ["sale-contract"] });
    const notAccepted = await act(STAFF.acceptor, other.id, "not-accept", {
      reasons: ["缺少网签买卖合同，且申请人拒绝补正"],
    });
    expect(notAccepted.body.stage).toBe("not-accepted");
    const timeline = await api.get("citizen.li", `/api/cases/${other.id}/timeline`);
    expect(timeline.body.entries.at(-1)).toMatchObject({
      to: "not-accepted",
      reasons: ["缺少网签买卖合同，且申请人拒绝补正"],
      office: "440604",
    });
  });
});
