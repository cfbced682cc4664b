import { generateCreditCode, generateResidentId } from "@yulin/domain";
import { DEMO_CITIZENS, DEMO_COMPANIES } from "../../demo/demo-data";
import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import { giveSimulatedLicence } from "../elicence/elicence.connector";
import { giveSimulatedContract } from "../housing/housing.connector";
import type { Integrations } from "../integrations.module";

export const DEMO_CONTRACT_NO = "WQ2025-440604-0001";
export const DEMO_UNIT = "440604003001GB00001F00010001";
/** The README's second-hand sale: 李娜 sells 1座101 (bought from 张伟) back to 张伟. */
export const DEMO_RESALE_CONTRACT_NO = "WQ2026-000888";
export const DEMO_RESALE_UNIT = "440604001002GB00001F00010006";

/** 赵敏: a resident of 禅城 with no account yet, for the README's sign-up (注册) tour. */
export const DEMO_NEWCOMER = {
  name: "赵敏",
  county: "440604",
  birthDate: "1992-03-15",
  sequence: 302,
} as const;
export const demoNewcomer = () => ({
  name: DEMO_NEWCOMER.name,
  idNumber: generateResidentId({
    county: DEMO_NEWCOMER.county,
    birthDate: DEMO_NEWCOMER.birthDate,
    sequence: DEMO_NEWCOMER.sequence,
  }),
});

const citizen = (username: string) => {
  const c = DEMO_CITIZENS.find((x) => x.username === username)!;
  return {
    name: c.displayName,
    idNumber: generateResidentId({ county: c.county, birthDate: c.birthDate, sequence: c.sequence }),
  };
};

/**
 * What the simulated departments know in the demo: an online contract 张伟 buys from 李娜 and the
 * demo citizens' licences in the e-licence library. Loaded once, with the demo dataset. (The home
 * 陈静 already holds in Foshan, which makes her purchase a second home, is in the demo register.)
 */
export async function seedIntegrationsDemo(services: {
  pii: PiiCipher;
  integrations: Pick<Integrations, "simulatorStore">;
}): Promise<void> {
  const store = services.integrations.simulatorStore;
  const key = (n: string) => services.pii.lookupHash(n);
  const zhang = citizen("citizen.zhang");
  const li = citizen("citizen.li");

  await giveSimulatedContract(store, {
    contractNo: DEMO_CONTRACT_NO,
    status: "filed",
    unitCode: DEMO_UNIT,
    address: "佛山市禅城区祖庙路1号鱼鳞花园1座101房",
    areaSqm: 98.5,
    use: "residential",
    priceFen: 200_000_000,
    signedAt: "2025-03-01T10:00:00.000+08:00",
    buyers: [zhang],
    sellers: [li],
  });

  await giveSimulatedContract(store, {
    contractNo: DEMO_RESALE_CONTRACT_NO,
    status: "filed",
    unitCode: DEMO_RESALE_UNIT,
    address: "佛山市禅城区祖庙路1号鱼鳞花园1座",
    areaSqm: 98.5,
    use: "residential",
    priceFen: 150_000_000,
    signedAt: "2026-11-20T10:00:00.000+08:00",
    buyers: [zhang],
    sellers: [li],
  });

  const residents = ["citizen.zhang", "citizen.li", "citizen.chen", "citizen.wang", "citizen.liu"].map(
    citizen,
  );
  for (const p of [...residents, demoNewcomer()]) {
    await giveSimulatedLicence(store, key, {
      type: "id-card",
      licenceNo: `SFZ-${p.idNumber.slice(-6)}`,
      holderName: p.name,
      holderNumber: p.idNumber,
      issuer: "公安机关",
      issuedOn: "2020-06-01",
      validUntil: "2040-06-01",
      fields: { nationality: "汉" },
    });
  }
  await giveSimulatedLicence(store, key, {
    type: "marriage-certificate",
    licenceNo: "J440604-2012-000888",
    holderName: zhang.name,
    holderNumber: zhang.idNumber,
    issuer: "佛山市禅城区民政局",
    issuedOn: "2012-10-01",
    validUntil: null,
    fields: { spouseName: "王丽" },
  });
  await giveSimulatedLicence(store, key, {
    type: "household-register",
    licenceNo: "HK440604-0000123",
    holderName: zhang.name,
    holderNumber: zhang.idNumber,
    issuer: "佛山市公安局禅城分局",
    issuedOn: "2015-01-01",
    validUntil: null,
    fields: { address: "佛山市禅城区祖庙街道", members: 3 },
  });
  const company = DEMO_COMPANIES.find((c) => c.username === "company.jiaju")!;
  const creditCode = generateCreditCode({
    authority: "9",
    type: "1",
    division: company.division,
    organisation: company.organisation,
  });
  await giveSimulatedLicence(store, key, {
    type: "business-licence",
    licenceNo: `YYZZ-${creditCode}`,
    holderName: company.displayName,
    holderNumber: creditCode,
    issuer: "佛山市顺德区市场监督管理局",
    issuedOn: "2019-05-20",
    validUntil: null,
    fields: {
      legalRepresentative: "陈静",
      legalRepresentativeIdNumber: citizen("citizen.chen").idNumber,
      type: "有限责任公司",
    },
  });
}
