import {
  type Actor,
  isMaterialId,
  type MaterialFetchSource,
  type MaterialId,
  materialFetchSource,
  requireBusinessType,
} from "@yulin/domain";
import { canonicalJson, sm3Hex } from "../integrations/shared/sm2";
import type { RequestContext } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { canReadCase, mayEditApplication } from "./case.access";
import { insertMaterial } from "./case.repository";
import type { CaseBundle } from "./case-bundle";
import type { PartDetails } from "./case-drafts";
import { readableCase, requireActor, withLockedCase } from "./case-lock";
import { identityOfAccount } from "./case-parties";
import { loadUnitState } from "./unit-state.loader";

/** What the departments answer (integrations module): the fetched document, sealed with its digest. */
export type FetchPorts = {
  fetchLicence(
    ctx: RequestContext,
    input: {
      caseRef: string;
      jurisdiction: string;
      type: "id-card" | "marriage-certificate" | "business-licence";
      holderNumber: string;
      consent: { kind: "self" };
    },
  ): Promise<{ materialId: string; licenceNo: string; digest: string }>;
  fetchContract(
    ctx: RequestContext,
    input: { caseRef: string; jurisdiction: string; contractNo: string },
  ): Promise<{
    materialId: string;
    contractNo: string;
    status: string;
    unitCode: string | null;
    digest: string;
  }>;
};

/** A document fetched for the case: what the case material row records. */
type Fetched = { from: MaterialFetchSource; ref: string | null; digest: string; documentNo: string };

const STAGES_OPEN = ["draft", "correction", "submitted", "accepted"];

/**
 * 零材料: the registry fetches a material the catalogue marks `fetch` itself, when the party
 * confirms: the caller's own ID card, business licence or marriage certificate from the e-licence
 * library (the caller's consent is the request), the unit's certificate of title from the register,
 * the filed sale contract from the housing department. Recorded as a case material with its source
 * and SM3 digest, which rule R29 counts. The deed tax proof comes from the tax office by itself.
 */
export function createCaseFetchingService(deps: { db: Database; pii: PiiCipher; ports: FetchPorts }) {
  const { db, pii, ports } = deps;

  async function fromElicence(
    ctx: RequestContext,
    bundle: CaseBundle,
    materialId: MaterialId,
  ): Promise<Fetched> {
    const actor = requireActor(ctx);
    const me = await identityOfAccount(db, pii, actor.accountId).catch(() => undefined);
    if (!me || !bundle.parties.some((p) => p.person_key === me.personKey))
      throw new AppError("CASE.NOT_A_PARTY");
    const type =
      materialId === "marriage-proof"
        ? "marriage-certificate"
        : me.holderType === "1"
          ? "id-card"
          : "business-licence";
    const licence = await ports.fetchLicence(ctx, {
      caseRef: bundle.row.id,
      jurisdiction: bundle.row.jurisdiction,
      type,
      holderNumber: pii.decrypt(me.idNumberEnc),
      consent: { kind: "self" },
    });
    return {
      from: "elicence",
      ref: licence.materialId,
      digest: licence.digest,
      documentNo: licence.licenceNo,
    };
  }

  async function fromHousing(ctx: RequestContext, bundle: CaseBundle): Promise<Fetched> {
    const contractNo = bundle.parts
      .map((p) => (p.details as PartDetails).documentNo)
      .find((no): no is string => typeof no === "string" && no.trim() !== "");
    if (!contractNo) throw new AppError("CASE.CONTRACT_NUMBER_REQUIRED");
    const contract = await ports.fetchContract(ctx, {
      caseRef: bundle.row.id,
      jurisdiction: bundle.row.jurisdiction,
      contractNo: contractNo.trim(),
    });
    if (contract.unitCode !== bundle.row.unit_code || contract.status !== "filed")
      throw new AppError("CASE.CONTRACT_MISMATCH", { contractNo: contract.contractNo });
    return {
      from: "housing",
      ref: contract.materialId,
      digest: contract.digest,
      documentNo: contract.contractNo,
    };
  }

  /** The certificate of title as the register records it: the unit's current right and its number. */
  async function fromRegister(bundle: CaseBundle): Promise<Fetched> {
    const state = await loadUnitState(db, bundle.row.unit_code);
    const right = state?.rights.find((r) => r.status === "current" && r.certificateNumber);
    if (!right?.certificateNumber) throw new AppError("CASE.NO_TITLE_ON_REGISTER");
    const extract = {
      unitCode: bundle.row.unit_code,
      rightId: right.id,
      certificateNumber: right.certificateNumber,
      holders: right.holders.map((h) => h.personId),
      registeredOn: right.registeredOn,
    };
    return {
      from: "register",
      ref: null,
      digest: sm3Hex(canonicalJson(extract)),
      documentNo: right.certificateNumber,
    };
  }

  const mayFetch = (actor: Actor, locked: CaseBundle) =>
    canReadCase(actor, locked.row, locked.parties) &&
    (mayEditApplication(actor, locked.row, locked.parties) || actor.kind === "staff") &&
    actor;

  return {
    async fetchMaterial(ctx: RequestContext, id: string, materialId: string) {
      const bundle = await readableCase(db, ctx, id, "case.material.fetch");
      if (!isMaterialId(materialId)) throw new AppError("CASE.MATERIAL_UNKNOWN", { materialId });
      const needed = bundle.parts.some((p) =>
        requireBusinessType(p.type_id).materials.some((r) => r.id === materialId),
      );
      const source = materialFetchSource(materialId);
      if (!source || !needed) throw new AppError("CASE.MATERIAL_NOT_FETCHABLE", { materialId });
      if (source === "tax") throw new AppError("CASE.MATERIAL_FROM_TAX");
      if (!STAGES_OPEN.includes(bundle.row.stage))
        throw new AppError("CASE.STAGE", { stage: bundle.row.stage });
      const fetched: Fetched =
        source === "elicence"
          ? await fromElicence(ctx, bundle, materialId)
          : source === "housing"
            ? await fromHousing(ctx, bundle)
            : await fromRegister(bundle);
      return withLockedCase(db, ctx, id, {
        action: "case.material.fetch",
        authorize: mayFetch,
        async change(tx, locked, actor) {
          if (!STAGES_OPEN.includes(locked.row.stage))
            throw new AppError("CASE.STAGE", { stage: locked.row.stage });
          const row = {
            case_id: id,
            material_id: materialId,
            source: "e-licence" as const,
            fetched_from: fetched.from,
            document_no: fetched.documentNo,
            licence_ref: fetched.ref,
            licence_digest: fetched.digest,
            added_by: actor.accountId,
          };
          return { id: await insertMaterial(tx, row), from: fetched.from, digest: fetched.digest };
        },
        audit: (r) => ({ materialId, from: r.from, sm3: r.digest }),
      });
    },
  };
}

export type CaseFetchingService = ReturnType<typeof createCaseFetchingService>;
