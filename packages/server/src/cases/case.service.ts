import crypto from "node:crypto";
import {
  type Actor,
  type BusinessType,
  can,
  findBusinessType,
  findCombinedType,
  parseUnitCode,
} from "@yulin/domain";
import { findDisplayNames } from "../identity/account.repository";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { findUnit } from "../register/register.repository";
import { canReadCase, mayEditApplication, officesOf } from "./case.access";
import {
  deleteParty,
  findCase,
  insertCase,
  insertParties,
  insertParts,
  listParties,
  listParts,
  listTransitions,
  updateCase,
  updatePart,
} from "./case.repository";
import type { TCreateCaseRequest } from "./case.schemas";
import type { CaseBundle } from "./case-bundle";
import { chinaDateOf } from "./case-clock";
import { caseContent, contentDigest, contentText } from "./case-content";
import type { PartDetails } from "./case-drafts";
import { readableCase, requireActor, withLockedCase } from "./case-lock";
import { createCaseMaterialsService } from "./case-materials.service";
import { type PartyIdentity, type PartyInput, resolveIdentity } from "./case-parties";
import { createCaseSigningService } from "./case-signing.service";

/** What an applicant sends to create a case (the route's `confirm` and `submit` are separate calls). */
export type CreateCaseInput = Omit<TCreateCaseRequest, "confirm" | "submit">;

export type CaseAppDeps = { db: Database; pii: PiiCipher; now: () => Date };

const EDITABLE = ["draft", "correction"];
const ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** 业务号: the registering county, the date, and ten random characters (`440604-20261124-7KQ2M9XA3F`). */
export function newCaseId(jurisdiction: string, now: Date): string {
  const bytes = crypto.randomBytes(10);
  const random = Array.from(bytes, (b) => ID_ALPHABET[b % 32]).join("");
  return `${jurisdiction}-${chinaDateOf(now).replaceAll("-", "")}-${random}`;
}

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

  /** An edit of the application by its applicant side or counter staff, while it is a draft or in 补正. */
  const editApplication = (action: string) => ({
    action,
    authorize: (actor: Actor, locked: CaseBundle) =>
      canReadCase(actor, locked.row, locked.parties) &&
      mayEditApplication(actor, locked.row, locked.parties) &&
      actor,
  });

  const requireEditable = (locked: CaseBundle) => {
    if (!EDITABLE.includes(locked.row.stage)) throw new AppError("CASE.NOT_EDITABLE");
  };

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
    /**
     * `within` runs in the creating transaction (e.g. a notary's deed stored with the case it
     * supports): the case exists exactly when it succeeds.
     */
    async createCase(
      ctx: RequestContext,
      input: CreateCaseInput,
      within?: (tx: Tx, id: string) => Promise<void>,
    ): Promise<{ id: string }> {
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
        await within?.(tx, id);
        return { id };
      });
    },

    /** Changes a part's particulars before submitting (or in 补正): earlier signatures lapse. */
    async updatePart(ctx: RequestContext, id: string, partNo: number, details: PartDetails) {
      await withLockedCase(db, ctx, id, {
        ...editApplication("case.update"),
        async change(tx, locked) {
          requireEditable(locked);
          const part = locked.parts.find((p) => p.part_no === partNo);
          if (!part) throw new AppError("CASE.INVALID", { reason: `no part ${partNo}` });
          const keep = { consents: part.details.consents, riskStatements: part.details.riskStatements };
          await updatePart(tx, id, partNo, { details: JSON.stringify({ ...details, ...keep }) });
          await recomputeDigest(tx, id);
        },
        audit: () => ({ partNo }),
      });
    },

    /** Invites a party (邀请): it confirms with its own account, or at the counter. */
    async addParty(ctx: RequestContext, id: string, partNo: number, input: PartyInput) {
      return withLockedCase(db, ctx, id, {
        ...editApplication("case.party.add"),
        async change(tx, locked, actor) {
          requireEditable(locked);
          if (!locked.parts.some((p) => p.part_no === partNo))
            throw new AppError("CASE.INVALID", { reason: `no part ${partNo}` });
          const { who, actsFor } = await resolveParty(tx, input);
          await insertParties(tx, [partyRow(id, partNo, input, who, actsFor, actor.accountId)]);
          await recomputeDigest(tx, id);
          return { personKey: who.personKey };
        },
        audit: () => ({ partNo, role: input.role }),
      });
    },

    async removeParty(ctx: RequestContext, id: string, partyId: string) {
      await withLockedCase(db, ctx, id, {
        ...editApplication("case.party.remove"),
        async change(tx, locked) {
          requireEditable(locked);
          if ((await deleteParty(tx, id, partyId)) === 0)
            throw new AppError("CASE.INVALID", { reason: "no such party" });
          await recomputeDigest(tx, id);
        },
        audit: () => undefined,
      });
    },

    /** The canonical content the parties sign, with its SM3 digest. */
    async content(ctx: RequestContext, id: string) {
      const bundle = await readableCase(db, ctx, id);
      const content = caseContent(bundle.row, bundle.parts, bundle.parties);
      return { content, text: contentText(content), sm3: bundle.row.content_sm3 };
    },

    /** The case timeline in one call: every transition with actor, office, time and reasons. */
    async timeline(ctx: RequestContext, id: string) {
      const bundle = await readableCase(db, ctx, id, "case.timeline");
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

    readable: (ctx: RequestContext, id: string, action?: string) => readableCase(db, ctx, id, action),
    ...createCaseSigningService(deps),
    ...createCaseMaterialsService(deps),
  };
}

export type CaseApplicationService = ReturnType<typeof createCaseApplicationService>;
