import { type Fen, sumFen } from "./money";
import { type RevenueAccount, totalsByAccount } from "./payment-split";

/**
 * 对账 — the daily reconciliation of our payment records against the gateway's statement and our
 * split (清分) records. It balances when every transaction appears on both sides with the same
 * amount, and each transaction's split adds up to it.
 */
export type ReconTransaction = { txnId: string; reference: string; amount: Fen };
export type ReconSplit = { txnId: string; account: RevenueAccount; amount: Fen };

export type ReconMismatch =
  | { kind: "missing-at-gateway"; txnId: string; reference: string; amount: Fen }
  | { kind: "missing-here"; txnId: string; reference: string; amount: Fen }
  | { kind: "amount-differs"; txnId: string; reference: string; ours: Fen; gateway: Fen }
  | { kind: "split-differs"; txnId: string; reference: string; paid: Fen; split: Fen };

export type ReconciliationReport = {
  date: string;
  transactions: number;
  ourTotal: Fen;
  gatewayTotal: Fen;
  splitTotal: Fen;
  byAccount: Record<RevenueAccount, Fen>;
  mismatches: ReconMismatch[];
  balanced: boolean;
};

export function reconcile(input: {
  date: string;
  ours: readonly ReconTransaction[];
  gateway: readonly ReconTransaction[];
  splits: readonly ReconSplit[];
}): ReconciliationReport {
  const mismatches: ReconMismatch[] = [];
  const gateway = new Map(input.gateway.map((t) => [t.txnId, t]));
  const ours = new Map(input.ours.map((t) => [t.txnId, t]));
  const splitByTxn = new Map<string, Fen>();
  for (const s of input.splits) splitByTxn.set(s.txnId, (splitByTxn.get(s.txnId) ?? 0) + s.amount);

  for (const t of input.ours) {
    const g = gateway.get(t.txnId);
    if (!g)
      mismatches.push({
        kind: "missing-at-gateway",
        txnId: t.txnId,
        reference: t.reference,
        amount: t.amount,
      });
    else if (g.amount !== t.amount)
      mismatches.push({
        kind: "amount-differs",
        txnId: t.txnId,
        reference: t.reference,
        ours: t.amount,
        gateway: g.amount,
      });
    const split = splitByTxn.get(t.txnId) ?? 0;
    if (split !== t.amount)
      mismatches.push({
        kind: "split-differs",
        txnId: t.txnId,
        reference: t.reference,
        paid: t.amount,
        split,
      });
  }
  for (const g of input.gateway) {
    if (!ours.has(g.txnId))
      mismatches.push({ kind: "missing-here", txnId: g.txnId, reference: g.reference, amount: g.amount });
  }
  const byAccount = totalsByAccount(input.splits);
  const ourTotal = sumFen(input.ours.map((t) => t.amount));
  const gatewayTotal = sumFen(input.gateway.map((t) => t.amount));
  const splitTotal = byAccount.treasury + byAccount["non-tax"];
  return {
    date: input.date,
    transactions: input.ours.length,
    ourTotal,
    gatewayTotal,
    splitTotal,
    byAccount,
    mismatches,
    balanced: mismatches.length === 0 && ourTotal === gatewayTotal && splitTotal === ourTotal,
  };
}
