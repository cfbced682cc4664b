import {
  describeEntry,
  type EncumbranceRecord,
  type EntryBody,
  landUnitCode,
  parseCertificateNumber,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { type CallerIdentities, createRegisterAccess } from "./register.access";
import {
  presentEncumbrance,
  presentParcel,
  presentRight,
  presentUnit,
  restrictionFlags,
} from "./register.presenter";
import {
  findCertificateReplacement,
  findRightByCertificateNo,
  findUnit,
  findUnitBook,
  listEncumbrancesHeldBy,
  listEncumbrancesOfUnit,
  listRightsOfUnit,
  listTimelineEntries,
} from "./register.repository";
import { createRegisterBooksService } from "./register-books.service";
import { createRegisterSearchService } from "./register-search.service";

export type RegisterReadDeps = {
  db: Database;
  pii: PiiCipher;
  identities: CallerIdentities;
  /** The port to certificates: an e-certificate or certification issued with this number. */
  certificates: {
    findIssued: (number: string) => Promise<{ unit_code: string; kind: string; status: string } | undefined>;
  };
};

/**
 * Reads of the register (登记簿) as the caller may see them (R30): one unit, its history, the
 * restrictions an institution holds, a unit by certificate number; the books and searches are in
 * register-books.service.ts and register-search.service.ts. Every read is audited.
 */
export function createRegisterService({ db, pii, identities, certificates }: RegisterReadDeps) {
  const access = createRegisterAccess({ db, pii, identities });
  const { requireActor, refuse, ownKey, viewFor, parseCode } = access;

  /** A unit: natural state, current rights and holders, live restrictions, as the caller may see them. */
  async function readUnit(ctx: RequestContext, input: string, purpose: string | null = null) {
    const actor = requireActor(ctx);
    const code = parseCode(input);
    const book = await findUnitBook(db, code);
    if (!book) return refuse(ctx, "register.unit.read", code, "REGISTER.UNIT_NOT_FOUND");
    const { unit, rights, encumbrances, parcel, benefiting } = book;
    const current = rights.filter((r) => r.right.status === "current");
    const live = encumbrances.filter((e) => e.status !== "historic");
    const granted = await viewFor(actor, {
      jurisdiction: unit.jurisdiction,
      holderHashes: current.flatMap((r) => r.holders.map((h) => h.idNumberHash)),
      restrictionHolderHashes: live.map((e) => e.holderIdHash),
      purpose,
    });
    if (!granted) return refuse(ctx, "register.unit.read", code, "REGISTER.UNIT_NOT_FOUND");
    const { view } = granted;
    await writeAudit(db, ctx, {
      action: "register.unit.read",
      outcome: "success",
      targetType: "unit",
      targetId: code,
      jurisdiction: unit.jurisdiction,
      purpose,
      details: { view, basis: granted.basis },
    });
    return {
      view,
      unit: presentUnit(unit),
      parcel: parcel ? presentParcel(parcel) : null,
      flags: restrictionFlags(
        live,
        current.some((r) => r.right.coOwnership !== "0"),
      ),
      rights: view === "full" ? current.map((r) => presentRight(r.right, r.holders)) : null,
      encumbrances: view === "full" ? live.map(presentEncumbrance) : null,
      easementsBenefiting: view === "full" ? benefiting.map(presentEncumbrance) : null,
    };
  }

  /** The unit's life from land supply to now: every entry of its parcel, building and itself. */
  async function readHistory(ctx: RequestContext, input: string, purpose: string | null = null) {
    const actor = requireActor(ctx);
    const code = parseCode(input);
    const unit = await findUnit(db, code);
    if (!unit) return refuse(ctx, "register.unit.history", code, "REGISTER.UNIT_NOT_FOUND");
    const [rights, encumbrances, entries] = await Promise.all([
      listRightsOfUnit(db, code),
      listEncumbrancesOfUnit(db, code),
      listTimelineEntries(db, unit),
    ]);
    const granted = await viewFor(actor, {
      jurisdiction: unit.jurisdiction,
      holderHashes: rights
        .filter((r) => r.right.status === "current")
        .flatMap((r) => r.holders.map((h) => h.idNumberHash)),
      restrictionHolderHashes: encumbrances.filter((e) => e.status !== "historic").map((e) => e.holderIdHash),
      purpose,
    });
    if (granted?.view !== "full")
      return refuse(ctx, "register.unit.history", code, "REGISTER.UNIT_NOT_FOUND");
    await writeAudit(db, ctx, {
      action: "register.unit.history",
      outcome: "success",
      targetType: "unit",
      targetId: code,
      jurisdiction: unit.jurisdiction,
      purpose,
      details: { basis: granted.basis },
    });
    return {
      unit: presentUnit(unit),
      timeline: entries.map((e) => ({
        seq: e.seq,
        at: e.recorded_at.toISOString(),
        kind: e.kind,
        scope:
          e.unit_code === code
            ? ("unit" as const)
            : e.unit_code === landUnitCode(unit.parcelCode)
              ? ("land" as const)
              : e.unit_code === null && (e.body as { buildingNo?: string }).buildingNo
                ? ("building" as const)
                : ("parcel" as const),
        // "" while the entry waits for the sequencer (at most the maximum merge delay).
        hash: e.hash ?? "",
        ...describeEntry({ body: e.body as EntryBody }),
      })),
      rights: rights.map((r) => presentRight(r.right, r.holders)),
      encumbrances: encumbrances.map(presentEncumbrance),
    };
  }

  /**
   * 抵押物/查封清单: the restrictions the caller holds (a bank's mortgages, a court's seizures, a
   * buyer's advance notice), each with its unit's address, what else now weighs on the unit and
   * whether the collateral changed hands after the restriction was registered.
   */
  async function listHeldRestrictions(
    ctx: RequestContext,
    options: { kind?: EncumbranceRecord["kind"]; live: boolean; limit?: number },
  ) {
    const actor = requireActor(ctx);
    const key = await ownKey(actor);
    if (key === null) {
      await writeAudit(db, ctx, { action: "register.restrictions.held", outcome: "denied" });
      throw new AppError("AUTH.FORBIDDEN");
    }
    const { held, units } = await listEncumbrancesHeldBy(db, key, {
      ...(options.kind ? { kind: options.kind } : {}),
      live: options.live,
      limit: Math.min(options.limit ?? 200, 500),
    });
    await writeAudit(db, ctx, {
      action: "register.restrictions.held",
      outcome: "success",
      details: { kind: options.kind ?? null, live: options.live, results: held.length },
    });
    return {
      restrictions: held.map((e) => {
        const unit = units.get(e.unitCode);
        // What else weighs on the unit now (R30 flags, without other holders' identities).
        const others = (unit?.live ?? []).filter((o) => o.seq !== Number(e.seq));
        const count = (kind: EncumbranceRecord["kind"], status?: EncumbranceRecord["status"]) =>
          others.filter((o) => o.kind === kind && (status === undefined || o.status === status)).length;
        return {
          unitCode: e.unitCode,
          address: unit?.address ?? "",
          restriction: presentEncumbrance(e),
          alsoOnUnit: {
            seized: count("seizure", "effective") > 0,
            waitingSeizures: count("seizure", "waiting"),
            objection: count("objection") > 0,
            advanceNotice: count("advance-notice") > 0,
            otherMortgages: count("mortgage"),
          },
          transferredSince: unit?.rightSeq != null && unit.rightSeq > Number(e.seq),
        };
      }),
    };
  }

  /**
   * 按证书号查单元: the unit a certificate or certification number was issued for, and whether the
   * number is still current — how a court or bank goes from the number on its documents to the unit.
   * The unit itself is then read as the caller may see it (R30); both reads are audited.
   */
  async function findUnitByCertificate(ctx: RequestContext, input: string) {
    requireActor(ctx);
    const parsed = parseCertificateNumber(input);
    if (!parsed.ok) throw new AppError("REGISTER.INVALID_CERTIFICATE_NUMBER", { findings: parsed.error });
    const number = parsed.value.number;
    const issued = await certificates.findIssued(number);
    const recorded = issued ? undefined : await findRightByCertificateNo(db, number);
    // A paper number replaced by 补发/换发 lives on in the ledger entry that replaced it.
    const replaced = issued || recorded ? undefined : await findCertificateReplacement(db, number);
    const found = issued
      ? { unitCode: issued.unit_code, kind: issued.kind, status: issued.status }
      : recorded
        ? {
            unitCode: recorded.unit_code,
            kind: "certificate",
            status: recorded.status === "current" ? "current" : "void",
          }
        : replaced?.unit_code
          ? { unitCode: replaced.unit_code, kind: "certificate", status: "replaced" }
          : undefined;
    if (!found) {
      await writeAudit(db, ctx, {
        action: "register.unit.by-certificate",
        outcome: "denied",
        targetType: "certificate",
        targetId: number,
      });
      throw new AppError("REGISTER.CERTIFICATE_NOT_FOUND");
    }
    await writeAudit(db, ctx, {
      action: "register.unit.by-certificate",
      outcome: "success",
      targetType: "certificate",
      targetId: number,
      jurisdiction: found.unitCode.slice(0, 6),
      details: { unitCode: found.unitCode },
    });
    return { number, ...found };
  }

  return {
    readUnit,
    findUnitByCertificate,
    listHeldRestrictions,
    readHistory,
    ...createRegisterBooksService({ db, access }),
    ...createRegisterSearchService({ db, pii, access }),
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
