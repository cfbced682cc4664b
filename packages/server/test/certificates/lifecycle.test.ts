import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CertificationFields, TitleFields } from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrepareCertificateInput, Recipient } from "../../src/certificates/certificate.service";
import { systemContext } from "../../src/platform/audit/audit";
import { inTransaction } from "../../src/platform/db/database";
import { appendEntries } from "../../src/register/ledger";
import { verifyRegister } from "../../src/register/verify";
import { given as casesGiven, houseRight } from "../cases/support";
import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { mortgageData, titleData } from "./fixtures";
import { given } from "./given";

let env: TestEnv;
beforeAll(async () => {
  env = await startTestEnv();
});
afterAll(() => env.close());

const tokenOf = (verifyUrl: string) => verifyUrl.split("/verify/")[1]!;
const verify = (token: string) => env.app.inject({ url: `/api/certificates/verify/${token}` });

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
    const entry = await db
      .selectFrom("register_entries")
      .select(["seq", "hash"])
      .orderBy("seq", "desc")
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

describe("replacement (补发/换发) and voiding", () => {
  it("refuses to replace a lost certificate before the loss is announced", async () => {
    const cert = await given(env).title();
    const registrar = await loginAs(env.app, "chancheng.dengbu");
    const res = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/replace`,
      headers: { cookie: registrar },
      payload: { reason: "lost" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("CERTIFICATE.ANNOUNCEMENT_REQUIRED");
  });

  it("replaces a lost certificate with a new number marked 补发, and the old one's QR says replaced", async () => {
    const cert = await given(env).title({ holders: ["citizen.zhang"] });
    const registrar = await loginAs(env.app, "chancheng.dengbu");
    const res = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/replace`,
      headers: { cookie: registrar },
      payload: {
        reason: "lost",
        announcement: { publishedOn: "2025-11-20", reference: "佛山日报 2025-11-20 第A8版" },
      },
    });
    expect(res.statusCode).toBe(200);
    const replacement = res.json();
    expect(replacement.number).not.toBe(cert.number);
    await env.services.certificates.sealing.drain();
    const old = (await verify(tokenOf(cert.verifyUrl))).json();
    expect(old.verdict).toMatchObject({ genuine: true, status: "replaced" });
    expect(old.certificate.replacedByNumber).toBe(replacement.number);
    const fresh = (await verify(tokenOf(replacement.verifyUrl))).json();
    expect(fresh.verdict.status).toBe("current");
    expect(fresh.certificate.replacement).toEqual({ replacesNumber: cert.number, reason: "lost" });
    // The holder still has it, and the PDF is marked 补发.
    const zhang = await loginAs(env.app, "citizen.zhang");
    const pdf = await env.app.inject({
      url: `/api/certificates/${replacement.id}/pdf`,
      headers: { cookie: zhang },
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-replaced-"));
    fs.writeFileSync(path.join(dir, "r.pdf"), pdf.rawPayload);
    const text = execFileSync("pdftotext", [path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
    fs.rmSync(dir, { recursive: true });
    expect(text).toContain("补发");
    expect(text).toContain(cert.number.slice(0, 10));
    // A replaced certificate cannot be replaced again.
    const again = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/replace`,
      headers: { cookie: registrar },
      payload: { reason: "damaged" },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("CERTIFICATE.NOT_CURRENT");
  });

  it("voids a certificate (cancellation) and its verification says void; issuers may not void", async () => {
    const cert = await given(env).title();
    const issuer = await loginAs(env.app, "chancheng.fazheng");
    const forbidden = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/void`,
      headers: { cookie: issuer },
      payload: { reason: "cancellation" },
    });
    expect(forbidden.statusCode).toBe(404);
    const registrar = await loginAs(env.app, "chancheng.dengbu");
    const res = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/void`,
      headers: { cookie: registrar },
      payload: { reason: "cancellation", caseId: "CANCEL-1" },
    });
    expect(res.statusCode).toBe(200);
    const body = (await verify(tokenOf(cert.verifyUrl))).json();
    expect(body.verdict).toMatchObject({ genuine: true, status: "void" });
    expect(body.verdict.message_zh).toContain("注销登记");
  });
});

/**
 * A flat registered to 张伟 with an e-certificate (a title, or a mortgage certification), as the
 * registering transaction leaves it: the number in the entry, the certificate linked to it.
 */
async function registeredFlat() {
  const reg = casesGiven(env);
  const flat = await reg.flat({ registered: false });
  const { personKey: _k, ...zhang } = await reg.person("citizen.zhang");
  const { personKey: _b, ...bank } = await reg.person("bank.gongshang");
  const zhangId = await reg.accountId("citizen.zhang");
  const bankId = await reg.institutionId("bank.gongshang");
  const title = titleData();
  const mortgage = mortgageData();
  const service = env.services.certificates.service;
  const ctx = systemContext("test");
  const where = { parcel: flat.parcelCode, unit: flat.unitCode };
  const issued = await inTransaction(env.services.db, async (tx) => {
    const prepare = (content: PrepareCertificateInput["content"], recipients: Recipient[]) =>
      service.prepareInTx(tx, ctx, { office: "440604", registeredOn: "2025-11-24", content, recipients });
    const cert = await prepare(
      {
        kind: "certificate",
        title: {
          ...(title.kind === "certificate" ? title.title : ({} as TitleFields)),
          unitCode: flat.unitCode,
        },
      },
      [{ role: "holder", accountId: zhangId }],
    );
    const proof = await prepare(
      {
        kind: "certification",
        certification: {
          ...(mortgage.kind === "certification" ? mortgage.certification : ({} as CertificationFields)),
          unitCode: flat.unitCode,
        },
      },
      [{ role: "mortgagee", institutionId: bankId }],
    );
    const { entries } = await appendEntries(
      tx,
      [
        {
          ...where,
          body: {
            kind: "right.create",
            right: houseRight({ certificateNo: cert.number }),
            holders: [{ ...zhang, share: null }],
            ends: [],
          },
        },
        {
          ...where,
          body: {
            kind: "mortgage.create",
            encumbrance: {
              kind: "mortgage",
              holder: bank,
              obligorName: zhang.name,
              documentNo: null,
              startsOn: "2025-11-24",
              endsOn: "2055-11-23",
              amount: 1_200_000,
              relatedUnitCode: null,
              particulars: { method: "general", certificationNo: proof.number },
            },
          },
        },
      ],
      { now: new Date() },
    );
    await service.linkEntryInTx(tx, cert.id, entries[0]!.seq);
    await service.linkEntryInTx(tx, proof.id, entries[1]!.seq);
    return { cert, proof, rightSeq: entries[0]!.seq, mortgageSeq: entries[1]!.seq };
  });
  await env.services.certificates.sealing.drain();
  return { ...flat, ...issued };
}

const historyOf = async (unitCode: string) => {
  const registrar = await loginAs(env.app, "chancheng.dengbu");
  const res = await env.app.inject({
    url: `/api/register/units/${unitCode}/history`,
    headers: { cookie: registrar },
  });
  expect(res.statusCode).toBe(200);
  return res.json() as {
    timeline: Array<{ seq: number; kind: string; title_zh: string; title_en: string }>;
    rights: Array<{ seq: number; certificateNo: string | null; status: string }>;
  };
};

describe("replacement in the register (补发/换发 附记, R1)", () => {
  it("records a replaced title's new number on the current right, in the history, proven on its QR page", async () => {
    const flat = await registeredFlat();
    const registrar = await loginAs(env.app, "chancheng.dengbu");
    const res = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${flat.cert.id}/replace`,
      headers: { cookie: registrar },
      payload: { reason: "damaged" },
    });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json();
    const right = await env.services.db
      .selectFrom("rights")
      .select(["certificate_no", "status"])
      .where("unit_code", "=", flat.unitCode)
      .where("seq", "=", flat.rightSeq)
      .executeTakeFirstOrThrow();
    expect(right).toEqual({ certificate_no: fresh.number, status: "current" });
    const history = await historyOf(flat.unitCode);
    const entry = history.timeline.at(-1)!;
    expect(entry).toMatchObject({
      kind: "right.certificate",
      title_zh: `换发证书：${fresh.number}（原证书 ${flat.cert.number} 作废）`,
    });
    expect(history.rights.find((r) => r.seq === flat.rightSeq)?.certificateNo).toBe(fresh.number);
    await env.services.certificates.sealing.drain();
    const qr = (await verify(tokenOf(fresh.verifyUrl))).json();
    expect(qr.verdict.status).toBe("current");
    expect(qr.register).toMatchObject({ status: "verified", seq: entry.seq });
    const report = await verifyRegister(env.services.db);
    expect(report.problems).toEqual([]);
  });

  it("records a replaced certification's new number on its mortgage; a certificate the register does not hold writes nothing", async () => {
    const flat = await registeredFlat();
    const registrar = await loginAs(env.app, "chancheng.dengbu");
    const res = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${flat.proof.id}/replace`,
      headers: { cookie: registrar },
      payload: { reason: "lost", announcement: { publishedOn: "2025-11-20", reference: "佛山日报 第A8版" } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json();
    const mortgage = await env.services.db
      .selectFrom("encumbrances")
      .select(["particulars", "status", "rank"])
      .where("unit_code", "=", flat.unitCode)
      .where("seq", "=", flat.mortgageSeq)
      .executeTakeFirstOrThrow();
    expect(mortgage).toMatchObject({
      status: "effective",
      rank: 1,
      particulars: { certificationNo: fresh.number },
    });
    const entry = (await historyOf(flat.unitCode)).timeline.at(-1)!;
    expect(entry).toMatchObject({
      kind: "mortgage.update",
      title_zh: `抵押权变更（补发不动产登记证明 ${fresh.number}）`,
    });
    const linked = await env.services.db
      .selectFrom("certificates")
      .select("register_seq")
      .where("id", "=", fresh.id)
      .executeTakeFirstOrThrow();
    expect(linked.register_seq).toBe(entry.seq);
    // Made outside a registration: replaced, with no entry, still linked to nothing.
    const loose = await given(env).title();
    const before = await env.services.db
      .selectFrom("register_entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const again = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${loose.id}/replace`,
      headers: { cookie: registrar },
      payload: { reason: "damaged" },
    });
    expect(again.statusCode).toBe(200);
    const after = await env.services.db
      .selectFrom("register_entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await verifyRegister(env.services.db)).problems).toEqual([]);
  });
});

