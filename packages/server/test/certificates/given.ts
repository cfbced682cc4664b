import type { CertificationFields, TitleFields } from "@yulin/domain";
import type { CertificatePlans } from "../../src/certificates/certificate.renderer";
import type { Recipient } from "../../src/certificates/certificate.service";
import { systemContext } from "../../src/platform/audit/audit";
import { inTransaction } from "../../src/platform/db/database";
import type { TestEnv } from "../support/test-services";
import { mortgageData, plans, titleData } from "./fixtures";

/** Factories for certificate tests: what the registering transaction would pass. */
export function given(env: TestEnv) {
  const { db } = env.services;
  const module = env.services.certificates;

  const accountId = async (username: string): Promise<string> =>
    (await db.selectFrom("accounts").select("id").where("username", "=", username).executeTakeFirstOrThrow())
      .id;

  const institutionIdOf = async (username: string): Promise<string> =>
    (
      await db
        .selectFrom("accounts")
        .select("institution_id")
        .where("username", "=", username)
        .executeTakeFirstOrThrow()
    ).institution_id!;

  return {
    accountId,
    institutionIdOf,

    /** A registered 不动产权证书 for `holders` (usernames), committed and sealed. */
    async title(
      options: {
        office?: string;
        registeredOn?: string;
        holders?: string[];
        title?: Partial<TitleFields>;
        plans?: CertificatePlans;
        registerSeq?: number | null;
      } = {},
    ) {
      const base = titleData();
      const recipients: Recipient[] = await Promise.all(
        (options.holders ?? ["citizen.zhang"]).map(async (u) => ({
          role: "holder" as const,
          accountId: await accountId(u),
        })),
      );
      const prepared = await inTransaction(db, (tx) =>
        module.service.prepareInTx(tx, systemContext("test"), {
          office: options.office ?? "440604",
          registeredOn: options.registeredOn ?? "2025-11-24",
          caseId: "TEST-CASE",
          registerSeq: options.registerSeq ?? null,
          content: {
            kind: "certificate",
            title: { ...(base.kind === "certificate" ? base.title : ({} as TitleFields)), ...options.title },
          },
          notes: ["业务号 TEST-CASE"],
          plans: options.plans ?? plans(),
          recipients,
        }),
      );
      await module.sealing.drain();
      return prepared;
    },

    /** A mortgage 不动产登记证明 for the bank (mortgagee) and the holder. */
    async mortgage(options: { certification?: Partial<CertificationFields> } = {}) {
      const base = mortgageData();
      const certification = base.kind === "certification" ? base.certification : ({} as CertificationFields);
      const bank = await institutionIdOf("bank.gongshang");
      const prepared = await inTransaction(db, (tx) =>
        module.service.prepareInTx(tx, systemContext("test"), {
          office: "440604",
          registeredOn: "2025-11-24",
          caseId: "TEST-MORTGAGE",
          content: { kind: "certification", certification: { ...certification, ...options.certification } },
          recipients: [{ role: "mortgagee", institutionId: bank }],
        }),
      );
      await module.sealing.drain();
      return prepared;
    },
  };
}
