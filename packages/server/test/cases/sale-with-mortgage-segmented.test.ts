import { beforeAll, describe, expect, it } from "vitest";
import { generateSm2KeyPair } from "../../src/integrations/shared/sm2";
import { connectInstitution, signedCallback } from "../integrations/support/signing";
import {
  accept,
  act,
  api,
  blocks,
  codes,
  env,
  file,
  g,
  register,
  review,
  STAFF,
  startRulesServer,
} from "./rules-support";
import { givenTaxCleared } from "./support";

/**
 * 带押过户（新旧抵押权分段模式）through the server: the transfer and the new bank's mortgage are
 * registered while the old mortgage stays; the case waits for the old bank's signed confirmation of
 * repayment through the bank connector, which cancels the old mortgage; then it is certified.
 */
startRulesServer();

const oldBankKeys = generateSm2KeyPair();
const newBankKeys = generateSm2KeyPair();
let oldBankToken: string;
let newBankToken: string;
beforeAll(async () => {
  oldBankToken = await connectInstitution(env.app, "bank.gongshang", oldBankKeys.publicKey);
  newBankToken = await connectInstitution(env.app, "bank.jianshe", newBankKeys.publicKey);
});

const confirmRepayment = (as: "old" | "new", caseRef: string, messageId: string) => {
  const signed = signedCallback(
    as === "old" ? oldBankKeys.privateKey : newBankKeys.privateKey,
    as === "old" ? oldBankToken : newBankToken,
    {
      messageId,
      type: "repayment-confirmed",
      data: { caseRef, repaidAt: "2026-12-03T10:00:00+08:00", settlementNo: `JQ-${messageId}` },
    },
  );
  return env.app.inject({
    method: "POST",
    url: "/api/integrations/bank/callbacks",
    headers: signed.headers,
    payload: signed.body,
  });
};

const segmented = (unitCode: string, repays: string | undefined, newBank = "bank.jianshe") => ({
  typeId: "combined.sale-with-mortgage.segmented",
  unitCode,
  by: "citizen.li",
  parts: [
    {
      details: { coOwnership: "sole", priceFen: 180_000_000 },
      parties: [
        { role: "right-holder", account: "citizen.li" },
        { role: "obligor", account: "citizen.zhang" },
      ],
    },
    {
      details: {
        mortgage: {
          amount: 100_000_000,
          debtEnd: "2056-12-31",
          ...(repays ? { repaysMortgageId: repays } : {}),
        },
        documentNo: "建银抵2026-0002",
      },
      parties: [
        { role: "right-holder", account: newBank },
        { role: "obligor", account: "citizen.li" },
      ],
    },
  ],
});

const mortgagesOf = async (unitCode: string) =>
  (
    await env.services.db
      .selectFrom("encumbrances")
      .select(["seq", "holder_name", "status"])
      .where("unit_code", "=", unitCode)
      .where("kind", "=", "mortgage")
      .orderBy("seq")
      .execute()
  ).map((m) => [String(m.seq), m.holder_name, m.status]);

