import { describe, expect, it } from "vitest";
import {
  accept,
  act,
  api,
  blocks,
  codes,
  env,
  file,
  g,
  register,
  review,
  STAFF,
  startRulesServer,
} from "./rules-support";
import { givenTaxCleared } from "./support";

/**
 * 带押过户 through the server (DOMAIN-REFERENCE §10, 自然资发〔2023〕29号): the combined mode and the
 * change mode, registered in one transaction in the catalogue's order, and the refusal when the
 * register records a ban on transfer (R13). The segmented mode is in sale-with-mortgage-segmented.
 */
startRulesServer();

const saleOf = (over: Record<string, unknown> = {}) => ({
  details: { coOwnership: "sole", priceFen: 180_000_000, ...over },
  parties: [
    { role: "right-holder", account: "citizen.li" },
    { role: "obligor", account: "citizen.zhang" },
  ],
});
const newMortgage = (bank = "bank.jianshe") => ({
  details: { mortgage: { amount: 100_000_000, debtEnd: "2056-12-31" }, documentNo: "建银抵2026-0001" },
  parties: [
    { role: "right-holder", account: bank },
    { role: "obligor", account: "citizen.li" },
  ],
});
const oldMortgageCancelled = (target: string) => ({
  details: { mortgage: { targetMortgageId: target } },
  parties: [
    { role: "right-holder", account: "bank.gongshang" },
    { role: "obligor", account: "citizen.zhang" },
  ],
});

/** The register entries of a case's registration, in ledger order, with the restriction they touch. */
const entriesOf = async (seqs: number[]) =>
  env.services.db
    .selectFrom("register_entries")
    .select(["seq", "kind"])
    .where("seq", "in", seqs)
    .orderBy("seq")
    .execute();

const liveMortgages = async (unitCode: string) =>
  env.services.db
    .selectFrom("encumbrances")
    .select(["seq", "holder_name", "obligor_name", "status"])
    .where("unit_code", "=", unitCode)
    .where("kind", "=", "mortgage")
    .where("status", "!=", "historic")
    .orderBy("seq")
    .execute();

const currentHolder = async (unitCode: string) =>
  (
    await env.services.db
      .selectFrom("rights")
      .innerJoin("right_holders", (j) =>
        j
          .onRef("right_holders.unit_code", "=", "rights.unit_code")
          .onRef("right_holders.right_seq", "=", "rights.seq"),
      )
      .select("right_holders.name")
      .where("rights.unit_code", "=", unitCode)
      .where("rights.status", "=", "current")
      .execute()
  ).map((r) => r.name);

/** Accepted, reviewed and the tax bureau's confirmation on file: ready for 登簿. */
async function readyToRegister(id: string) {
  expect((await accept(id)).status).toBe(200);
  expect((await review(id)).status).toBe(200);
  await givenTaxCleared(env, id);
}

