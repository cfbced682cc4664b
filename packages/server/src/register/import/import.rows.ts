import type {
  EncumbranceFacts,
  EntryDraft,
  HolderFacts,
  MigrationSource,
  ParcelFacts,
  RightFacts,
} from "@yulin/domain";
import type { PiiCipher } from "../../platform/crypto/pii-cipher";
import { SCOPES } from "../code-allocation.repository";
import { sealIdentity } from "../identity";
import type { Fields } from "./import.columns";
import {
  CO_OWNERSHIP,
  ENCUMBRANCE_STATUS,
  field,
  guarded,
  KINDS,
  type Parsed,
  RIGHT_STATUS,
  RowError,
  reader,
  unitCode,
  VERTICAL,
} from "./import.fields";

/**
 * How each CSV row of a data migration becomes a ledger entry draft of kind `migrated` (the
 * columns: import.columns.ts; reading values: import.fields.ts). `applyEntry` then checks
 * references, duplicates and shares.
 */

/** A code whose number the import uses: the sequence moves past it so it is never assigned again. */
export type ReservedNumber = { jurisdiction: string; scope: string; value: number };

export type ParsedRow = {
  key: string;
  draft: EntryDraft;
  reserve: ReservedNumber[];
  zone?: { jurisdiction: string; zone: string; subzone: string; name: string | null };
};

/** A holders.csv row, staged until its right is read from rights.csv. */
export type StagedHolder = { rightRef: string; row: number; holder: HolderFacts };

export type RowContext = { pii: PiiCipher; source: (row: number) => MigrationSource };

export function parseParcelRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("parcel_code"),
    () => {
      const parcelCode = r.required("parcel_code").toUpperCase();
      if (parcelCode.length !== 19)
        throw new RowError([field("parcel_code", "宗地代码应为19位", "a parcel code has 19 characters")]);
      const code = unitCode(`${parcelCode}W00000000`);
      const kind = r.oneOf("vertical_kind", VERTICAL, "surface");
      const parcel: ParcelFacts = {
        area: r.number("area") ?? 0,
        landUse: r.optional("land_use"),
        landUseStandard: r.optional("land_use_standard"),
        landGrade: r.optional("land_grade"),
        address: r.required("address"),
        vertical: { kind, min: r.number("z_min"), max: r.number("z_max") },
        geometry: r.json("geometry"),
      };
      return {
        key: parcelCode,
        draft: {
          parcel: parcelCode,
          unit: null,
          body: { kind: "migrated", source: ctx.source(row), record: "parcel", parcel },
        },
        reserve: [
          {
            jurisdiction: code.county,
            scope: SCOPES.parcel(code.cadastralZone, code.cadastralSubzone, code.ownership + code.useRight),
            value: Number(code.parcelSequence),
          },
        ],
        zone: {
          jurisdiction: code.county,
          zone: code.cadastralZone,
          subzone: code.cadastralSubzone,
          name: r.optional("zone_name"),
        },
      };
    },
  );
}

export function parseBuildingRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => `${r.text("parcel_code")}F${r.text("building_no")}`,
    () => {
      const parcelCode = r.required("parcel_code").toUpperCase();
      const buildingNo = r.required("building_no").padStart(4, "0");
      const code = unitCode(`${parcelCode}F${buildingNo}0001`);
      return {
        key: `${parcelCode}F${buildingNo}`,
        draft: {
          parcel: parcelCode,
          unit: null,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "building",
            buildingNo,
            building: {
              name: r.optional("name"),
              address: r.required("address"),
              floorsAbove: r.integer("floors_above") ?? 1,
              floorsBelow: r.integer("floors_below") ?? 0,
              structure: r.optional("structure"),
              completedYear: r.integer("completed_year"),
              area: r.number("area"),
              geometry: r.json("geometry"),
            },
          },
        },
        reserve: [
          { jurisdiction: code.county, scope: SCOPES.building(parcelCode), value: Number(buildingNo) },
        ],
      };
    },
  );
}

