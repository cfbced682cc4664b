import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/platform/db/database";
import { demoIdentity, type Given, given, type Http, http, uploadMaterials } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { contextAs, FOSHAN_CHANCHENG, newCaseRef } from "./support/fixtures";

/**
 * 退费: a paid case that ends without registration (撤回, 不予登记, 不予受理) gets the registration fee
 * back, each payer what their part paid of it, through the channel; the deed tax is left to the
 * tax department, which is told.
 */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_PUBLIC_URL: "http://yulin.test" });
  api = http(env);
  g = given(env);
});
afterAll(async () => {
  await env.services.certificates.sealing.drain();
  await env.close();
});

const integrations = () => env.services.integrations;
const drain = () => integrations().worker.drain();
const tokenOf = (payPage: string) => new URL(payPage).searchParams.get("t")!;
const ACCEPTOR = "chancheng.shouli";
const REVIEWER = "chancheng.shenhe";

type Payers = { mode: "amounts"; payers: Array<{ payer: string; amount: number }> };
type Order = {
  orderNo: string;
  parts: Array<{ partNo: string; payPage: string; amountFen: number; payer: string }>;
};

/** A second-hand sale filed and submitted by the buyer, with its assessed deed tax. */
async function filedSale() {
  const flat = await g.flat();
  const created = await api.post("citizen.li", "/api/cases", {
    typeId: "transfer.sale",
    unitCode: flat.unitCode,
    parts: [
      {
        details: { coOwnership: "sole" },
        parties: [
          { role: "right-holder", account: "citizen.li" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, "citizen.li", id, ["transfer.sale"]);
  for (const who of ["citizen.li", "citizen.zhang"]) await api.post(who, `/api/cases/${id}/confirm`);
  const submitted = await api.post("citizen.li", `/api/cases/${id}/submit`);
  expect(submitted.body.stage).toBe("submitted");
  const declared = await api.post(ACCEPTOR, "/api/integrations/tax/declarations", {
    caseRef: id,
    jurisdiction: FOSHAN_CHANCHENG,
    contractNo: "WQ2026-000999",
    unit: { unitCode: flat.unitCode, address: "测试路", areaSqm: 98.5, use: "residential" },
    priceFen: 200_000_000,
    transfer: "sale",
    onDate: new Date().toISOString().slice(0, 10),
    buyerKind: "individual",
    buyers: [demoIdentity("citizen.li")],
    sellers: [demoIdentity("citizen.zhang")],
  });
  expect(declared.status, JSON.stringify(declared.body)).toBe(202);
  await drain();
  const tax = await integrations().tax.getCaseTax(await contextAs(env.services, ACCEPTOR), id);
  return { caseId: id, taxFen: tax.assessment!.totalFen };
}

/** One order for the case's deed tax and 80-yuan fee, split between payers, every part paid. */
async function paidOrder(caseRef: string, payers: Payers): Promise<Order> {
  const order = await api.post(ACCEPTOR, "/api/integrations/payment/orders", {
    caseRef,
    jurisdiction: FOSHAN_CHANCHENG,
    fee: { kind: "transfer", property: "residential", certificates: 1 },
    payers,
  });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  for (const part of order.body.parts as Order["parts"]) {
    await integrations().payments.openPart(part.partNo, tokenOf(part.payPage));
    await integrations().gatewaySimulator!.pay(part.partNo, tokenOf(part.payPage));
  }
  await drain();
  return order.body as Order;
}

const orderOf = async (orderNo: string) =>
  (await api.get(ACCEPTOR, `/api/integrations/payment/orders/${orderNo}`)).body as {
    closed: { reason: string } | null;
    refunds: Array<{
      refundNo: string;
      partNo: string;
      payer: string;
      amountFen: number;
      status: string;
      receiptNo: string | null;
      taxFen: number;
      taxRefundedBy: string | null;
    }>;
  };

/** A fee-only order (no deed tax) for one payer: 80 yuan and 10 per extra certificate. */
const feeOrder = async (caseRef: string, certificates: number) =>
  integrations().payments.createPaymentOrder(await contextAs(env.services, ACCEPTOR), {
    caseRef,
    jurisdiction: FOSHAN_CHANCHENG,
    fee: { kind: "transfer", property: "residential", certificates },
    payers: { mode: "amounts", payers: [{ payer: "申请人", amount: 7_000 + 1_000 * certificates }] },
  });

/** The port the cases workflow calls when a case ends without registration. */
const endUnregistered = (caseRef: string, reason: "refused" | "not-accepted" | "withdrawn") =>
  inTransaction(env.services.db, (tx) =>
    integrations().refundUnregisteredCase(tx, { caseRef, reason, closedAt: new Date() }),
  );

const refundOutbox = async (orderNo: string) =>
  env.services.db
    .selectFrom("outbox")
    .select(["idempotency_key", "status"])
    .where("topic", "=", "payment.refund")
    .where("idempotency_key", "like", `payment.refund:RF${orderNo}%`)
    .execute();

describe("fee refunds (退费) when a paid case ends without registration", () => {
  it("a withdrawn case gets exactly the fee back, each payer what their part paid of it, not the tax", async () => {
    const { caseId, taxFen } = await filedSale();
    expect(taxFen).toBeGreaterThan(0);
    // Taxes first: the buyer's part covers the deed tax and 40 yuan of the fee, the seller 40 yuan.
    const order = await paidOrder(caseId, {
      mode: "amounts",
      payers: [
        { payer: "买方 李娜", amount: taxFen + 4_000 },
        { payer: "卖方 张伟", amount: 4_000 },
      ],
    });
    // A joint sale: the buyer asks, the seller agrees (issue 17).
    expect((await api.post("citizen.li", `/api/cases/${caseId}/withdraw`)).body.stage).not.toBe("withdrawn");
    const withdrawn = await api.post("citizen.zhang", `/api/cases/${caseId}/withdraw`);
    expect(withdrawn.body.stage).toBe("withdrawn");
    // Requested in the withdrawing transaction, paid back when the outbox delivers it.
    expect((await orderOf(order.orderNo)).refunds.map((r) => r.status)).toEqual(["requested", "requested"]);
    await drain();

    const view = await orderOf(order.orderNo);
    expect(view.closed).toMatchObject({ reason: "withdrawn" });
    expect(view.refunds).toMatchObject([
      {
        partNo: order.parts[0]!.partNo,
        payer: "买方 李娜",
        amountFen: 4_000,
        status: "succeeded",
        taxFen,
        taxRefundedBy: "tax-department",
      },
      {
        partNo: order.parts[1]!.partNo,
        payer: "卖方 张伟",
        amountFen: 4_000,
        status: "succeeded",
        taxFen: 0,
      },
    ]);
    expect(view.refunds.reduce((s, r) => s + r.amountFen, 0)).toBe(8_000);

    // The channel refunded the original transactions, and nothing of the tax.
    const channel = await integrations().simulatorStore.list("payment", "refund");
    const ours = channel
      .map((r) => r.data as { refundNo: string; amountFen: number; status: string })
      .filter((r) => r.refundNo.startsWith(`RF${order.orderNo}`));
    expect(ours.map((r) => [r.amountFen, r.status])).toEqual([
      [4_000, "succeeded"],
      [4_000, "succeeded"],
    ]);

    // Each payer gets an electronic refund receipt by the token of their own pay link.
    const receiptNo = view.refunds[1]!.receiptNo!;
    expect(receiptNo).toMatch(/^YT\d{8}\d{8}$/);
    const receipt = await env.app.inject({
      url: `/api/integrations/payment/refund-receipts/${receiptNo}?t=${tokenOf(order.parts[1]!.payPage)}`,
    });
    expect(receipt.statusCode).toBe(200);
    expect(receipt.json()).toMatchObject({
      title: "不动产登记费电子退费凭证",
      amountFen: 4_000,
      reason: "withdrawn",
      items: [{ account: "non-tax", amountFen: 4_000 }],
      tax: { amountFen: 0, refundedBy: "tax-department" },
    });
    const other = await env.app.inject({
      url: `/api/integrations/payment/refund-receipts/${receiptNo}?t=${tokenOf(order.parts[0]!.payPage)}`,
    });
    expect(other.statusCode).toBe(404);

    // The tax bureau is told the deed tax it holds is to be refunded (退税).
    const told = (await integrations().simulatorStore.list("tax", "closed-unregistered"))
      .map((r) => r.data as { caseRef: string; taxPaidFen: number; reason: string })
      .find((n) => n.caseRef === caseId);
    expect(told).toMatchObject({ reason: "withdrawn", taxPaidFen: taxFen });

    // Nothing more is charged for the case.
    await expect(
      integrations().payments.openPart(order.parts[0]!.partNo, tokenOf(order.parts[0]!.payPage)),
    ).resolves.toMatchObject({ status: "paid" });
  });

  it("a refused case (不予登记) refunds the fee part of the part that paid it, and is refunded once however often it is asked", async () => {
    const { caseId, taxFen } = await filedSale();
    // The first part is tax only; the second pays the rest of the tax (1 000 yuan) and the fee.
    const order = await paidOrder(caseId, {
      mode: "amounts",
      payers: [
        { payer: "买方", amount: taxFen - 100_000 },
        { payer: "卖方", amount: 108_000 },
      ],
    });
    const accepted = await api.post(ACCEPTOR, `/api/cases/${caseId}/accept`);
    expect(accepted.body.stage, JSON.stringify(accepted.body)).toBe("accepted");
    const refused = await api.post(REVIEWER, `/api/cases/${caseId}/refuse`, {
      reasons: ["申请登记的不动产权属存在争议"],
    });
    expect(refused.body.stage, JSON.stringify(refused.body)).toBe("refused");

    // The trigger again (a retried request, the archive step …): nothing more is refunded.
    for (let i = 0; i < 2; i++) {
      expect(await endUnregistered(caseId, "refused")).toEqual({ orderNo: order.orderNo, requested: 0 });
    }
    expect(await refundOutbox(order.orderNo)).toHaveLength(1);
    await drain();
    await drain();

    const view = await orderOf(order.orderNo);
    expect(view.closed).toMatchObject({ reason: "refused" });
    expect(view.refunds).toMatchObject([
      {
        payer: "卖方",
        amountFen: 8_000,
        status: "succeeded",
        taxFen: 100_000,
        taxRefundedBy: "tax-department",
      },
    ]);
    const channel = (await integrations().simulatorStore.list("payment", "refund"))
      .map((r) => r.data as { refundNo: string })
      .filter((r) => r.refundNo.startsWith(`RF${order.orderNo}`));
    expect(channel).toHaveLength(1);
    const told = (await integrations().simulatorStore.list("tax", "closed-unregistered"))
      .map((r) => r.data as { caseRef: string; taxPaidFen: number; transactions: unknown[] })
      .filter((n) => n.caseRef === caseId);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      taxPaidFen: taxFen,
      transactions: [{ taxFen: taxFen - 100_000 }, { taxFen: 100_000 }],
    });
  });

  it("an unpaid case refunds nothing and its order charges nothing more; a case without an order is left alone", async () => {
    const caseRef = newCaseRef();
    const order = await feeOrder(caseRef, 1);
    const closed = await endUnregistered(caseRef, "not-accepted");
    expect(closed).toEqual({ orderNo: order.orderNo, requested: 0 });
    expect((await orderOf(order.orderNo)).refunds).toEqual([]);
    expect(await refundOutbox(order.orderNo)).toEqual([]);
    const part = order.parts[0]!;
    await expect(integrations().payments.openPart(part.partNo, tokenOf(part.payPage!))).rejects.toMatchObject(
      {
        code: "PAYMENT.CASE_CLOSED",
      },
    );
    expect(await endUnregistered(newCaseRef(), "withdrawn")).toBeNull();
  });

  it("a part paid after the case ended (its charge opened before) is refunded at once", async () => {
    const caseRef = newCaseRef();
    const order = await feeOrder(caseRef, 2);
    const part = order.parts[0]!;
    await integrations().payments.openPart(part.partNo, tokenOf(part.payPage!));
    await endUnregistered(caseRef, "withdrawn");
    await integrations().gatewaySimulator!.pay(part.partNo, tokenOf(part.payPage!));
    await drain();
    expect((await orderOf(order.orderNo)).refunds).toMatchObject([
      { amountFen: 9_000, status: "succeeded", taxFen: 0, taxRefundedBy: null },
    ]);
  });

  it("the day's reconciliation still balances to the fen: received − refunded = allocated net of refunds", async () => {
    const admin = await contextAs(env.services, "chancheng.admin");
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = await integrations().payments.reconcileDay(admin, today);
    expect(report).toMatchObject({ balanced: true, mismatches: [] });
    // The four refunds above: 40 + 40 + 80 + 90 yuan, all from the non-tax account.
    expect(report.refunds).toBe(4);
    expect(report.refundTotal).toBe(25_000);
    expect(report.gatewayRefundTotal).toBe(25_000);
    expect(report.refundsByAccount).toEqual({ treasury: 0, "non-tax": 25_000 });
    expect(report.netTotal).toBe(report.ourTotal - report.refundTotal);
    expect(report.netByAccount.treasury + report.netByAccount["non-tax"]).toBe(report.netTotal);
    expect(report.netByAccount.treasury).toBe(report.byAccount.treasury);
    expect(report.byAccount.treasury + report.byAccount["non-tax"]).toBe(report.ourTotal);

    // A refund the channel made that we never recorded unbalances the day.
    await integrations().simulatorStore.put("payment", "refund", "RF-STRAY-1", {
      refundId: "SIMRF-STRAY-1",
      refundNo: "RF-STRAY-1",
      txnId: "T-UNKNOWN",
      amountFen: 1,
      status: "succeeded",
      refundedAt: new Date().toISOString(),
      date: today,
    });
    const off = await integrations().payments.reconcileDay(admin, today);
    expect(off.balanced).toBe(false);
    expect(off.mismatches).toEqual([
      { kind: "refund-missing-here", refundId: "SIMRF-STRAY-1", reference: "RF-STRAY-1", amount: 1 },
    ]);
  });
});
