import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { FOSHAN_CHANCHENG, newCaseRef, saleDeclaration } from "./support/fixtures";

let env: TestEnv;
let clerk: string;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_PUBLIC_URL: "http://yulin.test" });
  clerk = await loginAs(env.app, "chancheng.shouli");
});
afterAll(() => env.close());

describe("department collaboration routes", () => {
  it("quotes the registration fee and deed tax before applying, without logging in", async () => {
    const res = await env.app.inject({
      method: "POST",
      url: "/api/fees/quote",
      payload: {
        jurisdiction: FOSHAN_CHANCHENG,
        fee: { kind: "transfer", property: "residential", certificates: 2 },
        deedTax: {
          baseFen: 300_000_000,
          areaSqm: 150,
          use: "residential",
          buyer: "individual",
          transfer: "sale",
          householdHomesBefore: 1,
          onDate: "2025-06-01",
        },
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().registrationFee).toMatchObject({ total: 9_000, rule: "standard" });
    expect(res.json().deedTax).toMatchObject({ category: "second-home", rateBp: 200, amountFen: 6_000_000 });
    const bad = await env.app.inject({
      method: "POST",
      url: "/api/fees/quote",
      payload: {
        jurisdiction: FOSHAN_CHANCHENG,
        fee: { kind: "transfer", property: "castle", certificates: 1 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("REQUEST.INVALID");
  });

  it("declares through the API, opens one order, serves a QR pay page and the simulated channel, and issues a receipt", async () => {
    const decl = saleDeclaration();
    const declared = await env.app.inject({
      method: "POST",
      url: "/api/integrations/tax/declarations",
      headers: { cookie: clerk },
      payload: decl,
    });
    expect(declared.statusCode).toBe(202);
    await env.services.integrations.worker.drain();
    const status = await env.app.inject({
      url: `/api/integrations/tax/cases/${decl.caseRef}`,
      headers: { cookie: clerk },
    });
    expect(status.json().assessment.totalFen).toBe(2_000_000);

    const created = await env.app.inject({
      method: "POST",
      url: "/api/integrations/payment/orders",
      headers: { cookie: clerk },
      payload: {
        caseRef: decl.caseRef,
        jurisdiction: FOSHAN_CHANCHENG,
        fee: { kind: "transfer", property: "residential", certificates: 1 },
        payers: { mode: "amounts", payers: [{ payer: "买方", amount: 2_008_000 }] },
      },
    });
    expect(created.statusCode).toBe(201);
    const again = await env.app.inject({
      method: "POST",
      url: "/api/integrations/payment/orders",
      headers: { cookie: clerk },
      payload: {
        caseRef: decl.caseRef,
        jurisdiction: FOSHAN_CHANCHENG,
        fee: { kind: "transfer", property: "residential", certificates: 1 },
        payers: { mode: "amounts", payers: [{ payer: "买方", amount: 2_008_000 }] },
      },
    });
    expect(again.json().code).toBe("PAYMENT.ORDER_EXISTS");
    const payPage = new URL(created.json().parts[0].payPage);
    const page = await env.app.inject({ url: payPage.pathname + payPage.search });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("<svg");
    expect(page.body).toContain("20080.00");
    const wrongToken = await env.app.inject({ url: `${payPage.pathname}?t=${"x".repeat(22)}` });
    expect(wrongToken.statusCode).toBe(404);

    const partNo = created.json().parts[0].partNo;
    const t = payPage.searchParams.get("t");
    const channel = await env.app.inject({ url: `/api/integrations/payment/sim/${partNo}?t=${t}` });
    expect(channel.body).toContain("确认支付");
    const paid = await env.app.inject({
      method: "POST",
      url: `/api/integrations/payment/sim/${partNo}?t=${t}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });
    expect(paid.statusCode).toBe(303);
    const after = await env.app.inject({ url: paid.headers.location as string });
    expect(after.body).toContain("已缴费");
    const part = await env.app.inject({ url: `/api/integrations/payment/parts/${partNo}?t=${t}` });
    const receipt = await env.app.inject({
      url: `/api/integrations/payment/receipts/${part.json().receiptNo}?t=${t}`,
    });
    expect(receipt.json()).toMatchObject({ amountFen: 2_008_000, caseRef: decl.caseRef });
    expect(receipt.json().items.map((i: { account: string }) => i.account)).toEqual(["treasury", "non-tax"]);

    const order = await env.app.inject({
      url: `/api/integrations/payment/orders/${created.json().orderNo}`,
      headers: { cookie: clerk },
    });
    expect(order.json().status).toBe("paid");
    const stranger = await loginAs(env.app, "beilin.shouli");
    const hidden = await env.app.inject({
      url: `/api/integrations/payment/orders/${created.json().orderNo}`,
      headers: { cookie: stranger },
    });
    expect(hidden.statusCode).toBe(404);
  });

  it("publishes the platform's SM2 key and documents the routes in OpenAPI", async () => {
    const key = await env.app.inject({ url: "/api/integrations/platform-key" });
    expect(key.json()).toMatchObject({ algorithm: "SM2", userId: "1234567812345678" });
    expect(key.json().publicKey).toBe(env.services.integrations.signingKey.publicKey);
    const openapi = (await env.app.inject({ url: "/api/openapi.json" })).json();
    for (const p of [
      "/api/integrations/connectors",
      "/api/integrations/outbox",
      "/api/integrations/outbox/{id}/retry",
      "/api/integrations/{department}/callbacks",
      "/api/integrations/payment/orders",
      "/api/fees/quote",
    ]) {
      expect(Object.keys(openapi.paths)).toContain(p);
    }
  });

  it("needs a login for staff routes and refuses a citizen", async () => {
    const anon = await env.app.inject({
      method: "POST",
      url: "/api/integrations/tax/declarations",
      payload: saleDeclaration(),
    });
    expect(anon.statusCode).toBe(401);
    const citizen = await loginAs(env.app, "citizen.li");
    const res = await env.app.inject({
      method: "POST",
      url: "/api/integrations/tax/declarations",
      headers: { cookie: citizen },
      payload: saleDeclaration({ caseRef: newCaseRef() }),
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("AUTH.FORBIDDEN");
  });
});
