import { isDeepStrictEqual } from "node:util";
import {
  applyEntry,
  createMemoryRegister,
  type MemoryRegister,
  REGISTER_TABLES,
  type RegisterRecordOf,
  type RegisterTable,
  recordKey,
} from "@yulin/domain";
import { sql } from "kysely";
import type { Tx } from "../platform/db/database";
import { SCOPES } from "./code-allocation.repository";
import { contentOf, type EntryRow, entryFromRow } from "./ledger.repository";
import { derivedColumnProblems, fromRow } from "./register.records";
import { keysetPages, type Report, type VerifyStageOptions as VerifyOptions } from "./verify-pages";

const HIGH = "~";

type Bounds = { from: string; to: string };

const rangeColumn: Record<RegisterTable, "parcel_code" | "unit_code"> = {
  parcels: "parcel_code",
  buildings: "parcel_code",
  units: "unit_code",
  rights: "unit_code",
  right_holders: "unit_code",
  encumbrances: "unit_code",
};

/** Replays every book (宗地) from its entries and compares the rebuilt rows with the projections. */
export async function verifyBooks(tx: Tx, options: VerifyOptions, report: Report) {
  const pageSize = options.pageSize ?? 5000;
  let pending: EntryRow[] = [];
  let lowerBound = "";
  let books = 0;
  let rows = 0;
  let entriesDone = 0;
  const usedNumbers = new Map<string, number>();

  const checkGroup = async (group: EntryRow[], bounds: Bounds) => {
    const register = createMemoryRegister();
    let parcel = "";
    for (const row of group) {
      if (row.parcel_code !== parcel) {
        parcel = row.parcel_code;
        books += 1;
      }
      const entry = entryFromRow(row);
      const applied = applyEntry(register, contentOf(entry));
      if (applied.ok) register.commit(applied.value);
      else
        report(
          "replay.entry",
          `条目 #${entry.seq} 重放失败：${applied.error.map((f) => f.message_zh).join("；")} (entry #${entry.seq} does not apply: ${applied.error.map((f) => f.message_en).join("; ")})`,
        );
    }
    rows += await compareTables(tx, register, bounds, report);
    noteNumbers(register, usedNumbers);
    entriesDone += group.length;
    options.onProgress?.("books", entriesDone);
  };

  type Cursor = { parcel: string; seq: number } | null;
  const fetchPage = (c: Cursor) => {
    let query = tx
      .selectFrom("register_entries")
      .selectAll()
      .orderBy("parcel_code")
      .orderBy("seq")
      .limit(pageSize);
    // A row comparison is an index condition on (parcel_code, seq); an OR of the two would be a
    // filter, and every page would scan the index from its start.
    if (c) query = query.where((eb) => eb(eb.refTuple("parcel_code", "seq"), ">", eb.tuple(c.parcel, c.seq)));
    return query.execute();
  };
  const cursorOf = (r: EntryRow): Cursor => ({ parcel: r.parcel_code, seq: r.seq });
  for await (const page of keysetPages<EntryRow, Cursor>(null, fetchPage, cursorOf, pageSize)) {
    const lastRow = page[page.length - 1]!;
    pending.push(...page);
    // Replay whole books only: keep the last (maybe unfinished) book for the next page.
    const tailParcel = lastRow.parcel_code;
    const cut = pending.findIndex((r) => r.parcel_code === tailParcel);
    if (cut > 0 && page.length === pageSize) {
      const group = pending.slice(0, cut);
      pending = pending.slice(cut);
      const upper = group[group.length - 1]!.parcel_code + HIGH;
      await checkGroup(group, { from: lowerBound, to: upper });
      lowerBound = upper;
    }
  }
  await checkGroup(pending, { from: lowerBound, to: HIGH.repeat(30) });
  await compareSequences(tx, usedNumbers, report);
  return { books, rows };
}

