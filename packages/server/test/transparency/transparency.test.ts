import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDateOf } from "../../src/cases/case-clock";
import { bankMortgageCase } from "../cases/mortgage-case";
import { closeEnv, type Given, given, type Http, http } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";

/**
 * 阳光登记 without login: monthly statistics that move with the live tables, the complaint channel
 * (tracking number, answer by the office's supervisor, anonymised publication), and compensation
 * (claim, review with its legal basis, decision, payment).
 */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

const anonymous = async (method: "GET" | "POST", url: string, payload?: object) => {
  const res = await env.app.inject({ method, url, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: JSON.parse(res.body) };
};

const complaint = {
  office: "440604",
  topic: "registry",
  content: "王五于窗口办理转移登记，身份证440604198503121012，等候三小时无人受理",
  contact: { name: "王五", phone: "13800138000" },
};

describe("public statistics (登记统计公开)", () => {
  it("publishes this month's figures without login, moving with each registration", async () => {
    const before = await anonymous("GET", "/api/public/statistics");
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.month).toBe(chinaDateOf(new Date()).slice(0, 7));
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const id = await bankMortgageCase(api, flat.unitCode);
    await api.post("bank.gongshang", `/api/cases/${id}/submit`);
    const after = (await anonymous("GET", "/api/public/statistics")).body;
    const office = (x: typeof after) => x.byOffice.find((o: { office: string }) => o.office === "440604");
    expect(office(after).registered - (office(before.body)?.registered ?? 0)).toBe(1);
    expect(office(after).name).toContain("禅城");
    const type = after.byType.find((t: { typeId: string }) => t.typeId === "mortgage.first.general");
    expect(type).toMatchObject({ name: expect.any(String), promisedDays: expect.any(Number) });
    expect(after.disputes).toEqual({
      objections: expect.any(Number),
      seizures: expect.any(Number),
      corrections: expect.any(Number),
    });
    const old = await anonymous("GET", "/api/public/statistics?month=1990-01");
    expect(old.status).toBe(400);
    expect(old.body.code).toBe("DASHBOARD.RANGE_INVALID");
  });
});

