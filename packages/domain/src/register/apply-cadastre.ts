/** Cadastre entries: parcels (宗地) with their land-only unit, buildings (幢) and units. */
import { parseUnitCode } from "../identifiers/unit-code";
import { err, ok } from "../result";
import { type Applied, currentUnit, fail } from "./apply-common";
import { checkBuildingFacts, checkParcelFacts, checkUnitFacts } from "./facts";
import type { EntryContent, ParcelFacts, UnitFacts, UnitRecord } from "./register.types";
import type { RegisterView } from "./register-state";

export const landUnitCode = (parcelCode: string): string => `${parcelCode}W00000000`;

export function createParcel(view: RegisterView, entry: EntryContent, facts: ParcelFacts): Applied {
  const parsed = parseUnitCode(landUnitCode(entry.parcel));
  if (!parsed.ok) return err(parsed.error);
  const code = parsed.value;
  if (code.county !== entry.jurisdiction)
    return fail(
      "REGISTER.JURISDICTION",
      "宗地代码不属于该登记机构",
      "The parcel code is not in this jurisdiction",
    );
  const findings = checkParcelFacts(code.useRight, facts);
  if (findings.length > 0) return err(findings);
  if (view.parcel(entry.parcel))
    return fail(
      "REGISTER.PARCEL_EXISTS",
      `宗地 ${entry.parcel} 已存在`,
      `Parcel ${entry.parcel} already exists`,
    );
  const seqs = { createdSeq: entry.seq, updatedSeq: entry.seq };
  const land: UnitRecord = {
    jurisdiction: entry.jurisdiction,
    unitCode: code.code,
    parcelCode: entry.parcel,
    fixture: "W",
    buildingNo: null,
    roomNo: null,
    floor: null,
    roomLabel: null,
    buildingArea: null,
    innerArea: null,
    sharedArea: null,
    use: null,
    structure: null,
    address: facts.address,
    status: "current",
    ...seqs,
  };
  return ok([
    {
      table: "parcels",
      op: "insert",
      record: {
        ...facts,
        jurisdiction: entry.jurisdiction,
        parcelCode: entry.parcel,
        zone: code.cadastralZone,
        subzone: code.cadastralSubzone,
        feature: code.ownership + code.useRight,
        isSea: code.isSea,
        status: "current",
        ...seqs,
      },
    },
    { table: "units", op: "insert", record: land },
  ]);
}

export function createBuilding(
  view: RegisterView,
  entry: EntryContent,
  buildingNo: string,
  facts: Parameters<typeof checkBuildingFacts>[0],
): Applied {
  const parcel = view.parcel(entry.parcel);
  if (parcel?.status !== "current")
    return fail(
      "REGISTER.PARCEL_NOT_FOUND",
      `宗地 ${entry.parcel} 不存在`,
      `Parcel ${entry.parcel} does not exist`,
    );
  if (!/^\d{4}$/.test(buildingNo) || buildingNo === "0000")
    return fail("REGISTER.BUILDING_NO", "幢号应为 0001–9999", "The building number runs 0001–9999");
  const findings = checkBuildingFacts(facts);
  if (findings.length > 0) return err(findings);
  if (view.building(entry.parcel, buildingNo))
    return fail(
      "REGISTER.BUILDING_EXISTS",
      `幢 ${buildingNo} 已存在`,
      `Building ${buildingNo} already exists`,
    );
  return ok([
    {
      table: "buildings",
      op: "insert",
      record: {
        ...facts,
        jurisdiction: entry.jurisdiction,
        parcelCode: entry.parcel,
        buildingNo,
        status: "current",
        createdSeq: entry.seq,
        updatedSeq: entry.seq,
      },
    },
  ]);
}

export function createUnit(view: RegisterView, entry: EntryContent, facts: UnitFacts): Applied {
  const parsed = parseUnitCode(entry.unit ?? "");
  if (!parsed.ok) return err(parsed.error);
  const code = parsed.value;
  if (code.parcelCode !== entry.parcel)
    return fail("REGISTER.ENTRY", "单元不在该宗地上", "The unit is not on this parcel");
  if (code.fixture === "W")
    return fail(
      "REGISTER.LAND_UNIT",
      "无定着物单元随宗地自动设立",
      "The land-only unit (W) comes with its parcel",
    );
  const parcel = view.parcel(entry.parcel);
  if (parcel?.status !== "current")
    return fail(
      "REGISTER.PARCEL_NOT_FOUND",
      `宗地 ${entry.parcel} 不存在`,
      `Parcel ${entry.parcel} does not exist`,
    );
  if (code.fixture === "F" && view.building(entry.parcel, code.building!)?.status !== "current")
    return fail(
      "REGISTER.BUILDING_NOT_FOUND",
      `幢 ${code.building} 不存在`,
      `Building ${code.building} does not exist`,
    );
  const findings = checkUnitFacts(facts);
  if (findings.length > 0) return err(findings);
  if (view.unit(code.code))
    return fail("REGISTER.UNIT_EXISTS", `不动产单元 ${code.code} 已存在`, `Unit ${code.code} already exists`);
  return ok([
    {
      table: "units",
      op: "insert",
      record: {
        ...facts,
        jurisdiction: entry.jurisdiction,
        unitCode: code.code,
        parcelCode: entry.parcel,
        fixture: code.fixture,
        buildingNo: code.building ?? null,
        roomNo: code.room ?? null,
        status: "current",
        createdSeq: entry.seq,
        updatedSeq: entry.seq,
      },
    },
  ]);
}

export function updateUnit(view: RegisterView, entry: EntryContent, changes: Partial<UnitFacts>): Applied {
  const unit = currentUnit(view, entry);
  if (!unit.ok) return unit;
  const allowed: Array<keyof UnitFacts> = [
    "floor",
    "roomLabel",
    "buildingArea",
    "innerArea",
    "sharedArea",
    "use",
    "structure",
    "address",
  ];
  const picked = Object.fromEntries(
    Object.entries(changes).filter(([k]) => allowed.includes(k as keyof UnitFacts)),
  ) as Partial<UnitFacts>;
  const next = { ...unit.value, ...picked, updatedSeq: entry.seq };
  const findings = checkUnitFacts(next);
  if (findings.length > 0) return err(findings);
  return ok([{ table: "units", op: "update", record: next }]);
}
