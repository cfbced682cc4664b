import type { FastifyPluginAsync } from "fastify";
import type { Config } from "../platform/config";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { certificateRoutes } from "./certificate.routes";
import { createCertificateSealing, type SealLog } from "./certificate.sealing";
import { createCertificateService } from "./certificate.service";
import { createCertificatePaperService } from "./certificate-paper.service";
import { createCertificateVerificationService } from "./certificate-verification.service";
import type { OfficeDirectory } from "./offices.port";
import { type LedgerInclusionSource, registerInclusionFrom } from "./register-inclusion";
import { sealKeyFrom } from "./seal-key";

/**
 * Wires the certificate capability: the seal key, the sealing worker, the services the
 * registering transaction and the routes call, and the public verification.
 */
export function createCertificatesModule(deps: {
  db: Database;
  pii: PiiCipher;
  config: Pick<Config, "integrations">;
  now: () => Date;
  /** The registry's seal key: the register's (register.seal), which also signs the tree heads. */
  seal: { privateKey: string };
  /** The register's ledger service: the QR page proves the entry behind a certificate with it. */
  ledger?: LedgerInclusionSource;
  /** Registration offices (identity): names on the certificate, where paper may be printed. */
  offices: OfficeDirectory;
  /** Every public key the registry's seal ever had (the register's seal keys). */
  pastSealPublicKeys: () => Promise<string[]>;
  log?: SealLog;
}) {
  const { db, now } = deps;
  const sealKey = sealKeyFrom(deps.seal.privateKey);
  const publicUrl = deps.config.integrations.publicUrl;
  const sealing = createCertificateSealing({
    db,
    key: sealKey,
    publicUrl,
    now,
    ...(deps.log ? { log: deps.log } : {}),
  });
  const service = createCertificateService({ db, sealing, publicUrl, now, offices: deps.offices });
  const paper = createCertificatePaperService({ db, pii: deps.pii, now, offices: deps.offices });
  // One seal key per registry (the register signs its tree heads with the same key); every key the
  // registry ever used stays trusted for the PDFs sealed with it.
  const trustedPublicKeys = async () => [sealKey.publicKeyHex, ...(await deps.pastSealPublicKeys())];
  const verification = createCertificateVerificationService({
    db,
    sealing,
    trustedPublicKeys,
    ...(deps.ledger ? { registerInclusion: registerInclusionFrom(deps.ledger, trustedPublicKeys) } : {}),
  });
  return { sealKey, sealing, service, paper, verification };
}

export type CertificatesModule = ReturnType<typeof createCertificatesModule>;

/** Routes plus the sealing worker, which runs while the server does. */
export const certificatesPlugin =
  (module: CertificatesModule): FastifyPluginAsync =>
  async (app) => {
    await app.register(
      certificateRoutes({
        certificates: module.service,
        paper: module.paper,
        verification: module.verification,
        sealKey: module.sealKey,
      }),
    );
    app.addHook("onReady", async () => module.sealing.start());
    app.addHook("onClose", async () => module.sealing.stop());
  };
