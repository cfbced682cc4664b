import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemContext } from "../../src/platform/audit/audit";
import { inTransaction } from "../../src/platform/db/database";
import { loginAs } from "../support/test-services";
import { given } from "./given";
import { env, startCertificateServer, tokenOf, verify } from "./support";

/** Who can check a certificate and how: the public QR page (R26), downloads and licences. */
startCertificateServer();

describe("QR verification (R26)", () => {
  it("says a current certificate is genuine, with masked holders and the seal checked", async () => {
    const cert = await given(env).title({ holders: ["citizen.zhang", "citizen.li"] });
    const res = await verify(tokenOf(cert.verifyUrl));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.verdict).toMatchObject({
      genuine: true,
      status: "current",
      message_zh: "证书真实有效，为现行证书",
    });
    expect(body.certificate.number).toBe(cert.number);
    expect(body.certificate.holders).toEqual(["张*", "李*"]);
    expect(JSON.stringify(body)).not.toContain("张三");
    expect(body.seal).toMatchObject({
      status: "valid",
      algorithm: "SM2-with-SM3",
      userId: "1234567812345678",
    });
    expect(body.register.status).toBe("not-linked");
  });

  it("a transfer voids the seller's certificate and its QR page says so", async () => {
    const g = given(env);
    const seller = await g.title({ holders: ["citizen.zhang"] });
    const unitCode = "440604003001GB00012F00010015";
    const chen = await g.accountId("citizen.chen");
    // The registering transaction of the transfer: void the seller's, issue the buyer's.
    const buyer = await inTransaction(env.services.db, async (tx) => {
      const voided = await env.services.certificates.service.voidInTx(tx, systemContext("test"), {
        unitCode,
        kind: "certificate",
        reason: "transfer",
        caseId: "TRANSFER-1",
      });
      expect(voided).toContain(seller.number);
      return env.services.certificates.service.prepareInTx(tx, systemContext("test"), {
        office: "440604",
        registeredOn: "2025-12-01",
        caseId: "TRANSFER-1",
        content: {
          kind: "certificate",
          title: {
            holders: [
              {
                name: "陈五",
                kind: "person",
                idType: "居民身份证",
                idNumberMasked: "440***********0001",
                share: null,
              },
            ],
            coOwnership: "单独所有",
            location: "佛山市禅城区祖庙街道岭南大道北88号鱼鳞花园3座1502房",
            unitCode,
            rightType: "国有建设用地使用权/房屋所有权",
            rightNature: "出让/市场化商品房",
            use: "城镇住宅用地/住宅",
            area: "共有宗地面积 12345.67㎡/房屋建筑面积 123.27㎡",
            term: "国有建设用地使用权 2000年01月01日起2069年12月31日止",
            otherState: [],
          },
        },
        recipients: [{ role: "holder", accountId: chen }],
      });
    });
    const old = (await verify(tokenOf(seller.verifyUrl))).json();
    expect(old.verdict).toMatchObject({ genuine: true, status: "void" });
    expect(old.verdict.message_zh).toContain("已作废（转移登记）");
    expect(old.certificate.voidReason).toBe("transfer");
    const current = (await verify(tokenOf(buyer.verifyUrl))).json();
    expect(current.verdict).toMatchObject({ genuine: true, status: "current" });
    expect(current.certificate.holders).toEqual(["陈*"]);
  });

  it("proves the register entry behind the certificate against a signed tree head", async () => {
    const { db } = env.services;
    await env.services.register.sequencer.flush();
    const entry = await db
      .selectFrom("ledger_leaves")
      .select(["seq", "hash"])
      .orderBy("log_index", "desc")
      .executeTakeFirstOrThrow();
    const cert = await given(env).title({ registerSeq: entry.seq });
    const body = (await verify(tokenOf(cert.verifyUrl))).json();
    expect(body.register).toMatchObject({ status: "verified", seq: entry.seq, entryHash: entry.hash });
    expect(body.register.treeSize).toBeGreaterThanOrEqual(entry.seq);
  });

  it("answers 404 for an unknown code: possibly forged", async () => {
    const res = await verify("AAAAAAAAAAAAAAAAAAAAAA");
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe("CERTIFICATE.NOT_FOUND");
  });

  it("publishes the seal public key as PEM without login", async () => {
    const res = await env.app.inject({ url: "/api/certificates/seal-public-key" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n?$/);
  });

  it("seals on demand when the QR code is scanned before the worker got there", async () => {
    await env.services.certificates.sealing.stop();
    try {
      const holder = await given(env).accountId("citizen.zhang");
      const base = await import("./fixtures");
      const data = base.titleData();
      const prepared = await inTransaction(env.services.db, (tx) =>
        env.services.certificates.service.prepareInTx(tx, systemContext("test"), {
          office: "440604",
          registeredOn: "2025-11-25",
          content: {
            kind: "certificate",
            title: data.kind === "certificate" ? data.title : (undefined as never),
          },
          recipients: [{ role: "holder", accountId: holder }],
        }),
      );
      const body = (await verify(tokenOf(prepared.verifyUrl))).json();
      expect(body.seal.status).toBe("valid");
    } finally {
      env.services.certificates.sealing.start();
    }
  });
});

