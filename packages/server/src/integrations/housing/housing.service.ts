import { can, findCounty, maskResidentId } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import { type Database, inTransaction } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { callConnector } from "../shared/connector-call";
import { insertFetchedMaterial } from "../shared/materials.repository";
import { canonicalJson, sm3Hex } from "../shared/sm2";
import { compareContract } from "./contract.rules";
import type { Eligibility, HousingConnector } from "./housing.connector";
import type { TContractCheckRequest } from "./housing.schemas";

export type ContractCheckInput = TContractCheckRequest;

/** 住建协同: the online contract and purchase eligibility are fetched, not uploaded. */
export function createHousingService(deps: {
  db: Database;
  pii: PiiCipher;
  connector: HousingConnector;
  now: () => Date;
}) {
  const personKey = (id: string) => deps.pii.lookupHash(id);

  async function checkContract(ctx: RequestContext, input: ContractCheckInput) {
    if (ctx.actor && !can(ctx.actor, "integrations.request", { jurisdiction: input.jurisdiction })) {
      throw new AppError("AUTH.FORBIDDEN");
    }
    const county = findCounty(input.jurisdiction);
    if (!county) throw new AppError("OFFICE.UNKNOWN");
    const contract = await callConnector(deps.db, "housing", deps.now, () =>
      deps.connector.fetchContract(input.contractNo),
    );
    if (!contract) throw new AppError("CONNECTOR.NOT_FOUND", { contractNo: input.contractNo });
    const findings = compareContract(
      contract,
      {
        unitCode: input.application.unitCode,
        priceFen: input.application.priceFen,
        areaSqm: input.application.areaSqm,
        buyerKeys: input.application.buyers.map((b) => personKey(b.idNumber)),
        sellerKeys: input.application.sellers.map((s) => personKey(s.idNumber)),
      },
      personKey,
    );
    const eligibility: Array<Eligibility & { buyer: string }> = [];
    for (const buyer of input.application.buyers) {
      const answer = await callConnector(deps.db, "housing", deps.now, () =>
        deps.connector.checkEligibility({ ...buyer, cityCode: county.cityCode.padEnd(6, "0") }),
      );
      eligibility.push({ buyer: maskResidentId(buyer.idNumber), ...answer });
      if (!answer.eligible) {
        findings.push({
          code: "HOUSING.NOT_ELIGIBLE",
          severity: "block",
          message_zh: `买受人不符合购房资格：${answer.reason_zh}`,
          message_en: `A buyer is not eligible to buy: ${answer.reason_en}`,
          basis: "当地住房限购政策",
        });
      }
    }
    const now = deps.now();
    const materialId = await inTransaction(deps.db, async (tx) => {
      const id = await insertFetchedMaterial(tx, {
        caseRef: input.caseRef,
        jurisdiction: input.jurisdiction,
        kind: "housing-contract",
        holderHash: null,
        holderMasked: null,
        documentNo: contract.contractNo,
        issuer: "住房和城乡建设局 网签备案系统",
        content: deps.pii.encrypt(JSON.stringify({ contract, eligibility })),
        digest: sm3Hex(canonicalJson(contract)),
        source: `housing:${deps.connector.mode}`,
        consent: {},
        fetchedBy: ctx.actor?.accountId ?? null,
        now,
      });
      await writeAudit(tx, ctx, {
        action: "housing.check-contract",
        outcome: "success",
        targetType: "case",
        targetId: input.caseRef,
        jurisdiction: input.jurisdiction,
        details: { contractNo: contract.contractNo, findings: findings.map((f) => f.code) },
      });
      return id;
    });
    return {
      materialId,
      contract: {
        contractNo: contract.contractNo,
        status: contract.status,
        unitCode: contract.unitCode,
        address: contract.address,
        areaSqm: contract.areaSqm,
        use: contract.use,
        priceFen: contract.priceFen,
        signedAt: contract.signedAt,
        buyers: contract.buyers.map((p) => ({ name: p.name, idNumber: maskResidentId(p.idNumber) })),
        sellers: contract.sellers.map((p) => ({ name: p.name, idNumber: maskResidentId(p.idNumber) })),
      },
      eligibility,
      findings,
    };
  }

  /**
   * 零材料: the filed contract of a case, fetched from the contract filing system and kept sealed
   * with its SM3 digest, for the case to record as its sale contract. The cases module has checked
   * that the caller may act on the case.
   */
  async function fetchContract(
    ctx: RequestContext,
    input: { caseRef: string; jurisdiction: string; contractNo: string },
  ) {
    const contract = await callConnector(deps.db, "housing", deps.now, () =>
      deps.connector.fetchContract(input.contractNo),
    );
    if (!contract) throw new AppError("CONNECTOR.NOT_FOUND", { contractNo: input.contractNo });
    const digest = sm3Hex(canonicalJson(contract));
    const source = `housing:${deps.connector.mode}`;
    const materialId = await inTransaction(deps.db, async (tx) => {
      const id = await insertFetchedMaterial(tx, {
        caseRef: input.caseRef,
        jurisdiction: input.jurisdiction,
        kind: "housing-contract",
        holderHash: null,
        holderMasked: null,
        documentNo: contract.contractNo,
        issuer: "住房和城乡建设局 网签备案系统",
        content: deps.pii.encrypt(JSON.stringify({ contract })),
        digest,
        source,
        consent: {},
        fetchedBy: ctx.actor?.accountId ?? null,
        now: deps.now(),
      });
      await writeAudit(tx, ctx, {
        action: "housing.fetch-contract",
        outcome: "success",
        targetType: "case",
        targetId: input.caseRef,
        jurisdiction: input.jurisdiction,
        details: { contractNo: contract.contractNo, digest },
      });
      return id;
    });
    return {
      materialId,
      contractNo: contract.contractNo,
      status: contract.status,
      unitCode: contract.unitCode,
      digest,
      source,
    };
  }

  return { checkContract, fetchContract };
}

export type HousingService = ReturnType<typeof createHousingService>;
