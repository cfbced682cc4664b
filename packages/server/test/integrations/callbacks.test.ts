import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createCachedVerifier,
  generateSm2KeyPair,
  sm2Sign,
  sm2Verify,
} from "../../src/integrations/shared/sm2";
import { inTransaction } from "../../src/platform/db/database";
import { startTestEnv, type TestEnv } from "../support/test-services";
import { contextAs, saleDeclaration } from "./support/fixtures";
import { connectInstitution, opensslVerifies, type SignedRequest, signedCallback } from "./support/signing";

let env: TestEnv;
const taxKeys = generateSm2KeyPair();
const forgerKeys = generateSm2KeyPair();
let taxToken: string;
let bankToken: string;
let caseRef: string;
let assessmentNo: string;

beforeAll(async () => {
  env = await startTestEnv();
  taxToken = await connectInstitution(env.app, "tax.foshan", taxKeys.publicKey);
  bankToken = await connectInstitution(env.app, "bank.gongshang", generateSm2KeyPair().publicKey);
  const ctx = await contextAs(env.services, "chancheng.shouli");
  const decl = saleDeclaration();
  caseRef = decl.caseRef;
  await env.services.integrations.tax.declareTax(ctx, decl);
  await env.services.integrations.worker.drain();
  assessmentNo = (await env.services.integrations.tax.getCaseTax(ctx, caseRef)).assessment!.assessmentNo;
});
afterAll(() => env.close());

const send = (req: SignedRequest, department = "tax") =>
  env.app.inject({
    method: "POST",
    url: `/api/integrations/${department}/callbacks`,
    headers: req.headers,
    payload: req.body,
  });
const confirmation = (voucherNo: string, amountFen = 2_000_000) => ({
  caseRef,
  voucherNo,
  assessmentNo,
  kind: "paid",
  amountFen,
  confirmedAt: "2025-03-02T10:00:00.000Z",
});
const cleared = () =>
  inTransaction(env.services.db, (tx) => env.services.integrations.requireTaxCleared(tx, caseRef));