export function parseUnitRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("unit_code"),
    () => {
      const code = unitCode(r.required("unit_code"));
      const reserve: ReservedNumber[] = [];
      if (code.fixture === "F")
        reserve.push({
          jurisdiction: code.county,
          scope: SCOPES.room(code.parcelCode, code.building!),
          value: Number(code.room),
        });
      if (code.fixture === "L" || code.fixture === "Q")
        reserve.push({
          jurisdiction: code.county,
          scope: SCOPES.fixture(code.parcelCode, code.fixture),
          value: Number(code.fixtureNumber),
        });
      return {
        key: code.code,
        draft: {
          parcel: code.parcelCode,
          unit: code.code,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "unit",
            unit: {
              floor: r.integer("floor"),
              roomLabel: r.optional("room_label"),
              buildingArea: r.number("building_area"),
              innerArea: r.number("inner_area"),
              sharedArea: r.number("shared_area"),
              use: r.optional("use"),
              structure: r.optional("structure"),
              address: r.required("address"),
            },
          },
        },
        reserve,
      };
    },
  );
}

export function parseHolderRow(f: Fields, row: number, ctx: RowContext): Parsed<StagedHolder> {
  const r = reader(f);
  return guarded(
    () => r.text("right_ref"),
    () => {
      const sealed = sealIdentity(ctx.pii, {
        name: r.required("name"),
        holderType: r.text("holder_type") || "1",
        idType: r.text("id_type") || "1",
        idNumber: r.optional("id_number"),
      });
      if (!sealed.ok) throw new RowError(sealed.error);
      return {
        rightRef: r.required("right_ref"),
        row,
        holder: { ...sealed.value, share: r.optional("share") },
      };
    },
  );
}

/** A rights.csv row; its holders are attached from the staged holders.csv rows with the same right_ref. */
export function parseRightRow(
  f: Fields,
  row: number,
  ctx: RowContext,
  holders: HolderFacts[],
): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("right_ref"),
    () => {
      const ref = r.required("right_ref");
      const code = unitCode(r.required("unit_code"));
      if (holders.length === 0)
        throw new RowError([
          {
            code: "IMPORT.NO_HOLDERS",
            severity: "block",
            message_zh: `权利 ${ref} 在 holders.csv 中没有（有效的）权利人`,
            message_en: `Right ${ref} has no (valid) holder in holders.csv`,
          },
        ]);
      const right: RightFacts = {
        rightType: r.required("right_type"),
        nature: r.optional("nature"),
        use: r.optional("use"),
        area: r.number("area"),
        termStart: r.date("term_start"),
        termEnd: r.date("term_end"),
        source: r.required("source"),
        certificateNo: r.optional("certificate_no"),
        coOwnership: r.oneOf("co_ownership", CO_OWNERSHIP, holders.length > 1 ? "1" : "0"),
      };
      return {
        key: ref,
        draft: {
          parcel: code.parcelCode,
          unit: code.code,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "right",
            right,
            holders,
            status: r.oneOf("status", RIGHT_STATUS, "current"),
            endReason: r.optional("end_reason"),
          },
        },
        reserve: [],
      };
    },
  );
}

export function parseRestrictionRow(f: Fields, row: number, ctx: RowContext): Parsed<ParsedRow> {
  const r = reader(f);
  return guarded(
    () => r.text("unit_code"),
    () => {
      const code = unitCode(r.required("unit_code"));
      const kind = r.oneOf("kind", KINDS);
      const holder = sealIdentity(ctx.pii, {
        name: r.required("holder_name"),
        holderType: r.text("holder_type") || (kind === "mortgage" || kind === "seizure" ? "2" : "1"),
        idType: r.text("holder_id_type") || "1",
        idNumber: r.optional("holder_id_number"),
      });
      if (!holder.ok) throw new RowError(holder.error);
      const particulars: EncumbranceFacts["particulars"] = {};
      for (const c of ["mortgage_type", "court", "notice_kind"]) if (r.text(c)) particulars[c] = r.text(c);
      const related = r.optional("related_unit_code");
      const encumbrance: EncumbranceFacts = {
        kind,
        holder: holder.value,
        obligorName: r.optional("obligor_name"),
        documentNo: r.optional("document_no"),
        startsOn: r.date("starts_on"),
        endsOn: r.date("ends_on"),
        amount: r.number("amount"),
        relatedUnitCode: related ? unitCode(related).code : null,
        particulars,
      };
      return {
        key: `${code.code}:${kind}`,
        draft: {
          parcel: code.parcelCode,
          unit: code.code,
          body: {
            kind: "migrated",
            source: ctx.source(row),
            record: "encumbrance",
            encumbrance,
            status: r.oneOf("status", ENCUMBRANCE_STATUS, "effective"),
            rank: r.integer("rank"),
            endReason: r.optional("end_reason"),
          },
        },
        reserve: [],
      };
    },
  );
}
