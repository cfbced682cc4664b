import type { Database, Tx } from "../platform/db/database";
import type { NoticeParty } from "../platform/db/schema";

/** The projects capability's tables: projects, their buildings and their presale notices. */
type Db = Database | Tx;

export async function insertProject(
  db: Db,
  row: {
    institution_id: string;
    name: string;
    jurisdiction: string;
    parcel_code: string;
    presale_permit: string | null;
    created_by: string;
  },
) {
  return db.insertInto("projects").values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findProject(db: Db, id: string) {
  return db.selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listProjectsOf(db: Db, institutionId: string | null) {
  let q = db.selectFrom("projects").selectAll().orderBy("created_at", "desc").limit(200);
  if (institutionId) q = q.where("institution_id", "=", institutionId);
  return q.execute();
}

export async function insertBuilding(
  db: Db,
  row: { project_id: string; building_no: string; name: string; unit_codes: string[] },
) {
  await db
    .insertInto("project_buildings")
    .values({ ...row, unit_codes: JSON.stringify(row.unit_codes), certificates: "[]" })
    .execute();
}

export async function listBuildings(db: Db, projectId: string) {
  return db
    .selectFrom("project_buildings")
    .selectAll()
    .where("project_id", "=", projectId)
    .orderBy("building_no")
    .execute();
}

export async function findBuilding(db: Db, projectId: string, buildingNo: string, lock = false) {
  let q = db
    .selectFrom("project_buildings")
    .selectAll()
    .where("project_id", "=", projectId)
    .where("building_no", "=", buildingNo);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function markBuildingRegistered(
  tx: Tx,
  key: { projectId: string; buildingNo: string },
  done: { caseId: string; at: Date; certificates: string[] },
) {
  await tx
    .updateTable("project_buildings")
    .set({ case_id: done.caseId, registered_at: done.at, certificates: JSON.stringify(done.certificates) })
    .where("project_id", "=", key.projectId)
    .where("building_no", "=", key.buildingNo)
    .execute();
}

export type NoticeRow = Awaited<ReturnType<typeof listNotices>>[number];

export async function insertNotice(
  tx: Tx,
  row: {
    project_id: string;
    unit_code: string;
    contract_no: string;
    buyers: NoticeParty[];
    mortgage: { bank: NoticeParty; amountFen: number } | null;
    notice_seqs: number[];
    case_id: string;
  },
) {
  await tx
    .insertInto("project_notices")
    .values({
      ...row,
      buyers: JSON.stringify(row.buyers),
      mortgage: row.mortgage ? JSON.stringify(row.mortgage) : null,
      notice_seqs: JSON.stringify(row.notice_seqs),
      status: "filed",
      findings: "[]",
      certificates: "[]",
    })
    .execute();
}

export async function findNoticeOfUnit(db: Db, unitCode: string) {
  return db.selectFrom("project_notices").selectAll().where("unit_code", "=", unitCode).executeTakeFirst();
}

export async function listNotices(db: Db, projectId: string, unitCodes?: readonly string[]) {
  let q = db
    .selectFrom("project_notices")
    .selectAll()
    .where("project_id", "=", projectId)
    .orderBy("unit_code");
  if (unitCodes) q = q.where("unit_code", "in", unitCodes.length > 0 ? [...unitCodes] : [""]);
  return q.execute();
}

export async function settleNotice(
  tx: Tx,
  key: { projectId: string; unitCode: string },
  outcome: { status: "converted" | "failed"; findings: unknown[]; certificates: string[]; at: Date },
) {
  await tx
    .updateTable("project_notices")
    .set({
      status: outcome.status,
      findings: JSON.stringify(outcome.findings),
      certificates: JSON.stringify(outcome.certificates),
      settled_at: outcome.at,
    })
    .where("project_id", "=", key.projectId)
    .where("unit_code", "=", key.unitCode)
    .execute();
}
