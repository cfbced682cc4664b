/**
 * A unit's slice of the register: the projection rows a registering part is planned from and the
 * rules' view (`UnitState`) is derived from. The server loads it (under lock at commit); applying
 * planned entries to it uses the register's own `applyEntry`, so what the rules check after a part
 * is exactly what registering that part records.
 */
import type { IsoDate } from "../../calendar/iso-date";
import { applyEntry } from "../../register/apply";
import type {
  EncumbranceRecord,
  EntryBody,
  EntryContent,
  HolderRecord,
  ParcelRecord,
  RightRecord,
  UnitRecord,
} from "../../register/register.types";
import { createMemoryRegister } from "../../register/register-state";
import { err, type Finding, ok, type Result } from "../../result";

export type RightWithHolders = { right: RightRecord; holders: HolderRecord[] };

/** One ledger entry of the unit, as its history (R21 reads what was registered after an error). */
export type SliceEntry = { kind: string; recordedAt: string; body: EntryBody | null };

export type UnitSlice = {
  unit: UnitRecord;
  parcel: ParcelRecord | undefined;
  rights: RightWithHolders[];
  encumbrances: EncumbranceRecord[];
  /** The rights of the parcel's land-only unit (W), for a unit that is not that unit itself (R3). */
  landRights: RightWithHolders[];
  /** Live easements on other units that benefit this one (需役地). */
  benefiting: EncumbranceRecord[];
  /** The unit's own ledger entries, in ledger order. */
  history: SliceEntry[];
};

/** UTC+8 calendar day of an instant: registering dates are the offices' days (R24). */
export const chinaDateOfInstant = (at: string | Date): IsoDate =>
  new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The highest ledger seq the slice knows: planned entries get provisional seqs above it. */
export const lastSeqOf = (slice: UnitSlice): number =>
  Math.max(
    slice.unit.updatedSeq,
    ...slice.rights.flatMap(({ right }) => [right.seq, right.endedSeq ?? 0]),
    ...slice.encumbrances.flatMap((e) => [e.seq, e.updatedSeq, e.endedSeq ?? 0]),
  );

/**
 * The slice after the entries, applied in order with the register's `applyEntry`; the findings of
 * the first entry the register refuses otherwise. Entries must concern the slice's unit.
 */
export function applyToSlice(
  slice: UnitSlice,
  entries: readonly EntryContent[],
): Result<UnitSlice, Finding[]> {
  const code = slice.unit.unitCode;
  const register = createMemoryRegister();
  if (slice.parcel) register.put({ table: "parcels", record: slice.parcel });
  register.put({ table: "units", record: slice.unit });
  for (const { right, holders } of slice.rights) {
    register.put({ table: "rights", record: right });
    for (const holder of holders) register.put({ table: "right_holders", record: holder });
  }
  for (const e of slice.encumbrances) register.put({ table: "encumbrances", record: e });
  for (const entry of entries) {
    if (entry.unit !== code) throw new RangeError(`entry for ${entry.unit} applied to the slice of ${code}`);
    const applied = applyEntry(register, entry);
    if (!applied.ok) return err(applied.error);
    register.commit(applied.value);
  }
  return ok({
    ...slice,
    unit: register.unit(code)!,
    rights: register.rightsOf(code).map((right) => ({ right, holders: register.holdersOf(code, right.seq) })),
    encumbrances: register.encumbrancesOf(code),
    history: [
      ...slice.history,
      ...entries.map((e) => ({ kind: e.body.kind, recordedAt: e.at, body: e.body })),
    ],
  });
}
