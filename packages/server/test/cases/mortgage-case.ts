import { expect } from "vitest";
import { type Http, uploadMaterials } from "./support";

/**
 * A first mortgage of 工商银行 on citizen.zhang's flat, created, signed by the bank, its materials
 * uploaded and (unless told otherwise) confirmed by the borrower: ready to submit, which registers
 * it at once (即时办结) when every rule passes.
 */
export async function bankMortgageCase(
  api: Http,
  unitCode: string,
  options: { confirmBorrower?: boolean } = {},
): Promise<string> {
  const created = await api.post("bank.gongshang", "/api/cases", {
    typeId: "mortgage.first.general",
    unitCode,
    parts: [
      {
        details: { mortgage: { amount: 80_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-001" },
        parties: [
          { role: "right-holder", account: "bank.gongshang" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
    confirm: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, "bank.gongshang", id, ["mortgage.first.general"]);
  if (options.confirmBorrower !== false) {
    const confirmed = await api.post("citizen.zhang", `/api/cases/${id}/confirm`);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  }
  return id;
}
