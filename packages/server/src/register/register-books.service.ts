import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { type RegisterAccess, scopePrefixes } from "./register.access";
import { presentParcel, restrictionFlags } from "./register.presenter";
import {
  findBuilding,
  findParcel,
  listBuildingsOfParcel,
  listCurrentRightsOfBook,
  listLiveEncumbranceKinds,
  listParcelsInBox,
  listUnitsOfParcel,
} from "./register.repository";

/** The register's books for staff: a parcel (宗地), a building's 楼盘表, and the map. */
export function createRegisterBooksService({ db, access }: { db: Database; access: RegisterAccess }) {
  const { requireActor, refuse, requireStaffView } = access;

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

  return { readParcel, readBuildingTable, parcelsInBox };
}
