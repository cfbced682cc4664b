import { describe, expect, it } from "vitest";
import { accept, env, file, g, register, review, startRulesServer } from "./rules-support";
import { givenTaxCleared } from "./support";

/**
 * The other combined businesses of DOMAIN-REFERENCE §10 through the server, each registered in one
 * transaction in the catalogue's order: 首转一体, 继承＋转移, 注销抵押＋转移; and the mortgage types a
 * bank files alone: transfer of a mortgage with its debt, and a maximum-amount mortgage.
 */
startRulesServer();

const kindsOf = async (seqs: number[]) =>
  (
    await env.services.db
      .selectFrom("register_entries")
      .select("kind")
      .where("seq", "in", seqs)
      .orderBy("seq")
      .execute()
  ).map((e) => e.kind);

const holdersOf = async (unitCode: string) =>
  (
    await env.services.db
      .selectFrom("rights")
      .innerJoin("right_holders", (j) =>
        j
          .onRef("right_holders.unit_code", "=", "rights.unit_code")
          .onRef("right_holders.right_seq", "=", "rights.seq"),
      )
      .select(["rights.status", "right_holders.name"])
      .where("rights.unit_code", "=", unitCode)
      .orderBy("rights.seq")
      .execute()
  ).map((r) => [r.status, r.name]);

/** Accept, review, tax confirmed, 登簿: the registering answer. */
async function registerAll(id: string) {
  expect((await accept(id)).status).toBe(200);
  expect((await review(id)).status).toBe(200);
  await givenTaxCleared(env, id);
  const registered = await register(id);
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  return registered.body as { entries: number[]; certificates: Array<{ kind: string }> };
}

const right = {
  rightType: "4",
  nature: "102",
  use: "0701",
  area: 98.5,
  termStart: "2000-01-01",
  termEnd: "2069-12-31",
};

describe("combined businesses through the server", () => {
  it("首转一体: the developer's first registration and the buyer's transfer, in that order, in one transaction", async () => {
    const flat = await g.flat({ registered: false, landHolders: ["developer.yulin"] });
    const filed = await file({
      typeId: "combined.first-and-transfer",
      unitCode: flat.unitCode,
      by: "developer.yulin",
      parts: [
        { details: { right }, parties: [{ role: "right-holder", account: "developer.yulin" }] },
        {
          details: { coOwnership: "sole", priceFen: 150_000_000 },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "developer.yulin" },
          ],
        },
      ],
    });
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    const registered = await registerAll(filed.id);
    expect(await kindsOf(registered.entries)).toEqual(["right.create", "right.create"]);
    expect(await holdersOf(flat.unitCode)).toEqual([
      ["historic", "佛山鱼鳞置业有限公司"],
      ["current", "李娜"],
    ]);
    // The buyer's title is issued; the developer's is voided by the transfer in the same case.
    expect(registered.certificates.map((c) => c.kind)).toContain("certificate");
  });

  it("首转一体 without the land's use right registered to the developer is refused (R3), nothing recorded", async () => {
    const flat = await g.flat({ registered: false, landHolders: ["citizen.chen"] });
    const filed = await file({
      typeId: "combined.first-and-transfer",
      unitCode: flat.unitCode,
      by: "developer.yulin",
      parts: [
        { details: { right }, parties: [{ role: "right-holder", account: "developer.yulin" }] },
        {
          details: { coOwnership: "sole" },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "developer.yulin" },
          ],
        },
      ],
    });
    expect(filed.findings.some((f) => f.severity === "block" && f.rule === "R3")).toBe(true);
    expect((await accept(filed.id)).status).toBe(409);
    expect(await holdersOf(flat.unitCode)).toEqual([]);
  });

  it("继承＋转移: the heir inherits and sells in one case", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const filed = await file({
      typeId: "combined.inheritance-and-sale",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [
        {
          details: { coOwnership: "sole" },
          parties: [{ role: "heir", account: "citizen.li", heirOrder: 1 }],
        },
        {
          details: { coOwnership: "sole", priceFen: 160_000_000 },
          parties: [
            { role: "right-holder", account: "citizen.chen" },
            { role: "obligor", account: "citizen.li" },
          ],
        },
      ],
    });
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    const registered = await registerAll(filed.id);
    expect(await kindsOf(registered.entries)).toEqual(["right.create", "right.create"]);
    expect(await holdersOf(flat.unitCode)).toEqual([
      ["historic", "张伟"],
      ["historic", "李娜"],
      ["current", "陈静"],
    ]);
  });

  it("注销抵押＋转移: the seller's mortgage is cancelled first, then the flat is sold free of it", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file({
      typeId: "combined.mortgage-cancel-and-sale",
      unitCode: flat.unitCode,
      by: "citizen.li",
      parts: [
        {
          details: { mortgage: { targetMortgageId: old } },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
        {
          details: { coOwnership: "sole", priceFen: 150_000_000 },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    const registered = await registerAll(filed.id);
    expect(await kindsOf(registered.entries)).toEqual(["mortgage.cancel", "right.create"]);
    const live = await env.services.db
      .selectFrom("encumbrances")
      .select("seq")
      .where("unit_code", "=", flat.unitCode)
      .where("status", "!=", "historic")
      .execute();
    expect(live).toEqual([]);
  });

  it("mortgage transfer with its debt: 工商银行 assigns its mortgage to 建设银行, keeping its rank", async () => {
    const flat = await g.flat();
    const m = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file({
      typeId: "mortgage.transfer",
      unitCode: flat.unitCode,
      by: "bank.jianshe",
      parts: [
        {
          details: { mortgage: { targetMortgageId: m } },
          parties: [
            { role: "right-holder", account: "bank.jianshe" },
            { role: "obligor", account: "bank.gongshang" },
          ],
        },
      ],
    });
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    const registered = await registerAll(filed.id);
    expect(await kindsOf(registered.entries)).toEqual(["mortgage.update"]);
    const after = await env.services.db
      .selectFrom("encumbrances")
      .select(["seq", "holder_name", "rank"])
      .where("unit_code", "=", flat.unitCode)
      .where("kind", "=", "mortgage")
      .execute();
    expect(after.map((x) => [String(x.seq), x.holder_name, x.rank])).toEqual([
      [m, "中国建设银行佛山分行", 1],
    ]);
  });

  it("maximum-amount mortgage: created through the server with its method recorded", async () => {
    const flat = await g.flat();
    const filed = await file({
      typeId: "mortgage.first.maximum",
      unitCode: flat.unitCode,
      by: "bank.gongshang",
      parts: [
        {
          details: {
            mortgage: { amount: 300_000_000, debtEnd: "2031-12-31" },
            documentNo: "工银最高额2026-01",
          },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    // 即时办结: registered and certified at submit once the borrower has confirmed.
    expect(filed.submitted!.stage).toBe("certified");
    const m = await env.services.db
      .selectFrom("encumbrances")
      .select(["particulars", "amount"])
      .where("unit_code", "=", flat.unitCode)
      .where("kind", "=", "mortgage")
      .executeTakeFirstOrThrow();
    expect(m.particulars).toMatchObject({ method: "maximum" });
    expect(Number(m.amount)).toBe(3_000_000);
  });
});
