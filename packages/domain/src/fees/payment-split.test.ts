import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sumFen } from "./money";
import {
  allocateParts,
  largestRemainder,
  type OrderLine,
  planPayers,
  totalsByAccount,
} from "./payment-split";
import { reconcile } from "./reconciliation";

const lines: OrderLine[] = [
  { code: "DEED_TAX", label_zh: "契税", label_en: "Deed tax", amount: 2_000_000, account: "treasury" },
  { code: "REGISTRATION_FEE", label_zh: "登记费", label_en: "Fee", amount: 8_000, account: "non-tax" },
  { code: "CERTIFICATE_COST", label_zh: "工本费", label_en: "Cost", amount: 1_000, account: "non-tax" },
];

describe("one payment for taxes and fees (税费同缴)", () => {
  it("lets one party pay everything", () => {
    const plan = planPayers(2_009_000, { mode: "amounts", payers: [{ payer: "buyer", amount: 2_009_000 }] });
    expect(plan.ok && plan.value).toEqual([{ payer: "buyer", amount: 2_009_000 }]);
  });
  it("splits by shares with the remainder going to the largest fractions", () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    const plan = planPayers(2_009_001, {
      mode: "shares",
      payers: [
        { payer: "buyer", shareBp: 5_000 },
        { payer: "seller", shareBp: 5_000 },
      ],
    });
    expect(plan.ok && plan.value.map((p) => p.amount)).toEqual([1_004_501, 1_004_500]);
  });
  it("refuses amounts that do not add up, duplicate payers and shares that are not 100 %", () => {
    expect(planPayers(100, { mode: "amounts", payers: [{ payer: "a", amount: 99 }] }).ok).toBe(false);
    expect(
      planPayers(100, {
        mode: "amounts",
        payers: [
          { payer: "a", amount: 50 },
          { payer: "a", amount: 50 },
        ],
      }).ok,
    ).toBe(false);
    expect(planPayers(100, { mode: "shares", payers: [{ payer: "a", shareBp: 9_999 }] }).ok).toBe(false);
  });
  it("splits taxes to the treasury and fees to the non-tax account whoever pays", () => {
    const parts = [
      { payer: "buyer", amount: 1_500_000 },
      { payer: "seller", amount: 509_000 },
    ];
    const allocations = allocateParts(lines, parts);
    expect(totalsByAccount(allocations)).toEqual({ treasury: 2_000_000, "non-tax": 9_000 });
    expect(allocations.filter((a) => a.part === 1).map((a) => [a.lineCode, a.amount])).toEqual([
      ["DEED_TAX", 500_000],
      ["REGISTRATION_FEE", 8_000],
      ["CERTIFICATE_COST", 1_000],
    ]);
  });

  const arbLines = fc
    .array(
      fc.record({
        amount: fc.integer({ min: 0, max: 50_000_000 }),
        account: fc.constantFrom("treasury" as const, "non-tax" as const),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .map((ls) => ls.map((l, i) => ({ ...l, code: `L${i}`, label_zh: "项", label_en: "item" })))
    .filter((ls) => sumFen(ls.map((l) => l.amount)) > 0);

  it("property: every split adds up to the total, per payer and per account, to the fen", () => {
    fc.assert(
      fc.property(
        arbLines,
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 5 }),
        (ls, w) => {
          const total = sumFen(ls.map((l) => l.amount));
          // Weights → basis-point shares that sum to 10 000, each at least 1.
          const bps = largestRemainder(10_000 - w.length, w).map((b) => b + 1);
          const plan = planPayers(total, {
            mode: "shares",
            payers: bps.map((shareBp, i) => ({ payer: `p${i}`, shareBp })),
          });
          if (!plan.ok) return; // a share that rounds to 0 fen is refused, not mis-split
          expect(sumFen(plan.value.map((p) => p.amount))).toBe(total);
          const allocations = allocateParts(ls, plan.value);
          plan.value.forEach((p, i) => {
            expect(sumFen(allocations.filter((a) => a.part === i).map((a) => a.amount))).toBe(p.amount);
          });
          for (const l of ls) {
            expect(sumFen(allocations.filter((a) => a.lineCode === l.code).map((a) => a.amount))).toBe(
              l.amount,
            );
          }
          const byAccount = totalsByAccount(allocations);
          const expected = totalsByAccount(ls);
          expect(byAccount).toEqual(expected);
          expect(allocations.every((a) => Number.isSafeInteger(a.amount) && a.amount > 0)).toBe(true);
        },
      ),
    );
  });

  it("property: largest remainder never loses or invents a fen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc
          .array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 8 })
          .filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = largestRemainder(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          weights.forEach((w, i) => {
            if (w === 0) expect(parts[i]).toBe(0);
          });
        },
      ),
    );
  });
});

describe("daily reconciliation (对账)", () => {
  const ours = [
    { txnId: "t1", reference: "P1", amount: 1_500_000 },
    { txnId: "t2", reference: "P2", amount: 509_000 },
  ];
  const splits = allocateParts(
    lines,
    ours.map((t) => ({ payer: t.reference, amount: t.amount })),
  ).map((a) => ({ txnId: ours[a.part]!.txnId, account: a.account, amount: a.amount }));

  it("balances to the fen when the gateway, our payments and the split agree", () => {
    const report = reconcile({ date: "2025-03-01", ours, gateway: ours, splits });
    expect(report).toMatchObject({
      balanced: true,
      ourTotal: 2_009_000,
      gatewayTotal: 2_009_000,
      splitTotal: 2_009_000,
      byAccount: { treasury: 2_000_000, "non-tax": 9_000 },
      mismatches: [],
    });
  });
  it("reports a missing, extra or different transaction and an unbalanced split", () => {
    const report = reconcile({
      date: "2025-03-01",
      ours,
      gateway: [
        { txnId: "t1", reference: "P1", amount: 1_499_999 },
        { txnId: "t9", reference: "P9", amount: 1 },
      ],
      splits: splits.slice(1),
    });
    expect(report.balanced).toBe(false);
    expect(report.mismatches.map((m) => m.kind).sort()).toEqual([
      "amount-differs",
      "missing-at-gateway",
      "missing-here",
      "split-differs",
    ]);
  });
  it("nets the day's refunds (退费) out of the received total and the non-tax account", () => {
    const refund = { refundId: "r1", reference: "RF1", amount: 9_000 };
    const report = reconcile({
      date: "2025-03-01",
      ours,
      gateway: ours,
      splits,
      refunds: { ours: [{ ...refund, account: "non-tax" }], gateway: [refund] },
    });
    expect(report).toMatchObject({
      balanced: true,
      refunds: 1,
      refundTotal: 9_000,
      gatewayRefundTotal: 9_000,
      netTotal: 2_000_000,
      netByAccount: { treasury: 2_000_000, "non-tax": 0 },
    });
    const off = reconcile({
      date: "2025-03-01",
      ours,
      gateway: ours,
      splits,
      refunds: {
        ours: [{ ...refund, account: "non-tax" }],
        gateway: [
          { ...refund, amount: 8_999 },
          { refundId: "r9", reference: "RF9", amount: 1 },
        ],
      },
    });
    expect(off.balanced).toBe(false);
    expect(off.mismatches.map((m) => m.kind).sort()).toEqual([
      "refund-amount-differs",
      "refund-missing-here",
    ]);
  });
});
