import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { expectReceiptsHonoured } from "./receipts";
import { clearTaxAndFees, closeEnv, type Given, given, type Http, http, uploadMaterials } from "./support";

let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv({ YULIN_PUBLIC_URL: "http://yulin.test" });
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

/**
 * 二手房转移 + 买方抵押首次 end to end through the HTTP API: an agent applies, seller, buyer and bank
 * confirm with their own accounts, 南海 (440605) accepts, 禅城 (440604, the property's office)
 * reviews and registers both parts in one transaction, then certifies, issues and archives.
 */
describe("second-hand sale with the buyer's mortgage (combined.resale-with-mortgage)", () => {
  it("goes from the agent's application to certificates, accepted in one county and registered in the property's", async () => {
    const flat = await g.flat({ holders: ["citizen.zhang"] });

    // 1. The agent (安居经纪) prepares the case for the buyer; the parties are named by account.
    const created = await api.post("agent.anju", "/api/cases", {
      typeId: "combined.resale-with-mortgage",
      unitCode: flat.unitCode,
      parts: [
        {
          details: {
            coOwnership: "sole",
            priceFen: 200_000_000,
            presentedCertificate: flat.certificateNo,
            documentNo: "WQ2026-000888",
          },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
            { role: "agent", account: "agent.anju", actsFor: { account: "citizen.li" } },
          ],
        },
        {
          details: {
            mortgage: { amount: 120_000_000, debtEnd: "2056-11-30" },
            documentNo: "工银抵2026-0888",
          },
          parties: [
            { role: "right-holder", account: "bank.gongshang" },
            { role: "obligor", account: "citizen.li" },
          ],
        },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    expect(id.startsWith("440604-")).toBe(true);
    await uploadMaterials(api, "agent.anju", id, ["transfer.sale", "mortgage.first.general"]);

    // Before the parties confirm, the rules say who is missing (R4), all at once.
    const early = await api.get("agent.anju", `/api/cases/${id}/findings`);
    expect(
      early.body.findings.filter(
        (f: { rule: string; severity: string }) => f.rule === "R4" && f.severity === "block",
      ).length,
    ).toBeGreaterThan(0);

    // 2. Seller, buyer and bank each confirm and e-sign the same content (SM2).
    const content = await api.get("citizen.li", `/api/cases/${id}/content`);
    for (const who of ["citizen.zhang", "citizen.li", "bank.gongshang"]) {
      const confirmed = await api.post(who, `/api/cases/${id}/confirm`);
      expect(confirmed.status, `${who}: ${JSON.stringify(confirmed.body)}`).toBe(200);
      expect(confirmed.body.contentSm3).toBe(content.body.sm3);
    }
    const view = await api.get("agent.anju", `/api/cases/${id}`);
    expect(
      view.body.parts.flatMap((p: { parties: Array<{ role: string; signed: boolean }> }) =>
        p.parties.filter((x) => x.role !== "agent").map((x) => x.signed),
      ),
    ).toEqual([true, true, true, true]);

    // 3. The agent submits: no blocking finding; deed tax is not yet cleared (info until 登簿).
    const submitted = await api.post("agent.anju", `/api/cases/${id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.stage).toBe("submitted");
    expect(submitted.body.blocked).toBe(false);
    expect(submitted.body.findings.find((f: { code: string }) => f.code === "R22.DEED_TAX")).toMatchObject({
      severity: "info",
      part: 0,
    });

    // 4. 全市通办: 南海 accepts the 禅城 property; 南海 may not review it (属地审核).
    const accepted = await api.post("nanhai.shouli", `/api/cases/${id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.stage).toBe("accepted");
    const nanhaiReview = await api.post("nanhai.shenhe", `/api/cases/${id}/review`);
    expect(nanhaiReview.status).toBe(404);
    const reviewed = await api.post("chancheng.shenhe", `/api/cases/${id}/review`);
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(200);

    // 5. Without the tax department's confirmation the registration is refused at commit (R22).
    const tooEarly = await api.post("chancheng.dengbu", `/api/cases/${id}/register`);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.details.findings.map((f: { code: string }) => f.code)).toContain("R22.DEED_TAX");

    await clearTaxAndFees(env, api, {
      caseId: id,
      unitCode: flat.unitCode,
      staff: "chancheng.shenhe",
      buyer: "citizen.li",
      seller: "citizen.zhang",
    });

    // 6. Only the property's office registers; both parts in one transaction, in the catalogue's order.
    expect((await api.post("nanhai.dengbu", `/api/cases/${id}/register`)).status).toBe(404);
    const registered = await api.post("chancheng.dengbu", `/api/cases/${id}/register`);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    expect(registered.body.stage).toBe("registered");
    expect(registered.body.entries).toHaveLength(2);
    expect(registered.body.certificates.map((c: { kind: string }) => c.kind)).toEqual([
      "certificate",
      "certification",
    ]);
    // 登簿回执: one receipt per part's append, each verifiable offline and honoured.
    expect(registered.body.receipts).toHaveLength(2);
    await expectReceiptsHonoured(env, api, "chancheng.dengbu", registered.body);

    const entries = await env.services.db
      .selectFrom("register_entries")
      .select(["seq", "kind"])
      .where("seq", "in", registered.body.entries)
      .orderBy("seq")
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(["right.create", "mortgage.create"]);
    const rights = await env.services.db
      .selectFrom("rights")
      .innerJoin("right_holders", (j) =>
        j
          .onRef("right_holders.unit_code", "=", "rights.unit_code")
          .onRef("right_holders.right_seq", "=", "rights.seq"),
      )
      .select(["rights.status", "rights.certificate_no", "right_holders.name"])
      .where("rights.unit_code", "=", flat.unitCode)
      .orderBy("rights.seq")
      .execute();
    expect(rights.map((r) => [r.status, r.name])).toEqual([
      ["historic", "张伟"],
      ["current", "李娜"],
    ]);
    expect(rights[1]!.certificate_no).toBe(registered.body.certificates[0].number);
    const mortgage = await env.services.db
      .selectFrom("encumbrances")
      .selectAll()
      .where("unit_code", "=", flat.unitCode)
      .where("kind", "=", "mortgage")
      .executeTakeFirstOrThrow();
    expect(mortgage.obligor_name).toBe("李娜");
    expect(mortgage.particulars).toMatchObject({ certificationNo: registered.body.certificates[1].number });

    // The bank is told through the outbox; the tax department learns the case was registered.
    const outbox = await env.services.db.selectFrom("outbox").select(["topic", "idempotency_key"]).execute();
    expect(
      outbox.some(
        (m) =>
          m.topic === "bank.collateral-event" && m.idempotency_key.includes(`${id}:1:mortgage-registered`),
      ),
    ).toBe(true);
    expect(
      outbox.some((m) => m.topic === "tax.registered" && m.idempotency_key === `tax.registered:${id}`),
    ).toBe(true);

    // 7. 缮证, 发证 (fees paid: R22), 归档.
    for (const [who, action, stage] of [
      ["chancheng.fazheng", "certify", "certified"],
      ["chancheng.fazheng", "issue", "issued"],
      ["chancheng.dangan", "archive", "archived"],
    ] as const) {
      const r = await api.post(who, `/api/cases/${id}/${action}`);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.stage).toBe(stage);
    }

    // The buyer downloads the title certificate; the bank sees its certification.
    const mine = await api.get("citizen.li", "/api/certificates");
    expect(mine.body.certificates.map((c: { number: string }) => c.number)).toContain(
      registered.body.certificates[0].number,
    );
    const bank = await api.get("bank.gongshang", "/api/certificates");
    expect(bank.body.certificates.map((c: { number: string }) => c.number)).toContain(
      registered.body.certificates[1].number,
    );

    const timeline = await api.get("citizen.li", `/api/cases/${id}/timeline`);
    expect(timeline.body.entries.map((e: { to: string; office: string | null }) => [e.to, e.office])).toEqual(
      [
        ["submitted", null],
        ["accepted", "440605"],
        ["reviewed", "440604"],
        ["registered", "440604"],
        ["certified", "440604"],
        ["issued", "440604"],
        ["archived", "440604"],
      ],
    );
  });
});
