import {
  type Action,
  type Actor,
  addressGrams,
  can,
  describeEntry,
  type EncumbranceRecord,
  type EntryBody,
  landUnitCode,
  normaliseAddress,
  parseCertificateNumber,
  parseCreditCode,
  parseResidentId,
  parseUnitCode,
} from "@yulin/domain";
import { sql } from "kysely";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { PiiCipher } from "../platform/crypto/pii-cipher";
import type { Database } from "../platform/db/database";
import { AppError, type ErrorCode } from "../platform/errors";
import {
  presentEncumbrance,
  presentParcel,
  presentRight,
  presentUnit,
  type RegisterView,
  restrictionFlags,
} from "./register.presenter";
import {
  findAccountIdentity,
  findBuilding,
  findHoldingsByIdHash,
  findParcel,
  findUnit,
  listBuildingsOfParcel,
  listCurrentRightsOfBook,
  listEasementsBenefiting,
  listEncumbrancesHeldBy,
  listEncumbrancesOfUnit,
  listLiveEncumbranceKinds,
  listParcelsInBox,
  listRightsOfUnit,
  listTimelineEntries,
  listUnitsOfParcel,
  searchUnitsByAddress,
} from "./register.repository";

export type RegisterReadDeps = { db: Database; pii: PiiCipher };

/**
 * The jurisdiction prefixes in which the actor may take `action` (`4406` for a city scope): the
 * queries that are not about one unit (search, map) are limited to them.
 */
export function scopePrefixes(actor: Actor | null, action: Action): string[] {
  if (!actor) return [];
  const prefixes = actor.roles
    .filter((r) => can({ ...actor, roles: [r] }, action, { jurisdiction: r.jurisdiction }))
    .map((r) =>
      r.jurisdiction.endsWith("0000")
        ? r.jurisdiction.slice(0, 2)
        : r.jurisdiction.endsWith("00")
          ? r.jurisdiction.slice(0, 4)
          : r.jurisdiction,
    );
  return [...new Set(prefixes)];
}

