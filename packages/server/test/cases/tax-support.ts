/**
 * Tax and fees for case tests: the demo citizens' identities, and R22 cleared through the
 * departments or given as the tax bureau would leave it.
 */
import { generateResidentId } from "@yulin/domain";
import type { TestEnv } from "../support/test-services";
import type { Http } from "./support";

/** The demo citizens' ID numbers (demo-data.ts generates them the same way). */
export const DEMO_IDS = {
  "citizen.zhang": { name: "张伟", county: "440604", birthDate: "1985-03-12", sequence: 101 },
  "citizen.chen": { name: "陈静", county: "440606", birthDate: "1978-11-30", sequence: 303 },
  "citizen.li": { name: "李娜", county: "440605", birthDate: "1990-07-08", sequence: 202 },
} as const;

/** A demo citizen's name and resident ID number, as the tax declaration carries them. */
export const demoIdentity = (who: keyof typeof DEMO_IDS) => ({
  name: DEMO_IDS[who].name,
  idNumber: generateResidentId({
    county: DEMO_IDS[who].county,
    birthDate: DEMO_IDS[who].birthDate,
    sequence: DEMO_IDS[who].sequence,
  }),
});

/**
 * R22 through the departments: the registering office declares the deed tax (the simulated tax
 * bureau assesses it), one payment order covers tax and fee, the buyer pays through the simulated
 * channel and the tax bureau confirms. Department simulators are driven through the services.
 */
export async function clearTaxAndFees(
  env: TestEnv,
  api: Http,
  input: {
    caseId: string;
    unitCode: string;
    staff: string;
    buyer: keyof typeof DEMO_IDS;
    seller: keyof typeof DEMO_IDS;
    priceFen?: number;
  },
) {
  const idOf = demoIdentity;
  const jurisdiction = input.unitCode.slice(0, 6);
  const declared = await api.post(input.staff, "/api/integrations/tax/declarations", {
    caseRef: input.caseId,
    jurisdiction,
    contractNo: "WQ2026-000888",
    unit: { unitCode: input.unitCode, address: "测试路", areaSqm: 98.5, use: "residential" },
    priceFen: input.priceFen ?? 200_000_000,
    transfer: "sale",
    onDate: new Date().toISOString().slice(0, 10),
    buyerKind: "individual",
    buyers: [idOf(input.buyer)],
    sellers: [idOf(input.seller)],
  });
  if (declared.status !== 202)
    throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
  const integrations = env.services.integrations;
  await integrations.worker.drain();
  const order = await api.post(input.staff, "/api/integrations/payment/orders", {
    caseRef: input.caseId,
    jurisdiction,
    fee: { kind: "transfer", property: "residential", certificates: 1 },
    payers: { mode: "shares", payers: [{ payer: "买方", shareBp: 10_000 }] },
  });
  if (order.status !== 201) throw new Error(`order: ${order.status} ${JSON.stringify(order.body)}`);
  for (const part of order.body.parts as Array<{ partNo: string; payPage: string }>) {
    const token = new URL(part.payPage).searchParams.get("t")!;
    await integrations.payments.openPart(part.partNo, token);
    await integrations.gatewaySimulator!.pay(part.partNo, token);
  }
  await integrations.worker.drain();
  return order.body;
}

/**
 * R22 cleared as the tax bureau would leave it (declaration, assessment, matching confirmation):
 * a factory for tests that are about something else (the race test registers 100 transfers).
 */
export async function givenTaxCleared(env: TestEnv, caseId: string) {
  const db = env.services.db;
  const no = caseId.slice(-10);
  await db
    .insertInto("tax_declarations")
    .values({
      case_ref: caseId,
      jurisdiction: caseId.slice(0, 6),
      declaration_no: `D${no}`,
      payload: "test",
      summary: "{}",
      household_homes: 0,
      household_source: "register",
      status: "cleared",
    })
    .execute();
  await db
    .insertInto("tax_assessments")
    .values({
      assessment_no: `A${no}`,
      case_ref: caseId,
      lines: "[]",
      total_fen: 1_000_000,
      household_homes: 0,
      category: "only-home",
      rate_bp: 100,
    })
    .execute();
  await db
    .insertInto("tax_confirmations")
    .values({
      voucher_no: `V${no}`,
      case_ref: caseId,
      assessment_no: `A${no}`,
      kind: "paid",
      amount_fen: 1_000_000,
      confirmed_at: new Date(),
      source: "test",
    })
    .execute();
}
