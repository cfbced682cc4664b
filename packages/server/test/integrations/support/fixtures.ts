import { generateResidentId } from "@yulin/domain";
import type { Services } from "../../../src/entrypoints/setup";
import { findAccountByUsername, loadProfile, toActor } from "../../../src/identity/account.repository";
import type { DeclareTaxInput } from "../../../src/integrations/tax/tax.service";
import type { RequestContext } from "../../../src/platform/audit/audit";

export const FOSHAN_CHANCHENG = "440604";
export const FOSHAN = "440600";

let seq = 600;
/** A valid resident ID number of someone born on `birthDate` in Chancheng. */
export const person = (birthDate: string, name = "测试") => ({
  name,
  idNumber: generateResidentId({ county: FOSHAN_CHANCHENG, birthDate, sequence: seq++ }),
});

let caseNo = 1;
export const newCaseRef = () => `YL-TEST-${Date.now().toString(36)}-${caseNo++}`;

export const UNIT = "440604003001GB00001F00010001";

export function saleDeclaration(over: Partial<DeclareTaxInput> = {}): DeclareTaxInput {
  return {
    caseRef: newCaseRef(),
    jurisdiction: FOSHAN_CHANCHENG,
    contractNo: "WQ2025-000123",
    unit: { unitCode: UNIT, address: "佛山市禅城区祖庙路1号1座101", areaSqm: 100, use: "residential" },
    priceFen: 200_000_000, // 2 000 000 yuan
    transfer: "sale",
    onDate: "2025-03-01",
    buyerKind: "individual",
    buyers: [person("1985-03-12", "张伟")],
    sellers: [person("1960-01-01", "卖方")],
    ...over,
  };
}

/** The request context of a demo account, as the HTTP layer would build it. */
export async function contextAs(services: Services, username: string): Promise<RequestContext> {
  const account = await findAccountByUsername(services.db, username);
  if (!account) throw new Error(`no account ${username}`);
  return { actor: toActor(await loadProfile(services.db, account)), requestId: "test", ip: null };
}
