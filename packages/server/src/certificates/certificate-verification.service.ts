import {
  CERTIFICATE_KIND_NAMES,
  canonicalJson,
  holdersOf,
  locationOf,
  maskHolderName,
  type SealCheck,
  type SealFailure,
  type SealVerification,
  unitCodeOf,
  type Verdict,
  type VoidReason,
  verificationVerdict,
  verifySealedPdf,
} from "@yulin/domain";
import type { z } from "zod";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { type CertificateRow, findCertificate, readFile } from "./certificate.repository";
import type { ZVerification } from "./certificate.schemas";
import type { CertificateSealing } from "./certificate.sealing";
import { SM2_USER_ID, sealKeyFingerprint } from "./seal-key";

/**
 * The register's side of a verification: proves that the entry which produced the certificate is
 * in the ledger under a signed tree head. Wired to the register service when it offers inclusion
 * proofs; `null` means the register cannot answer (the page then says so).
 */
export type RegisterInclusionHook = (registerSeq: number) => Promise<RegisterInclusion | null>;

export type RegisterInclusion = {
  verified: boolean;
  seq: number;
  entryHash: string;
  treeSize: number;
  rootHash: string;
  /** The signed tree head the proof is checked against. */
  signedAt: string | null;
  proof: string[];
};

type VerificationWire = z.infer<typeof ZVerification>;

/** What the QR page answers: the schema's type (certificate.schemas.ts), with the codes narrowed. */
export type VerificationResult = Omit<VerificationWire, "verdict" | "seal" | "register"> & {
  verdict: Verdict;
  seal: Omit<VerificationWire["seal"], "status" | "failure"> & {
    status: SealCheck;
    failure: SealFailure | "stored-data-mismatch" | null;
  };
  register:
    | ({ status: "verified" | "failed" } & RegisterInclusion)
    | { status: "unavailable" | "not-linked"; seq: number | null };
};

export function createCertificateVerificationService(deps: {
  db: Database;
  sealing: CertificateSealing;
  /** The registry's seal keys (current first): a seal by any other key is not genuine. */
  trustedPublicKeys: () => Promise<string[]>;
  registerInclusion?: RegisterInclusionHook;
}) {
  const { db } = deps;

  /**
   * Re-verifies the stored, sealed PDF exactly as a third party would, then checks that what it
   * seals is what the database holds (so a changed row is caught as well as a changed file).
   */
  async function checkSeal(
    row: CertificateRow,
  ): Promise<{ status: SealCheck; failure: VerificationResult["seal"]["failure"] }> {
    if (!row.file_sm3) return { status: "pending", failure: null };
    const bytes = await readFile(db, row.file_sm3);
    if (!bytes) return { status: "invalid", failure: "no-seal" };
    const result = verifySealedPdf(new Uint8Array(bytes), await deps.trustedPublicKeys());
    if (!result.ok) return { status: "invalid", failure: result.failure };
    const consistent =
      canonicalJson(result.message.certificate) === canonicalJson(row.data) &&
      result.pdfSm3 === row.pdf_sm3 &&
      result.signatureHex === row.seal_signature &&
      result.message.publicKey === row.seal_public_key;
    return consistent
      ? { status: "valid", failure: null }
      : { status: "invalid", failure: "stored-data-mismatch" };
  }

  async function checkRegister(row: CertificateRow): Promise<VerificationResult["register"]> {
    if (row.register_seq === null) return { status: "not-linked", seq: null };
    if (!deps.registerInclusion) return { status: "unavailable", seq: row.register_seq };
    try {
      const proof = await deps.registerInclusion(row.register_seq);
      if (!proof) return { status: "unavailable", seq: row.register_seq };
      return { ...proof, status: proof.verified ? "verified" : "failed" };
    } catch {
      return { status: "unavailable", seq: row.register_seq };
    }
  }

  return {
    /** The QR page's answer (public, no login): genuine? current, replaced or void (R26)? */
    async verifyToken(ctx: RequestContext, token: string): Promise<VerificationResult> {
      let row = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await findCertificate(db, { token }) : undefined;
      if (!row) {
        await writeAudit(db, ctx, {
          action: "certificate.verify",
          outcome: "failed",
          targetType: "certificate-token",
        });
        throw new AppError("CERTIFICATE.NOT_FOUND");
      }
      if (!row.file_sm3) {
        // Scanned before the worker sealed it: seal now rather than answer "pending".
        await deps.sealing.ensureSealed(row.id).catch(() => undefined);
        row = (await findCertificate(db, { id: row.id }))!;
      }
      const seal = await checkSeal(row);
      const replacedBy = row.replaced_by_id
        ? await findCertificate(db, { id: row.replaced_by_id })
        : undefined;
      const verdict = verificationVerdict({
        status: row.status,
        seal: seal.status,
        replacedByNumber: replacedBy?.number ?? null,
        voidReason: row.void_reason as VoidReason | null,
      });
      const data = row.data;
      await writeAudit(db, ctx, {
        action: "certificate.verify",
        outcome: "success",
        targetType: "certificate",
        targetId: row.id,
        jurisdiction: row.office,
        details: { status: row.status, seal: seal.status },
      });
      return {
        verdict,
        certificate: {
          number: row.number,
          kind: row.kind,
          kindName: CERTIFICATE_KIND_NAMES[row.kind].zh,
          office: data.office,
          registeredOn: data.registeredOn,
          unitCode: unitCodeOf(data),
          location: locationOf(data),
          holders: holdersOf(data).map(maskHolderName),
          replacement: data.replacement,
          replacedByNumber: replacedBy?.number ?? null,
          voidReason: row.void_reason as VoidReason | null,
          voidedAt: row.voided_at ? new Date(row.voided_at).toISOString() : null,
        },
        seal: {
          status: seal.status,
          failure: seal.failure,
          algorithm: "SM2-with-SM3",
          userId: SM2_USER_ID,
          publicKeyFingerprint: row.seal_public_key ? sealKeyFingerprint(row.seal_public_key) : null,
          pdfSm3: row.pdf_sm3,
          signature: row.seal_signature,
          sealedAt: row.sealed_at ? new Date(row.sealed_at).toISOString() : null,
        },
        register: await checkRegister(row),
      };
    },

    /**
     * A downloaded PDF checked against the registry's keys, plus the register's current status of
     * the certificate it seals (a genuine PDF of a voided certificate is genuine but void).
     */
    async verifyPdf(
      bytes: Uint8Array,
    ): Promise<{ seal: SealVerification; status: CertificateRow["status"] | null }> {
      const seal = verifySealedPdf(bytes, await deps.trustedPublicKeys());
      const number = seal.ok ? seal.message.certificate.number : undefined;
      const row = number ? await findCertificate(db, { number }) : undefined;
      return { seal, status: row?.status ?? null };
    },
  };
}

export type CertificateVerificationService = ReturnType<typeof createCertificateVerificationService>;