describe("complaints (投诉)", () => {
  it("files without login, answers by the office's supervisor, reads by tracking number, publishes anonymised", async () => {
    const filed = await anonymous("POST", "/api/public/complaints", complaint);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const no = filed.body.trackingNo as string;
    expect(no).toMatch(/^TS440604\d{8}[A-Z0-9]{8}$/);
    expect(filed.body).toMatchObject({
      status: "open",
      answer: null,
      officeName: expect.stringContaining("禅城"),
    });
    expect(filed.body.answerDue > chinaDateOf(new Date())).toBe(true);
    expect(JSON.stringify(filed.body)).not.toContain("13800138000");

    const queue = await api.get("chancheng.ducha", "/api/supervision/complaints?status=open");
    expect(queue.body.complaints.map((c: { trackingNo: string }) => c.trackingNo)).toContain(no);
    expect((await api.get("wangkui.ducha", "/api/supervision/complaints")).body.complaints).toEqual([]);
    const foreign = await api.post("nanhai.ducha", `/api/supervision/complaints/${no}/answer`, {
      answer: "不归我们管",
    });
    expect(foreign.status).toBe(404);
    const answered = await api.post("chancheng.ducha", `/api/supervision/complaints/${no}/answer`, {
      answer: "经核查，当日窗口人员不足，已增设转移登记专窗。王五可预约办理。",
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const again = await api.post("foshan.ducha", `/api/supervision/complaints/${no}/answer`, {
      answer: "再次答复内容",
    });
    expect(again.body.code).toBe("COMPLAINT.ALREADY_ANSWERED");

    const tracked = await anonymous("GET", `/api/public/complaints/${no}`);
    expect(tracked.body).toMatchObject({ status: "answered", answer: expect.stringContaining("专窗") });
    const published = await anonymous("GET", "/api/public/complaints");
    const entry = published.body.complaints.find((c: { trackingNo: string }) =>
      c.trackingNo.startsWith(no.slice(0, -4)),
    );
    expect(entry.trackingNo).not.toBe(no);
    expect(entry.content).not.toContain("王五");
    expect(entry.content).not.toContain("440604198503121012");
    expect(entry.answer).toContain("投诉人可预约办理");
    const stats = (await anonymous("GET", "/api/public/statistics")).body;
    expect(stats.complaints.answered).toBeGreaterThanOrEqual(1);
  });

  it("refuses a complaint without contact and changes nothing", async () => {
    const count = async () => (await env.services.db.selectFrom("complaints").select("id").execute()).length;
    const before = await count();
    for (const contact of [
      undefined,
      { name: "王五" },
      { name: "", phone: "13800138000" },
      { name: "王五", phone: "12345" },
    ]) {
      const res = await anonymous("POST", "/api/public/complaints", { ...complaint, contact });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("COMPLAINT.CONTACT_REQUIRED");
    }
    expect(
      (await anonymous("POST", "/api/public/complaints", { ...complaint, office: "999999" })).body.code,
    ).toBe("OFFICE.UNKNOWN");
    expect((await anonymous("GET", "/api/public/complaints/TS44060420260101ZZZZZZZZ")).status).toBe(404);
    expect(await count()).toBe(before);
  });
});

describe("compensation (赔偿, 民法典 222, 条例 29)", () => {
  it("goes claim → review with its legal basis → decision → payment, each step checked", async () => {
    const filed = await api.post("citizen.chen", "/api/compensation-claims", {
      office: "440604",
      lossFen: 5_000_000,
      description: "登记簿错记共有份额，致本人出售受阻产生违约金",
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const no = filed.body.number as string;
    const url = `/api/compensation-claims/${no}`;
    expect((await api.get("citizen.li", url)).status).toBe(404);
    expect(
      (
        await api.post("citizen.chen", `${url}/review`, {
          registryError: true,
          basis: ["civil-code-222"],
          findings: "自审",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.post("chancheng.ducha", `${url}/decision`, {
          granted: true,
          awardFen: 1,
          reasons: "先决定",
        })
      ).body.code,
    ).toBe("COMPENSATION.WRONG_STEP");
    expect(
      (
        await api.post("chancheng.ducha", `${url}/review`, {
          registryError: true,
          basis: [],
          findings: "无依据",
        })
      ).status,
    ).toBe(400);
    const reviewed = await api.post("chancheng.ducha", `${url}/review`, {
      registryError: true,
      basis: ["civil-code-222", "regulation-29"],
      findings: "登簿时份额录入错误，属登记错误",
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);
    expect(reviewed.body.review.basisText).toEqual([
      "《民法典》第二百二十二条",
      "《不动产登记暂行条例》第二十九条",
    ]);
    const tooMuch = await api.post("chancheng.ducha", `${url}/decision`, {
      granted: true,
      awardFen: 5_000_001,
      reasons: "超过损失",
    });
    expect(tooMuch.body.code).toBe("COMPENSATION.INVALID_DECISION");
    const decided = await api.post("chancheng.ducha", `${url}/decision`, {
      granted: true,
      awardFen: 4_000_000,
      reasons: "违约金部分有据",
    });
    expect(decided.body.status).toBe("decided");
    const wrongPay = await api.post("chancheng.ducha", `${url}/payment`, {
      paidFen: 1,
      reference: "财付2026-1",
      paidOn: "2026-12-03",
    });
    expect(wrongPay.body.code).toBe("COMPENSATION.INVALID_DECISION");
    const paid = await api.post("chancheng.ducha", `${url}/payment`, {
      paidFen: 4_000_000,
      reference: "财付2026-001",
      paidOn: "2026-12-03",
    });
    expect(paid.body).toMatchObject({
      status: "paid",
      payment: { paidFen: 4_000_000, reference: "财付2026-001" },
    });
    const mine = await api.get("citizen.chen", "/api/compensation-claims");
    expect(mine.body.claims.map((c: { number: string }) => c.number)).toContain(no);
    expect((await anonymous("GET", "/api/public/statistics")).body.compensation.paid).toBeGreaterThanOrEqual(
      1,
    );
  });
});
