import { describe, expect, it } from "vitest";
import type { CaseView } from "../api/cases.api";
import { declarationRequest, paymentOrderRequest } from "./use-collaboration";

const party = (id: string, role: string, name: string) => ({
  id,
  role,
  roleName: { zh: role, en: role },
  name,
  idType: "1",
  idNumberMasked: null,
  share: null,
  hasAccount: true,
  signed: true,
});

const sale = {
  id: "440604-20261125-ABCDEFGHJK",
  typeId: "transfer.sale",
  unitCode: "440604001002GB00001F00010006",
  registeringOffice: "440604",
  parts: [
    {
      partNo: 0,
      typeId: "transfer.sale",
      details: {},
      entries: null,
      parties: [
        party("a", "agent", "安居"),
        party("b", "right-holder", "张伟"),
        party("s", "obligor", "李娜"),
      ],
    },
  ],
} as unknown as CaseView;

describe("税费同缴 requests from a case", () => {
  it("declares the sale with the buyer and seller and the ID numbers typed at the counter", () => {
    const request = declarationRequest(sale, "岭南花园1座202房", {
      contractNo: "WQ1",
      price: 1_500_000,
      area: 98.75,
      ids: { b: "440604198503121012", s: "440605199007082027" },
    });
    expect(request.priceFen).toBe(150_000_000);
    expect(request.buyers).toEqual([{ name: "张伟", idNumber: "440604198503121012" }]);
    expect(request.sellers).toEqual([{ name: "李娜", idNumber: "440605199007082027" }]);
    expect(request.jurisdiction).toBe("440604");
  });

  it("opens one order for a transfer with one certificate, paid by the buyer", () => {
    const order = paymentOrderRequest(sale, "payer");
    expect(order.fee).toEqual({ kind: "transfer", property: "residential", certificates: 1 });
    expect(order.payers).toEqual({ mode: "shares", payers: [{ payer: "张伟", shareBp: 10_000 }] });
  });
});
