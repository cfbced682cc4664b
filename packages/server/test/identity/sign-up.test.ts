import { generateCreditCode, generateResidentId } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { giveSimulatedLicence } from "../../src/integrations/elicence/elicence.connector";
import { giveSimulatedPortrait } from "../../src/integrations/face/face.connector";
import { http } from "../cases/support";
import { DEMO_PASSWORD, loginAs, startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let api: ReturnType<typeof http>;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
});
afterAll(() => env.close());

const PASSWORD = "Signup-2026-pass";
let sequence = 700;
/** A resident the public-security record (the simulated e-licence library) knows. */
async function resident(name: string, birthDate = "1990-06-01") {
  const idNumber = generateResidentId({ county: "440604", birthDate, sequence: sequence++ });
  const pii = env.services.pii;
  await giveSimulatedLicence(env.services.integrations.simulatorStore, (n) => pii.lookupHash(n), {
    type: "id-card",
    licenceNo: `SFZ-${idNumber.slice(-6)}`,
    holderName: name,
    holderNumber: idNumber,
    issuer: "公安机关",
    issuedOn: "2020-01-01",
    validUntil: "2040-01-01",
    fields: {},
  });
  return { name, idNumber, phone: `139${String(sequence).padStart(8, "0")}` };
}

const post = (url: string, payload: object, cookie?: string) =>
  env.app.inject({ method: "POST", url, payload, ...(cookie ? { headers: { cookie } } : {}) });