export function createRegisterService({ db, pii }: RegisterReadDeps) {
  const requireActor = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    return ctx.actor;
  };

  /** Not found and forbidden look the same; both are audited. */
  async function refuse(
    ctx: RequestContext,
    action: string,
    target: string,
    code: ErrorCode,
  ): Promise<never> {
    await writeAudit(db, ctx, { action, outcome: "denied", targetType: "unit", targetId: target });
    throw new AppError(code);
  }

  /** Is the caller a current holder of the unit (their ID number's or credit code's lookup hash)? */
  /**
   * The caller's key as a holder in the register: the lookup hash of a person's ID number, or of a
   * company's or institution's credit code. Staff hold nothing.
   */
  async function ownKey(actor: Actor): Promise<string | null> {
    if (actor.kind === "institution") {
      if (!actor.institutionId) return null;
      const row = await db
        .selectFrom("institutions")
        .select("credit_code")
        .where("id", "=", actor.institutionId)
        .executeTakeFirst();
      return row?.credit_code ? pii.lookupHash(row.credit_code) : null;
    }
    if (actor.kind !== "citizen" && actor.kind !== "company") return null;
    const identity = await findAccountIdentity(db, actor.accountId);
    return identity?.id_number_hash ?? (identity?.credit_code ? pii.lookupHash(identity.credit_code) : null);
  }

  /**
   * Full or public view of a unit, or refused, with the basis of a full view (R30): staff of the
   * office; a current holder; an institution holding a live restriction on the unit (the mortgagee
   * bank, the seizing court: 利害关系人); a court stating its purpose (国家机关依法查询).
   */
  async function viewFor(
    actor: Actor,
    unit: {
      jurisdiction: string;
      holderHashes: ReadonlyArray<string | null>;
      restrictionHolderHashes?: ReadonlyArray<string | null>;
      purpose?: string | null;
    },
  ): Promise<{ view: RegisterView; basis: string } | undefined> {
    const { jurisdiction } = unit;
    if (can(actor, "register.read", { jurisdiction })) return { view: "full", basis: "staff" };
    const key = await ownKey(actor);
    if (
      key !== null &&
      unit.holderHashes.includes(key) &&
      can(actor, "register.read-own", { ownerAccountId: actor.accountId })
    )
      return { view: "full", basis: "holder" };
    if (actor.kind === "institution") {
      if (
        key !== null &&
        (unit.restrictionHolderHashes ?? []).includes(key) &&
        can(actor, "register.read-interested", { institutionId: actor.institutionId ?? undefined })
      )
        return { view: "full", basis: "interested" };
      if (unit.purpose?.trim() && can(actor, "register.read-official", { jurisdiction }))
        return { view: "full", basis: "official" };
    }
    if (can(actor, "register.read-public", { jurisdiction })) return { view: "public", basis: "public" };
    return undefined;
  }

  function parseCode(input: string): string {
    const parsed = parseUnitCode(input);
    if (!parsed.ok) throw new AppError("REGISTER.INVALID_CODE", { findings: parsed.error });
    return parsed.value.code;
  }

  /** A unit: natural state, current rights and holders, live restrictions, as the caller may see them. */
  async function readUnit(ctx: RequestContext, input: string, purpose: string | null = null) {
    const actor = requireActor(ctx);
    const code = parseCode(input);
    const unit = await findUnit(db, code);
    if (!unit) return refuse(ctx, "register.unit.read", code, "REGISTER.UNIT_NOT_FOUND");
    const [rights, encumbrances, parcel, benefiting] = await Promise.all([
      listRightsOfUnit(db, code),
      listEncumbrancesOfUnit(db, code),
      findParcel(db, unit.parcelCode),
      listEasementsBenefiting(db, code),
    ]);
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
        hash: e.hash,
        ...describeEntry({ body: e.body as EntryBody }),
      })),
      rights: rights.map((r) => presentRight(r.right, r.holders)),
      encumbrances: encumbrances.map(presentEncumbrance),
    };
  }

  async function requireStaffView(
    ctx: RequestContext,
    jurisdiction: string,
    action: string,
    target: string,
    code: ErrorCode,
  ) {
    const actor = requireActor(ctx);
    if (!can(actor, "register.read", { jurisdiction })) return refuse(ctx, action, target, code);
    return actor;
  }

  /** A parcel (宗地) with its buildings and all its units (staff of the office). */
  async function readParcel(ctx: RequestContext, parcelCode: string) {
    if (!/^\d{12}[GJZ][A-Z]\d{5}$/.test(parcelCode)) throw new AppError("REGISTER.INVALID_CODE");
    const parcel = await findParcel(db, parcelCode);
    await requireStaffView(
      ctx,
      parcelCode.slice(0, 6),
      "register.parcel.read",
      parcelCode,
      "REGISTER.PARCEL_NOT_FOUND",
    );
    if (!parcel) return refuse(ctx, "register.parcel.read", parcelCode, "REGISTER.PARCEL_NOT_FOUND");
    const [buildings, units, live, rights] = await Promise.all([
      listBuildingsOfParcel(db, parcelCode),
      listUnitsOfParcel(db, parcelCode),
      listLiveEncumbranceKinds(db, parcelCode),
      listCurrentRightsOfBook(db, parcelCode),
    ]);
    await writeAudit(db, ctx, {
      action: "register.parcel.read",
      outcome: "success",
      targetType: "parcel",
      targetId: parcelCode,
      jurisdiction: parcel.jurisdiction,
    });
    return {
      parcel: { ...presentParcel(parcel), geometry: parcel.geometry },
      buildings: buildings.map((b) => ({
        buildingNo: b.buildingNo,
        code: `${parcelCode}F${b.buildingNo}`,
        name: b.name,
        address: b.address,
        floorsAbove: b.floorsAbove,
        floorsBelow: b.floorsBelow,
        structure: b.structure,
        completedYear: b.completedYear,
        area: b.area,
        status: b.status,
      })),
      units: units.map((u) => unitCell(u, live, rights)),
    };
  }

  const unitCell = (
    u: Awaited<ReturnType<typeof listUnitsOfParcel>>[number],
    live: Awaited<ReturnType<typeof listLiveEncumbranceKinds>>,
    rights: Awaited<ReturnType<typeof listCurrentRightsOfBook>>,
  ) => {
    const mine = live.filter((e) => e.unit_code === u.unitCode);
    const right = rights.find((r) => r.unit_code === u.unitCode);
    return {
      code: u.unitCode,
      buildingNo: u.buildingNo,
      roomNo: u.roomNo,
      floor: u.floor,
      roomLabel: u.roomLabel,
      buildingArea: u.buildingArea,
      use: u.use,
      status: u.status,
      registered: right !== undefined,
      flags: restrictionFlags(mine, right !== undefined && right.co_ownership !== "0"),
    };
  };

  /** 楼盘表: a building's units by floor with their state, in one call (staff of the office). */
  async function readBuildingTable(ctx: RequestContext, buildingCode: string) {
    const match = /^(\d{12}[GJZ][A-Z]\d{5})F(\d{4})$/.exec(buildingCode);
    if (!match) throw new AppError("REGISTER.INVALID_CODE");
    const [, parcelCode, buildingNo] = match as unknown as [string, string, string];
    await requireStaffView(
      ctx,
      parcelCode.slice(0, 6),
      "register.building.read",
      buildingCode,
      "REGISTER.BUILDING_NOT_FOUND",
    );
    const building = await findBuilding(db, parcelCode, buildingNo);
    if (!building) return refuse(ctx, "register.building.read", buildingCode, "REGISTER.BUILDING_NOT_FOUND");
    const [units, live, rights] = await Promise.all([
      listUnitsOfParcel(db, parcelCode, buildingNo),
      listLiveEncumbranceKinds(db, parcelCode, buildingNo),
      listCurrentRightsOfBook(db, parcelCode, buildingNo),
    ]);
    await writeAudit(db, ctx, {
      action: "register.building.read",
      outcome: "success",
      targetType: "building",
      targetId: buildingCode,
      jurisdiction: building.jurisdiction,
    });
    const floors = new Map<number | null, ReturnType<typeof unitCell>[]>();
    for (const u of units) {
      const list = floors.get(u.floor) ?? [];
      list.push(unitCell(u, live, rights));
      floors.set(u.floor, list);
    }
    return {
      building: {
        code: buildingCode,
        parcelCode,
        buildingNo,
        name: building.name,
        address: building.address,
        floorsAbove: building.floorsAbove,
        floorsBelow: building.floorsBelow,
        structure: building.structure,
        completedYear: building.completedYear,
        area: building.area,
      },
      floors: [...floors.entries()]
        .sort(([a], [b]) => (b ?? -999) - (a ?? -999))
        .map(([floor, cells]) => ({ floor, units: cells })),
    };
  }

  /** Units by address text (坐落) within the caller's jurisdictions. */
  async function searchByAddress(ctx: RequestContext, query: string, limit = 50) {
    const actor = requireActor(ctx);
    const normalised = normaliseAddress(query);
    if (Array.from(normalised).length < 2) throw new AppError("REGISTER.QUERY_TOO_SHORT");
    const prefixes = scopePrefixes(actor, "register.read");
    if (prefixes.length === 0) {
      await writeAudit(db, ctx, { action: "register.search.address", outcome: "denied" });
      throw new AppError("AUTH.FORBIDDEN");
    }
    // The bigram index narrows; the normalised text decides (bigrams can match out of order).
    const candidates = await searchUnitsByAddress(db, addressGrams(query), prefixes, limit * 4);
    const units = candidates.filter((u) => normaliseAddress(u.address).includes(normalised)).slice(0, limit);
    await writeAudit(db, ctx, {
      action: "register.search.address",
      outcome: "success",
      details: { results: units.length, queryLength: normalised.length },
    });
    return { units: units.map(presentUnit) };
  }

  /**
   * Property held by a person or organisation (by ID number or credit code), for staff of the
   * office and courts; every search is audited with its purpose, never with the number.
   */
  async function searchByHolder(ctx: RequestContext, input: { idNumber: string; purpose: string }) {
    const actor = requireActor(ctx);
    const resident = parseResidentId(input.idNumber);
    const credit = resident.ok ? undefined : parseCreditCode(input.idNumber);
    const normalised = resident.ok ? resident.value.id : credit?.ok ? credit.value.code : undefined;
    if (!normalised) throw new AppError("ACCOUNT.INVALID_ID_NUMBER");
    const court = actor.kind === "institution" && can(actor, "register.search-holder", {});
    const prefixes = court ? [""] : scopePrefixes(actor, "register.search-holder");
    if (prefixes.length === 0) {
      await writeAudit(db, ctx, {
        action: "register.search.holder",
        outcome: "denied",
        purpose: input.purpose,
      });
      throw new AppError("AUTH.FORBIDDEN");
    }
    const rows = (await findHoldingsByIdHash(db, pii.lookupHash(normalised))).filter((r) =>
      prefixes.some((p) => r.jurisdiction.startsWith(p)),
    );
    await writeAudit(db, ctx, {
      action: "register.search.holder",
      outcome: "success",
      purpose: input.purpose,
      details: { results: rows.length },
    });
    return {
      holdings: rows.map((r) => ({
        unitCode: r.unit_code,
        address: r.address,
        buildingArea: r.building_area === null ? null : Number(r.building_area),
        rightSeq: r.right_seq,
        rightType: r.right_type,
        status: r.status,
        coOwnership: r.co_ownership,
        holderName: r.name,
        idNumberMasked: r.id_number_masked,
        share: r.share,
        registeredAt: r.registered_at.toISOString(),
      })),
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
    const issued = await db
      .selectFrom("certificates")
      .select(["unit_code", "kind", "status"])
      .where("number", "=", number)
      .executeTakeFirst();
    const recorded = issued
      ? undefined
      : await db
          .selectFrom("rights")
          .select(["unit_code", "status"])
          .where("certificate_no", "=", number)
          .orderBy("seq", "desc")
          .executeTakeFirst();
    // A paper number replaced by 补发/换发 lives on in the ledger entry that replaced it.
    const replaced =
      issued || recorded
        ? undefined
        : await db
            .selectFrom("register_entries")
            .select("unit_code")
            .where("kind", "=", "right.certificate")
            .where(sql<string>`body ->> 'replaces'`, "=", number)
            .executeTakeFirst();
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

  /** GeoJSON of the current parcels in a bounding box, for the map (staff, own jurisdictions). */
  async function parcelsInBox(
    ctx: RequestContext,
    box: { minX: number; minY: number; maxX: number; maxY: number },
    limit = 2000,
  ) {
    const actor = requireActor(ctx);
    const prefixes = scopePrefixes(actor, "register.read");
    if (prefixes.length === 0) {
      await writeAudit(db, ctx, { action: "register.map", outcome: "denied" });
      throw new AppError("AUTH.FORBIDDEN");
    }
    const parcels = await listParcelsInBox(db, box, prefixes, limit);
    await writeAudit(db, ctx, {
      action: "register.map",
      outcome: "success",
      details: { box, results: parcels.length },
    });
    return {
      type: "FeatureCollection" as const,
      features: parcels
        .filter((p) => p.geometry !== null)
        .map((p) => ({
          type: "Feature" as const,
          id: p.parcelCode,
          geometry: p.geometry!,
          properties: {
            parcelCode: p.parcelCode,
            address: p.address,
            area: p.area,
            feature: p.feature,
            landUse: p.landUse,
            verticalKind: p.vertical.kind,
            zMin: p.vertical.min,
            zMax: p.vertical.max,
          },
        })),
    };
  }

  return {
    readUnit,
    findUnitByCertificate,
    listHeldRestrictions,
    readHistory,
    readParcel,
    readBuildingTable,
    searchByAddress,
    searchByHolder,
    parcelsInBox,
  };
}

export type RegisterService = ReturnType<typeof createRegisterService>;
