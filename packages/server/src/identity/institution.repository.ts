import type { InstitutionKind } from "@yulin/domain";
import type { Insertable } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { InstitutionsTable } from "../platform/db/schema";

type Db = Database | Tx;

/** 机构: banks, developers, courts, departments … that hold institution accounts. */
export async function findInstitution(db: Db, id: string) {
  return db.selectFrom("institutions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The institution of an institution account, by the account's username. */
export async function findInstitutionByUsername(db: Db, username: string) {
  return db
    .selectFrom("accounts")
    .innerJoin("institutions", "institutions.id", "accounts.institution_id")
    .select(["institutions.id", "institutions.kind", "institutions.name", "institutions.jurisdiction"])
    .where("accounts.username", "=", username)
    .executeTakeFirst();
}

export async function findInstitutionByCreditCode(db: Db, creditCode: string) {
  return db
    .selectFrom("institutions")
    .select(["id", "kind"])
    .where("credit_code", "=", creditCode)
    .executeTakeFirst();
}

/** Institutions of a kind, by name. */
export async function listInstitutionsOfKind(db: Db, kind: InstitutionKind) {
  return db
    .selectFrom("institutions")
    .select(["id", "name", "jurisdiction", "credit_code"])
    .where("kind", "=", kind)
    .orderBy("name")
    .execute();
}

export async function insertInstitution(
  db: Db,
  values: Insertable<InstitutionsTable>,
): Promise<{ id: string }> {
  return db.insertInto("institutions").values(values).returning("id").executeTakeFirstOrThrow();
}
