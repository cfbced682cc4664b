import { err, type Finding, ok, type Result } from "../result";
import { type Fen, isFen, sumFen } from "./money";

/**
 * 税费同缴、合一支付 — one payment order per case covers every tax and fee; the parties choose who
 * pays what; each payment is split (清分) to the treasury (taxes, 国库) or the non-tax revenue
 * account (fees, 非税收入专户). Everything here is exact to the fen.
 */
export type RevenueAccount = "treasury" | "non-tax";

export type OrderLine = {
  code: string;
  label_zh: string;
  label_en: string;
  amount: Fen;
  account: RevenueAccount;
};

/** How the parties share the order: fixed amounts, or shares in basis points (10 000 = all). */
export type PayerChoice =
  | { mode: "amounts"; payers: ReadonlyArray<{ payer: string; amount: Fen }> }
  | { mode: "shares"; payers: ReadonlyArray<{ payer: string; shareBp: number }> };

export type PayerAmount = { payer: string; amount: Fen };

const bad = (code: string, zh: string, en: string): Finding[] => [
  { code, severity: "block", message_zh: zh, message_en: en },
];

/** The amount each payer owes; shares are rounded by largest remainder so they add up to the total. */
export function planPayers(total: Fen, choice: PayerChoice): Result<PayerAmount[], Finding[]> {
  const names = choice.payers.map((p) => p.payer);
  if (names.length === 0)
    return err(bad("PAYMENT.NO_PAYER", "至少需要一个缴款人", "At least one payer is needed"));
  if (new Set(names).size !== names.length)
    return err(bad("PAYMENT.DUPLICATE_PAYER", "缴款人重复", "A payer appears twice"));
  if (choice.mode === "amounts") {
    if (!choice.payers.every((p) => isFen(p.amount) && p.amount > 0))
      return err(bad("PAYMENT.BAD_AMOUNT", "缴款金额无效", "A payer's amount is invalid"));
    if (sumFen(choice.payers.map((p) => p.amount)) !== total)
      return err(
        bad(
          "PAYMENT.SPLIT_MISMATCH",
          "各方缴款金额之和须等于应缴总额",
          "The payers' amounts must add up to the total",
        ),
      );
    return ok(choice.payers.map((p) => ({ payer: p.payer, amount: p.amount })));
  }
  if (!choice.payers.every((p) => Number.isSafeInteger(p.shareBp) && p.shareBp > 0))
    return err(bad("PAYMENT.BAD_SHARE", "分摊比例无效", "A payer's share is invalid"));
  if (sumFen(choice.payers.map((p) => p.shareBp)) !== 10_000)
    return err(bad("PAYMENT.SHARES_NOT_WHOLE", "分摊比例之和须为100%", "The shares must add up to 100 %"));
  const amounts = largestRemainder(
    total,
    choice.payers.map((p) => p.shareBp),
  );
  if (amounts.some((a) => a === 0))
    return err(bad("PAYMENT.BAD_SHARE", "分摊后有缴款人金额为零", "A share rounds to nothing"));
  return ok(choice.payers.map((p, i) => ({ payer: p.payer, amount: amounts[i]! })));
}

/** Splits `total` in proportion to `weights` (integers) so that the parts add up exactly. */
export function largestRemainder(total: Fen, weights: readonly number[]): Fen[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError("weights must add up to more than zero");
  const t = BigInt(total);
  const s = BigInt(sum);
  const floors = weights.map((w) => (t * BigInt(w)) / s);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % s }));
  let left = Number(t - floors.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const result = floors.map(Number);
  for (const { i } of remainders) {
    if (left === 0) break;
    result[i]! += 1;
    left--;
  }
  return result;
}

export type Allocation = {
  /** Index of the payer's part in the plan. */
  part: number;
  lineCode: string;
  account: RevenueAccount;
  amount: Fen;
};

/**
 * Which lines each payer's money covers: lines are filled in order (taxes first, as the order
 * lists them), each payer's money in turn. Every part is spent exactly and every line is covered
 * exactly, so the treasury and non-tax totals never depend on who paid.
 */
export function allocateParts(lines: readonly OrderLine[], parts: readonly PayerAmount[]): Allocation[] {
  const total = sumFen(lines.map((l) => l.amount));
  if (sumFen(parts.map((p) => p.amount)) !== total) throw new RangeError("parts and lines differ in total");
  const allocations: Allocation[] = [];
  let line = 0;
  let lineLeft = lines[0]?.amount ?? 0;
  for (let part = 0; part < parts.length; part++) {
    let partLeft = parts[part]!.amount;
    while (partLeft > 0) {
      while (lineLeft === 0) {
        line++;
        lineLeft = lines[line]!.amount;
      }
      const take = Math.min(partLeft, lineLeft);
      const l = lines[line]!;
      allocations.push({ part, lineCode: l.code, account: l.account, amount: take });
      partLeft -= take;
      lineLeft -= take;
    }
  }
  return allocations;
}

export function totalsByAccount(items: ReadonlyArray<{ account: RevenueAccount; amount: Fen }>) {
  const totals: Record<RevenueAccount, Fen> = { treasury: 0, "non-tax": 0 };
  for (const item of items) totals[item.account] += item.amount;
  return totals;
}
