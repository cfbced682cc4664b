import {
  type BuildingFacts,
  buildUnitCode,
  can,
  type EntryDraft,
  type ParcelFacts,
  parseUnitCode,
  type UnitFacts,
  type UnitOwnership,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { allocateNumber, findZone, listZones, SCOPES, upsertZones } from "./code-allocation.repository";
import { appendEntries } from "./ledger";
import { findBuilding, findParcel } from "./register.repository";

export type CadastreDeps = { db: Database; now: () => Date };

export type NewParcel = {
  jurisdiction: string;
  zone: string;
  subzone: string;
  ownership: UnitOwnership;
  /** 宗地特征码 char 2, e.g. `B` 地表, `S` 地上, `X` 地下. */
  useRight: string;
  facts: ParcelFacts;
};

/**
 * 地籍调查成果入库: parcels, buildings and units enter the register with codes the system assigns
 * (the next free number of the zone/feature, parcel or building; never reused), each as a ledger
 * entry. Staff with `cadastre.edit` in the jurisdiction, or the CLI and demo seed (trusted).
 */
export function createCadastreService({ db, now }: CadastreDeps) {
  async function authorize(ctx: RequestContext, action: string, jurisdiction: string) {
    if (ctx.actor === null) return; // CLI, demo seed: the operator on the machine
    if (!can(ctx.actor, "cadastre.edit", { jurisdiction })) {
      await writeAudit(db, ctx, { action, outcome: "denied", jurisdiction });
      throw new AppError("AUTH.FORBIDDEN");
    }
  }

  async function addZones(
    ctx: RequestContext,
    zones: ReadonlyArray<{ jurisdiction: string; zone: string; subzone: string; name: string | null }>,
  ) {
    for (const z of zones) await authorize(ctx, "register.zone.create", z.jurisdiction);
    await upsertZones(db, zones);
  }

  async function createParcel(ctx: RequestContext, input: NewParcel) {
    await authorize(ctx, "register.parcel.create", input.jurisdiction);
    const feature = input.ownership + input.useRight;
    // Check the code's shape (county, zone, feature combination) before taking a number.
    const probe = parseUnitCode(
      buildUnitCode({
        county: input.jurisdiction,
        cadastralZone: input.zone,
        cadastralSubzone: input.subzone,
        ownership: input.ownership,
        useRight: input.useRight,
        parcelSequence: 1,
        fixture: "W",
      }),
    );
    if (!probe.ok) throw new AppError("REGISTER.INVALID_CODE", { findings: probe.error });
    if (!probe.value.isSea && !(await findZone(db, input.jurisdiction, input.zone, input.subzone)))
      throw new AppError("REGISTER.ZONE_UNKNOWN", { zone: input.zone, subzone: input.subzone });
    return inTransaction(db, async (tx) => {
      const seq = await allocateNumber(
        tx,
        input.jurisdiction,
        SCOPES.parcel(input.zone, input.subzone, feature),
        99999,
      );
      const parcelCode = probe.value.code.slice(0, 14) + String(seq).padStart(5, "0");
      const { entries } = await appendEntries(
        tx,
        [{ parcel: parcelCode, unit: null, body: { kind: "parcel.create", parcel: input.facts } }],
        { now: now() },
      );
      await writeAudit(tx, ctx, {
        action: "register.parcel.create",
        outcome: "success",
        targetType: "parcel",
        targetId: parcelCode,
        jurisdiction: input.jurisdiction,
      });
      return { parcelCode, landUnitCode: `${parcelCode}W00000000`, seq: entries[0]!.seq };
    });
  }

  async function createBuilding(ctx: RequestContext, parcelCode: string, facts: BuildingFacts) {
    const jurisdiction = parcelCode.slice(0, 6);
    await authorize(ctx, "register.building.create", jurisdiction);
    if (!(await findParcel(db, parcelCode))) throw new AppError("REGISTER.PARCEL_NOT_FOUND");
    return inTransaction(db, async (tx) => {
      const no = await allocateNumber(tx, jurisdiction, SCOPES.building(parcelCode), 9999);
      const buildingNo = String(no).padStart(4, "0");
      const { entries } = await appendEntries(
        tx,
        [{ parcel: parcelCode, unit: null, body: { kind: "building.create", buildingNo, building: facts } }],
        { now: now() },
      );
      await writeAudit(tx, ctx, {
        action: "register.building.create",
        outcome: "success",
        targetType: "building",
        targetId: `${parcelCode}F${buildingNo}`,
        jurisdiction,
      });
      return { buildingCode: `${parcelCode}F${buildingNo}`, buildingNo, seq: entries[0]!.seq };
    });
  }

  /** House units (户) of a building: each takes the building's next 户号. */
  async function createUnits(
    ctx: RequestContext,
    parcelCode: string,
    buildingNo: string,
    units: readonly UnitFacts[],
  ) {
    const jurisdiction = parcelCode.slice(0, 6);
    await authorize(ctx, "register.unit.create", jurisdiction);
    if (!(await findBuilding(db, parcelCode, buildingNo))) throw new AppError("REGISTER.BUILDING_NOT_FOUND");
    return inTransaction(db, async (tx) => {
      const drafts: EntryDraft[] = [];
      for (const unit of units) {
        const room = await allocateNumber(tx, jurisdiction, SCOPES.room(parcelCode, buildingNo), 9999);
        const code = `${parcelCode}F${buildingNo}${String(room).padStart(4, "0")}`;
        drafts.push({ parcel: parcelCode, unit: code, body: { kind: "unit.create", unit } });
      }
      const { entries } = await appendEntries(tx, drafts, { now: now() });
      await writeAudit(tx, ctx, {
        action: "register.unit.create",
        outcome: "success",
        targetType: "building",
        targetId: `${parcelCode}F${buildingNo}`,
        jurisdiction,
        details: { units: entries.length },
      });
      return entries.map((e) => ({ unitCode: e.unit!, seq: e.seq }));
    });
  }

  /**
   * Records entries as they are (rights, restrictions, cancellations) in one transaction. For
   * trusted callers: the demo seed, the CLI, tests, and the case workflow's 登簿 step, which checks
   * the legal preconditions first and calls `appendEntries` inside its own transaction.
   */
  async function record(ctx: RequestContext, drafts: readonly EntryDraft[], tx?: Tx) {
    const work = async (t: Tx) => {
      const { entries } = await appendEntries(t, drafts, { now: now() });
      await writeAudit(t, ctx, {
        action: "register.record",
        outcome: "success",
        targetType: "entries",
        targetId: entries.length ? `${entries[0]!.seq}-${entries[entries.length - 1]!.seq}` : "none",
        details: { kinds: [...new Set(entries.map((e) => e.body.kind))] },
      });
      return entries;
    };
    return tx ? work(tx) : inTransaction(db, work);
  }

  async function zonesOf(ctx: RequestContext, jurisdiction: string) {
    if (ctx.actor && !can(ctx.actor, "register.read", { jurisdiction })) throw new AppError("AUTH.FORBIDDEN");
    return listZones(db, jurisdiction);
  }

  return { addZones, createParcel, createBuilding, createUnits, record, zonesOf };
}

export type CadastreService = ReturnType<typeof createCadastreService>;
