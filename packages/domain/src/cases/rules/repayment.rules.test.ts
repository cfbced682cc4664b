import { describe, expect, it } from "vitest";
import type { CaseDraft } from "../case-draft";
import { findCombinedType } from "../catalogue";
import type { MortgageView, UnitState } from "../unit-state";
import { repaidMortgageFindings } from "./repayment.rules";

const segmented = findCombinedType("combined.sale-with-mortgage.segmented")!;
const part = (typeId: string, over: Partial<CaseDraft> = {}): CaseDraft => ({
  typeId,
  unitCode: "440604001002GB00001F00010006",
  parties: [],
  materials: [],
  consents: [],
  riskStatements: [],
  taxCleared: true,
  feePaid: true,
  ...over,
});
const mortgage = (id: string, mortgageeId: string): MortgageView => ({
  id,
  mortgageeId,
  mortgagorIds: ["seller"],
  method: "general",
  amount: 100,
  rank: 1,
  registeredOn: "2022-01-01",
  transferBan: false,
  status: "current",
});
const stateWith = (...mortgages: MortgageView[]) => ({ mortgages }) as unknown as UnitState;
const newLoan = (repays?: string) =>
  part("mortgage.first.general", {
    parties: [{ personId: "new-bank", name: "建设银行", role: "right-holder", signed: true }],
    mortgage: { amount: 100, ...(repays ? { repaysMortgageId: repays } : {}) },
  });

describe("带押过户（分段）: the old mortgage the new loan repays", () => {
  it("passes when it names a current mortgage of another lender", () => {
    const parts = [part("transfer.sale"), newLoan("7")];
    expect(repaidMortgageFindings(segmented, parts, stateWith(mortgage("7", "old-bank")))).toEqual([]);
  });

  it("blocks when none or an unknown one is named, and when the lender is the same", () => {
    const state = stateWith(mortgage("7", "old-bank"));
    expect(repaidMortgageFindings(segmented, [part("transfer.sale"), newLoan()], state)[0]).toMatchObject({
      code: "R13.WHICH_OLD_MORTGAGE",
      part: 1,
    });
    expect(repaidMortgageFindings(segmented, [part("transfer.sale"), newLoan("8")], state)[0]?.code).toBe(
      "R13.WHICH_OLD_MORTGAGE",
    );
    const same = stateWith(mortgage("7", "new-bank"));
    expect(repaidMortgageFindings(segmented, [part("transfer.sale"), newLoan("7")], same)[0]?.code).toBe(
      "R13.SAME_LENDER",
    );
  });

  it("does not apply to the combined mode", () => {
    const combined = findCombinedType("combined.sale-with-mortgage.combined")!;
    expect(repaidMortgageFindings(combined, [part("transfer.sale"), newLoan()], stateWith())).toEqual([]);
  });
});
