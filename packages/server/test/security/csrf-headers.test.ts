import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logOptions } from "../../src/platform/logging";
import { closeEnv, type Given, given, type Http, http, uploadMaterials } from "../cases/support";
import { csrfTokenOf, loginAs, startTestEnv, type TestEnv } from "../support/test-services";

// Issue 17: a text/plain POST with a foreign Origin made a citizen e-sign (confirm → 200); no
// security headers; the payment link's token was written to the log.
let env: TestEnv;
let api: Http;
let g: Given;
const lines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  env = await startTestEnv({}, { log: pino(logOptions("info"), sink) });
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const mortgageCase = async () => {
  const flat = await g.flat({ holders: ["citizen.zhang"] });
  const created = await api.post("bank.gongshang", "/api/cases", {
    typeId: "mortgage.first.general",
    unitCode: flat.unitCode,
    parts: [
      {
        details: { mortgage: { amount: 80_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-77" },
        parties: [
          { role: "right-holder", account: "bank.gongshang" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
    confirm: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await uploadMaterials(api, "bank.gongshang", created.body.id, ["mortgage.first.general"]);
  return created.body.id as string;
};

describe("cross-site request forgery", () => {
  it("refuses a text/plain POST with a foreign Origin to confirm a case, and nothing is signed", async () => {
    const id = await mortgageCase();
    const cookie = await loginAs(env.app, "citizen.zhang");
    // A foreign page's form: the browser sends every cookie, the page cannot set headers.
    const forged = await env.server.inject({
      method: "POST",
      url: `/api/cases/${id}/confirm`,
      headers: { cookie, origin: "https://evil.example", "content-type": "text/plain" },
      payload: "{}",
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({
      code: "AUTH.CSRF_ORIGIN",
      message_zh: expect.stringMatching(/其他网站/),
    });
    // Same origin (or no Origin at all) but without the token: refused too.
    const noToken = await env.server.inject({
      method: "POST",
      url: `/api/cases/${id}/confirm`,
      headers: { cookie, "content-type": "text/plain" },
      payload: "{}",
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe("AUTH.CSRF_TOKEN");
    const wrongToken = await env.server.inject({
      method: "POST",
      url: `/api/cases/${id}/confirm`,
      headers: { cookie, "x-csrf-token": "forged-token" },
    });
    expect(wrongToken.json().code).toBe("AUTH.CSRF_TOKEN");
    const view = await api.get("citizen.zhang", `/api/cases/${id}`);
    expect(JSON.stringify(view.body)).not.toMatch(/"confirmedAt":"\d/);

    // The web client's request: same origin, token from the readable cookie in the header.
    const token = csrfTokenOf(cookie);
    expect(token).toBeTruthy();
    const real = await env.server.inject({
      method: "POST",
      url: `/api/cases/${id}/confirm`,
      headers: { cookie, origin: "http://localhost:80", host: "localhost:80", "x-csrf-token": token },
    });
    expect(real.statusCode, real.body).toBe(200);
  });

  it("refuses a login from a foreign origin (login CSRF); bearer-token calls are exempt", async () => {
    const login = await env.server.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: "https://evil.example" },
      payload: { username: "citizen.li", password: "Yulin-demo-2026" },
    });
    expect(login.statusCode).toBe(403);
    const cookie = await loginAs(env.app, "bank.gongshang");
    const issued = await env.app.inject({
      method: "POST",
      url: "/api/institution/tokens",
      headers: { cookie },
      payload: { name: "csrf-exempt" },
    });
    const bearer = await env.server.inject({
      method: "POST",
      url: "/api/cases",
      headers: { authorization: `Bearer ${issued.json().token}`, origin: "https://elsewhere.example" },
      payload: {},
    });
    // Past the CSRF defence to the body's validation.
    expect(bearer.statusCode, bearer.body).toBe(400);
    expect(bearer.json().code).toBe("REQUEST.INVALID");
  });

  it("hands a session without a CSRF cookie a token at /api/auth/me", async () => {
    const full = await loginAs(env.app, "citizen.li");
    const sessionOnly = full.split("; ").find((c) => c.startsWith("yulin_session=")) as string;
    const me = await env.server.inject({ url: "/api/auth/me", headers: { cookie: sessionOnly } });
    expect(me.cookies.map((c) => c.name).sort()).toEqual(["yulin_csrf", "yulin_csrf_secret"]);
    expect(me.cookies.find((c) => c.name === "yulin_csrf_secret")?.httpOnly).toBe(true);
    expect(me.cookies.find((c) => c.name === "yulin_csrf")?.httpOnly).toBeFalsy();
  });
});

describe("security headers", () => {
  it("sends CSP with frame-ancestors, nosniff, frame denial, and no-store on personal data", async () => {
    const me = await api.get("citizen.zhang", "/api/auth/me");
    expect(me.status).toBe(200);
    const res = await env.app.inject({
      url: "/api/auth/me",
      headers: { cookie: await loginAs(env.app, "citizen.zhang") },
    });
    expect(res.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    expect(res.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
  });
});

describe("log redaction", () => {
  it("writes the payment link's token and bearer tokens to the log as [REDACTED]", async () => {
    const secret = "s3cr3t-pay-link-token-0123456789";
    await env.app.inject({ url: `/api/integrations/payment/parts/P-1/pay?t=${secret}` });
    await env.app.inject({ url: "/api/auth/me", headers: { authorization: `Bearer ${secret}-bearer` } });
    const log = lines.join("");
    expect(log).toContain("/api/integrations/payment/parts/P-1/pay?t=%5BREDACTED%5D");
    expect(log).not.toContain(secret);
  });
});
