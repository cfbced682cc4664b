import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CertificationFields, TitleFields } from "@yulin/domain";
import { describe, expect, it } from "vitest";
import type { PrepareCertificateInput, Recipient } from "../../src/certificates/certificate.service";
import { systemContext } from "../../src/platform/audit/audit";
import { inTransaction } from "../../src/platform/db/database";
import { appendEntries } from "../../src/register/ledger";
import { verifyRegister } from "../../src/register/verify";
import { given as casesGiven, houseRight } from "../cases/support";
import { loginAs } from "../support/test-services";
import { mortgageData, titleData } from "./fixtures";
import { given } from "./given";
import { env, startCertificateServer, tokenOf, verify } from "./support";

/** 补发/换发 and voiding: the certificate side, then what the register records (R1). */
startCertificateServer();

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