const body = (res: { body: string }) => JSON.parse(res.body);
/** The code as the phone received it: from the simulated gateway's operator page. */
async function smsCodeTo(phone: string): Promise<string> {
  const res = await api.get("chancheng.admin", "/api/integrations/sms-simulator");
  const message = (res.body.messages as Array<{ phone: string; text: string }>).find(
    (m) => m.phone === phone,
  );
  const code = /验证码为?(\d{6})/.exec(message?.text ?? "")?.[1];
  if (!code) throw new Error(`no SMS to ${phone}`);
  return code;
}
const accountCount = async () =>
  Number(
    (
      await env.services.db
        .selectFrom("accounts")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("注册 · a citizen signs up", () => {
  it("checks the real name, texts a code that no answer contains, and opens a verified account", async () => {
    const person = await resident("赵敏");
    const step1 = await post("/api/sign-up/code", person);
    expect(step1.statusCode, step1.body).toBe(202);
    const code = await smsCodeTo(person.phone);
    expect(step1.body).not.toContain(code);
    expect(body(step1).phoneMasked).toBe(`${person.phone.slice(0, 3)}****${person.phone.slice(-4)}`);

    const step2 = await post("/api/sign-up", {
      challengeId: body(step1).challengeId,
      code,
      username: "zhao.min",
      password: PASSWORD,
    });
    expect(step2.statusCode, step2.body).toBe(201);
    expect(body(step2).account).toMatchObject({ username: "zhao.min", kind: "citizen", displayName: "赵敏" });
    await loginAs(env.app, "zhao.min", PASSWORD);
    const row = await env.services.db
      .selectFrom("accounts")
      .select(["verified_by", "id_number_hash"])
      .where("username", "=", "zhao.min")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      verified_by: "real-name",
      id_number_hash: env.services.pii.lookupHash(person.idNumber),
    });
    // The code is used: a second account from it is refused.
    const again = await post("/api/sign-up", {
      challengeId: body(step1).challengeId,
      code,
      username: "zhao.min2",
      password: PASSWORD,
    });
    expect(body(again).code).toBe("SIGNUP.CODE_EXPIRED");
    // And the person, now registered, cannot sign up twice.
    expect(body(await post("/api/sign-up/code", { ...person, phone: "13700000001" })).code).toBe(
      "SIGNUP.ALREADY_REGISTERED",
    );
  });

  it("refuses a bad checksum, a 17-year-old and a name that does not match, creating nothing", async () => {
    const before = await accountCount();
    const adult = await resident("钱多多");
    const bad = adult.idNumber.slice(0, 17) + (adult.idNumber.endsWith("1") ? "2" : "1");
    const checksum = await post("/api/sign-up/code", { ...adult, idNumber: bad });
    expect(checksum.statusCode).toBe(400);
    expect(body(checksum).code).toBe("SIGNUP.INVALID_APPLICANT");
    expect(body(checksum).details.findings.map((f: { code: string }) => f.code)).toContain("ID.CHECKSUM");

    const now = new Date(Date.now() + 8 * 3_600_000);
    const seventeen = `${now.getUTCFullYear() - 17}-01-01`;
    const minor = await resident("孙小小", seventeen);
    const refused = await post("/api/sign-up/code", minor);
    expect([refused.statusCode, body(refused).code]).toEqual([422, "SIGNUP.MINOR"]);
    expect(body(refused).message_zh).toContain("十八周岁");

    const mismatch = await post("/api/sign-up/code", { ...adult, name: "钱少少" });
    expect([mismatch.statusCode, body(mismatch).code]).toEqual([422, "SIGNUP.NAME_MISMATCH"]);
    expect(await accountCount()).toBe(before);
    const challenges = await env.services.db
      .selectFrom("sms_challenges")
      .select("id")
      .where(
        "phone_hash",
        "in",
        [adult.phone, minor.phone].map((p) => env.services.pii.lookupHash(p)),
      )
      .execute();
    expect(challenges).toEqual([]);
    const phones = await api.get("chancheng.admin", "/api/integrations/sms-simulator");
    expect(phones.body.messages.map((m: { phone: string }) => m.phone)).not.toContain(adult.phone);
  });

  it("burns the code after five wrong tries; then even the right code is refused", async () => {
    const person = await resident("李四海");
    const step1 = body(await post("/api/sign-up/code", person));
    const code = await smsCodeTo(person.phone);
    const wrong = code === "000000" ? "111111" : "000000";
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post("/api/sign-up", {
        challengeId: step1.challengeId,
        code: wrong,
        username: "li.sihai",
        password: PASSWORD,
      });
      codes.push(body(res).code);
    }
    expect(codes).toEqual([
      "SIGNUP.WRONG_CODE",
      "SIGNUP.WRONG_CODE",
      "SIGNUP.WRONG_CODE",
      "SIGNUP.WRONG_CODE",
      "SIGNUP.CODE_EXHAUSTED",
    ]);
    const right = await post("/api/sign-up", {
      challengeId: step1.challengeId,
      code,
      username: "li.sihai",
      password: PASSWORD,
    });
    expect([right.statusCode, body(right).code]).toEqual([429, "SIGNUP.CODE_EXHAUSTED"]);
    expect(
      await env.services.db.selectFrom("accounts").select("id").where("username", "=", "li.sihai").execute(),
    ).toEqual([]);
    // A new code is refused within the minute.
    const soon = await post("/api/sign-up/code", person);
    expect([soon.statusCode, body(soon).code]).toEqual([429, "SIGNUP.CODE_TOO_SOON"]);
  });

  it("adds face verification when a photo is sent: the right portrait passes, another is refused", async () => {
    const person = await resident("周芷若");
    const portrait = Buffer.from("portrait-of-zhou-zhiruo");
    const pii = env.services.pii;
    await giveSimulatedPortrait(
      env.services.integrations.simulatorStore,
      (n) => pii.lookupHash(n),
      person.idNumber,
      portrait,
    );
    const step1 = body(await post("/api/sign-up/code", person));
    const code = await smsCodeTo(person.phone);
    const attempt = (image: Buffer) =>
      post("/api/sign-up", {
        challengeId: step1.challengeId,
        code,
        username: "zhou.zr",
        password: PASSWORD,
        faceImage: image.toString("base64"),
      });
    const other = await attempt(Buffer.from("someone-else"));
    expect([other.statusCode, body(other).code]).toEqual([422, "SIGNUP.FACE_MISMATCH"]);
    const ok = await attempt(portrait);
    expect(ok.statusCode, ok.body).toBe(201);
    const row = await env.services.db
      .selectFrom("accounts")
      .select("verified_by")
      .where("username", "=", "zhou.zr")
      .executeTakeFirstOrThrow();
    expect(row.verified_by).toBe("real-name+face");
  });
});

describe("找回密码 · password reset by SMS", () => {
  it("resets with the code sent to the registered phone and ends every session", async () => {
    const old = await loginAs(env.app, "citizen.wang");
    const step1 = await post("/api/password-reset/code", { username: "citizen.wang", phone: "13904551004" });
    expect(step1.statusCode, step1.body).toBe(202);
    const code = await smsCodeTo("13904551004");
    const done = await post("/api/password-reset", {
      challengeId: body(step1).challengeId,
      code,
      newPassword: "Brand-new-2026",
    });
    expect(done.statusCode, done.body).toBe(204);
    const me = await env.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: old } });
    expect(me.statusCode).toBe(401);
    await expect(loginAs(env.app, "citizen.wang", DEMO_PASSWORD)).rejects.toThrow();
    await loginAs(env.app, "citizen.wang", "Brand-new-2026");
  });

  it("answers alike for a phone that is not the account's, and sends nothing", async () => {
    const res = await post("/api/password-reset/code", { username: "citizen.liu", phone: "13600000000" });
    expect(res.statusCode).toBe(202);
    expect(Object.keys(body(res)).sort()).toEqual(["challengeId", "expiresAt", "phoneMasked"]);
    const sms = await api.get("chancheng.admin", "/api/integrations/sms-simulator");
    expect(sms.body.messages.map((m: { phone: string }) => m.phone)).not.toContain("13600000000");
    const guess = await post("/api/password-reset", {
      challengeId: body(res).challengeId,
      code: "123456",
      newPassword: "Brand-new-2026",
    });
    expect(body(guess).code).toBe("SIGNUP.WRONG_CODE");
  });
});

