import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv, type Given, given, type Http, http, PDF } from "../cases/support";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";

// Issue 17: a NUL character in any text field answered 500 (PostgreSQL refuses U+0000 in text and
// jsonb). One guard for all routes now refuses it with 400 REQUEST.INVALID_TEXT, nothing changed.
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const expectInvalidText = (r: {
  status: number;
  body: { code: string; message_zh: string; message_en: string };
}) => {
  expect(r.status, JSON.stringify(r.body)).toBe(400);
  expect(r.body.code).toBe("REQUEST.INVALID_TEXT");
  expect(r.body.message_zh).toMatch(/控制字符/);
  expect(r.body.message_en).toMatch(/NUL/);
};

const auditCount = async () =>
  Number(
    (
      await env.services.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("NUL and other control characters in text", () => {
  it("refuses a NUL in an anonymous login with 400, not 500", async () => {
    const res = await env.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "a\u0000b", password: "x" },
    });
    expectInvalidText({ status: res.statusCode, body: res.json() });
    expect(res.json().details).toEqual({ in: "body", path: "/username" });
  });

  it("refuses a NUL in a case's documentNo and records no case", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const before = await env.services.db.selectFrom("cases").select("id").execute();
    const r = await api.post("bank.gongshang", "/api/cases", {
      typeId: "mortgage.first.general",
      unitCode: flat.unitCode,
      parts: [
        {
          details: { mortgage: { amount: 80_000_000, debtEnd: "2046-11-30" }, documentNo: "工银\u0000抵" },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expectInvalidText(r);
    expect(r.body.details.path).toBe("/parts/0/details/documentNo");
    expect(await env.services.db.selectFrom("cases").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a NUL in a material's fileName", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const created = await api.post("bank.gongshang", "/api/cases", {
      typeId: "mortgage.first.general",
      unitCode: flat.unitCode,
      parts: [
        {
          details: { mortgage: { amount: 80_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-9" },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const r = await api.post("bank.gongshang", `/api/cases/${created.body.id}/materials`, {
      source: "upload",
      materialId: "mortgage-contract",
      fileName: "合同\u0000.pdf",
      mediaType: "application/pdf",
      contentBase64: PDF,
    });
    expectInvalidText(r);
  });

  it("refuses a NUL in an API token's name and in a personal-data purpose, auditing nothing", async () => {
    await api.get("bank.gongshang", "/api/auth/me");
    const me = await api.get("citizen.zhang", "/api/auth/me");
    const before = await auditCount();
    const token = await api.post("bank.gongshang", "/api/institution/tokens", { name: "core\u0000" });
    expectInvalidText(token);
    const reveal = await api.post("citizen.zhang", `/api/accounts/${me.body.account.id}/personal-data`, {
      purpose: "核对\u0000身份",
    });
    expectInvalidText(reveal);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a NUL in a query string or path parameter, and a lone surrogate", async () => {
    const cookie = await loginAs(env.app, "chancheng.shouli");
    const query = await env.app.inject({ url: "/api/cases?q=%00", headers: { cookie } });
    expect(query.statusCode).toBe(400);
    expect(query.json().code).toBe("REQUEST.INVALID_TEXT");
    const param = await env.app.inject({ url: "/api/register/units/4406%00", headers: { cookie } });
    expect(param.statusCode).toBe(400);
    expect(param.json().code).toBe("REQUEST.INVALID_TEXT");
    const surrogate = await env.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"username":"a\\ud800","password":"x"}',
    });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json().code).toBe("REQUEST.INVALID_TEXT");
  });

  it("normalises text to NFC: a decomposed name is stored composed", async () => {
    const decomposed = "Cafe\u0301";
    const r = await api.post("bank.gongshang", "/api/institution/tokens", { name: decomposed });
    expect(r.status).toBe(201);
    expect(r.body.name).toBe("Caf\u00e9");
  });
});
