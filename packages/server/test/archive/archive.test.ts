import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bankMortgageCase } from "../cases/mortgage-case";
import { closeEnv, type Given, given, type Http, http, PDF } from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";

let env: TestEnv;
let api: Http;
let g: Given;
let caseId: string;
let unitCode: string;
let archiveNo: string;
let dir: string;

const openssl = (args: string[]) => execFileSync("openssl", args, { encoding: "utf8" });

beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
  const flat = await g.flat({ holders: ["citizen.zhang"] });
  unitCode = flat.unitCode;
  caseId = await bankMortgageCase(api, unitCode);
  const submitted = await api.post("bank.gongshang", `/api/cases/${caseId}/submit`);
  expect(submitted.body.stage).toBe("certified");
  // The registration fee paid through the simulated channel (R22 before issue).
  const order = await api.post("chancheng.shenhe", "/api/integrations/payment/orders", {
    caseRef: caseId,
    jurisdiction: "440604",
    fee: { kind: "mortgage", property: "residential", certificates: 0 },
    payers: { mode: "shares", payers: [{ payer: "抵押权人", shareBp: 10_000 }] },
  });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  const integrations = env.services.integrations;
  for (const part of order.body.parts as Array<{ partNo: string; payPage: string }>) {
    const token = new URL(part.payPage).searchParams.get("t")!;
    await integrations.payments.openPart(part.partNo, token);
    await integrations.gatewaySimulator!.pay(part.partNo, token);
  }
  await integrations.worker.drain();
  const issued = await api.post("chancheng.fazheng", `/api/cases/${caseId}/issue`);
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
}, 240_000);
afterAll(async () => closeEnv(env));

