import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstitutionByUsername } from "../../src/identity/institution.repository";
import { generateSm2KeyPair } from "../../src/integrations/shared/sm2";
import { giveSimulatedHomes } from "../../src/integrations/tax/household-housing-count";
import { inTransaction } from "../../src/platform/db/database";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { startDepartmentServer } from "./support/department-server";
import { contextAs, FOSHAN_CHANCHENG, person, saleDeclaration, UNIT } from "./support/fixtures";
import { connectInstitution, signedCallback } from "./support/signing";

let env: TestEnv;
let dept: Awaited<ReturnType<typeof startDepartmentServer>>;
let taxDown = false;
const statement: Array<{ txnId: string; partNo: string; amountFen: number; paidAt: string }> = [];
const refunded: Array<{ refundId: string; refundNo: string; txnId: string; amountFen: number }> = [];
const buyer = person("1990-07-08", "李娜");
const seller = person("1970-02-02", "王卖");

beforeAll(async () => {
  dept = await startDepartmentServer({
    platformPublicKey: () => env.services.integrations.signingKey.publicKey,
    routes: {
      "POST /tax/declarations": (body) =>
        taxDown
          ? { status: 503, json: { error: "maintenance" } }
          : {
              status: 200,
              json: {
                assessment: {
                  assessmentNo: `HA-${body.data.declarationNo}`,
                  caseRef: body.data.caseRef,
                  lines: [{ code: "DEED_TAX", label_zh: "契税", label_en: "Deed tax", amountFen: 1_500_000 }],
                  totalFen: 1_500_000,
                  householdHomesBefore: body.data.household.homesBefore,
                  category: "only-home",
                  rateBp: 100,
                  assessedAt: new Date().toISOString(),
                },
                confirmation: null,
              },
            },
      "POST /tax/payments": () => ({ status: 202, json: {} }),
      "POST /tax/registrations": () => ({ status: 200, json: { ok: true } }),
      "POST /payment/charges": (body) => ({
        status: 200,
        json: { payUrl: `https://pay.example.test/c/${body.data.partNo}` },
      }),
      "POST /payment/refunds": (body) => {
        const r = { refundId: `BANK-RF-${refunded.length + 1}`, ...body.data, reason: undefined };
        refunded.push(r);
        return { status: 200, json: { ...r, status: "succeeded", refundedAt: new Date().toISOString() } };
      },
      "GET /payment/statements/*": () => ({
        status: 200,
        json: { transactions: statement, refunds: refunded },
      }),
      "GET /housing/contracts/WQ-HTTP-1": () => ({
        status: 200,
        json: {
          contractNo: "WQ-HTTP-1",
          status: "filed",
          unitCode: UNIT,
          address: "佛山市禅城区祖庙路1号1座101",
          areaSqm: 100,
          use: "residential",
          priceFen: 150_000_000,
          signedAt: "2025-02-20T10:00:00.000Z",
          buyers: [buyer],
          sellers: [seller],
        },
      }),
      "POST /housing/eligibility": (body) => ({
        status: 200,
        json: {
          eligible: body.idNumber !== seller.idNumber,
          reason_zh: "测试",
          reason_en: "test",
          checkedAt: new Date().toISOString(),
        },
      }),
      "POST /elicence/licences/query": (body) => ({
        status: 200,
        json: {
          type: body.type,
          licenceNo: "SFZ-0001",
          holderName: "李娜",
          holderNumber: body.holderNumber,
          issuer: "佛山市公安局禅城分局",
          issuedOn: "2020-01-01",
          validUntil: "2040-01-01",
          fields: { address: "佛山市禅城区" },
        },
      }),
      "POST /bank/collateral-events": () => ({ status: 200, json: { received: true } }),
    },
  });
  env = await startTestEnv({
    YULIN_TAX_URL: `${dept.url}/tax`,
    YULIN_PAYMENT_URL: `${dept.url}/payment`,
    YULIN_HOUSING_URL: `${dept.url}/housing`,
    YULIN_ELICENCE_URL: `${dept.url}/elicence`,
    YULIN_OUTBOX_MAX_ATTEMPTS: "3",
    YULIN_OUTBOX_BACKOFF_BASE_MS: "1",
    YULIN_OUTBOX_BACKOFF_MAX_MS: "5",
    // The simulated departments listen on loopback: the operator allows it (docs/security.md).
    YULIN_OUTBOUND_ALLOW: "127.0.0.1",
  });
});
afterAll(async () => {
  await env.close();
  await dept.close();
});

