/**
 * An in-memory register: the slice of projection rows an append needs (the server loads it from
 * the tables) or a whole book rebuilt from the ledger (`yulin verify`). Pure data, no IO.
 */
import type {
  BuildingRecord,
  EncumbranceRecord,
  HolderRecord,
  Mutation,
  ParcelRecord,
  RegisterRecordOf,
  RegisterTable,
  RightRecord,
  UnitRecord,
} from "./register.types";

export const REGISTER_TABLES: readonly RegisterTable[] = [
  "parcels",
  "buildings",
  "units",
  "rights",
  "right_holders",
  "encumbrances",
];

/** The primary key of a record within its table (jurisdiction is implied by the codes). */
export function recordKey<T extends RegisterTable>(table: T, record: RegisterRecordOf[T]): string {
  switch (table) {
    case "parcels":
      return (record as ParcelRecord).parcelCode;
    case "buildings": {
      const r = record as BuildingRecord;
      return `${r.parcelCode}:${r.buildingNo}`;
    }
    case "units":
      return (record as UnitRecord).unitCode;
    case "rights": {
      const r = record as RightRecord;
      return `${r.unitCode}:${r.seq}`;
    }
    case "right_holders": {
      const r = record as HolderRecord;
      return `${r.unitCode}:${r.rightSeq}:${r.ordinal}`;
    }
    case "encumbrances": {
      const r = record as EncumbranceRecord;
      return `${r.unitCode}:${r.seq}`;
    }
  }
  throw new Error(`unknown table ${table}`);
}

/** What `applyEntry` reads. */
export type RegisterView = {
  parcel(parcelCode: string): ParcelRecord | undefined;
  building(parcelCode: string, buildingNo: string): BuildingRecord | undefined;
  unit(unitCode: string): UnitRecord | undefined;
  rightsOf(unitCode: string): RightRecord[];
  holdersOf(unitCode: string, rightSeq: number): HolderRecord[];
  encumbrancesOf(unitCode: string): EncumbranceRecord[];
};

export type MemoryRegister = RegisterView & {
  /** Puts records in as they are (loading from the tables, or applying mutations). */
  put(mutation: Pick<Mutation, "table" | "record">): void;
  commit(mutations: readonly Mutation[]): void;
  records<T extends RegisterTable>(table: T): IterableIterator<RegisterRecordOf[T]>;
  size(table: RegisterTable): number;
};

export function createMemoryRegister(): MemoryRegister {
  const tables = new Map<RegisterTable, Map<string, unknown>>(REGISTER_TABLES.map((t) => [t, new Map()]));
  // Secondary indexes: unit → keys of its rights and encumbrances, right → keys of its holders.
  const byUnit = { rights: new Map<string, Set<string>>(), encumbrances: new Map<string, Set<string>>() };
  const holdersByRight = new Map<string, Set<string>>();
  const index = (map: Map<string, Set<string>>, group: string, key: string) => {
    const set = map.get(group) ?? new Set<string>();
    map.set(group, set);
    set.add(key);
  };
  const table = <T extends RegisterTable>(t: T) => tables.get(t) as Map<string, RegisterRecordOf[T]>;
  const collect = <T extends RegisterTable>(t: T, keys: Set<string> | undefined) =>
    [...(keys ?? [])]
      .map((k) => table(t).get(k)!)
      .sort((a, b) => recordKey(t, a).localeCompare(recordKey(t, b)));

  const put: MemoryRegister["put"] = ({ table: t, record }) => {
    const key = recordKey(t, record as never);
    (tables.get(t) as Map<string, unknown>).set(key, record);
    if (t === "rights" || t === "encumbrances") index(byUnit[t], (record as RightRecord).unitCode, key);
    if (t === "right_holders") {
      const h = record as HolderRecord;
      index(holdersByRight, `${h.unitCode}:${h.rightSeq}`, key);
    }
  };

  return {
    parcel: (code) => table("parcels").get(code),
    building: (parcelCode, buildingNo) => table("buildings").get(`${parcelCode}:${buildingNo}`),
    unit: (code) => table("units").get(code),
    rightsOf: (unitCode) => collect("rights", byUnit.rights.get(unitCode)).sort((a, b) => a.seq - b.seq),
    holdersOf: (unitCode, rightSeq) =>
      collect("right_holders", holdersByRight.get(`${unitCode}:${rightSeq}`)).sort(
        (a, b) => a.ordinal - b.ordinal,
      ),
    encumbrancesOf: (unitCode) =>
      collect("encumbrances", byUnit.encumbrances.get(unitCode)).sort((a, b) => a.seq - b.seq),
    put,
    commit: (mutations) => {
      for (const m of mutations) put(m);
    },
    records: (t) => table(t).values(),
    size: (t) => table(t).size,
  };
}

/**
 * One write per row: a row inserted and then updated within a batch is written once, as an
 * insert of its last version.
 */
export function collapseMutations(mutations: readonly Mutation[]): Mutation[] {
  const byKey = new Map<string, Mutation>();
  for (const m of mutations) {
    const key = `${m.table}|${recordKey(m.table, m.record as never)}`;
    const previous = byKey.get(key);
    byKey.set(key, previous?.op === "insert" ? ({ ...m, op: "insert" } as Mutation) : m);
  }
  return [...byKey.values()];
}
