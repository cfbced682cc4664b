import { describe, expect, it } from "vitest";
import { buildSaleWithMortgageRequest, modeOfTypeId } from "./sale-with-mortgage";

const values = {
  unitCode: "440604001002GB00001F00010006",
  buyer: "citizen.li",
  seller: "citizen.zhang",
  newBank: "bank.jianshe",
  oldBank: "bank.gongshang",
  oldMortgage: "42",
  price: 1_800_000,
  amount: 1_000_000,
  debtEnd: "2056-12-31",
};

describe("带押过户 requests", () => {
  it("combined mode: transfer, new mortgage, old mortgage cancelled by the old bank, in that order", () => {
    const r = buildSaleWithMortgageRequest("combined", "bank.jianshe", values);
    expect(r.typeId).toBe("combined.sale-with-mortgage.combined");
    expect(
      r.parts?.map((p) => p.parties?.map((x) => ("account" in x ? `${x.role}:${x.account}` : ""))),
    ).toEqual([
      ["right-holder:citizen.li", "obligor:citizen.zhang"],
      ["right-holder:bank.jianshe", "obligor:citizen.li"],
      ["right-holder:bank.gongshang", "obligor:citizen.zhang"],
    ]);
    expect(r.parts?.[1]?.details?.mortgage).toEqual({ amount: 100_000_000, debtEnd: "2056-12-31" });
    expect(r.parts?.[2]?.details?.mortgage).toEqual({ targetMortgageId: "42" });
    expect(r.confirm).toBe(true);
  });

  it("segmented mode names the mortgage the new loan repays; change mode changes it in place", () => {
    const seg = buildSaleWithMortgageRequest("segmented", "citizen.li", values);
    expect(seg.parts).toHaveLength(2);
    expect(seg.parts?.[1]?.details?.mortgage).toMatchObject({ repaysMortgageId: "42" });
    const change = buildSaleWithMortgageRequest("change", "agent.anju", {
      ...values,
      newBank: "bank.gongshang",
    });
    expect(change.parts?.[1]?.details?.mortgage).toMatchObject({
      targetMortgageId: "42",
      amount: 100_000_000,
    });
    expect(change.confirm).toBe(false);
    expect(modeOfTypeId("combined.sale-with-mortgage.change")).toBe("change");
    expect(modeOfTypeId("transfer.sale")).toBeNull();
  });
});
