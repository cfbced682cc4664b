import { addDays, type EntryContent, type HolidayCalendar, type IsoDate } from "@yulin/domain";
import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import { chinaDateOf } from "./case-clock";

type Db = Database | Tx;

/**
 * The day from which time may have changed a restriction just recorded (R8, R9, R11, R12, R18).
 * A first estimate: the sweep recomputes the exact effect with the domain (holidays move period
 * ends, R24) and takes the row up again the next day when time has not acted yet.
 */
function dueOf(entry: EntryContent): { kind: string; due: IsoDate } | undefined {
  const body = entry.body as {
    kind: string;
    encumbrance?: { kind: string; endsOn: string | null; particulars?: Record<string, unknown> };
    changes?: { endsOn?: string | null };
  };
  const registeredOn = chinaDateOf(new Date(entry.at));
  if (body.kind === "seizure.update" && body.changes?.endsOn)
    return { kind: "seizure", due: addDays(body.changes.endsOn, 1) };
  const e = body.encumbrance;
  if (!e || !body.kind.endsWith(".create")) return undefined;
  switch (e.kind) {
    case "seizure":
      return e.endsOn ? { kind: "seizure", due: addDays(e.endsOn, 1) } : undefined;
    case "objection":
      return { kind: "objection", due: addDays(registeredOn, 16) };
    case "advance-notice": {
      const possible = e.particulars?.registrablePossibleOn;
      return typeof possible === "string"
        ? { kind: "advance-notice", due: addDays(possible, 91) }
        : undefined;
    }
    case "habitation":
      return e.endsOn ? { kind: "habitation", due: addDays(e.endsOn, 1) } : undefined;
    default:
      return undefined;
  }
}

/** Rows for the scheduler, written in the transaction that records the restrictions. */
export async function scheduleEffectsOf(
  tx: Tx,
  entries: readonly EntryContent[],
  _calendar: HolidayCalendar,
): Promise<void> {
  const rows = entries.flatMap((entry) => {
    const due = dueOf(entry);
    const body = entry.body as { encumbranceSeq?: number };
    if (!due || !entry.unit) return [];
    const ref = String(body.encumbranceSeq ?? entry.seq);
    return [
      { jurisdiction: entry.jurisdiction, unit_code: entry.unit, kind: due.kind, ref, due_on: due.due },
    ];
  });
  if (rows.length === 0) return;
  await tx
    .insertInto("scheduled_effects")
    .values(rows)
    .onConflict((oc) => oc.columns(["unit_code", "kind", "ref", "due_on"]).doNothing())
    .execute();
}

export async function scheduleEffect(
  tx: Tx,
  row: { jurisdiction: string; unit_code: string; kind: string; ref: string; due_on: IsoDate },
): Promise<void> {
  await tx
    .insertInto("scheduled_effects")
    .values(row)
    .onConflict((oc) => oc.columns(["unit_code", "kind", "ref", "due_on"]).doNothing())
    .execute();
}

/** Units with an effect due by `today`, taken one transaction at a time (skip locked: several workers). */
export async function claimDueUnit(
  tx: Tx,
  today: IsoDate,
): Promise<{ unit_code: string; ids: number[] } | undefined> {
  const first = await tx
    .selectFrom("scheduled_effects")
    .select(["id", "unit_code"])
    .where("status", "=", "pending")
    .where("due_on", "<=", today)
    .orderBy("due_on")
    .orderBy("id")
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  if (!first) return undefined;
  const rows = await tx
    .selectFrom("scheduled_effects")
    .select("id")
    .where("status", "=", "pending")
    .where("unit_code", "=", first.unit_code)
    .where("due_on", "<=", today)
    .forUpdate()
    .skipLocked()
    .execute();
  return { unit_code: first.unit_code, ids: rows.map((r) => r.id) };
}

export async function finishEffects(
  tx: Tx,
  ids: readonly number[],
  status: "done" | "obsolete",
  result: unknown,
): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .updateTable("scheduled_effects")
    .set({ status, done_at: new Date(), result: JSON.stringify(result), attempts: sql<number>`attempts + 1` })
    .where("id", "in", [...ids])
    .execute();
}

export async function failEffects(db: Db, ids: readonly number[], message: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("scheduled_effects")
    .set({ attempts: sql<number>`attempts + 1`, last_error: message.slice(0, 500) })
    .where("id", "in", [...ids])
    .execute();
}

/** Pushes effects back to a later day (a failing unit must not stop the others). */
export async function postponeEffects(db: Db, ids: readonly number[], dueOn: IsoDate): Promise<void> {
  await db
    .updateTable("scheduled_effects")
    .set({ due_on: dueOn })
    .where("id", "in", [...ids])
    .execute();
}

export async function countPendingEffects(db: Db, today: IsoDate): Promise<number> {
  const row = await db
    .selectFrom("scheduled_effects")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "pending")
    .where("due_on", "<=", today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function readWatermark(db: Db, name: string) {
  return db.selectFrom("scheduler_runs").selectAll().where("name", "=", name).executeTakeFirst();
}

export async function writeWatermark(
  tx: Db,
  name: string,
  sweptThrough: IsoDate,
  result: unknown,
): Promise<void> {
  await tx
    .insertInto("scheduler_runs")
    .values({
      name,
      swept_through: sweptThrough,
      last_run_at: new Date(),
      last_result: JSON.stringify(result),
    })
    .onConflict((oc) =>
      oc.column("name").doUpdateSet({
        swept_through: sweptThrough,
        last_run_at: new Date(),
        last_result: JSON.stringify(result),
      }),
    )
    .execute();
}
