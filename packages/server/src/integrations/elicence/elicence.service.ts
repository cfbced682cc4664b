import crypto from "node:crypto";
import { can, maskResidentId } from "@yulin/domain";
import { findAccountIdentity } from "../../identity/account.repository";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import { type Database, inTransaction } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import { callConnector } from "../shared/connector-call";
import { insertFetchedMaterial, listFetchedMaterials } from "../shared/materials.repository";
import { canonicalJson, sm3Hex } from "../shared/sm2";
import type { ElicenceConnector, LicenceType } from "./elicence.connector";

/**
 * The holder's consent (授权): either the holder is the caller, or staff record the holder's
 * signed authorisation (its reference and when it was given) for this case.
 */
export type LicenceConsent =
  | { kind: "self" }
  | { kind: "signed-authorisation"; reference: string; grantedAt: string; purpose: string };

export type FetchLicenceInput = {
  caseRef: string | null;
  jurisdiction: string | null;
  type: LicenceType;
  holderNumber: string;
  consent: LicenceConsent;
};

export function createElicenceService(deps: {
  db: Database;
  pii: PiiCipher;
  connector: ElicenceConnector;
  now: () => Date;
}) {
  async function consentOf(ctx: RequestContext, input: FetchLicenceInput) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const holderKey = deps.pii.lookupHash(input.holderNumber);
    if (input.consent.kind === "self") {
      const own = await findAccountIdentity(deps.db, actor.accountId);
      const isHolder =
        (own?.id_number_hash != null && own.id_number_hash === holderKey) ||
        (own?.credit_code != null && own.credit_code === input.holderNumber.trim().toUpperCase());
      if (!isHolder) throw new AppError("LICENCE.CONSENT_REQUIRED");
      return { kind: "self", accountId: actor.accountId };
    }
    if (!input.jurisdiction || !can(actor, "integrations.request", { jurisdiction: input.jurisdiction })) {
      throw new AppError("AUTH.FORBIDDEN");
    }
    if (!input.consent.reference.trim() || Number.isNaN(Date.parse(input.consent.grantedAt))) {
      throw new AppError("LICENCE.CONSENT_REQUIRED");
    }
    return { ...input.consent, recordedBy: actor.accountId };
  }

  /** Fetches a licence with the holder's consent and keeps it as a case material. */
  async function fetchLicence(ctx: RequestContext, input: FetchLicenceInput) {
    const consent = await consentOf(ctx, input);
    const consentRef = `C${crypto.randomBytes(6).toString("hex")}`;
    const licence = await callConnector(deps.db, "elicence", deps.now, () =>
      deps.connector.fetchLicence({
        type: input.type,
        holderNumber: input.holderNumber,
        purpose: "不动产登记",
        consentRef,
      }),
    );
    if (!licence) throw new AppError("CONNECTOR.NOT_FOUND", { type: input.type });
    const digest = sm3Hex(canonicalJson(licence));
    const masked =
      input.type === "business-licence" ? input.holderNumber : maskResidentId(input.holderNumber);
    const now = deps.now();
    const id = await inTransaction(deps.db, async (tx) => {
      const materialId = await insertFetchedMaterial(tx, {
        caseRef: input.caseRef,
        jurisdiction: input.jurisdiction,
        kind: input.type,
        holderHash: deps.pii.lookupHash(input.holderNumber),
        holderMasked: masked,
        documentNo: licence.licenceNo,
        issuer: licence.issuer,
        content: deps.pii.encrypt(JSON.stringify(licence)),
        digest,
        source: `elicence:${deps.connector.mode}`,
        consent: { ...consent, consentRef },
        fetchedBy: ctx.actor?.accountId ?? null,
        now,
      });
      await writeAudit(tx, ctx, {
        action: "elicence.fetch",
        outcome: "success",
        targetType: "material",
        targetId: materialId,
        jurisdiction: input.jurisdiction,
        purpose: "不动产登记",
        details: { type: input.type, caseRef: input.caseRef, consent: consent.kind },
      });
      return materialId;
    });
    return {
      materialId: id,
      type: licence.type,
      licenceNo: licence.licenceNo,
      holderName: licence.holderName,
      holderNumber: masked,
      issuer: licence.issuer,
      issuedOn: licence.issuedOn,
      validUntil: licence.validUntil,
      digest,
      source: `elicence:${deps.connector.mode}`,
    };
  }

  async function listCaseMaterials(ctx: RequestContext, caseRef: string, jurisdiction: string) {
    if (!ctx.actor || !can(ctx.actor, "integrations.request", { jurisdiction }))
      throw new AppError("AUTH.FORBIDDEN");
    const rows = await listFetchedMaterials(deps.db, caseRef);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      holder: r.holder_masked,
      documentNo: r.document_no,
      issuer: r.issuer,
      digest: r.digest,
      source: r.source,
      fetchedAt: r.fetched_at.toISOString(),
    }));
  }

  return { fetchLicence, listCaseMaterials };
}

export type ElicenceService = ReturnType<typeof createElicenceService>;