const integrations = () => env.services.integrations;
const drainAll = async () => {
  for (let i = 0; i < 10; i++) {
    await integrations().worker.drain();
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe("HTTP connectors against a department speaking the documented JSON", () => {
  it("tax and payment over HTTP: signed declaration, charge, signed channel callback, statement, confirmation, registration", async () => {
    const staff = await contextAs(env.services, "chancheng.shouli");
    const decl = saleDeclaration({ buyers: [buyer], sellers: [seller], priceFen: 150_000_000 });
    await integrations().tax.declareTax(staff, decl);
    await drainAll();
    const sent = dept.received.find((r) => r.path === "/tax/declarations")!;
    expect(sent.signatureValid).toBe(true);
    const envelope = sent.body as {
      messageId: string;
      type: string;
      data: { buyers: Array<{ idNumber: string }> };
    };
    expect(envelope.messageId).toBe(sent.idempotencyKey);
    expect(envelope.type).toBe("tax.declaration");
    expect(envelope.data.buyers[0]!.idNumber).toBe(buyer.idNumber);
    expect((await integrations().tax.getCaseTax(staff, decl.caseRef)).assessment?.totalFen).toBe(1_500_000);

    const order = await integrations().payments.createPaymentOrder(staff, {
      caseRef: decl.caseRef,
      jurisdiction: FOSHAN_CHANCHENG,
      fee: { kind: "transfer", property: "residential", certificates: 2 },
      payers: { mode: "amounts", payers: [{ payer: "买方", amount: 1_509_000 }] },
    });
    const part = order.parts[0]!;
    const t = new URL(part.payPage!).searchParams.get("t")!;
    const opened = await integrations().payments.openPart(part.partNo, t);
    expect(opened.payUrl).toBe(`https://pay.example.test/c/${part.partNo}`);

    // The acquiring bank (payment channel) calls back, signed with its registered key.
    const channelKeys = generateSm2KeyPair();
    const channelToken = await connectInstitution(env.app, "bank.gongshang", channelKeys.publicKey);
    const txn = {
      txnId: "BANK-TXN-1",
      partNo: part.partNo,
      amountFen: 1_509_000,
      paidAt: new Date().toISOString(),
    };
    statement.push(txn);
    const paid = await env.app.inject({
      method: "POST",
      url: "/api/integrations/payment/callbacks",
      ...(() => {
        const s = signedCallback(channelKeys.privateKey, channelToken, {
          messageId: "pay-1",
          type: "payment-succeeded",
          data: txn,
        });
        return { headers: s.headers, payload: s.body };
      })(),
    });
    expect(paid.statusCode).toBe(200);
    expect(paid.json().result.receiptNo).toMatch(/^YL/);

    const admin = await contextAs(env.services, "chancheng.admin");
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = await integrations().payments.reconcileDay(admin, day);
    expect(report).toMatchObject({
      balanced: true,
      ourTotal: 1_509_000,
      gatewayTotal: 1_509_000,
      byAccount: { treasury: 1_500_000, "non-tax": 9_000 },
    });

    // Tax is told of the payment; the bureau confirms later by callback.
    await drainAll();
    expect(dept.received.some((r) => r.path === "/tax/payments" && r.signatureValid)).toBe(true);
    const cleared = () =>
      inTransaction(env.services.db, (tx) => integrations().requireTaxCleared(tx, decl.caseRef));
    await expect(cleared()).rejects.toMatchObject({ code: "TAX.NOT_CLEARED" });
    const taxKeys = generateSm2KeyPair();
    const taxToken = await connectInstitution(env.app, "tax.foshan", taxKeys.publicKey);
    const s = signedCallback(taxKeys.privateKey, taxToken, {
      messageId: "tax-confirm-http-1",
      type: "payment-confirmed",
      data: {
        caseRef: decl.caseRef,
        voucherNo: "HV-1",
        assessmentNo: `HA-${(await integrations().tax.getCaseTax(staff, decl.caseRef)).declarationNo}`,
        kind: "paid",
        amountFen: 1_500_000,
        confirmedAt: new Date().toISOString(),
      },
    });
    const confirmed = await env.app.inject({
      method: "POST",
      url: "/api/integrations/tax/callbacks",
      headers: s.headers,
      payload: s.body,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(await cleared()).toMatchObject({ voucherNo: "HV-1" });
    await inTransaction(env.services.db, (tx) =>
      integrations().notifyTaxRegistered(tx, { caseRef: decl.caseRef, registeredAt: new Date() }),
    );
    await drainAll();
    const reg = dept.received.find((r) => r.path === "/tax/registrations")!;
    expect(reg).toMatchObject({ signatureValid: true });
    expect((reg.body as { data: { voucherNo: string } }).data.voucherNo).toBe("HV-1");
  });

  it("retries with backoff, dead-letters after the last attempt, and an administrator retries it (audited)", async () => {
    taxDown = true;
    const staff = await contextAs(env.services, "chancheng.shouli");
    const decl = saleDeclaration();
    await integrations().tax.declareTax(staff, decl);
    await drainAll();
    const adminCookie = await loginAs(env.app, "chancheng.admin");
    const dead = await env.app.inject({
      url: "/api/integrations/outbox?status=dead",
      headers: { cookie: adminCookie },
    });
    expect(dead.statusCode).toBe(200);
    const message = dead
      .json()
      .messages.find((m: { summary: { caseRef?: string } }) => m.summary.caseRef === decl.caseRef);
    expect(message).toMatchObject({
      status: "dead",
      attempts: 3,
      topic: "tax.declaration",
      connector: "tax",
    });
    expect(message.lastError).toContain("503");
    expect(JSON.stringify(dead.json())).not.toContain(decl.buyers[0]!.idNumber);

    const connectors = await env.app.inject({
      url: "/api/integrations/connectors",
      headers: { cookie: adminCookie },
    });
    const tax = connectors.json().connectors.find((c: { connector: string }) => c.connector === "tax");
    expect(tax).toMatchObject({ mode: "http", status: "failing", consecutiveFailures: 3, dead: 1 });

    const clerk = await loginAs(env.app, "chancheng.shouli");
    const forbidden = await env.app.inject({
      method: "POST",
      url: `/api/integrations/outbox/${message.id}/retry`,
      headers: { cookie: clerk },
    });
    expect(forbidden.statusCode).toBe(404);
    expect(
      (await env.app.inject({ url: "/api/integrations/connectors", headers: { cookie: clerk } })).statusCode,
    ).toBe(404);

    taxDown = false;
    const retried = await env.app.inject({
      method: "POST",
      url: `/api/integrations/outbox/${message.id}/retry`,
      headers: { cookie: adminCookie },
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().message).toMatchObject({ status: "pending", attempts: 0 });
    const again = await env.app.inject({
      method: "POST",
      url: `/api/integrations/outbox/${message.id}/retry`,
      headers: { cookie: adminCookie },
    });
    expect(again.json().code).toBe("OUTBOX.NOT_RETRYABLE");
    await drainAll();
    expect((await integrations().tax.getCaseTax(staff, decl.caseRef)).assessment).not.toBeNull();
    const healthy = await env.app.inject({
      url: "/api/integrations/connectors",
      headers: { cookie: adminCookie },
    });
    expect(healthy.json().connectors.find((c: { connector: string }) => c.connector === "tax")).toMatchObject(
      {
        status: "ok",
        consecutiveFailures: 0,
        dead: 0,
      },
    );
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select(["outcome", "target_id"])
      .where("action", "=", "outbox.retry")
      .execute();
    expect(audit).toEqual([{ outcome: "success", target_id: String(message.id) }]);
  });

  it("fetches the online contract and eligibility; a mismatch or an ineligible buyer is a finding", async () => {
    const staff = await contextAs(env.services, "chancheng.shenhe");
    const result = await integrations().housing.checkContract(staff, {
      caseRef: "CASE-H-1",
      jurisdiction: FOSHAN_CHANCHENG,
      contractNo: "WQ-HTTP-1",
      application: {
        unitCode: UNIT,
        priceFen: 140_000_000,
        areaSqm: 100,
        buyers: [buyer],
        sellers: [seller],
      },
    });
    expect(result.findings.map((f) => f.code)).toEqual(["HOUSING.PRICE_MISMATCH"]);
    expect(result.findings[0]).toMatchObject({
      severity: "warn",
      message_zh: expect.any(String),
      basis: expect.any(String),
    });
    expect(result.contract.buyers[0]!.idNumber).toMatch(/\*{4,}/);
    const swapped = await integrations().housing.checkContract(staff, {
      caseRef: "CASE-H-2",
      jurisdiction: FOSHAN_CHANCHENG,
      contractNo: "WQ-HTTP-1",
      application: {
        unitCode: UNIT,
        priceFen: 150_000_000,
        areaSqm: 100,
        buyers: [seller],
        sellers: [buyer],
      },
    });
    expect(swapped.findings.map((f) => f.code).sort()).toEqual([
      "HOUSING.BUYER_MISMATCH",
      "HOUSING.NOT_ELIGIBLE",
      "HOUSING.SELLER_MISMATCH",
    ]);
    await expect(
      integrations().housing.checkContract(staff, {
        ...{ caseRef: "X", jurisdiction: FOSHAN_CHANCHENG, contractNo: "NOPE" },
        application: { unitCode: UNIT, priceFen: 1, areaSqm: 1, buyers: [buyer], sellers: [seller] },
      }),
    ).rejects.toMatchObject({ code: "CONNECTOR.NOT_FOUND" });
  });

  it("fetches an e-licence with the holder's consent and keeps it as a material with its SM3 digest and source", async () => {
    const staff = await contextAs(env.services, "chancheng.shouli");
    await expect(
      integrations().elicence.fetchLicence(
        { ...(await contextAs(env.services, "citizen.zhang")) },
        {
          caseRef: null,
          jurisdiction: null,
          type: "id-card",
          holderNumber: buyer.idNumber,
          consent: { kind: "self" },
        },
      ),
    ).rejects.toMatchObject({ code: "LICENCE.CONSENT_REQUIRED" });
    const licence = await integrations().elicence.fetchLicence(staff, {
      caseRef: "CASE-E-1",
      jurisdiction: FOSHAN_CHANCHENG,
      type: "id-card",
      holderNumber: buyer.idNumber,
      consent: {
        kind: "signed-authorisation",
        reference: "授权书-001",
        grantedAt: "2025-03-01T09:00:00Z",
        purpose: "不动产转移登记",
      },
    });
    expect(licence).toMatchObject({
      licenceNo: "SFZ-0001",
      source: "elicence:http",
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const row = await env.services.db
      .selectFrom("fetched_materials")
      .selectAll()
      .where("id", "=", licence.materialId)
      .executeTakeFirstOrThrow();
    expect(row.content).not.toContain(buyer.idNumber);
    expect(row.holder_hash).toBe(env.services.pii.lookupHash(buyer.idNumber));
    expect(row.consent).toMatchObject({ kind: "signed-authorisation", reference: "授权书-001" });
  });

  it("notifies a bank with the certification when its collateral is seized, at its registered endpoint", async () => {
    const bank = (await findInstitutionByUsername(env.services.db, "bank.gongshang"))!;
    await integrations().connections.setConnection({ actor: null, requestId: "t", ip: null }, bank.id, {
      endpointUrl: `${dept.url}/bank`,
    });
    const created = await inTransaction(env.services.db, (tx) =>
      integrations().notifyBanks(tx, {
        event: "collateral-seized",
        eventId: "entry-42",
        occurredAt: new Date(),
        unitCode: UNIT,
        jurisdiction: FOSHAN_CHANCHENG,
        mortgagees: [{ institutionId: bank.id, certificationNo: "粤（2025）佛山市不动产证明第0000567号" }],
      }),
    );
    expect(created).toBe(1);
    await drainAll();
    const got = dept.received.filter((r) => r.path === "/bank/collateral-events");
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ signatureValid: true, idempotencyKey: `bank:${bank.id}:entry-42` });
    expect((got[0]!.body as { data: { certificationNo: string } }).data.certificationNo).toContain(
      "不动产证明",
    );
    // Enqueueing the same event again is a no-op.
    const twice = await inTransaction(env.services.db, (tx) =>
      integrations().notifyBanks(tx, {
        event: "collateral-seized",
        eventId: "entry-42",
        occurredAt: new Date(),
        unitCode: UNIT,
        jurisdiction: FOSHAN_CHANCHENG,
        mortgagees: [{ institutionId: bank.id, certificationNo: null }],
      }),
    );
    expect(twice).toBe(0);
  });
});

describe("fee refund over HTTP (退费)", () => {
  it("posts the signed refund with its idempotency key, issues the refund receipt and reconciles it", async () => {
    const staff = await contextAs(env.services, "chancheng.shouli");
    const caseRef = `YL-HTTP-RF-${Date.now().toString(36)}`;
    const order = await integrations().payments.createPaymentOrder(staff, {
      caseRef,
      jurisdiction: FOSHAN_CHANCHENG,
      fee: { kind: "transfer", property: "residential", certificates: 1 },
      payers: { mode: "amounts", payers: [{ payer: "申请人", amount: 8_000 }] },
    });
    const part = order.parts[0]!;
    const txn = {
      txnId: "BANK-TXN-RF-1",
      partNo: part.partNo,
      amountFen: 8_000,
      paidAt: new Date().toISOString(),
    };
    statement.push(txn);
    await inTransaction(env.services.db, (tx) => integrations().payments.applyGatewayPayment(tx, staff, txn));
    await inTransaction(env.services.db, (tx) =>
      integrations().refundUnregisteredCase(tx, { caseRef, reason: "withdrawn", closedAt: new Date() }),
    );
    await drainAll();
    const sent = dept.received.find((r) => r.path === "/payment/refunds")!;
    expect(sent).toMatchObject({ signatureValid: true, idempotencyKey: `payment.refund:RF${part.partNo}` });
    expect((sent.body as { data: unknown }).data).toMatchObject({ txnId: "BANK-TXN-RF-1", amountFen: 8_000 });
    const view = await integrations().payments.getOrder(staff, order.orderNo);
    expect(view.refunds).toMatchObject([
      { status: "succeeded", gatewayRefundId: "BANK-RF-1", amountFen: 8_000 },
    ]);
    expect(view.refunds[0]!.receiptNo).toMatch(/^YT/);

    const admin = await contextAs(env.services, "chancheng.admin");
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = await integrations().payments.reconcileDay(admin, day);
    expect(report).toMatchObject({ balanced: true, refundTotal: 8_000, gatewayRefundTotal: 8_000 });
    expect(report.netTotal).toBe(report.ourTotal - 8_000);
  });
});

describe("register port for the household count", () => {
  it("is swappable: the simulated register answers by person key and city", async () => {
    const store = integrations().simulatorStore;
    await giveSimulatedHomes(store, "440600", "k1", ["U1", "U2"]);
    await giveSimulatedHomes(store, "440600", "k2", ["U2"]);
    const { createSimulatedHousingCount } = await import(
      "../../src/integrations/tax/household-housing-count"
    );
    const count = await createSimulatedHousingCount(store).countHomes(env.services.db, {
      personKeys: ["k1", "k2"],
      cityCode: "440600",
      asOf: new Date(),
    });
    expect(count).toMatchObject({ count: 2, unitCodes: ["U1", "U2"] });
  });
});