/** Compares every projection row whose code falls in the bounds with the replayed records. */
async function compareTables(
  tx: Tx,
  register: MemoryRegister,
  bounds: Bounds,
  report: Report,
): Promise<number> {
  let count = 0;
  for (const table of REGISTER_TABLES) {
    const column = rangeColumn[table];
    // The jurisdiction leads every primary key: bound it too, or the range is a full index scan.
    let query = tx
      .selectFrom(table)
      .selectAll()
      .where(sql.ref(column), ">=", bounds.from)
      .where(sql.ref(column), "<", bounds.to);
    if (/^\d{6}/.test(bounds.from)) query = query.where("jurisdiction", ">=", bounds.from.slice(0, 6));
    if (/^\d{6}/.test(bounds.to)) query = query.where("jurisdiction", "<=", bounds.to.slice(0, 6));
    const dbRows = (await query.execute()) as Array<Record<string, unknown>>;
    const expected = new Map<string, RegisterRecordOf[typeof table]>();
    for (const record of register.records(table)) expected.set(recordKey(table, record as never), record);
    for (const row of dbRows) {
      count += 1;
      const actual = (fromRow[table] as (r: unknown) => RegisterRecordOf[typeof table])(row);
      const key = recordKey(table, actual as never);
      const want = expected.get(key);
      if (!want) {
        report(
          "projection.extra",
          `${table} ${key}：表中有此行，登记簿中没有 (row in ${table} that no ledger entry made)`,
        );
        continue;
      }
      expected.delete(key);
      const differing = Object.keys({ ...want, ...actual }).filter(
        (k) =>
          !isDeepStrictEqual((want as Record<string, unknown>)[k], (actual as Record<string, unknown>)[k]),
      );
      differing.push(...derivedColumnProblems(table, row));
      if (differing.length > 0) {
        const detail = differing
          .slice(0, 4)
          .map(
            (k) =>
              `${k}: table ${JSON.stringify((actual as Record<string, unknown>)[k] ?? row[k])}, ledger ${JSON.stringify((want as Record<string, unknown>)[k])}`,
          )
          .join("; ");
        report(
          "projection.differs",
          `${table} ${key}：${differing.join(", ")} 与登记簿不符 (${table} ${key} differs from the ledger: ${detail})`,
        );
      }
    }
    for (const key of expected.keys())
      report(
        "projection.missing",
        `${table} ${key}：登记簿中有，表中缺失 (row of ${table} made by the ledger is missing)`,
      );
  }
  return count;
}

function noteNumbers(register: MemoryRegister, used: Map<string, number>) {
  const note = (scope: string, value: number) => used.set(scope, Math.max(used.get(scope) ?? 0, value));
  for (const p of register.records("parcels"))
    note(`${p.jurisdiction}|${SCOPES.parcel(p.zone, p.subzone, p.feature)}`, Number(p.parcelCode.slice(14)));
  for (const b of register.records("buildings"))
    note(`${b.jurisdiction}|${SCOPES.building(b.parcelCode)}`, Number(b.buildingNo));
  for (const u of register.records("units")) {
    if (u.fixture === "F")
      note(`${u.jurisdiction}|${SCOPES.room(u.parcelCode, u.buildingNo!)}`, Number(u.roomNo));
    if (u.fixture === "L" || u.fixture === "Q")
      note(`${u.jurisdiction}|${SCOPES.fixture(u.parcelCode, u.fixture)}`, Number(u.unitCode.slice(20)));
  }
}

/** Never reused: each code sequence must be past every number the ledger used. */
async function compareSequences(tx: Tx, used: Map<string, number>, report: Report) {
  const rows = await tx.selectFrom("code_sequences").selectAll().execute();
  const next = new Map(rows.map((r) => [`${r.jurisdiction}|${r.scope}`, r.next_value]));
  for (const [scope, value] of used) {
    const n = next.get(scope) ?? 1;
    if (n <= value)
      report(
        "codes.sequence",
        `编号序列 ${scope} 的下一个号 ${n} 不大于已用的 ${value}，代码可能被重复使用 (code sequence ${scope} would hand out ${n} again: ${value} is used)`,
      );
  }
}
