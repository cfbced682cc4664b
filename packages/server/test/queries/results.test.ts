import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifySealedQueryPdf } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeEnv, type Given, given, type Http, http } from "../cases/support";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { logCount, ZHANG_ADDRESS } from "./support";

let env: TestEnv;
let api: Http;
let g: Given;
let dir: string;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-query-"));
});
afterAll(async () => {
  await closeEnv(env);
  fs.rmSync(dir, { recursive: true, force: true });
});

const intent = (value: string, kind = "unit", purpose = "sale") => ({
  querentKind: "intent",
  purpose,
  scope: "status",
  subject: { kind, value },
  proof: [],
});

describe("bad input: a 4xx with a stable code, nothing logged as a successful query", () => {
  const cases: Array<[string, object, number, string]> = [
    ["an unknown unit", intent("440604001002GB00001F00019999"), 404, "QUERY.UNIT_NOT_REGISTERED"],
    ["a malformed unit code", intent("4406040010"), 400, "REGISTER.INVALID_CODE"],
    [
      "a malformed certificate number",
      intent("粤（2019）第12号", "certificate"),
      400,
      "REGISTER.INVALID_CERTIFICATE_NUMBER",
    ],
    ["an address of one character", intent("园", "address"), 400, "QUERY.ADDRESS_TOO_SHORT"],
    [
      "a purpose the scope does not allow",
      intent("440604001002GB00001F00010006", "unit", "investigation"),
      400,
      "QUERY.INVALID_APPLICATION",
    ],
    [
      "a querent kind the account may not take",
      { ...intent("440604001002GB00001F00010006"), querentKind: "court" },
      403,
      "QUERY.QUERENT_NOT_ALLOWED",
    ],
  ];
  for (const [what, body, status, code] of cases)
    it(what, async () => {
      const before = await env.services.db
        .selectFrom("query_log")
        .select(["outcome"])
        .where("outcome", "in", ["answered", "approved"])
        .execute();
      const res = await api.post("citizen.wang", "/api/queries", body);
      expect(res.status).toBe(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message_zh).toBeTruthy();
      expect(res.body.message_en).toBeTruthy();
      const after = await env.services.db
        .selectFrom("query_log")
        .select(["outcome"])
        .where("outcome", "in", ["answered", "approved"])
        .execute();
      expect(after.length).toBe(before.length);
    });
});

describe("quotas: intent-only queries per account level per day", () => {
  it("answers a verified citizen ten times, then refuses and blocks the account, with an audit alert", async () => {
    for (let i = 0; i < 10; i++) {
      const res = await api.post("citizen.liu", "/api/queries", intent("440604001002GB00001F00010006"));
      expect(res.status).toBe(201);
    }
    const over = await api.post("citizen.liu", "/api/queries", intent("440604001002GB00001F00010006"));
    expect(over.status).toBe(429);
    expect(over.body.code).toBe("QUERY.QUOTA_EXCEEDED");
    const blocks = await env.services.db.selectFrom("query_blocks").selectAll().execute();
    expect(blocks).toHaveLength(1);
    const still = await api.post("citizen.liu", "/api/queries", intent("440604001002GB00001F00010006"));
    expect(still.status).toBe(429);
  });
});

describe("the query log the holder sees", () => {
  it("shows 张伟 the buyer's query (masked name) and the bank's API read (institution name)", async () => {
    const buyer = await api.post("citizen.li", "/api/queries", intent(ZHANG_ADDRESS, "address"));
    expect(buyer.status).toBe(201);
    expect(JSON.stringify(buyer.body.result)).not.toMatch(/张伟|\*\*\*/);
    const before = await logCount(env);
    const bank = await api.get(
      "bank.gongshang",
      "/api/register/units/440604001002GB00001F00010006?purpose=贷后管理",
    );
    expect(bank.status).toBe(200);
    await expect.poll(() => logCount(env)).toBe(before + 1);
    const mine = await api.get("citizen.zhang", "/api/queries/of-my-property");
    expect(mine.status).toBe(200);
    const entries = mine.body.entries as Array<{ querent: string; purpose: string; channel: string }>;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ querent: "李*", purpose: "sale", channel: "hall" }),
        expect.objectContaining({
          querent: expect.stringContaining("银行"),
          purpose: "贷后管理",
          channel: "api",
        }),
      ]),
    );
  });
});

describe("the certified result (查询结果证明)", () => {
  it("is a sealed PDF whose SM2 signature verifies with openssl, and the page flags a later change", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const applied = await api.post("citizen.li", "/api/queries", intent(flat.unitCode));
    expect(applied.status).toBe(201);
    const cookie = await loginAs(env.app, "citizen.li");
    const res = await env.app.inject({ url: `/api/queries/${applied.body.id}/pdf`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const pdf = res.rawPayload;
    const file = path.join(dir, "result.pdf");
    fs.writeFileSync(file, pdf);
    fs.writeFileSync(
      path.join(dir, "seal.pem"),
      (await env.app.inject({ url: "/api/certificates/seal-public-key" })).body,
    );
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Independent check: OpenSSL's SM2 over the message, OpenSSL's SM3 over the body.
    const script = `
      set -e; cd "${dir}"
      off=$(grep -abo '%YULIN-SEAL/1 message=' result.pdf | tail -1 | cut -d: -f1)
      head -c "$off" result.pdf > body.pdf
      grep -a '^%YULIN-SEAL/1 message=' result.pdf | tail -1 | cut -d= -f2- | base64 -d > message.json
      grep -a '^%YULIN-SEAL/1 signature=' result.pdf | tail -1 | cut -d= -f2- | xxd -r -p > signature.der
      openssl dgst -sm3 -r body.pdf | cut -d' ' -f1
      openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678 \\
        -pubin -inkey seal.pem -in message.json -sigfile signature.der`;
    const ossl = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    expect(ossl.stdout + ossl.stderr).toContain("Signature Verified Successfully");
    const message = JSON.parse(fs.readFileSync(path.join(dir, "message.json"), "utf8"));
    expect(ossl.stdout.split("\n")[0]).toBe(message.pdfSm3);
    expect(message.format).toBe("yulin-query-seal/1");
    // What the seal certifies is the intent-only answer: the holder is neither named nor numbered.
    expect(message.result.answers[0].rights).toBeNull();
    expect(JSON.stringify(message.result)).not.toMatch(/张伟|\*{3}/);
    // A changed byte in the body breaks it.
    const tampered = Buffer.from(pdf);
    tampered[200] = tampered[200]! ^ 1;
    expect(verifySealedQueryPdf(tampered, [message.publicKey])).toMatchObject({
      ok: false,
      failure: "digest-mismatch",
    });
    expect(crypto.createHash("sm3").update(pdf).digest("hex")).toHaveLength(64);

    const token = applied.body.verifyToken as string;
    const fresh = await env.app.inject({ url: `/api/queries/verify/${token}` });
    expect(fresh.json()).toMatchObject({ genuine: true, seal: "valid", changedSinceIssue: false });
    await g.mortgage(flat.unitCode);
    const later = await env.app.inject({ url: `/api/queries/verify/${token}` });
    expect(later.json()).toMatchObject({ genuine: true, seal: "valid", changedSinceIssue: true });
    expect(later.json().message_zh).toContain("已发生变化");
    const forged = await env.app.inject({ url: "/api/queries/verify/AAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(forged.statusCode).toBe(404);
  });
});