describe("带押过户 through the server", () => {
  it("combined mode: transfer, the new bank's mortgage and the old one cancelled, in one transaction in §10's order", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file({
      typeId: "combined.sale-with-mortgage.combined",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [saleOf(), newMortgage(), oldMortgageCancelled(old)],
    });
    expect(blocks(filed.findings, "R13")).toEqual([]);
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    await readyToRegister(filed.id);

    // The register preview shows every part, in order, before anything is recorded.
    const view = await api.get(STAFF.registrar, `/api/cases/${filed.id}`);
    expect(view.body.parts.map((p: { typeId: string }) => p.typeId)).toEqual([
      "transfer.sale",
      "mortgage.first.general",
      "mortgage.cancel",
    ]);

    const registered = await register(filed.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.stage).toBe("registered");
    const entries = await entriesOf(registered.body.entries);
    expect(entries.map((e) => e.kind)).toEqual(["right.create", "mortgage.create", "mortgage.cancel"]);
    expect(registered.body.certificates.map((c: { kind: string }) => c.kind)).toEqual([
      "certificate",
      "certification",
    ]);
    expect(await currentHolder(flat.unitCode)).toEqual(["李娜"]);
    const mortgages = await liveMortgages(flat.unitCode);
    expect(mortgages.map((m) => [m.holder_name, m.obligor_name])).toEqual([["中国建设银行佛山分行", "李娜"]]);

    // Both banks are told through the outbox: the new one of its mortgage, the old one of its cancellation.
    const outbox = await env.services.db
      .selectFrom("outbox")
      .select("idempotency_key")
      .where("topic", "=", "bank.collateral-event")
      .execute();
    const keys = outbox.map((m) => m.idempotency_key);
    expect(keys.some((k) => k.endsWith(`${filed.id}:1:mortgage-registered`))).toBe(true);
    expect(keys.some((k) => k.endsWith(`${filed.id}:2:mortgage-cancelled`))).toBe(true);
  });

  it("combined mode is all or nothing: a seizure registered meanwhile refuses every part (R7), nothing recorded", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file({
      typeId: "combined.sale-with-mortgage.combined",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [saleOf(), newMortgage(), oldMortgageCancelled(old)],
    });
    await readyToRegister(filed.id);
    await g.seizure(flat.unitCode);
    const before = await env.services.db
      .selectFrom("register_entries")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("unit_code", "=", flat.unitCode)
      .executeTakeFirstOrThrow();
    const refused = await register(filed.id);
    expect(refused.status).toBe(409);
    expect(refused.body.details.findings.map((f: { rule: string }) => f.rule)).toContain("R7");
    const after = await env.services.db
      .selectFrom("register_entries")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("unit_code", "=", flat.unitCode)
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await currentHolder(flat.unitCode)).toEqual(["张伟"]);
  });

  it("change mode: the same bank changes its mortgage to the buyer as mortgagor and debtor, keeping its rank", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file({
      typeId: "combined.sale-with-mortgage.change",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [
        saleOf(),
        {
          details: { mortgage: { targetMortgageId: old, amount: 90_000_000, debtEnd: "2040-01-01" } },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.li" },
          ],
        },
      ],
    });
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    await readyToRegister(filed.id);
    const registered = await register(filed.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const entries = await entriesOf(registered.body.entries);
    expect(entries.map((e) => e.kind)).toEqual(["right.create", "mortgage.update"]);
    expect(await currentHolder(flat.unitCode)).toEqual(["李娜"]);
    const mortgages = await liveMortgages(flat.unitCode);
    expect(mortgages.map((m) => [String(m.seq), m.holder_name, m.obligor_name])).toEqual([
      [old, "中国工商银行佛山分行", "李娜"],
    ]);
  });

  it("R13 and the combined mode: with a ban on transfer recorded, the old mortgagee applying to cancel its mortgage in the same case is its consent", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang", transferBan: true });
    const alone = await file({
      typeId: "transfer.sale",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [saleOf()],
    });
    expect(codes(blocks(alone.findings, "R13"))).toEqual(["R13.MORTGAGEE_CONSENT"]);
    const refused = await accept(alone.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("CASE.RULES_BLOCK");
    const together = await file({
      typeId: "combined.sale-with-mortgage.combined",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [saleOf(), newMortgage(), oldMortgageCancelled(old)],
    });
    expect(blocks(together.findings, "R13")).toEqual([]);
  });

  it("bad input: a cancellation naming no live mortgage is refused at acceptance, nothing registered", async () => {
    const flat = await g.flat();
    await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file({
      typeId: "combined.sale-with-mortgage.combined",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [saleOf(), newMortgage(), oldMortgageCancelled("999999")],
    });
    const blocking = filed.findings.filter((f) => f.severity === "block");
    expect(
      blocking.map((f) => f.code),
      JSON.stringify(blocking),
    ).toContain("R5.NO_SUCH_ENTRY");
    expect((await accept(filed.id)).status).toBe(409);
    expect(await currentHolder(flat.unitCode)).toEqual(["张伟"]);
  });

  it("bad input: a combined case with more parts than its type is a 4xx with a stable code, nothing filed", async () => {
    const flat = await g.flat();
    const r = await api.post("citizen.li", "/api/cases", {
      typeId: "combined.sale-with-mortgage.combined",
      unitCode: flat.unitCode,
      parts: [saleOf(), newMortgage(), oldMortgageCancelled("1"), saleOf()],
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(typeof r.body.code).toBe("string");
    const cases = await env.services.db
      .selectFrom("cases")
      .select("id")
      .where("unit_code", "=", flat.unitCode)
      .execute();
    expect(cases).toEqual([]);
  });

  it("certify and issue follow the registration of a combined case", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file({
      typeId: "combined.sale-with-mortgage.combined",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [saleOf(), newMortgage(), oldMortgageCancelled(old)],
    });
    await readyToRegister(filed.id);
    expect((await register(filed.id)).status).toBe(200);
    const certified = await act(STAFF.issuer, filed.id, "certify");
    expect(certified.status, JSON.stringify(certified.body)).toBe(200);
    expect(certified.body.stage).toBe("certified");
  });
});
