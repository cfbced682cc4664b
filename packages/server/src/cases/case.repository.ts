import type { Insertable, Selectable } from "kysely";
import { sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type {
  CaseMaterialsTable,
  CasePartiesTable,
  CasePartsTable,
  CaseSignaturesTable,
  CasesTable,
  CaseTransitionsTable,
} from "../platform/db/schema";

type Db = Database | Tx;

export type CaseRow = Selectable<CasesTable>;
export type PartRow = Selectable<CasePartsTable>;
export type PartyRow = Selectable<CasePartiesTable>;
export type SignatureRow = Selectable<CaseSignaturesTable>;
export type MaterialRow = Selectable<CaseMaterialsTable>;
export type TransitionRow = Selectable<CaseTransitionsTable>;

/** All SQL of the cases capability: one named function per query (STYLE.md). */

export async function insertCase(tx: Tx, row: Insertable<CasesTable>): Promise<void> {
  await tx.insertInto("cases").values(row).execute();
}

export async function findCase(
  db: Db,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CaseRow | undefined> {
  let query = db.selectFrom("cases").selectAll().where("id", "=", id);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Optimistic concurrency on top of the row lock: a stale version means someone else moved first. */
export async function updateCase(
  tx: Tx,
  id: string,
  patch: Partial<Omit<Insertable<CasesTable>, "id" | "version">>,
): Promise<void> {
  await tx
    .updateTable("cases")
    .set({ ...patch, version: sql<number>`version + 1`, updated_at: new Date() } as never)
    .where("id", "=", id)
    .execute();
}

/** Open cases with what their deadlines depend on, locked in id order (deadline recompute). */
export async function listOpenCasesForUpdate(tx: Tx, stages: readonly string[]) {
  return tx
    .selectFrom("cases")
    .select([
      "id",
      "stage",
      "state",
      "jurisdiction",
      "deadline",
      "statutory_deadline",
      "deadline_provisional",
    ])
    .where("stage", "in", [...stages])
    .where("accepted_at", "is not", null)
    .orderBy("id")
    .forUpdate()
    .execute();
}

/** Business types of the cases' parts in part order, by case id. */
export async function listPartTypes(db: Db, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom("case_parts")
    .select(["case_id", "type_id"])
    .where("case_id", "in", [...caseIds])
    .orderBy("case_id")
    .orderBy("part_no")
    .execute();
  for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.type_id]);
  return byCase;
}

/**
 * New deadlines after the holiday calendar changed. Not an edit of the case: the version (which
 * guards applicants' concurrent edits) stays.
 */
export async function setCaseDeadlines(
  tx: Tx,
  id: string,
  patch: {
    deadline?: string;
    statutory_deadline?: string;
    deadline_provisional?: boolean;
    clock_paused?: boolean;
  },
): Promise<void> {
  await tx.updateTable("cases").set(patch).where("id", "=", id).execute();
}

export async function insertParts(tx: Tx, rows: Insertable<CasePartsTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto("case_parts").values(rows).execute();
}

export async function listParts(db: Db, caseId: string): Promise<PartRow[]> {
  return db.selectFrom("case_parts").selectAll().where("case_id", "=", caseId).orderBy("part_no").execute();
}

export async function updatePart(
  tx: Tx,
  caseId: string,
  partNo: number,
  patch: { details?: string; entry_seqs?: string },
): Promise<void> {
  await tx
    .updateTable("case_parts")
    .set(patch)
    .where("case_id", "=", caseId)
    .where("part_no", "=", partNo)
    .execute();
}

export async function insertParties(tx: Tx, rows: Insertable<CasePartiesTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto("case_parties").values(rows).execute();
}

export async function listParties(db: Db, caseId: string): Promise<PartyRow[]> {
  return db
    .selectFrom("case_parties")
    .selectAll()
    .where("case_id", "=", caseId)
    .orderBy("part_no")
    .orderBy("added_at")
    .execute();
}

export async function deleteParty(tx: Tx, caseId: string, partyId: string): Promise<number> {
  const result = await tx
    .deleteFrom("case_parties")
    .where("case_id", "=", caseId)
    .where("id", "=", partyId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertSignature(tx: Tx, row: Insertable<CaseSignaturesTable>): Promise<void> {
  await tx.insertInto("case_signatures").values(row).execute();
}

export async function listSignatures(db: Db, caseId: string): Promise<SignatureRow[]> {
  return db.selectFrom("case_signatures").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
}

export async function insertFile(
  tx: Tx,
  file: { sm3: string; mediaType: string; bytes: Buffer },
): Promise<void> {
  await tx
    .insertInto("case_files")
    .values({ sm3: file.sm3, media_type: file.mediaType, size: file.bytes.length, bytes: file.bytes })
    .onConflict((oc) => oc.column("sm3").doNothing())
    .execute();
}

export async function readFile(db: Db, sm3: string) {
  return db.selectFrom("case_files").selectAll().where("sm3", "=", sm3).executeTakeFirst();
}

export async function insertMaterial(tx: Tx, row: Insertable<CaseMaterialsTable>): Promise<string> {
  const inserted = await tx
    .insertInto("case_materials")
    .values(row)
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function listMaterials(db: Db, caseId: string): Promise<MaterialRow[]> {
  return db
    .selectFrom("case_materials")
    .selectAll()
    .where("case_id", "=", caseId)
    .where("removed_at", "is", null)
    .orderBy("added_at")
    .execute();
}

export async function findFileSizes(
  db: Db,
  digests: string[],
): Promise<Map<string, { size: number; mediaType: string }>> {
  if (digests.length === 0) return new Map();
  const rows = await db
    .selectFrom("case_files")
    .select(["sm3", "size", "media_type"])
    .where("sm3", "in", digests)
    .execute();
  return new Map(rows.map((r) => [r.sm3, { size: r.size, mediaType: r.media_type }]));
}

export async function insertTransitions(tx: Tx, rows: Insertable<CaseTransitionsTable>[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto("case_transitions").values(rows).execute();
}

export async function listTransitions(db: Db, caseId: string): Promise<TransitionRow[]> {
  return db.selectFrom("case_transitions").selectAll().where("case_id", "=", caseId).orderBy("id").execute();
}

// R22 reads the payment order, which integrations/payment owns; re-exported for the registering
// transaction and the workflow.
export { isFeePaid } from "../integrations/payment/payment.repository";

/** 待受理: cases waiting for any office (submitted), or accepted by one of these offices. */
export async function listAcceptingQueue(
  db: Db,
  who: { anyAcceptor: boolean; offices: readonly string[] },
  limit: number,
): Promise<CaseRow[]> {
  return db
    .selectFrom("cases")
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(who.anyAcceptor ? [eb("stage", "=", "submitted")] : []),
        ...(who.offices.length ? [eb("accepting_office", "in", [...who.offices])] : []),
      ]),
    )
    .orderBy("submitted_at")
    .limit(limit)
    .execute();
}

/** A party's own cases, an institution's, or a creator's, newest first. */
export async function listCasesOf(
  db: Db,
  who: { accountId: string; institutionId: string | null },
  limit: number,
): Promise<CaseRow[]> {
  return db
    .selectFrom("cases")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("created_by", "=", who.accountId),
        eb(
          "id",
          "in",
          eb
            .selectFrom("case_parties")
            .select("case_id")
            .where((p) =>
              who.institutionId
                ? p.or([p("account_id", "=", who.accountId), p("institution_id", "=", who.institutionId)])
                : p("account_id", "=", who.accountId),
            ),
        ),
      ]),
    )
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}

