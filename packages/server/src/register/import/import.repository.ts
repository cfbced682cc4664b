import type { HolderFacts } from "@yulin/domain";
import { sql } from "kysely";
import type { CopyRows } from "../../platform/db/bulk";
import type { Database, Tx } from "../../platform/db/database";
import type { StagedHolder } from "./import.rows";

type Db = Database | Tx;

export type ImportRun = { id: string; resumed: boolean; finishedAt: Date | null };

/** Opens (or finds, to resume) the run for this set of files. */
export async function openRun(
  db: Db,
  id: string,
  files: ReadonlyArray<{ file: string; digest: string }>,
): Promise<ImportRun> {
  const existing = await db
    .selectFrom("register_imports")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (existing) return { id, resumed: true, finishedAt: existing.finished_at };
  await db
    .insertInto("register_imports")
    .values({ id, files: JSON.stringify(files) })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  return { id, resumed: false, finishedAt: null };
}

export async function markFinished(db: Db, id: string): Promise<void> {
  await db.updateTable("register_imports").set({ finished_at: new Date() }).where("id", "=", id).execute();
  // Staged holders hold sealed personal data: they go once the run is done.
  await db.deleteFrom("register_import_holders").where("import_id", "=", id).execute();
  // No other run staging: give the space back (deleted rows would keep their pages until a
  // VACUUM FULL; the staging of a large import is a few hundred bytes a unit).
  const other = await db
    .selectFrom("register_import_holders")
    .select("import_id")
    .limit(1)
    .executeTakeFirst();
  if (!other) await sql`truncate register_import_holders`.execute(db);
}

export async function loadProgress(db: Db, importId: string, file: string) {
  const row = await db
    .selectFrom("register_import_progress")
    .selectAll()
    .where("import_id", "=", importId)
    .where("file", "=", file)
    .executeTakeFirst();
  return { rowsDone: row?.rows_done ?? 0, loaded: row?.loaded ?? 0, rejected: row?.rejected ?? 0 };
}

export async function saveProgress(
  db: Db,
  importId: string,
  file: string,
  p: { rowsDone: number; loaded: number; rejected: number },
): Promise<void> {
  await db
    .insertInto("register_import_progress")
    .values({ import_id: importId, file, rows_done: p.rowsDone, loaded: p.loaded, rejected: p.rejected })
    .onConflict((oc) =>
      oc
        .columns(["import_id", "file"])
        .doUpdateSet({ rows_done: p.rowsDone, loaded: p.loaded, rejected: p.rejected }),
    )
    .execute();
}

export async function insertRejections(
  db: Db,
  importId: string,
  file: string,
  rows: ReadonlyArray<{ row: number; key: string | null; codes: string; zh: string; en: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto("register_import_rejections")
      .values(
        rows.slice(i, i + 2000).map((r) => ({
          import_id: importId,
          file,
          row_number: r.row,
          record_key: r.key,
          codes: r.codes,
          reason_zh: r.zh,
          reason_en: r.en,
        })),
      )
      .onConflict((oc) => oc.columns(["import_id", "file", "row_number"]).doNothing())
      .execute();
  }
}

/** The rejected rows of an import, for the error report: by file, then row. */
export async function listRejections(db: Db, importId: string) {
  return db
    .selectFrom("register_import_rejections")
    .selectAll()
    .where("import_id", "=", importId)
    .orderBy("file")
    .orderBy("row_number")
    .execute();
}

export async function insertStagedHolders(
  db: Db,
  importId: string,
  holders: readonly StagedHolder[],
  copy?: CopyRows,
): Promise<void> {
  if (copy) {
    await copy(
      "register_import_holders",
      ["import_id", "right_ref", "row_number", "holder"],
      holders.map((h) => [importId, h.rightRef, h.row, JSON.stringify(h.holder)]),
    );
    return;
  }
  for (let i = 0; i < holders.length; i += 5000) {
    await db
      .insertInto("register_import_holders")
      .values(
        holders.slice(i, i + 5000).map((h) => ({
          import_id: importId,
          right_ref: h.rightRef,
          row_number: h.row,
          holder: JSON.stringify(h.holder),
        })),
      )
      .onConflict((oc) => oc.columns(["import_id", "right_ref", "row_number"]).doNothing())
      .execute();
  }
}

/** The staged holders of these rights, in holders.csv row order. */
export async function takeStagedHolders(db: Db, importId: string, refs: readonly string[]) {
  const byRef = new Map<string, HolderFacts[]>();
  for (let i = 0; i < refs.length; i += 5000) {
    const rows = await db
      .selectFrom("register_import_holders")
      .select(["right_ref", "holder"])
      .where("import_id", "=", importId)
      .where("right_ref", "in", refs.slice(i, i + 5000))
      .orderBy("right_ref")
      .orderBy("row_number")
      .execute();
    for (const r of rows) {
      const list = byRef.get(r.right_ref) ?? [];
      list.push(r.holder as HolderFacts);
      byRef.set(r.right_ref, list);
    }
  }
  return byRef;
}