describe("企业注册 · a company and its agents", () => {
  const pii = () => env.services.pii;
  async function companyLicence(creditCode: string, name: string, legalRepresentativeIdNumber: string) {
    await giveSimulatedLicence(env.services.integrations.simulatorStore, (n) => pii().lookupHash(n), {
      type: "business-licence",
      licenceNo: `YYZZ-${creditCode}`,
      holderName: name,
      holderNumber: creditCode,
      issuer: "佛山市禅城区市场监督管理局",
      issuedOn: "2021-01-01",
      validUntil: null,
      fields: { legalRepresentativeIdNumber },
    });
  }
  async function signedUp(name: string, username: string) {
    const person = await resident(name);
    const step1 = body(await post("/api/sign-up/code", person));
    const code = await smsCodeTo(person.phone);
    const res = await post("/api/sign-up", {
      challengeId: step1.challengeId,
      code,
      username,
      password: PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { ...person, cookie: await loginAs(env.app, username, PASSWORD) };
  }

  it("lets only the licence's legal representative open the company account; its agent acts for it", async () => {
    const boss = await signedUp("吴老板", "wu.boss");
    const clerk = await signedUp("郑员工", "zheng.clerk");
    const creditCode = generateCreditCode({
      authority: "9",
      type: "1",
      division: "440604",
      organisation: "MA4UCQ11",
    });
    await companyLicence(creditCode, "佛山鱼鳞测试有限公司", boss.idNumber);

    const notRep = await post(
      "/api/sign-up/company",
      { creditCode, username: "yulin.test", password: PASSWORD },
      clerk.cookie,
    );
    expect([notRep.statusCode, body(notRep).code]).toEqual([403, "SIGNUP.NOT_LEGAL_REPRESENTATIVE"]);
    const unknown = generateCreditCode({
      authority: "9",
      type: "1",
      division: "440604",
      organisation: "MA4UCQ12",
    });
    const none = await post(
      "/api/sign-up/company",
      { creditCode: unknown, username: "yulin.none", password: PASSWORD },
      boss.cookie,
    );
    expect(body(none).code).toBe("SIGNUP.COMPANY_UNKNOWN");

    const made = await post(
      "/api/sign-up/company",
      { creditCode, username: "yulin.test", password: PASSWORD },
      boss.cookie,
    );
    expect(made.statusCode, made.body).toBe(201);
    expect(body(made).account).toMatchObject({ kind: "company", displayName: "佛山鱼鳞测试有限公司" });
    const twice = await post(
      "/api/sign-up/company",
      { creditCode, username: "yulin.test2", password: PASSWORD },
      boss.cookie,
    );
    expect([twice.statusCode, body(twice).code]).toEqual([409, "SIGNUP.COMPANY_REGISTERED"]);

    const company = await loginAs(env.app, "yulin.test", PASSWORD);
    const agentPerson = await resident("冯经办");
    const added = await post(
      "/api/company/agents",
      { ...agentPerson, username: "feng.agent", password: PASSWORD },
      company,
    );
    expect(added.statusCode, added.body).toBe(201);
    const agent = await loginAs(env.app, "feng.agent", PASSWORD);
    // The agent acts as the company, and the audit keeps who it was.
    await env.app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: agent } });
    const ids = await env.services.db
      .selectFrom("accounts")
      .select(["id", "username"])
      .where("username", "in", ["yulin.test", "feng.agent"])
      .execute();
    const idOf = (u: string) => ids.find((r) => r.username === u)!.id;
    const read = await env.services.db
      .selectFrom("audit_log")
      .select(["actor_id", "actor_kind", "details"])
      .where("action", "=", "account.read")
      .where("actor_id", "=", idOf("yulin.test"))
      .executeTakeFirstOrThrow();
    expect(read).toMatchObject({
      actor_id: idOf("yulin.test"),
      actor_kind: "company",
      details: { operatorId: idOf("feng.agent") },
    });
    // Only the company itself manages agents: the agent cannot add another.
    const byAgent = await post(
      "/api/company/agents",
      { ...(await resident("卫二")), username: "wei.er", password: PASSWORD },
      agent,
    );
    expect(byAgent.statusCode).toBe(404);
    const list = await env.app.inject({
      method: "GET",
      url: "/api/company/agents",
      headers: { cookie: company },
    });
    expect(body(list).agents.map((a: { username: string }) => a.username)).toEqual(["feng.agent"]);
  });
});
