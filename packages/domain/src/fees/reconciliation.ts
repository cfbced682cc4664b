import { type Fen, sumFen } from "./money";
import { type RevenueAccount, totalsByAccount } from "./payment-split";

/**
 * 对账 — the daily reconciliation of our payment records against the gateway's statement and our
 * split (清分) records. It balances when every transaction and every refund appears on both sides
 * with the same amount, and each transaction's split adds up to it: then what was received less
 * what was refunded (退费) equals the accounts' allocations net of refunds, to the fen.
 */
export type ReconTransaction = { txnId: string; reference: string; amount: Fen };
export type ReconSplit = { txnId: string; account: RevenueAccount; amount: Fen };
/** A refund the channel made that day; ours say which account it is taken back from. */
export type ReconRefund = { refundId: string; reference: string; amount: Fen };
export type ReconOurRefund = ReconRefund & { account: RevenueAccount };

export type ReconMismatch =
  | { kind: "missing-at-gateway"; txnId: string; reference: string; amount: Fen }
  | { kind: "missing-here"; txnId: string; reference: string; amount: Fen }
  | { kind: "amount-differs"; txnId: string; reference: string; ours: Fen; gateway: Fen }
  | { kind: "split-differs"; txnId: string; reference: string; paid: Fen; split: Fen }
  | { kind: "refund-missing-at-gateway"; refundId: string; reference: string; amount: Fen }
  | { kind: "refund-missing-here"; refundId: string; reference: string; amount: Fen }
  | { kind: "refund-amount-differs"; refundId: string; reference: string; ours: Fen; gateway: Fen };

export type ReconciliationReport = {
  date: string;
  transactions: number;
  ourTotal: Fen;
  gatewayTotal: Fen;
  splitTotal: Fen;
  byAccount: Record<RevenueAccount, Fen>;
  refunds: number;
  refundTotal: Fen;
  gatewayRefundTotal: Fen;
  refundsByAccount: Record<RevenueAccount, Fen>;
  /** Received less refunded, and each account's allocations less its refunds. */
  netTotal: Fen;
  netByAccount: Record<RevenueAccount, Fen>;
  mismatches: ReconMismatch[];
  balanced: boolean;
};

export function reconcile(input: {
  date: string;
  ours: readonly ReconTransaction[];
  gateway: readonly ReconTransaction[];
  splits: readonly ReconSplit[];
  refunds?: { ours: readonly ReconOurRefund[]; gateway: readonly ReconRefund[] };
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
  const refunds = input.refunds ?? { ours: [], gateway: [] };
  mismatches.push(...refundMismatches(refunds.ours, refunds.gateway));
  const byAccount = totalsByAccount(input.splits);
  const ourTotal = sumFen(input.ours.map((t) => t.amount));
  const gatewayTotal = sumFen(input.gateway.map((t) => t.amount));
  const splitTotal = byAccount.treasury + byAccount["non-tax"];
  const refundsByAccount = totalsByAccount(refunds.ours);
  const refundTotal = sumFen(refunds.ours.map((r) => r.amount));
  const gatewayRefundTotal = sumFen(refunds.gateway.map((r) => r.amount));
  const netByAccount: Record<RevenueAccount, Fen> = {
    treasury: byAccount.treasury - refundsByAccount.treasury,
    "non-tax": byAccount["non-tax"] - refundsByAccount["non-tax"],
  };
  const netTotal = ourTotal - refundTotal;
  return {
    date: input.date,
    transactions: input.ours.length,
    ourTotal,
    gatewayTotal,
    splitTotal,
    byAccount,
    refunds: refunds.ours.length,
    refundTotal,
    gatewayRefundTotal,
    refundsByAccount,
    netTotal,
    netByAccount,
    mismatches,
    balanced:
      mismatches.length === 0 &&
      ourTotal === gatewayTotal &&
      splitTotal === ourTotal &&
      refundTotal === gatewayRefundTotal &&
      netByAccount.treasury + netByAccount["non-tax"] === netTotal,
  };
}

function refundMismatches(ours: readonly ReconRefund[], gateway: readonly ReconRefund[]): ReconMismatch[] {
  const mismatches: ReconMismatch[] = [];
  const theirs = new Map(gateway.map((r) => [r.refundId, r]));
  const mine = new Set(ours.map((r) => r.refundId));
  for (const r of ours) {
    const g = theirs.get(r.refundId);
    if (!g) mismatches.push({ kind: "refund-missing-at-gateway", ...pick(r) });
    else if (g.amount !== r.amount)
      mismatches.push({
        kind: "refund-amount-differs",
        refundId: r.refundId,
        reference: r.reference,
        ours: r.amount,
        gateway: g.amount,
      });
  }
  for (const g of gateway)
    if (!mine.has(g.refundId)) mismatches.push({ kind: "refund-missing-here", ...pick(g) });
  return mismatches;
}

const pick = (r: ReconRefund) => ({ refundId: r.refundId, reference: r.reference, amount: r.amount });
