import crypto from "node:crypto";
import {
  type Actor,
  type BusinessType,
  can,
  findBusinessType,
  findCombinedType,
  isMaterialId,
  MATERIALS,
  parseUnitCode,
} from "@yulin/domain";
import { findDisplayNames } from "../identity/account.repository";
import { findFetchedMaterial } from "../integrations/shared/materials.repository";
import { sm3Hex } from "../integrations/shared/sm2";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { findUnit, holdsEncumbrance } from "../register/register.repository";
import { canReadCase, isApplicantSide, officesOf } from "./case.access";
import {
  deleteParty,
  findCase,
  insertCase,
  insertFile,
  insertMaterial,
  insertParties,
  insertParts,
  insertSignature,
  linkPartyAccount,
  listParties,
  listParts,
  listTransitions,
  readFile,
  updateCase,
  updatePart,
} from "./case.repository";
import { type CaseBundle, requireBundle } from "./case-bundle";
import { chinaDateOf } from "./case-clock";
import { caseContent, contentDigest, contentText } from "./case-content";
import type { PartDetails } from "./case-drafts";
import { identityOfAccount, type PartyIdentity, type PartyInput, resolveIdentity } from "./case-parties";
import { accountKeyPair, signContent } from "./party-keys";

export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

/** Accepted file types, checked by their first bytes as well as the declared type. */
const FILE_TYPES: Record<string, (b: Buffer) => boolean> = {
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  // OFD (GB/T 33190) is a zip container.
  "application/ofd": (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
};

export type CreateCaseInput = {
  typeId: string;
  unitCode: string;
  parts?: Array<{ details?: PartDetails; parties?: PartyInput[] }>;
};

export type MaterialInput =
  | { materialId: string; source: "upload"; fileName: string; mediaType: string; contentBase64: string }
  | { materialId: string; source: "e-licence"; licenceId: string }
  | { materialId: string; source: "commitment"; text: string };

export type CaseAppDeps = { db: Database; pii: PiiCipher; now: () => Date };

const EDITABLE = ["draft", "correction"];
const ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 业务号: the registering county, the date, and ten random characters (`440604-20261124-7KQ2M9XA3F`). */
export function newCaseId(jurisdiction: string, now: Date): string {
  const bytes = crypto.randomBytes(10);
  const random = Array.from(bytes, (b) => ID_ALPHABET[b % 32]).join("");
  return `${jurisdiction}-${chinaDateOf(now).replaceAll("-", "")}-${random}`;
}

const requireActor = (ctx: RequestContext): Actor => {
  if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
  return ctx.actor;
};

/** The parts a type id stands for: one business type, or the combined type's parts in order. */
export function partsOfType(typeId: string): { kind: "single" | "combined"; types: BusinessType[] } {
  const single = findBusinessType(typeId);
  if (single) return { kind: "single", types: [single] };
  const combined = findCombinedType(typeId);
  if (!combined) throw new AppError("CASE.UNKNOWN_TYPE", { typeId });
  return { kind: "combined", types: combined.parts.map((p) => findBusinessType(p.typeId)!) };
}

/**
 * The application side of cases (申请): drafts by a party, a helper or an agent, the parties and
 * their confirmations (SM2 e-signatures or witnessed at the counter), materials, consents and risk
 * statements, and the read views. Stage changes are in `case-workflow.service.ts`.
 */
export function createCaseApplicationService(deps: CaseAppDeps) {
  const { db, pii, now } = deps;

  /** Not found and forbidden look the same; the denial is audited on its own connection. */
  async function deny(ctx: RequestContext, action: string, id: string): Promise<never> {
    await writeAudit(db, ctx, { action, outcome: "denied", targetType: "case", targetId: id });
    throw new AppError("CASE.NOT_FOUND");
  }

  async function readable(ctx: RequestContext, id: string, action = "case.read"): Promise<CaseBundle> {
    const actor = requireActor(ctx);
    const bundle = await requireBundle(db, id).catch(() => undefined);
    if (!bundle || !canReadCase(actor, bundle.row, bundle.parties)) return deny(ctx, action, id);
    return bundle;
  }

  /** Who may edit the application: its applicant side, or counter staff of any office (窗口录入). */
  const mayEdit = (actor: Actor, bundle: CaseBundle) =>
    isApplicantSide(actor, bundle.row, bundle.parties) ||
    officesOf(actor, "acceptor").some((o) => can(actor, "case.accept", { jurisdiction: o }));

  async function holdsRestriction(unitCode: string, refId: string, personKey: string): Promise<boolean> {
    const seq = Number(refId);
    if (!Number.isSafeInteger(seq)) return false;
    return holdsEncumbrance(db, unitCode, seq, personKey);
  }

  async function recomputeDigest(tx: Tx, caseId: string): Promise<string> {
    const c = await findCase(tx, caseId);
    if (!c) throw new Error(`case ${caseId} is missing`);
    const [parts, parties] = await Promise.all([listParts(tx, caseId), listParties(tx, caseId)]);
    const digest = contentDigest(caseContent(c, parts, parties));
    if (digest !== c.content_sm3) await updateCase(tx, caseId, { content_sm3: digest });
    return digest;
  }

  const partyRow = (
    caseId: string,
    partNo: number,
    input: PartyInput,
    who: PartyIdentity,
    actsFor: string | null,
    addedBy: string,
  ) => ({
    case_id: caseId,
    part_no: partNo,
    role: input.role,
    person_key: who.personKey,
    name: who.name,
    holder_type: who.holderType,
    id_type: who.idType,
    id_number_enc: who.idNumberEnc,
    id_number_masked: who.idNumberMasked,
    account_id: who.accountId,
    institution_id: who.institutionId,
    acts_for: actsFor,
    share: input.share ?? null,
    heir_order: input.heirOrder ?? null,
    unregistered_acquisition: input.unregisteredAcquisition ?? null,
    added_by: addedBy,
  });

  async function resolveParty(tx: Tx, input: PartyInput) {
    const who = await resolveIdentity(tx, pii, input);
    const actsFor = input.actsFor
      ? (await resolveIdentity(tx, pii, { ...input.actsFor, name: "-" })).personKey
      : null;
    return { who, actsFor };
  }

  /** Who may start a case of these types: courts instruct seizures, the registry acts ex officio. */
  function authorizeCreate(actor: Actor, types: BusinessType[], jurisdiction: string) {
    const counter = officesOf(actor, "acceptor").length > 0;
    for (const type of types) {
      if (type.application.mode === "ex-officio") {
        if (!can(actor, "case.review", { jurisdiction }) && !can(actor, "case.register", { jurisdiction }))
          throw new AppError("AUTH.FORBIDDEN");
      } else if (type.application.mode === "instruction") {
        if (!can(actor, "seizure.apply") && !counter) throw new AppError("AUTH.FORBIDDEN");
      } else if (!can(actor, "case.create") && !counter) throw new AppError("AUTH.FORBIDDEN");
    }
  }

  return {
    async createCase(ctx: RequestContext, input: CreateCaseInput): Promise<{ id: string }> {
      const actor = requireActor(ctx);
      const { kind, types } = partsOfType(input.typeId);
      const parsed = parseUnitCode(input.unitCode);
      if (!parsed.ok) throw new AppError("REGISTER.INVALID_CODE", { findings: parsed.error });
      const unitCode = parsed.value.code;
      const jurisdiction = unitCode.slice(0, 6);
      authorizeCreate(actor, types, jurisdiction);
      const parts = input.parts ?? [];
      if (parts.length > types.length)
        throw new AppError("CASE.INVALID", { reason: `${input.typeId} has ${types.length} part(s)` });
      if (!(await findUnit(db, unitCode))) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode });
      const at = now();
      const id = newCaseId(jurisdiction, at);
      return inTransaction(db, async (tx) => {
        const partRows = types.map((type, partNo) => ({
          case_id: id,
          part_no: partNo,
          type_id: type.id,
          details: JSON.stringify(parts[partNo]?.details ?? {}),
        }));
        const partyRows = [];
        for (const [partNo, part] of parts.entries())
          for (const p of part.parties ?? []) {
            const { who, actsFor } = await resolveParty(tx, p);
            partyRows.push(partyRow(id, partNo, p, who, actsFor, actor.accountId));
          }
        const row = {
          id,
          jurisdiction,
          kind,
          type_id: input.typeId,
          unit_code: unitCode,
          stage: "draft",
          state: JSON.stringify({ pauses: [] }),
          created_by: actor.accountId,
          creator_kind: actor.kind,
        };
        const digest = contentDigest(
          caseContent(
            row,
            partRows.map((p) => ({ ...p, details: JSON.parse(p.details) })),
            partyRows,
          ),
        );
        await insertCase(tx, { ...row, content_sm3: digest });
        await insertParts(tx, partRows);
        await insertParties(tx, partyRows);
        await writeAudit(tx, ctx, {
          action: "case.create",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction,
          details: { typeId: input.typeId, unitCode },
        });
        return { id };
      });
    },

    /** Changes a part's particulars before submitting (or in 补正): earlier signatures lapse. */
    async updatePart(ctx: RequestContext, id: string, partNo: number, details: PartDetails) {
      const actor = requireActor(ctx);
      const bundle = await readable(ctx, id, "case.update");
      if (!mayEdit(actor, bundle)) return deny(ctx, "case.update", id);
      await inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        if (!EDITABLE.includes(locked.row.stage)) throw new AppError("CASE.NOT_EDITABLE");
        const part = locked.parts.find((p) => p.part_no === partNo);
        if (!part) throw new AppError("CASE.INVALID", { reason: `no part ${partNo}` });
        const keep = { consents: part.details.consents, riskStatements: part.details.riskStatements };
        await updatePart(tx, id, partNo, { details: JSON.stringify({ ...details, ...keep }) });
        await recomputeDigest(tx, id);
        await writeAudit(tx, ctx, {
          action: "case.update",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: locked.row.jurisdiction,
          details: { partNo },
        });
      });
    },

    /** Invites a party (邀请): it confirms with its own account, or at the counter. */
    async addParty(ctx: RequestContext, id: string, partNo: number, input: PartyInput) {
      const actor = requireActor(ctx);
      const bundle = await readable(ctx, id, "case.party.add");
      if (!mayEdit(actor, bundle)) return deny(ctx, "case.party.add", id);
      return inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        if (!EDITABLE.includes(locked.row.stage)) throw new AppError("CASE.NOT_EDITABLE");
        if (!locked.parts.some((p) => p.part_no === partNo))
          throw new AppError("CASE.INVALID", { reason: `no part ${partNo}` });
        const { who, actsFor } = await resolveParty(tx, input);
        await insertParties(tx, [partyRow(id, partNo, input, who, actsFor, actor.accountId)]);
        await recomputeDigest(tx, id);
        await writeAudit(tx, ctx, {
          action: "case.party.add",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: locked.row.jurisdiction,
          details: { partNo, role: input.role },
        });
        return { personKey: who.personKey };
      });
    },

    async removeParty(ctx: RequestContext, id: string, partyId: string) {
      const actor = requireActor(ctx);
      const bundle = await readable(ctx, id, "case.party.remove");
      if (!mayEdit(actor, bundle)) return deny(ctx, "case.party.remove", id);
      await inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        if (!EDITABLE.includes(locked.row.stage)) throw new AppError("CASE.NOT_EDITABLE");
        if ((await deleteParty(tx, id, partyId)) === 0)
          throw new AppError("CASE.INVALID", { reason: "no such party" });
        await recomputeDigest(tx, id);
        await writeAudit(tx, ctx, {
          action: "case.party.remove",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: locked.row.jurisdiction,
        });
      });
    },

    /** The canonical content the parties sign, with its SM3 digest. */
    async content(ctx: RequestContext, id: string) {
      const bundle = await readable(ctx, id);
      const content = caseContent(bundle.row, bundle.parts, bundle.parties);
      return { content, text: contentText(content), sm3: bundle.row.content_sm3 };
    },

    /**
     * 确认并签名: the caller confirms the case as each party it is (or its institution is), signing
     * the canonical content with its account's SM2 key.
     */
    async confirm(ctx: RequestContext, id: string): Promise<{ signedAs: string[]; contentSm3: string }> {
      const actor = requireActor(ctx);
      await readable(ctx, id, "case.confirm");
      return inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        if (!["draft", "correction", "submitted", "accepted", "reviewed"].includes(locked.row.stage))
          throw new AppError("CASE.STAGE", { stage: locked.row.stage });
        const me = await identityOfAccount(tx, pii, actor.accountId).catch(() => undefined);
        const mine = locked.parties.filter(
          (p) =>
            p.account_id === actor.accountId ||
            (me && p.person_key === me.personKey) ||
            (actor.institutionId !== null && p.institution_id === actor.institutionId),
        );
        if (mine.length === 0) throw new AppError("CASE.NOT_A_PARTY");
        const text = contentText(caseContent(locked.row, locked.parts, locked.parties));
        const digest = sm3Hex(text);
        const pair = await accountKeyPair(tx, pii, actor.accountId);
        const signature = signContent(text, pair);
        const people = [...new Set(mine.map((p) => p.person_key))];
        for (const personKey of people)
          await insertSignature(tx, {
            case_id: id,
            person_key: personKey,
            method: "sm2",
            account_id: actor.accountId,
            content_sm3: digest,
            public_key: pair.publicKey,
            signature,
          });
        // Link the confirming account to its party rows (R4 reads who confirmed).
        await linkPartyAccount(tx, id, people, actor.accountId);
        await writeAudit(tx, ctx, {
          action: "case.confirm",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: locked.row.jurisdiction,
          details: { contentSm3: digest, parties: people.length },
        });
        return { signedAs: mine.map((p) => p.role), contentSm3: digest };
      });
    },

    /** 窗口见证签名: a party signs on paper at the counter; the acceptor witnesses with their own key. */
    async witness(ctx: RequestContext, id: string, partyId: string) {
      const actor = requireActor(ctx);
      if (!officesOf(actor, "acceptor").some((o) => can(actor, "case.accept", { jurisdiction: o })))
        return deny(ctx, "case.witness", id);
      await readable(ctx, id, "case.witness");
      return inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        const party = locked.parties.find((p) => p.id === partyId);
        if (!party) throw new AppError("CASE.INVALID", { reason: "no such party" });
        const text = contentText(caseContent(locked.row, locked.parts, locked.parties));
        const digest = sm3Hex(text);
        const pair = await accountKeyPair(tx, pii, actor.accountId);
        await insertSignature(tx, {
          case_id: id,
          person_key: party.person_key,
          method: "witnessed",
          account_id: actor.accountId,
          content_sm3: digest,
          public_key: pair.publicKey,
          signature: signContent(text, pair),
        });
        await writeAudit(tx, ctx, {
          action: "case.witness",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: locked.row.jurisdiction,
          details: { partyId, contentSm3: digest },
        });
        return { contentSm3: digest };
      });
    },

    /** 申请材料: an upload (SM3 digest, type and size checked), an e-licence reference, or a commitment. */
    async addMaterial(ctx: RequestContext, id: string, input: MaterialInput) {
      const actor = requireActor(ctx);
      const bundle = await readable(ctx, id, "case.material.add");
      const staff = actor.kind === "staff";
      if (!mayEdit(actor, bundle) && !staff) return deny(ctx, "case.material.add", id);
      if (!isMaterialId(input.materialId))
        throw new AppError("CASE.MATERIAL_UNKNOWN", { materialId: input.materialId });
      const definition = MATERIALS[input.materialId] as { eLicence?: true; commitment?: true };
      return inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        if (!["draft", "correction", "submitted", "accepted"].includes(locked.row.stage))
          throw new AppError("CASE.STAGE", { stage: locked.row.stage });
        const base = { case_id: id, material_id: input.materialId, added_by: actor.accountId };
        let materialRowId: string;
        let digest: string;
        if (input.source === "upload") {
          const bytes = Buffer.from(input.contentBase64, "base64");
          if (bytes.length > MAX_MATERIAL_BYTES)
            throw new AppError("CASE.MATERIAL_TOO_LARGE", { maxBytes: MAX_MATERIAL_BYTES });
          const check = FILE_TYPES[input.mediaType];
          if (!check || bytes.length === 0 || !check(bytes))
            throw new AppError("CASE.MATERIAL_TYPE", { mediaType: input.mediaType });
          digest = sm3Hex(bytes);
          await insertFile(tx, { sm3: digest, mediaType: input.mediaType, bytes });
          materialRowId = await insertMaterial(tx, {
            ...base,
            source: "upload",
            file_name: input.fileName,
            file_sm3: digest,
          });
        } else if (input.source === "e-licence") {
          if (!definition.eLicence)
            throw new AppError("CASE.INVALID", { reason: "this material is not an e-licence" });
          const licence = await findFetchedMaterial(tx, input.licenceId);
          if (!licence || (licence.case_ref !== null && licence.case_ref !== id))
            throw new AppError("CASE.LICENCE_NOT_FOUND");
          digest = licence.digest;
          materialRowId = await insertMaterial(tx, {
            ...base,
            source: "e-licence",
            licence_ref: licence.id,
            licence_digest: licence.digest,
          });
        } else {
          digest = sm3Hex(input.text);
          materialRowId = await insertMaterial(tx, { ...base, source: "commitment", licence_digest: digest });
        }
        await writeAudit(tx, ctx, {
          action: "case.material.add",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: locked.row.jurisdiction,
          details: { materialId: input.materialId, source: input.source, sm3: digest },
        });
        return { id: materialRowId, sm3: digest };
      });
    },

    /** An uploaded material's file, for the parties and staff who may read the case. */
    async materialFile(ctx: RequestContext, id: string, materialRowId: string) {
      const bundle = await readable(ctx, id, "case.material.read");
      const material = bundle.materials.find((m) => m.id === materialRowId && m.file_sm3);
      const file = material?.file_sm3 ? await readFile(db, material.file_sm3) : undefined;
      if (!material || !file) throw new AppError("CASE.NOT_FOUND");
      await writeAudit(db, ctx, {
        action: "case.material.read",
        outcome: "success",
        targetType: "case",
        targetId: id,
        jurisdiction: bundle.row.jurisdiction,
        details: { sm3: file.sm3 },
      });
      return { fileName: material.file_name ?? "material", mediaType: file.media_type, bytes: file.bytes };
    },

    /**
     * A written consent (R10 advance notice holder, R13 mortgagee, R14 later mortgagee, co-owners):
     * recorded by the consenting party's own account, or by counter staff who saw it on paper.
     */
    async recordConsent(
      ctx: RequestContext,
      id: string,
      input: {
        kind: "advance-notice-holder" | "mortgagee" | "later-mortgagee" | "co-owners";
        refId?: string;
        personKey?: string;
      },
    ) {
      const actor = requireActor(ctx);
      const me = await identityOfAccount(db, pii, actor.accountId).catch(() => undefined);
      const bundle = await requireBundle(db, id).catch(() => undefined);
      // The holder of the restriction consented to (a notice holder, a mortgagee) may find the case
      // to consent to it even though it is not a party: the register says whose consent counts.
      const holdsIt =
        bundle && me && input.refId
          ? await holdsRestriction(bundle.row.unit_code, input.refId, me.personKey)
          : false;
      if (!bundle || (!canReadCase(actor, bundle.row, bundle.parties) && !holdsIt))
        return deny(ctx, "case.consent", id);
      const counter = officesOf(actor, "acceptor").some((o) =>
        can(actor, "case.accept", { jurisdiction: o }),
      );
      const personKey = counter && input.personKey ? input.personKey : me?.personKey;
      if (!personKey) throw new AppError("CASE.NO_IDENTITY");
      await inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        if (
          ["registered", "certified", "issued", "archived", "refused", "withdrawn", "not-accepted"].includes(
            locked.row.stage,
          )
        )
          throw new AppError("CASE.STAGE", { stage: locked.row.stage });
        for (const part of locked.parts) {
          const details = part.details as PartDetails;
          const consents = [
            ...(details.consents ?? []),
            { kind: input.kind, personId: personKey, ...(input.refId ? { refId: input.refId } : {}) },
          ];
          await updatePart(tx, id, part.part_no, { details: JSON.stringify({ ...details, consents }) });
        }
        await writeAudit(tx, ctx, {
          action: "case.consent",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: bundle.row.jurisdiction,
          details: { kind: input.kind, refId: input.refId ?? null, counter },
        });
      });
    },

    /** R12: the applicant signs that they know of the objection and bear the risk (细则 84). */
    async recordRiskStatement(ctx: RequestContext, id: string, objectionId: string) {
      const actor = requireActor(ctx);
      const bundle = await readable(ctx, id, "case.risk-statement");
      const me = await identityOfAccount(db, pii, actor.accountId).catch(() => undefined);
      if (!me || !bundle.parties.some((p) => p.person_key === me.personKey))
        throw new AppError("CASE.NOT_A_PARTY");
      await inTransaction(db, async (tx) => {
        const locked = await requireBundle(tx, id, { lock: true });
        const signedOn = chinaDateOf(now());
        for (const part of locked.parts) {
          const details = part.details as PartDetails;
          const riskStatements = [
            ...(details.riskStatements ?? []),
            { objectionId, personId: me.personKey, signedOn },
          ];
          await updatePart(tx, id, part.part_no, { details: JSON.stringify({ ...details, riskStatements }) });
        }
        await writeAudit(tx, ctx, {
          action: "case.risk-statement",
          outcome: "success",
          targetType: "case",
          targetId: id,
          jurisdiction: bundle.row.jurisdiction,
          details: { objectionId },
        });
      });
    },

    /** The case timeline in one call: every transition with actor, office, time and reasons. */
    async timeline(ctx: RequestContext, id: string) {
      const bundle = await readable(ctx, id, "case.timeline");
      const rows = await listTransitions(db, id);
      const actors = [...new Set(rows.map((r) => r.actor_id).filter((a): a is string => a !== null))];
      const names = await findDisplayNames(db, actors);
      return {
        caseId: id,
        stage: bundle.row.stage,
        entries: rows.map((r) => ({
          action: r.action,
          from: r.from_stage,
          to: r.to_stage,
          actor: r.actor_id ? (names.get(r.actor_id) ?? r.actor_id) : "系统 system",
          actorRole: r.actor_role,
          office: r.office,
          at: new Date(r.at).toISOString(),
          reasons: (r.reasons as string[] | null) ?? [],
          findings: (r.findings as unknown[] | null) ?? [],
        })),
      };
    },

    readable,
  };
}

export type CaseApplicationService = ReturnType<typeof createCaseApplicationService>;