describe("带押过户（分段模式）through the server and the bank connector", () => {
  it("registers transfer and new mortgage, waits for the old bank's confirmation, then cancels the old mortgage and certifies", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const filed = await file(segmented(flat.unitCode, old));
    expect(filed.findings.filter((f) => f.severity === "block")).toEqual([]);
    expect((await accept(filed.id)).status).toBe(200);
    expect((await review(filed.id)).status).toBe(200);
    await givenTaxCleared(env, filed.id);

    // 1. 登簿: the transfer and the new mortgage, in one transaction; the old mortgage stays (R13).
    const registered = await register(filed.id);
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const kinds = await env.services.db
      .selectFrom("register_entries")
      .select("kind")
      .where("seq", "in", registered.body.entries)
      .orderBy("seq")
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(["right.create", "mortgage.create"]);
    const newSeq = String(registered.body.entries[1]);
    expect(await mortgagesOf(flat.unitCode)).toEqual([
      [old, "中国工商银行佛山分行", "effective"],
      [newSeq, "中国建设银行佛山分行", "effective"],
    ]);

    // The old bank is asked, through the bank connector's outbox, to confirm repayment.
    const asked = await env.services.db
      .selectFrom("outbox")
      .select(["idempotency_key", "connector"])
      .where("topic", "=", "bank.collateral-event")
      .execute();
    const oldBankId = await g.institutionId("bank.gongshang");
    expect(asked).toContainEqual({
      idempotency_key: `bank:${oldBankId}:${filed.id}:repayment-requested`,
      connector: `bank:${oldBankId}`,
    });
    const view = await api.get("citizen.li", `/api/cases/${filed.id}`);
    expect(view.body.repayment).toMatchObject({ status: "awaiting", mortgageId: old });

    // 2. Waiting: no certificate is handed out before the old mortgage is cancelled.
    const early = await act(STAFF.issuer, filed.id, "certify");
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("CASE.AWAITING_REPAYMENT");

    // Another bank cannot confirm for the old one; nothing changes.
    const wrong = await confirmRepayment("new", filed.id, `seg-wrong-${filed.id}`);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().code).toBe("CASE.NOT_AWAITING_REPAYMENT");
    expect((await mortgagesOf(flat.unitCode)).map((m) => m[2])).toEqual(["effective", "effective"]);

    // 3. The old bank's signed confirmation cancels its mortgage in a later step.
    const confirmed = await confirmRepayment("old", filed.id, `seg-ok-${filed.id}`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().result).toMatchObject({ caseRef: filed.id, status: "cancelled" });
    const after = await mortgagesOf(flat.unitCode);
    expect(after.find((m) => m[0] === old)?.[2]).not.toBe("effective");
    expect(after.find((m) => m[0] === newSeq)?.[2]).toBe("effective");
    const cancel = await env.services.db
      .selectFrom("register_entries")
      .select("kind")
      .where("seq", "=", confirmed.json().result.cancelEntry)
      .executeTakeFirstOrThrow();
    expect(cancel.kind).toBe("mortgage.cancel");
    // Sent again (a retry), it is answered with the first result and records nothing more.
    const again = await confirmRepayment("old", filed.id, `seg-ok-${filed.id}`);
    expect(again.json()).toMatchObject({ duplicate: true });

    const timeline = await api.get("citizen.li", `/api/cases/${filed.id}/timeline`);
    expect(timeline.body.entries.map((e: { action: string }) => e.action)).toContain("repayment-confirmed");
    expect((await api.get("citizen.li", `/api/cases/${filed.id}`)).body.repayment).toMatchObject({
      status: "confirmed",
    });

    // 4. The transfer completes: certified.
    const certified = await act(STAFF.issuer, filed.id, "certify");
    expect(certified.status, JSON.stringify(certified.body)).toBe(200);
    expect(certified.body.stage).toBe("certified");
  });

  it("names the old mortgage it repays, held by another lender (R13 findings), or is refused at acceptance", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang" });
    const unnamed = await file(segmented(flat.unitCode, undefined));
    expect(codes(blocks(unnamed.findings, "R13"))).toEqual(["R13.WHICH_OLD_MORTGAGE"]);
    expect((await accept(unnamed.id)).status).toBe(409);
    const sameLender = await file(segmented(flat.unitCode, old, "bank.gongshang"));
    expect(codes(blocks(sameLender.findings, "R13"))).toEqual(["R13.SAME_LENDER"]);
  });

  it("R13: a ban on transfer recorded in the register refuses the segmented mode until the old mortgagee consents", async () => {
    const flat = await g.flat();
    const old = await g.mortgage(flat.unitCode, { bank: "bank.gongshang", transferBan: true });
    const filed = await file(segmented(flat.unitCode, old));
    expect(codes(blocks(filed.findings, "R13"))).toEqual(["R13.MORTGAGEE_CONSENT"]);
    const refused = await accept(filed.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("CASE.RULES_BLOCK");
    expect(refused.body.details.findings.map((f: { code: string }) => f.code)).toContain(
      "R13.MORTGAGEE_CONSENT",
    );
    // Nothing was registered.
    expect(await mortgagesOf(flat.unitCode)).toEqual([[old, "中国工商银行佛山分行", "effective"]]);
    // With the old mortgagee's written consent the ban no longer stands in the way.
    const consent = await api.post("bank.gongshang", `/api/cases/${filed.id}/consents`, {
      kind: "mortgagee",
      refId: old,
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(200);
    const now = await api.get(STAFF.reviewer, `/api/cases/${filed.id}/findings`);
    expect(blocks(now.body.findings, "R13")).toEqual([]);
  });
});
