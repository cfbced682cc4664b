/**
 * 赔偿 for losses caused by a registry error: 民法典 第222条 (the registry compensates a loss it
 * caused by a registration error, and may claim from whoever caused the error) and
 * 不动产登记暂行条例 第29条 (liability under law for losses caused by registration). A claim moves
 * filed → reviewed → decided → paid (a refusal ends at decided).
 */
export const COMPENSATION_BASES = {
  "civil-code-222": "《民法典》第二百二十二条",
  "regulation-29": "《不动产登记暂行条例》第二十九条",
} as const;
export type CompensationBasis = keyof typeof COMPENSATION_BASES;

export type CompensationStatus = "filed" | "reviewed" | "decided" | "paid";
export type CompensationReview = {
  registryError: boolean;
  basis: CompensationBasis[];
  findings: string;
};
export type CompensationDecision = { granted: boolean; awardFen: number; reasons: string };

export type DecisionCheck = { ok: true } | { ok: false; reason: string };

/** The next step each status allows. */
export const NEXT_STEP: Record<CompensationStatus, "review" | "decide" | "pay" | null> = {
  filed: "review",
  reviewed: "decide",
  decided: "pay",
  paid: null,
};

/** A review must cite at least one legal basis. */
export const reviewHolds = (review: CompensationReview): boolean => review.basis.length > 0;

/** A grant needs a registry error found at review, and an award above 0 and not above the loss. */
export function checkDecision(
  review: CompensationReview,
  lossFen: number,
  decision: CompensationDecision,
): DecisionCheck {
  if (!decision.granted)
    return decision.awardFen === 0 ? { ok: true } : { ok: false, reason: "refusal with an award" };
  if (!review.registryError) return { ok: false, reason: "no registry error found at review" };
  if (decision.awardFen <= 0 || decision.awardFen > lossFen)
    return { ok: false, reason: "award must be above 0 and not above the loss" };
  return { ok: true };
}

/** Only a granted decision is paid, and in its exact amount. */
export const paymentHolds = (decision: CompensationDecision, paidFen: number): boolean =>
  decision.granted && paidFen === decision.awardFen;
