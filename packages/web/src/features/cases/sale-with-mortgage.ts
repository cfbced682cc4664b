import type { CreateCaseRequest } from "./api/cases.api";

/** The three 带押过户 modes (DOMAIN-REFERENCE §10), by their combined type ids. */
export const SALE_WITH_MORTGAGE_MODES = ["combined", "segmented", "change"] as const;
export type SaleWithMortgageMode = (typeof SALE_WITH_MORTGAGE_MODES)[number];
export const typeIdOfMode = (mode: SaleWithMortgageMode) => `combined.sale-with-mortgage.${mode}`;
export const modeOfTypeId = (typeId: string): SaleWithMortgageMode | null => {
  const mode = typeId.replace("combined.sale-with-mortgage.", "");
  return (SALE_WITH_MORTGAGE_MODES as readonly string[]).includes(mode)
    ? (mode as SaleWithMortgageMode)
    : null;
};

export type SaleWithMortgageValues = {
  unitCode: string;
  buyer: string;
  seller: string;
  /** The lender of the new loan; in the change mode, the old lender itself. */
  newBank: string;
  /** Combined mode: the old lender, who applies to cancel its mortgage in the same case. */
  oldBank?: string;
  /** The seller's mortgage (its register entry): cancelled, repaid or changed. */
  oldMortgage: string;
  price?: number;
  amount: number;
  debtEnd?: string;
  contractNo?: string;
  loanNo?: string;
};

const fen = (yuan: number) => Math.round(yuan * 100);
const trim = (v: string | undefined) => v?.trim() || undefined;

/**
 * The case request of a 带押过户 mode, one part per registration in §10's order: the transfer, then
 * the new mortgage (combined, segmented) or the changed one (change), then in the combined mode
 * the old mortgage's cancellation. The caller confirms as its own party when it is one.
 */
export function buildSaleWithMortgageRequest(
  mode: SaleWithMortgageMode,
  caller: string,
  values: SaleWithMortgageValues,
): CreateCaseRequest {
  const buyer = values.buyer.trim();
  const seller = values.seller.trim();
  const newBank = values.newBank.trim();
  const loan = { amount: fen(values.amount), ...(values.debtEnd ? { debtEnd: values.debtEnd } : {}) };
  const loanNo = trim(values.loanNo);
  const sale = {
    details: {
      coOwnership: "sole" as const,
      ...(values.price ? { priceFen: fen(values.price) } : {}),
      ...(trim(values.contractNo) ? { documentNo: trim(values.contractNo) } : {}),
    },
    parties: [
      { role: "right-holder" as const, account: buyer },
      { role: "obligor" as const, account: seller },
    ],
  };
  const lender = [
    { role: "right-holder" as const, account: newBank },
    { role: "obligor" as const, account: buyer },
  ];
  const mortgage =
    mode === "change"
      ? { details: { mortgage: { ...loan, targetMortgageId: values.oldMortgage } }, parties: lender }
      : {
          details: {
            mortgage: { ...loan, ...(mode === "segmented" ? { repaysMortgageId: values.oldMortgage } : {}) },
            ...(loanNo ? { documentNo: loanNo } : {}),
          },
          parties: lender,
        };
  const parts: NonNullable<CreateCaseRequest["parts"]> = [sale, mortgage];
  if (mode === "combined")
    parts.push({
      details: { mortgage: { targetMortgageId: values.oldMortgage } },
      parties: [
        { role: "right-holder", account: (values.oldBank ?? "").trim() },
        { role: "obligor", account: seller },
      ],
    });
  const accounts = parts.flatMap((p) =>
    (p.parties ?? []).map((x) => ("account" in x ? x.account : undefined)),
  );
  return {
    typeId: typeIdOfMode(mode),
    unitCode: values.unitCode.replace(/\s+/g, ""),
    parts,
    confirm: accounts.includes(caller),
  };
}
