import type { Finding } from "@yulin/domain";
import type { HousingContract } from "./housing.connector";

/** What the application says about the sale, compared with the online-signed contract. */
export type ApplicationFacts = {
  unitCode: string;
  priceFen: number;
  areaSqm: number;
  /** Lookup keys (SM3 hashes) of the buyers' and sellers' ID numbers. */
  buyerKeys: readonly string[];
  sellerKeys: readonly string[];
};

const BASIS = "不动产登记暂行条例实施细则 第38条；商品房销售管理办法";

const f = (code: string, severity: Finding["severity"], zh: string, en: string): Finding => ({
  code,
  severity,
  message_zh: zh,
  message_en: en,
  basis: BASIS,
});

/**
 * Pure: the contract and the application must describe the same sale. Any difference is a finding
 * for the reviewer; a cancelled contract or different parties block.
 */
export function compareContract(
  contract: HousingContract,
  application: ApplicationFacts,
  personKey: (idNumber: string) => string,
): Finding[] {
  const findings: Finding[] = [];
  if (contract.status === "cancelled") {
    findings.push(
      f("HOUSING.CONTRACT_CANCELLED", "block", "网签合同已注销", "The online contract was cancelled"),
    );
  }
  if (contract.unitCode !== null && contract.unitCode !== application.unitCode) {
    findings.push(
      f(
        "HOUSING.UNIT_MISMATCH",
        "block",
        "网签合同的不动产单元与申请不一致",
        "The contract is for a different unit",
      ),
    );
  }
  if (contract.priceFen !== application.priceFen) {
    findings.push(
      f(
        "HOUSING.PRICE_MISMATCH",
        "warn",
        "申请的成交价格与网签合同不一致",
        "The price differs from the contract's",
      ),
    );
  }
  if (Math.round(contract.areaSqm * 100) !== Math.round(application.areaSqm * 100)) {
    findings.push(
      f("HOUSING.AREA_MISMATCH", "warn", "面积与网签合同不一致", "The area differs from the contract's"),
    );
  }
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  if (
    !same(
      contract.buyers.map((p) => personKey(p.idNumber)),
      application.buyerKeys,
    )
  ) {
    findings.push(
      f("HOUSING.BUYER_MISMATCH", "block", "买受人与网签合同不一致", "The buyers differ from the contract's"),
    );
  }
  if (
    !same(
      contract.sellers.map((p) => personKey(p.idNumber)),
      application.sellerKeys,
    )
  ) {
    findings.push(
      f(
        "HOUSING.SELLER_MISMATCH",
        "block",
        "出卖人与网签合同不一致",
        "The sellers differ from the contract's",
      ),
    );
  }
  return findings;
}
