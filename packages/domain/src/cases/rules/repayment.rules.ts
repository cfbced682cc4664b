import type { CombinedType } from "../business-type";
import type { CaseDraft } from "../case-draft";
import type { UnitState } from "../unit-state";
import { type RuleFinding, ruleFinding } from "./rule";

/** The part of a 带押过户（分段） case that carries the new loan, and the old mortgage it repays. */
export const repaymentOf = (
  combined: Pick<CombinedType, "awaitsRepayment" | "parts">,
  parts: readonly Pick<CaseDraft, "typeId" | "mortgage">[],
): { partIndex: number; mortgageId: string | undefined } | null => {
  if (!combined.awaitsRepayment) return null;
  const partIndex = parts.findIndex((p) => p.typeId.startsWith("mortgage.first"));
  if (partIndex < 0) return null;
  return { partIndex, mortgageId: parts[partIndex]?.mortgage?.repaysMortgageId };
};

/**
 * 带押过户（分段模式）: the new loan repays a mortgage on the unit held by another lender (the same
 * lender uses the change mode); that mortgage is cancelled once its mortgagee confirms repayment.
 */
export function repaidMortgageFindings(
  combined: Pick<CombinedType, "awaitsRepayment" | "parts">,
  parts: readonly CaseDraft[],
  state: UnitState,
): Array<RuleFinding & { part: number }> {
  const repayment = repaymentOf(combined, parts);
  if (!repayment) return [];
  const newMortgagees = new Set(
    parts[repayment.partIndex]!.parties.filter((p) => p.role === "right-holder").map((p) => p.personId),
  );
  const old = state.mortgages.find((m) => m.id === repayment.mortgageId && m.status === "current");
  const finding = (code: string, zh: string, en: string) => [
    { ...ruleFinding("R13", code, "block", zh, en, "自然资发〔2023〕29号"), part: repayment.partIndex },
  ];
  if (!old)
    return finding(
      "WHICH_OLD_MORTGAGE",
      `分段模式须指明新贷款清偿的该单元现势抵押权（${repayment.mortgageId ?? "未指明"}）`,
      `The segmented mode names the unit's current mortgage the new loan repays (${repayment.mortgageId ?? "none named"})`,
    );
  if (newMortgagees.has(old.mortgageeId))
    return finding(
      "SAME_LENDER",
      "新旧抵押权人相同，应适用抵押权变更模式",
      "The old and the new lender are the same: use the change mode",
    );
  return [];
}
