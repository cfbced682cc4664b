import { describe, expect, it } from "vitest";
import {
  accept,
  api,
  blocks,
  codes,
  court,
  env,
  file,
  findingsNow,
  g,
  mortgage,
  of,
  register,
  review,
  sale,
  seize,
  startRulesServer,
} from "./rules-support";

/**
 * R13–R19, limited rights (他项权利): mortgages and their rank, habitation rights, easements.
 */
startRulesServer();

describe("R1–R29 through the server", () => {
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
});
