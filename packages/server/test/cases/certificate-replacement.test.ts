import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyRegister } from "../../src/register/verify";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { closeEnv, type Given, given, type Http, http, uploadMaterials } from "./support";

/**
 * 补发/换发 through a case (细则 22, R20, R26): the register records the new certificate's number,
 * so the holder presenting the new certificate may sell (R1) and the old one is refused.
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

type Finding = { rule: string; code: string; severity: string };

const step = async (who: string, id: string, action: string) => {
  const r = await api.post(who, `/api/cases/${id}/${action}`);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
};

async function file(typeId: string, unitCode: string, parts: unknown[], by: string, signers: string[]) {
  const created = await api.post(by, "/api/cases", { typeId, unitCode, parts });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, by, id, [typeId]);
  for (const who of signers) await step(who, id, "confirm");
  const submitted = await step(by, id, "submit");
  return { id, findings: submitted.findings as Finding[] };
}

const holderPart = [{ details: {}, parties: [{ role: "right-holder", account: "citizen.zhang" }] }];

/** R20: the registry's loss notice runs 15 working days; the test moves its start back. */
async function announceLoss(id: string) {
  await step("chancheng.shenhe", id, "announcement/start");
  const row = await env.services.db
    .selectFrom("cases")
    .select("state")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  const state = row.state as { announcement: object; pauses: Array<{ from: string }> };
  state.announcement = { ...state.announcement, startedOn: "2026-01-05", endsOn: "2026-01-26" };
  state.pauses = state.pauses.map((p) => ({ ...p, from: "2026-01-05" }));
  await env.services.db
    .updateTable("cases")
    .set({ state: JSON.stringify(state) })
    .where("id", "=", id)
    .execute();
  await step("chancheng.shenhe", id, "announcement/end");
}

async function replaceThroughCase(typeId: string, unitCode: string) {
  const { id } = await file(typeId, unitCode, holderPart, "citizen.zhang", ["citizen.zhang"]);
  await step("chancheng.shouli", id, "accept");
  if (typeId === "certificate.replace-lost") await announceLoss(id);
  await step("chancheng.shenhe", id, "review");
  await step("chancheng.dengbu", id, "register");
  await env.services.certificates.sealing.drain();
  const certificate = await env.services.db
    .selectFrom("certificates")
    .select(["id", "number", "status", "data", "register_seq", "replaces_id"])
    .where("case_id", "=", id)
    .where("status", "=", "current")
    .executeTakeFirstOrThrow();
  return { id, certificate };
}

/**
 * The register now holds the new number on the same current right, written by the unit's last
 * entry, which the new certificate links to. Returns that entry's seq.
 */
async function expectRecorded(
  flat: { unitCode: string; rightSeq?: number },
  certificate: { number: string; register_seq: number | null },
  replaces: string,
  reason: string,
) {
  const { db } = env.services;
  const right = await db
    .selectFrom("rights")
    .select(["certificate_no", "status"])
    .where("unit_code", "=", flat.unitCode)
    .where("seq", "=", flat.rightSeq!)
    .executeTakeFirstOrThrow();
  expect(right).toEqual({ certificate_no: certificate.number, status: "current" });
  const entry = await db
    .selectFrom("register_entries")
    .select(["seq", "kind", "body"])
    .where("unit_code", "=", flat.unitCode)
    .orderBy("seq", "desc")
    .executeTakeFirstOrThrow();
  expect(entry).toMatchObject({
    kind: "right.certificate",
    body: { rightSeq: flat.rightSeq, certificateNo: certificate.number, replaces, reason },
  });
  expect(certificate.register_seq).toBe(entry.seq);
  return entry.seq;
}

const saleFindings = async (unitCode: string, presentedCertificate: string) =>
  (
    await file(
      "transfer.sale",
      unitCode,
      [
        {
          details: { coOwnership: "sole", presentedCertificate },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
      "citizen.li",
      ["citizen.li", "citizen.zhang"],
    )
  ).findings;

describe("补发/换发 through a case", () => {
  it("replaces a paper certificate, then the e-certificate, recording each new number; a sale presenting the new one passes R1, the old one is refused", async () => {
    const flat = await g.flat();
    const paper = flat.certificateNo!;

    // 补发 of the paper certificate (no e-certificate): a new one for the current right, marked 补发.
    const lost = await replaceThroughCase("certificate.replace-lost", flat.unitCode);
    const first = lost.certificate;
    expect(first.replaces_id).toBeNull();
    expect(first.data).toMatchObject({ replacement: { replacesNumber: paper, reason: "lost" } });
    expect((first.data as { notes: string[] }).notes.join(" ")).toContain("遗失声明");
    await expectRecorded(flat, first, paper, "补发");

    // 换发 of that e-certificate: the certificates module replaces it and records the number.
    const damaged = await replaceThroughCase("certificate.exchange-damaged", flat.unitCode);
    const second = damaged.certificate;
    expect(second.replaces_id).toBe(first.id);
    expect(second.data).toMatchObject({ replacement: { replacesNumber: first.number, reason: "damaged" } });
    const old = await env.services.db
      .selectFrom("certificates")
      .select("status")
      .where("id", "=", first.id)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe("replaced");
    const exchanged = await expectRecorded(flat, second, first.number, "换发");
    const part = await env.services.db
      .selectFrom("case_parts")
      .select("entry_seqs")
      .where("case_id", "=", damaged.id)
      .executeTakeFirstOrThrow();
    expect(part.entry_seqs).toEqual([exchanged]);

    // The history shows both 附记.
    const history = await api.get("chancheng.dengbu", `/api/register/units/${flat.unitCode}/history`);
    expect(
      history.body.timeline
        .filter((e: { kind: string }) => e.kind === "right.certificate")
        .map((e: { title_zh: string }) => e.title_zh),
    ).toEqual([
      `补发证书：${first.number}（原证书 ${paper} 作废）`,
      `换发证书：${second.number}（原证书 ${first.number} 作废）`,
    ]);

    // R1: the register decides which certificate is the holder's.
    const withNew = await saleFindings(flat.unitCode, second.number);
    expect(withNew.filter((f) => f.rule === "R1")).toEqual([]);
    for (const stale of [first.number, paper]) {
      const withOld = await saleFindings(flat.unitCode, stale);
      expect(withOld.filter((f) => f.rule === "R1" && f.severity === "block").map((f) => f.code)).toEqual([
        "R1.CERTIFICATE_MISMATCH",
      ]);
    }

    // A court holding the old paper number still finds the unit, told the number was replaced.
    const lookup = async (number: string) =>
      (
        await api.get(
          "court.chancheng",
          `/api/register/units/by-certificate?number=${encodeURIComponent(number)}`,
        )
      ).body;
    expect(await lookup(paper)).toMatchObject({ unitCode: flat.unitCode, status: "replaced" });
    expect(await lookup(first.number)).toMatchObject({ unitCode: flat.unitCode, status: "replaced" });
    expect(await lookup(second.number)).toMatchObject({ unitCode: flat.unitCode, status: "current" });

    const report = await verifyRegister(env.services.db);
    expect(report.problems).toEqual([]);
  });
});
