import type { ArchivePorts } from "../archive/archive.ports";
import { caseDossier } from "../cases/case-dossier";
import type { CasesModule } from "../cases/cases.module";
import { readFile as readCertificateFile } from "../certificates/certificate.repository";
import type { createCertificatesModule } from "../certificates/certificates.module";
import { sealKeyFrom } from "../certificates/seal-key";
import { findAccountByUsername, loadProfile, toActor } from "../identity/account.repository";
import { listAuditOf } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { findEntry, listSealKeys } from "../register/ledger.repository";
import type { RegisterModule } from "../register/register.module";
import { findUnit } from "../register/register.repository";

/** The archive's ports onto cases, the register, certificates and identity. */
export function archivePorts(deps: {
  db: Database;
  register: RegisterModule;
  certificates: ReturnType<typeof createCertificatesModule>;
  cases: CasesModule;
}): ArchivePorts {
  const { db, register, certificates, cases } = deps;
  return {
    dossier: (caseId) => caseDossier(db, caseId),
    async archiveCase(ctx, caseId) {
      try {
        await cases.workflow.act(ctx, caseId, { kind: "archive" });
      } catch (error) {
        const dossier = await caseDossier(db, caseId);
        // Already 归档 (a sign-off repeated after a failure): nothing more to do.
        if (!(error instanceof AppError) || dossier?.stage !== "archived") throw error;
      }
    },
    registerEntry: (seq) => findEntry(db, seq),
    inclusionProof: (seq) => register.ledger.inclusionProof(seq),
    async certificatesOf(caseId) {
      const list = await certificates.service.listOfCase(caseId);
      const out = [];
      for (const c of list) {
        let pdf: Buffer | null = null;
        if (c.status !== "void") {
          const sm3 = await certificates.sealing.ensureSealed(c.id).catch(() => null);
          const file = sm3 ? await readCertificateFile(db, sm3) : null;
          pdf = file ? Buffer.from(file) : null;
        }
        out.push({ id: c.id, number: c.number, kind: c.kind, status: c.status, pdf });
      }
      return out;
    },
    auditOf: (caseId) => listAuditOf(db, "case", caseId),
    async actorOf(username) {
      const account = await findAccountByUsername(db, username);
      return account && !account.disabled ? toActor(await loadProfile(db, account)) : undefined;
    },
    unitExists: async (unitCode) => (await findUnit(db, unitCode)) !== undefined,
    seal: sealKeyFrom(register.seal.privateKey),
    trustedPublicKeys: async () => (await listSealKeys(db)).map((k) => k.public_key),
  };
}