describe("tax callbacks: bearer token + SM2 over timestamp ‖ body, fresh, never replayed", () => {
  it("refuses a forged callback (signed with another key) and does not clear the case", async () => {
    const forged = signedCallback(forgerKeys.privateKey, taxToken, {
      messageId: "tax-msg-forged",
      type: "payment-confirmed",
      data: confirmation("V-FORGED"),
    });
    const res = await send(forged);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("INTEGRATION.SIGNATURE_INVALID");
    await expect(cleared()).rejects.toMatchObject({ code: "TAX.NOT_CLEARED" });
  });

  it("refuses a body altered after signing", async () => {
    const genuine = signedCallback(taxKeys.privateKey, taxToken, {
      messageId: "tax-msg-tampered",
      type: "payment-confirmed",
      data: confirmation("V-TAMPER"),
    });
    const res = await send({ ...genuine, body: genuine.body.replace("2000000", "1") });
    expect(res.json().code).toBe("INTEGRATION.SIGNATURE_INVALID");
  });

  it("refuses a stale message (timestamp more than 5 minutes off)", async () => {
    const old = signedCallback(
      taxKeys.privateKey,
      taxToken,
      { messageId: "tax-msg-old", type: "payment-confirmed", data: confirmation("V-OLD") },
      new Date(Date.now() - 6 * 60_000),
    );
    const res = await send(old);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("INTEGRATION.STALE_MESSAGE");
  });

  it("accepts a genuine confirmation once, refuses its replay, and answers a re-sent copy idempotently", async () => {
    const genuine = signedCallback(taxKeys.privateKey, taxToken, {
      messageId: "tax-msg-1",
      type: "payment-confirmed",
      data: confirmation("V-0001"),
    });
    const first = await send(genuine);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      messageId: "tax-msg-1",
      duplicate: false,
      result: { matches: true },
    });
    expect(await cleared()).toMatchObject({ voucherNo: "V-0001", amountFen: 2_000_000 });

    // The same bytes again (same nonce): a replay.
    const replay = await send(genuine);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe("INTEGRATION.REPLAYED");

    // The bureau re-sends the same message (new nonce and time): processed once, same answer.
    const resent = await send(
      signedCallback(taxKeys.privateKey, taxToken, {
        messageId: "tax-msg-1",
        type: "payment-confirmed",
        data: confirmation("V-0001"),
      }),
    );
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ duplicate: true, result: { voucherNo: "V-0001" } });

    // A different message under a used id is refused.
    const conflicting = await send(
      signedCallback(taxKeys.privateKey, taxToken, {
        messageId: "tax-msg-1",
        type: "payment-confirmed",
        data: confirmation("V-0002"),
      }),
    );
    expect(conflicting.json().code).toBe("INTEGRATION.MESSAGE_CONFLICT");
    const rows = await env.services.db
      .selectFrom("tax_confirmations")
      .select("voucher_no")
      .where("case_ref", "=", caseRef)
      .execute();
    expect(rows.map((r) => r.voucher_no)).toEqual(["V-0001"]);
  });

  it("refuses callbacks without a token, from the wrong department, or from an institution with no key", async () => {
    const genuine = signedCallback(taxKeys.privateKey, taxToken, {
      messageId: "tax-msg-2",
      type: "payment-confirmed",
      data: confirmation("V-0003"),
    });
    const anonymous = await send({ ...genuine, headers: { ...genuine.headers, authorization: "" } });
    expect(anonymous.statusCode).toBe(401);
    // A bank may not speak for the tax bureau.
    const asBank = await send({
      ...genuine,
      headers: { ...genuine.headers, authorization: `Bearer ${bankToken}` },
    });
    expect(asBank.statusCode).toBe(404);
    expect(asBank.json().code).toBe("AUTH.FORBIDDEN");
    const unknownType = await send(
      signedCallback(taxKeys.privateKey, taxToken, {
        messageId: "tax-msg-3",
        type: "something-else",
        data: {},
      }),
    );
    expect(unknownType.json().code).toBe("INTEGRATION.UNKNOWN_MESSAGE");
    const denials = await env.services.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "integration.callback")
      .where("outcome", "=", "denied")
      .execute();
    expect(denials.length).toBeGreaterThanOrEqual(4);
  });

  it("lists a confirmation for a case this platform never declared in the risk list", async () => {
    await send(
      signedCallback(taxKeys.privateKey, taxToken, {
        messageId: "tax-msg-unknown",
        type: "payment-confirmed",
        data: { ...confirmation("V-STRAY"), caseRef: "NOT-OURS-1" },
      }),
    );
    const admin = await contextAs(env.services, "chancheng.admin");
    const { listTaxRisks } = await import("../../src/integrations/tax/tax-risks");
    const risks = await listTaxRisks(env.services.db, admin, {
      now: new Date(),
      confirmedDays: 30,
      paidHours: 24,
    });
    expect(risks).toContainEqual(expect.objectContaining({ kind: "unknown-case", caseRef: "NOT-OURS-1" }));
  });

  it("signs interoperably: OpenSSL verifies our SM2 signature with user id 1234567812345678", () => {
    const message = `${Date.now()}{"messageId":"x","data":{"金额":1}}`;
    const signature = sm2Sign(message, taxKeys.privateKey);
    expect(sm2Verify(message, signature, taxKeys.publicKey)).toBe(true);
    expect(opensslVerifies(message, signature, taxKeys.publicKey)).toBe(true);
    expect(opensslVerifies(`${message} `, signature, taxKeys.publicKey)).toBe(false);
    // The cached (precomputed-table) verifier used for callbacks agrees with the ledger's.
    const cached = createCachedVerifier(2);
    expect(cached(message, signature, taxKeys.publicKey)).toBe(true);
    expect(cached(message, signature, taxKeys.publicKey)).toBe(true);
    expect(cached(`${message} `, signature, taxKeys.publicKey)).toBe(false);
    expect(cached(message, signature, forgerKeys.publicKey)).toBe(false);
    expect(cached(message, "3006020101020101", taxKeys.publicKey)).toBe(false);
    expect(cached(message, "not-hex", taxKeys.publicKey)).toBe(false);
    expect(cached(message, signature, "04zz")).toBe(false);
  });
});
