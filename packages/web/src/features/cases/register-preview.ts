import type { CaseView } from "./api/cases.api";

/** One line of what registering the case will write (拟登记内容), for the before/after preview. */
export type ProposedChange = {
  partNo: number;
  typeId: string;
  typeName: CaseView["typeName"];
  holders: string[];
  facts: { key: string; value: string }[];
};

const yuan = (fen: unknown) => (typeof fen === "number" ? String(fen / 100) : null);

/**
 * What each part of the case proposes to record, read from the case as filed: the new right
 * holders (the part's 权利人, 继承人 or 受遗赠人) and the particulars (price, mortgage amount and
 * term, court document and seizure period). The register itself is written only by 登簿.
 */
export function proposedChanges(view: CaseView): ProposedChange[] {
  return view.parts.map((part) => {
    const d = part.details as Record<string, Record<string, unknown> | unknown>;
    const facts: { key: string; value: string }[] = [];
    const add = (key: string, value: unknown) => {
      if (value !== null && value !== undefined && value !== "") facts.push({ key, value: String(value) });
    };
    add("price", yuan(d.priceFen));
    add("documentNo", d.documentNo);
    add("coOwnership", d.coOwnership);
    const mortgage = d.mortgage as Record<string, unknown> | undefined;
    if (mortgage) {
      add("amount", yuan(mortgage.amount));
      add("debtEnd", mortgage.debtEnd);
      add("targetMortgage", mortgage.targetMortgageId);
      add("repaysMortgage", mortgage.repaysMortgageId);
    }
    const seizure = d.seizure as Record<string, unknown> | undefined;
    if (seizure) {
      add("court", seizure.court);
      add("period", `${seizure.periodStart ?? ""} ~ ${seizure.periodEnd ?? ""}`);
    }
    const holders = part.parties
      .filter((p) => ["right-holder", "heir", "legatee"].includes(p.role))
      .map((p) => (p.share ? `${p.name} (${p.share})` : p.name));
    return { partNo: part.partNo, typeId: part.typeId, typeName: part.typeName, holders, facts };
  });
}
