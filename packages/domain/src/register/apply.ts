/**
 * Projection apply: what one ledger entry does to the register's rows. The server calls it when it
 * appends (and writes the mutations in the same transaction); `yulin verify` calls it to rebuild
 * the projections from the ledger. Only rows of the entry's own book (宗地) are read or written.
 */
import { assertNever } from "../result";
import { createBuilding, createParcel, createUnit, updateUnit } from "./apply-cadastre";
import { type Applied, fail } from "./apply-common";
import { applyEncumbranceEntry, createEncumbrance, type EncumbranceEntry } from "./apply-encumbrances";
import { createRight, endRight, recordCertificate } from "./apply-rights";
import type { EntryBody, EntryContent, EntryKind } from "./register.types";
import type { RegisterView } from "./register-state";

export { landUnitCode } from "./apply-cadastre";

/** The entry kinds not about a restriction; `satisfies` keeps this list and `EntryBody` in step. */
const REGISTER_KINDS: ReadonlySet<string> = new Set(
  Object.keys({
    migrated: true,
    "parcel.create": true,
    "building.create": true,
    "unit.create": true,
    "unit.update": true,
    "right.create": true,
    "right.end": true,
    "right.certificate": true,
  } satisfies Record<Exclude<EntryKind, EncumbranceEntry["kind"]>, true>),
);

/** Anything else is treated as a restriction entry, which refuses a kind it does not know. */
const isEncumbranceEntry = (body: EntryBody): body is EncumbranceEntry => !REGISTER_KINDS.has(body.kind);

export function applyEntry(view: RegisterView, entry: EntryContent): Applied {
  const body = entry.body;
  if (isEncumbranceEntry(body)) return applyEncumbranceEntry(view, entry, body);
  switch (body.kind) {
    case "migrated":
      return applyMigrated(view, entry, body);
    case "parcel.create":
      return createParcel(view, entry, body.parcel);
    case "building.create":
      return createBuilding(view, entry, body.buildingNo, body.building);
    case "unit.create":
      return createUnit(view, entry, body.unit);
    case "unit.update":
      return updateUnit(view, entry, body.changes);
    case "right.create":
      return createRight(view, entry, body.right, body.holders, body.ends, "current", null);
    case "right.end":
      return endRight(view, entry, body.rightSeq, body.reason);
    case "right.certificate":
      return recordCertificate(view, entry, body.rightSeq, body.certificateNo, body.replaces);
    default:
      return assertNever(body);
  }
}

/** 数据整合: an existing register's record, loaded as it stands (historic ones included). */
function applyMigrated(
  view: RegisterView,
  entry: EntryContent,
  body: Extract<EntryBody, { kind: "migrated" }>,
): Applied {
  switch (body.record) {
    case "parcel":
      return createParcel(view, entry, body.parcel);
    case "building":
      return createBuilding(view, entry, body.buildingNo, body.building);
    case "unit":
      return createUnit(view, entry, body.unit);
    case "right":
      return createRight(view, entry, body.right, body.holders, [], body.status, body.endReason);
    case "encumbrance":
      return createEncumbrance(view, entry, body.encumbrance, body.status, body.rank, body.endReason);
    default:
      // A new record fails to compile here until it is handled; an unknown one read back is refused.
      body satisfies never;
      return fail(
        "REGISTER.ENTRY",
        `未知的登记簿条目类型 ${entry.body.kind}`,
        `Unknown entry kind ${entry.body.kind}`,
      );
  }
}