describe("paper printing and delivery", () => {
  it("queues remote printing at the accepting office, records the 印制号 once, and posts with a tracking number", async () => {
    const cert = await given(env).title({ holders: ["citizen.zhang"] });
    const chancheng = await loginAs(env.app, "chancheng.fazheng");
    const nanhai = await loginAs(env.app, "nanhai.fazheng");
    const queued = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/prints`,
      headers: { cookie: chancheng },
      payload: { office: "440605" },
    });
    expect(queued.statusCode).toBe(200);
    const printId = queued.json().id;
    const queue = (
      await env.app.inject({ url: "/api/offices/440605/print-queue", headers: { cookie: nanhai } })
    ).json();
    expect(queue.jobs).toEqual([
      expect.objectContaining({
        id: printId,
        number: cert.number,
        registeringOffice: "440604",
        office: "440605",
      }),
    ]);
    // 南海's issuer reads and prints it (remote printing), 禅城's own queue does not show it.
    expect(
      (await env.app.inject({ url: `/api/certificates/${cert.id}/pdf`, headers: { cookie: nanhai } }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await env.app.inject({ url: "/api/offices/440604/print-queue", headers: { cookie: chancheng } })
      ).json().jobs,
    ).toEqual([]);
    const bad = await env.app.inject({
      method: "POST",
      url: `/api/certificate-prints/${printId}/printed`,
      headers: { cookie: nanhai },
      payload: { formSerial: "#$%^&*" },
    });
    expect(bad.json().code).toBe("CERTIFICATE.FORM_SERIAL_INVALID");
    const printed = await env.app.inject({
      method: "POST",
      url: `/api/certificate-prints/${printId}/printed`,
      headers: { cookie: nanhai },
      payload: { formSerial: "NO.44012345678" },
    });
    expect(printed.statusCode).toBe(200);
    const view = (
      await env.app.inject({ url: `/api/certificates/${cert.id}`, headers: { cookie: chancheng } })
    ).json();
    expect(view.prints).toEqual([
      expect.objectContaining({ status: "printed", formSerial: "44012345678", office: "440605" }),
    ]);
    // The same form serial cannot be used twice.
    const other = await given(env).title();
    const otherJob = (
      await env.app.inject({
        method: "POST",
        url: `/api/certificates/${other.id}/prints`,
        headers: { cookie: chancheng },
        payload: {},
      })
    ).json().id;
    const reused = await env.app.inject({
      method: "POST",
      url: `/api/certificate-prints/${otherJob}/printed`,
      headers: { cookie: chancheng },
      payload: { formSerial: "44012345678" },
    });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().code).toBe("CERTIFICATE.FORM_SERIAL_USED");

    const delivery = await env.app.inject({
      method: "POST",
      url: `/api/certificates/${cert.id}/deliveries`,
      headers: { cookie: nanhai },
      payload: {
        method: "post",
        office: "440605",
        recipientName: "张三",
        address: "佛山市南海区桂城街道南海大道1号",
        phone: "13800001001",
      },
    });
    expect(delivery.statusCode).toBe(200);
    expect(delivery.json()).toMatchObject({ status: "pending", phoneMasked: "138****1001" });
    const stored = await env.services.db
      .selectFrom("certificate_deliveries")
      .select(["address_enc"])
      .where("id", "=", delivery.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.address_enc).not.toContain("南海大道");
    const badTracking = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "dispatched", carrier: "EMS", trackingNumber: "EA123456784CN" },
    });
    expect(badTracking.json().code).toBe("CERTIFICATE.TRACKING_INVALID");
    const dispatched = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "dispatched", carrier: "EMS", trackingNumber: "EA123456785CN" },
    });
    expect(dispatched.json()).toMatchObject({ status: "dispatched", trackingNumber: "EA123456785CN" });
    const skipped = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "collected" },
    });
    expect(skipped.json().code).toBe("CERTIFICATE.DELIVERY_STATE");
    const delivered = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.json().id}`,
      headers: { cookie: nanhai },
      payload: { status: "delivered" },
    });
    expect(delivered.json().status).toBe("delivered");
    const zhang = await loginAs(env.app, "citizen.zhang");
    const tracking = (
      await env.app.inject({ url: `/api/certificates/${cert.id}/deliveries`, headers: { cookie: zhang } })
    ).json();
    expect(tracking.deliveries[0]).toMatchObject({ trackingNumber: "EA123456785CN", status: "delivered" });
    const actions = await env.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("target_id", "=", cert.id)
      .where("outcome", "=", "success")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "certificate.prepare",
        "certificate.seal",
        "certificate.print-request",
        "certificate.print",
        "certificate.delivery-arrange",
        "certificate.delivery-dispatched",
        "certificate.delivery-delivered",
      ]),
    );
  });

  it("will not hand over a certificate that was never printed", async () => {
    const cert = await given(env).title();
    const issuer = await loginAs(env.app, "chancheng.fazheng");
    const delivery = (
      await env.app.inject({
        method: "POST",
        url: `/api/certificates/${cert.id}/deliveries`,
        headers: { cookie: issuer },
        payload: { method: "pickup", recipientName: "张三" },
      })
    ).json();
    const res = await env.app.inject({
      method: "POST",
      url: `/api/certificate-deliveries/${delivery.id}`,
      headers: { cookie: issuer },
      payload: { status: "collected" },
    });
    expect(res.json().code).toBe("CERTIFICATE.DELIVERY_STATE");
  });
});