/** Work queue of an office: cases in the stages given, registering or accepting there. */
export async function listOfficeCases(
  db: Db,
  filter: { offices: string[]; stages: string[]; accepting?: boolean },
  limit: number,
): Promise<CaseRow[]> {
  if (filter.offices.length === 0) return [];
  return db
    .selectFrom("cases")
    .selectAll()
    .where("stage", "in", filter.stages)
    .where((eb) =>
      eb.or([
        eb("jurisdiction", "in", filter.offices),
        ...(filter.accepting ? [eb("accepting_office", "in", filter.offices)] : []),
      ]),
    )
    .orderBy("deadline")
    .orderBy("created_at")
    .limit(limit)
    .execute();
}

/**
 * R23 for supervisors: open cases (accepted, not yet registered or closed) whose deadline is before
 * `before`, in jurisdictions starting with one of the prefixes (a city supervisor covers its counties).
 */
export async function listCasesByDeadline(
  db: Db,
  filter: { prefixes: string[]; stages: readonly string[]; before: string; onOrAfter?: string },
  limit: number,
): Promise<CaseRow[]> {
  if (filter.prefixes.length === 0) return [];
  let query = db
    .selectFrom("cases")
    .selectAll()
    .where("stage", "in", [...filter.stages])
    .where("deadline", "is not", null)
    .where("deadline", "<", filter.before)
    .where((eb) => eb.or(filter.prefixes.map((p) => eb("jurisdiction", "like", `${p}%`))));
  if (filter.onOrAfter) query = query.where("deadline", ">=", filter.onOrAfter);
  return query.orderBy("deadline").orderBy("id").limit(limit).execute();
}

/** Links the confirming account to its party rows (R4 reads who confirmed). */
export async function linkPartyAccount(
  tx: Tx,
  caseId: string,
  personKeys: readonly string[],
  accountId: string,
): Promise<void> {
  await tx
    .updateTable("case_parties")
    .set({ account_id: accountId })
    .where("case_id", "=", caseId)
    .where("person_key", "in", personKeys)
    .where("account_id", "is", null)
    .execute();
}
