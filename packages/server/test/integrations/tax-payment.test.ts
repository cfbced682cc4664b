import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/platform/db/database";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { contextAs, FOSHAN_CHANCHENG, newCaseRef, person, saleDeclaration } from "./support/fixtures";
import { givenHomes } from "./support/homes";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_PUBLIC_URL: "http://yulin.test" });
});
afterAll(() => env.close());

const integrations = () => env.services.integrations;
const drain = () => integrations().worker.drain();
const requireCleared = (caseRef: string) =>
  inTransaction(env.services.db, (tx) => integrations().requireTaxCleared(tx, caseRef));
const tokenOf = (payPage: string) => new URL(payPage).searchParams.get("t")!;

describe("tax two-way check and one payment split automatically (R22, C4)", () => {
  it("refuses to register a second-hand sale before the tax confirmation arrives, then closes the loop", async () => {
    const ctx = await contextAs(env.services, "chancheng.shouli");
    const decl = saleDeclaration();
    const { caseRef } = decl;
    await expect(requireCleared(caseRef)).rejects.toMatchObject({ code: "TAX.NOT_DECLARED" });

    await integrations().tax.declareTax(ctx, decl);
    await expect(requireCleared(caseRef)).rejects.toMatchObject({ code: "TAX.NOT_ASSESSED" });
    expect(await drain()).toBe(1);
    const assessed = await integrations().tax.getCaseTax(ctx, caseRef);
    // Only home, 100 m²: 1 % of 2 000 000 yuan.
    expect(assessed.assessment).toMatchObject({ totalFen: 2_000_000, category: "only-home", rateBp: 100 });
    await expect(requireCleared(caseRef)).rejects.toMatchObject({ code: "TAX.NOT_CLEARED" });

    // One order for the deed tax and the 80-yuan fee; the buyer pays 60 %, the seller 40 %.
    const order = await integrations().payments.createPaymentOrder(ctx, {
      caseRef,
      jurisdiction: decl.jurisdiction,
      fee: { kind: "transfer", property: "residential", certificates: 1 },
      payers: {
        mode: "shares",
        payers: [
          { payer: "买方 张伟", shareBp: 6_000 },
          { payer: "卖方", shareBp: 4_000 },
        ],
      },
    });
    expect(order.totalFen).toBe(2_008_000);
    expect(order.byAccount).toEqual({ treasury: 2_000_000, "non-tax": 8_000 });
    expect(order.parts.map((p) => p.amountFen)).toEqual([1_204_800, 803_200]);
    // The order holds the assessed amounts: contesting the home count now would leave it stale.
    await expect(
      integrations().tax.contestHousingCount(ctx, caseRef, {
        claimedHomesBefore: 0,
        text_zh: "承诺无其他住房",
      }),
    ).rejects.toMatchObject({ code: "TAX.INVALID", details: { reason: "a payment order is open" } });

    // The buyer pays through the simulated channel; the tax is not confirmed until the order is paid.
    const [buyerPart, sellerPart] = order.parts;
    await integrations().payments.openPart(buyerPart!.partNo, tokenOf(buyerPart!.payPage!));
    await integrations().gatewaySimulator!.pay(buyerPart!.partNo, tokenOf(buyerPart!.payPage!));
    expect(await drain()).toBe(0);
    await expect(requireCleared(caseRef)).rejects.toMatchObject({ code: "TAX.NOT_CLEARED" });

    // Paying the same part again is the same transaction (idempotent).
    await integrations().gatewaySimulator!.pay(buyerPart!.partNo, tokenOf(buyerPart!.payPage!));
    await integrations().payments.openPart(sellerPart!.partNo, tokenOf(sellerPart!.payPage!));
    await integrations().gatewaySimulator!.pay(sellerPart!.partNo, tokenOf(sellerPart!.payPage!));
    expect(await drain()).toBe(1); // tax.payment → confirmation
    const clearance = await requireCleared(caseRef);
    expect(clearance).toMatchObject({ kind: "paid", amountFen: 2_000_000 });

    // 清分: the treasury receives exactly the tax and the non-tax account exactly the fee.
    const accounts = await env.services.db
      .selectFrom("payment_allocations")
      .innerJoin("payment_parts", "payment_parts.id", "payment_allocations.part_id")
      .innerJoin("payment_orders", "payment_orders.id", "payment_parts.order_id")
      .select([
        "payment_allocations.account",
        "payment_allocations.amount_fen",
        "payment_allocations.account_no",
      ])
      .where("payment_orders.case_ref", "=", caseRef)
      .execute();
    const sum = (a: string) => accounts.filter((x) => x.account === a).reduce((s, x) => s + x.amount_fen, 0);
    expect(sum("treasury")).toBe(2_000_000);
    expect(sum("non-tax")).toBe(8_000);
    expect(new Set(accounts.filter((x) => x.account === "treasury").map((x) => x.account_no))).toEqual(
      new Set([env.services.config.integrations.treasuryAccount]),
    );

    // Electronic receipts: one per payer, their items add up to what each paid.
    const seller = await integrations().payments.openPart(sellerPart!.partNo, tokenOf(sellerPart!.payPage!));
    const receipt = seller.receipt as {
      amountFen: number;
      items: Array<{ amountFen: number }>;
      digest: string;
    };
    expect(receipt.items.reduce((s, i) => s + i.amountFen, 0)).toBe(receipt.amountFen);
    expect(receipt.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(seller.receiptNo).toMatch(/^YL\d{8}\d{8}$/);

    // Registered: the tax bureau is told in the same transaction (closing the loop).
    await inTransaction(env.services.db, (tx) =>
      integrations().notifyTaxRegistered(tx, { caseRef, registeredAt: new Date(), certificateNo: null }),
    );
    expect(await drain()).toBe(1);
    const told = await integrations().simulatorStore.get("tax", "registered", caseRef);
    expect(told).toMatchObject({ caseRef, voucherNo: clearance.voucherNo });
    expect((await integrations().tax.getCaseTax(ctx, caseRef)).status).toBe("registered");
  });

  it("reconciles the day with the channel's statement, balanced to the fen", async () => {
    const admin = await contextAs(env.services, "chancheng.admin");
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = await integrations().payments.reconcileDay(admin, today);
    expect(report).toMatchObject({ balanced: true, mismatches: [] });
    expect(report.ourTotal).toBe(report.gatewayTotal);
    expect(report.byAccount.treasury + report.byAccount["non-tax"]).toBe(report.ourTotal);
    expect(report.ourTotal).toBeGreaterThanOrEqual(2_008_000);
    // No case ended unregistered: nothing refunded, the net is what was received.
    expect(report).toMatchObject({ refunds: 0, refundTotal: 0, gatewayRefundTotal: 0 });
    expect(report.netTotal).toBe(report.ourTotal);
    expect(report.netByAccount).toEqual(report.byAccount);

    // A channel transaction we never recorded shows up and unbalances the day.
    await integrations().simulatorStore.put("payment", "txn", "STRAY-1", {
      txnId: "STRAY-1",
      partNo: "PO-UNKNOWN-1",
      amountFen: 1,
      paidAt: new Date().toISOString(),
      date: today,
    });
    const off = await integrations().payments.reconcileDay(admin, today);
    expect(off.balanced).toBe(false);
    expect(off.mismatches).toEqual([
      { kind: "missing-here", txnId: "STRAY-1", reference: "PO-UNKNOWN-1", amount: 1 },
    ]);

    const cookie = await loginAs(env.app, "chancheng.shouli");
    const denied = await env.app.inject({
      url: `/api/integrations/payment/reconciliation/${today}`,
      headers: { cookie },
    });
    expect(denied.statusCode).toBe(404);
  });

  it("counts the household's homes from the register: buyer, spouse and minor children (second home 2 % above 140 m²)", async () => {
    const ctx = await contextAs(env.services, "chancheng.shouli");
    const spouse = person("1987-05-05", "配偶");
    const adultChild = person("2000-01-01", "成年子女");
    const homes = givenHomes(env);
    const spouseHome = await homes.home(FOSHAN_CHANCHENG, [spouse]);
    // An adult child's home is not the household's.
    await homes.home(FOSHAN_CHANCHENG, [adultChild]);
    const decl = saleDeclaration({
      unit: { unitCode: "440604003001GB00001F00040001", address: "大平层", areaSqm: 150, use: "residential" },
      spouse,
      children: [{ idNumber: adultChild.idNumber }],
    });
    const summary = await integrations().tax.declareTax(ctx, decl);
    expect(summary).toMatchObject({
      homesBefore: 1,
      householdMembers: 2,
      countSource: "register",
      countedUnits: [spouseHome.unitCode],
    });
    await drain();
    const t = await integrations().tax.getCaseTax(ctx, decl.caseRef);
    expect(t.assessment).toMatchObject({ category: "second-home", rateBp: 200, totalFen: 4_000_000 });

    // The buyer contests: the spouse's flat was sold. The guarantee is sealed and re-assessed.
    const contest = await integrations().tax.contestHousingCount(ctx, decl.caseRef, {
      claimedHomesBefore: 0,
      text_zh: "本人承诺家庭在本市无其他住房，如有不实愿承担法律责任。",
    });
    expect(contest.seal).toMatch(/^30[0-9a-f]+$/);
    // The answer shows what the register counted, the homes the guarantee contradicts.
    expect(contest.registerCount).toEqual({
      homesBefore: 1,
      unitCodes: [spouseHome.unitCode],
      source: "register",
    });
    await drain();
    const after = await integrations().tax.getCaseTax(ctx, decl.caseRef);
    expect(after).toMatchObject({ householdSource: "guarantee", contests: 1 });
    expect(after.assessment).toMatchObject({ category: "only-home", rateBp: 150, totalFen: 3_000_000 });
  });

  it("exempts a transfer between spouses with an immediate exemption certificate", async () => {
    const ctx = await contextAs(env.services, "chancheng.shouli");
    const decl = saleDeclaration({ transfer: "between-spouses" });
    await integrations().tax.declareTax(ctx, decl);
    await drain();
    expect(await requireCleared(decl.caseRef)).toMatchObject({ kind: "exempt", amountFen: 0 });
  });

  it("lets only staff of the case's office declare", async () => {
    const other = await contextAs(env.services, "beilin.shouli");
    await expect(integrations().tax.declareTax(other, saleDeclaration())).rejects.toMatchObject({
      code: "AUTH.FORBIDDEN",
    });
    const citizen = await contextAs(env.services, "citizen.zhang");
    await expect(integrations().tax.declareTax(citizen, saleDeclaration())).rejects.toMatchObject({
      code: "AUTH.FORBIDDEN",
    });
  });

  it("refuses a second declaration for the same case and nonsense input", async () => {
    const ctx = await contextAs(env.services, "chancheng.shouli");
    const decl = saleDeclaration();
    await integrations().tax.declareTax(ctx, decl);
    await expect(integrations().tax.declareTax(ctx, decl)).rejects.toMatchObject({
      code: "TAX.ALREADY_DECLARED",
    });
    await expect(
      integrations().tax.declareTax(ctx, saleDeclaration({ caseRef: newCaseRef(), onDate: "2024-01-01" })),
    ).rejects.toMatchObject({ code: "TAX.INVALID" });
  });
});