describe("download, licence and access", () => {
  it("lets the holder download and read their certificate, audited, and hides it from others", async () => {
    const cert = await given(env).title({ holders: ["citizen.zhang"] });
    const zhang = await loginAs(env.app, "citizen.zhang");
    const pdf = await env.app.inject({ url: `/api/certificates/${cert.id}/pdf`, headers: { cookie: zhang } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const audit = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("target_id", "=", cert.id)
      .where("action", "=", "certificate.download")
      .execute();
    expect(audit).toEqual([{ action: "certificate.download", outcome: "success" }]);
    const mine = (await env.app.inject({ url: "/api/certificates", headers: { cookie: zhang } })).json();
    expect(mine.certificates.map((c: { number: string }) => c.number)).toContain(cert.number);
    const view = (
      await env.app.inject({ url: `/api/certificates/${cert.id}`, headers: { cookie: zhang } })
    ).json();
    expect(view).toMatchObject({
      number: cert.number,
      status: "current",
      sealed: true,
      allowedActions: ["certificate.download"],
    });
    expect(view.recipients[0].issuedAt).not.toBeNull();

    const li = await loginAs(env.app, "citizen.li");
    const denied = await env.app.inject({ url: `/api/certificates/${cert.id}/pdf`, headers: { cookie: li } });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().code).toBe("AUTH.FORBIDDEN");
    const anonymous = await env.app.inject({ url: `/api/certificates/${cert.id}/pdf` });
    expect(anonymous.statusCode).toBe(401);
    const otherOffice = await loginAs(env.app, "beilin.fazheng");
    expect(
      (await env.app.inject({ url: `/api/certificates/${cert.id}`, headers: { cookie: otherOffice } }))
        .statusCode,
    ).toBe(404);
  });

  it("issues a mortgage certification to the bank, whose licence JSON carries the seal", async () => {
    const cert = await given(env).mortgage();
    const bank = await loginAs(env.app, "bank.gongshang");
    const res = await env.app.inject({
      url: `/api/certificates/${cert.id}/licence`,
      headers: { cookie: bank },
    });
    expect(res.statusCode).toBe(200);
    const licence = res.json();
    expect(licence).toMatchObject({
      format: "yulin-electronic-licence/1",
      licenceType: "不动产登记证明",
      number: cert.number,
    });
    expect(licence.fields.证明权利或事项).toBe("抵押权");
    expect(licence.fields.其他).toContain("被担保主债权数额：人民币1,200,000.00元");
    expect(JSON.parse(licence.seal.message).certificate).toEqual(licence.data);
    const pdf = await env.app.inject({ url: `/api/certificates/${cert.id}/pdf`, headers: { cookie: bank } });
    expect(pdf.statusCode).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-mortgage-"));
    fs.writeFileSync(path.join(dir, "m.pdf"), pdf.rawPayload);
    const text = execFileSync("pdftotext", [path.join(dir, "m.pdf"), "-"], { encoding: "utf8" });
    fs.rmSync(dir, { recursive: true });
    expect(text).toContain("不动产登记证明");
    expect(text).toContain("中国工商银行股份有限公司佛山分行");
  });
});