describe("电子档案 electronic archive", { timeout: 120_000 }, () => {
  it("packs a registered case into a signed package that passes the four-properties check on ingest", async () => {
    const early = await api.post("chancheng.dangan", "/api/archive/transfers", { caseId: "nope" });
    expect(early.status).toBe(404);
    const r = await api.post("chancheng.dangan", "/api/archive/transfers", { caseId });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.check).toMatchObject({
      ok: true,
      properties: { authenticity: true, integrity: true, usability: true, security: true },
    });
    archiveNo = r.body.archiveNo;
    const again = await api.post("chancheng.dangan", "/api/archive/transfers", { caseId });
    expect(again.body.code).toBe("ARCHIVE.ALREADY_TRANSFERRED");

    const record = await api.get("chancheng.dangan", `/api/archive/records/${archiveNo}`);
    expect(record.body).toMatchObject({
      status: "transferred",
      category: "register",
      retention: "permanent",
    });
    const roles = record.body.manifest.files.map((f: { role: string }) => f.role);
    for (const role of [
      "application",
      "parties",
      "material",
      "register",
      "certificate",
      "signatures",
      "timeline",
      "audit",
    ])
      expect(roles, role).toContain(role);
    // The register section carries each entry with its inclusion proof under a signed head.
    const row = await env.services.db
      .selectFrom("archive_records")
      .selectAll()
      .where("archive_no", "=", archiveNo)
      .executeTakeFirstOrThrow();
    dir = path.join(env.services.config.archiveDir, row.package_dir);
    const register = JSON.parse(fs.readFileSync(path.join(dir, "content/register.json"), "utf8"));
    expect(register.length).toBeGreaterThan(0);
    expect(register[0].inclusion).toMatchObject({ seq: register[0].seq, proof: expect.any(Array) });
  });

  it("the package's signature and digests verify with OpenSSL alone", () => {
    const verified = openssl([
      "dgst",
      "-sm3",
      "-verify",
      path.join(dir, "seal-public-key.pem"),
      "-sigopt",
      "distid:1234567812345678",
      "-signature",
      path.join(dir, "manifest.sig"),
      path.join(dir, "manifest.json"),
    ]);
    expect(verified.trim()).toBe("Verified OK");
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    for (const f of manifest.files) {
      const out = openssl(["dgst", "-sm3", "-r", path.join(dir, f.path)]);
      expect(out.split(" ")[0], f.path).toBe(f.sm3);
    }
  });

  it("signs off, and a changed byte of one material is named by the check", async () => {
    const signed = await api.post("chancheng.dangan", `/api/archive/records/${archiveNo}/sign-off`);
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe("archived");
    const view = await api.get("chancheng.dangan", `/api/cases/${caseId}`);
    expect(view.body.stage).toBe("archived");

    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8"));
    const material = manifest.files.find((f: { role: string }) => f.role === "material");
    const file = path.join(dir, material.path);
    const bytes = fs.readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
    fs.writeFileSync(file, bytes);
    const check = await api.post("chancheng.dangan", `/api/archive/records/${archiveNo}/check`);
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.properties).toMatchObject({ integrity: false, authenticity: true });
    expect(check.body.failures).toEqual([
      { property: "integrity", file: material.path, problem: expect.stringContaining("SM3") },
    ]);
    // OpenSSL sees the same.
    expect(openssl(["dgst", "-sm3", "-r", file]).split(" ")[0]).not.toBe(material.sm3);
    bytes.writeUInt8(bytes.readUInt8(middle) ^ 0x01, middle);
    fs.writeFileSync(file, bytes);
    expect((await api.post("chancheng.dangan", `/api/archive/records/${archiveNo}/check`)).body.ok).toBe(
      true,
    );
  });

  it("refuses an altered package: a changed manifest fails authenticity", async () => {
    const manifestFile = path.join(dir, "manifest.json");
    const original = fs.readFileSync(manifestFile);
    fs.writeFileSync(
      manifestFile,
      original.toString("utf8").replace('"retention":"permanent"', '"retention":"10y"'),
    );
    const check = await api.post("chancheng.dangan", `/api/archive/records/${archiveNo}/check`);
    expect(check.body.ok).toBe(false);
    expect(
      check.body.failures.map((f: { property: string; file: string }) => `${f.property}:${f.file}`),
    ).toEqual(expect.arrayContaining(["authenticity:manifest.json", "authenticity:manifest.sig"]));
    fs.writeFileSync(manifestFile, original);
    const events = await env.services.db
      .selectFrom("archive_events")
      .selectAll()
      .where("archive_no", "=", archiveNo)
      .where("action", "=", "check")
      .execute();
    expect(events.length).toBe(3);
  });

  it("lends to a reviewer of the office and takes it back; refuses a borrower who may not see it", async () => {
    const outsider = await api.post("chancheng.dangan", `/api/archive/records/${archiveNo}/loans`, {
      purpose: "复核",
      borrower: "nanhai.shenhe",
    });
    expect(outsider.status).toBe(403);
    expect(outsider.body.code).toBe("ARCHIVE.LOAN_NOT_ALLOWED");
    const asks = await api.post("nanhai.shenhe", `/api/archive/records/${archiveNo}/loans`, {
      purpose: "查阅",
    });
    expect(asks.body.code).toBe("ARCHIVE.NOT_FOUND");
    const denied = await env.services.db
      .selectFrom("audit_log")
      .select(["action", "outcome"])
      .where("target_id", "=", archiveNo)
      .where("outcome", "=", "denied")
      .execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(["archive.lend", "archive.borrow"]));

    const lent = await api.post("chancheng.dangan", `/api/archive/records/${archiveNo}/loans`, {
      purpose: "复核抵押登记",
      borrower: "chancheng.shenhe",
      dueOn: "2026-12-31",
    });
    expect(lent.status, JSON.stringify(lent.body)).toBe(201);
    expect(lent.body.status).toBe("lent");
    expect((await api.get("chancheng.dangan", `/api/archive/records/${archiveNo}`)).body.status).toBe("lent");
    const open = await api.get("chancheng.dangan", "/api/archive/loans");
    expect(open.body.loans.map((l: { id: number }) => l.id)).toContain(lent.body.loanId);
    const back = await api.post("chancheng.dangan", `/api/archive/loans/${lent.body.loanId}/return`);
    expect(back.body.status).toBe("returned");
    const record = await api.get("chancheng.dangan", `/api/archive/records/${archiveNo}`);
    expect(record.body.status).toBe("archived");
    expect(record.body.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["transfer", "sign-off", "lend", "return"]),
    );

    // A reviewer asks; the archivist approves; the record comes back.
    const req = await api.post("chancheng.shenhe", `/api/archive/records/${archiveNo}/loans`, {
      purpose: "查阅",
    });
    expect(req.body.status).toBe("requested");
    expect(
      (await api.post("chancheng.dangan", `/api/archive/loans/${req.body.loanId}/approve`)).body.status,
    ).toBe("lent");
    expect(
      (await api.post("chancheng.shenhe", `/api/archive/loans/${req.body.loanId}/return`)).body.code,
    ).toBe("ARCHIVE.LOAN_NOT_FOUND");
    expect(
      (await api.post("chancheng.dangan", `/api/archive/loans/${req.body.loanId}/return`)).body.status,
    ).toBe("returned");
  });

  it("never destroys a register record", async () => {
    const r = await api.post("chancheng.dangan", `/api/archive/records/${archiveNo}/destroy`, {
      reason: "到期",
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe("ARCHIVE.DESTRUCTION_NOT_ALLOWED");
    const stats = await api.get("chancheng.dangan", "/api/archive/statistics");
    expect(stats.body.byCategory).toEqual([{ category: "register", retention: "permanent", n: 1 }]);
  });

  it("imports legacy paper files with their CSV catalogue, linked to units by code", async () => {
    const csv = `archive_no,unit_code,title,year,retention,pages\n1998-0001,${unitCode},"房屋所有权登记, 1998",1998,permanent,p1.pdf|p2.pdf\n`;
    const pages = [
      { name: "p1.pdf", contentBase64: PDF },
      { name: "p2.pdf", contentBase64: PDF },
    ];
    const bad = await api.post("chancheng.dangan", "/api/archive/legacy-imports", {
      jurisdiction: "440604",
      catalogueCsv: csv.replace("p2.pdf", "p3.pdf"),
      pages,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("ARCHIVE.LEGACY_INVALID");
    const ok = await api.post("chancheng.dangan", "/api/archive/legacy-imports", {
      jurisdiction: "440604",
      catalogueCsv: csv,
      pages,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const list = await api.get("chancheng.dangan", `/api/archive/records?unitCode=${unitCode}`);
    expect(list.body.records.map((r: { kind: string }) => r.kind).sort()).toEqual(["case", "legacy"]);
    const legacy = list.body.records.find((r: { kind: string }) => r.kind === "legacy");
    expect(legacy).toMatchObject({ title: "房屋所有权登记, 1998", year: 1998, checkOk: true, files: 3 });
  });
});
