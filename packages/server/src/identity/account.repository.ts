import type { Actor, StaffRole } from "@yulin/domain";
import { type Insertable, type Selectable, sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";
import type { AccountsTable } from "../platform/db/schema";

export type AccountRow = Selectable<AccountsTable>;
type Db = Database | Tx;

/** Account with what the UI and the policy need: roles with office names, institution. */
export type AccountProfile = AccountRow & {
  institutionKind: Actor["institutionKind"];
  institutionName: string | null;
  roles: Array<{ role: StaffRole; jurisdiction: string; jurisdictionName: string }>;
};

export async function findAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom("accounts").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom("accounts").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function loadProfile(db: Db, account: AccountRow): Promise<AccountProfile> {
  const roles = await db
    .selectFrom("staff_roles")
    .leftJoin("offices", "offices.code", "staff_roles.jurisdiction")
    .select(["staff_roles.role", "staff_roles.jurisdiction", "offices.name as office_name"])
    .where("staff_roles.account_id", "=", account.id)
    .orderBy("staff_roles.jurisdiction")
    .orderBy("staff_roles.role")
    .execute();
  const institution = account.institution_id
    ? await db
        .selectFrom("institutions")
        .select(["kind", "name"])
        .where("id", "=", account.institution_id)
        .executeTakeFirst()
    : undefined;
  return {
    ...account,
    institutionKind: institution?.kind ?? null,
    institutionName: institution?.name ?? null,
    roles: roles.map((r) => ({
      role: r.role,
      jurisdiction: r.jurisdiction,
      jurisdictionName: r.office_name ?? r.jurisdiction,
    })),
  };
}

type RoleRow = { role: StaffRole; jurisdiction: string; office_name: string | null };

/**
 * The profile of the account a live session belongs to, in one statement (account, institution
 * and roles): every request with a session cookie asks this, and asking it in four round trips
 * was a tenth of a material upload's statements (docs/performance.md).
 */
export async function findProfileOfLiveSession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<AccountProfile | undefined> {
  const row = await db
    .selectFrom("accounts")
    .leftJoin("institutions", "institutions.id", "accounts.institution_id")
    .selectAll("accounts")
    .select([
      "institutions.kind as session_institution_kind",
      "institutions.name as session_institution_name",
    ])
    .select(
      sql<RoleRow[]>`coalesce((
        select jsonb_agg(jsonb_build_object('role', r.role, 'jurisdiction', r.jurisdiction, 'office_name', o.name)
                         order by r.jurisdiction, r.role)
        from staff_roles r left join offices o on o.code = r.jurisdiction
        where r.account_id = accounts.id), '[]'::jsonb)`.as("session_roles"),
    )
    .where("accounts.id", "in", (eb) =>
      eb
        .selectFrom("sessions")
        .select("sessions.account_id")
        .where("sessions.token_hash", "=", tokenHash)
        .where("sessions.expires_at", ">", now),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_institution_kind, session_institution_name, session_roles, ...account } = row;
  return {
    ...account,
    institutionKind: session_institution_kind ?? null,
    institutionName: session_institution_name ?? null,
    roles: session_roles.map((r) => ({
      role: r.role,
      jurisdiction: r.jurisdiction,
      jurisdictionName: r.office_name ?? r.jurisdiction,
    })),
  };
}

export function toActor(profile: AccountProfile): Actor {
  // A company's agent (经办人) acts as the company; the audit keeps who it was (operatorId).
  if (profile.acts_for) {
    return {
      accountId: profile.acts_for,
      kind: "company",
      institutionKind: null,
      institutionId: null,
      roles: [],
      operatorId: profile.id,
    };
  }
  return {
    accountId: profile.id,
    kind: profile.kind,
    institutionKind: profile.institutionKind,
    institutionId: profile.institution_id,
    roles: profile.roles.map(({ role, jurisdiction }) => ({ role, jurisdiction })),
  };
}

export async function insertAccount(db: Db, values: Insertable<AccountsTable>): Promise<AccountRow> {
  return db.insertInto("accounts").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function insertStaffRoles(
  db: Db,
  accountId: string,
  roles: ReadonlyArray<{ role: StaffRole; jurisdiction: string }>,
): Promise<void> {
  if (roles.length === 0) return;
  await db
    .insertInto("staff_roles")
    .values(roles.map((r) => ({ account_id: accountId, role: r.role, jurisdiction: r.jurisdiction })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listStaffOfJurisdiction(db: Db, jurisdiction: string) {
  return db
    .selectFrom("staff_roles")
    .innerJoin("accounts", "accounts.id", "staff_roles.account_id")
    .select([
      "accounts.id",
      "accounts.username",
      "accounts.display_name",
      "staff_roles.role",
      "accounts.disabled",
    ])
    .where("staff_roles.jurisdiction", "=", jurisdiction)
    .orderBy("accounts.username")
    .orderBy("staff_roles.role")
    .execute();
}

/** What identifies the account's holder: the lookup hash of its ID number, or its credit code. */
export async function findAccountIdentity(db: Db, accountId: string) {
  return db
    .selectFrom("accounts")
    .select(["id_number_hash", "credit_code", "kind"])
    .where("id", "=", accountId)
    .executeTakeFirst();
}

/** The account's kind and, for an institution account, its institution's kind. */
export async function findAccountKinds(db: Db, accountId: string) {
  return db
    .selectFrom("accounts")
    .leftJoin("institutions", "institutions.id", "accounts.institution_id")
    .select(["accounts.kind", "institutions.kind as institution_kind"])
    .where("accounts.id", "=", accountId)
    .executeTakeFirst();
}

export async function findDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("accounts")
    .select(["id", "display_name"])
    .where("id", "in", ids)
    .execute();
  return new Map(rows.map((a) => [a.id, a.display_name]));
}

/** The citizen account whose ID number has this lookup hash, if any. */
export async function findCitizenIdByIdHash(db: Db, idNumberHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("accounts")
    .select("id")
    .where("id_number_hash", "=", idNumberHash)
    .where("kind", "=", "citizen")
    .executeTakeFirst();
  return row?.id;
}

/** The account registered with this credit code (a company), if any. */
export async function findAccountIdByCreditCode(db: Db, creditCode: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("accounts")
    .select("id")
    .where("credit_code", "=", creditCode)
    .executeTakeFirst();
  return row?.id;
}

const PARTY_COLUMNS = [
  "id",
  "kind",
  "display_name",
  "id_number_enc",
  "id_number_hash",
  "id_number_masked",
  "credit_code",
  "institution_id",
] as const;

/** What naming the account as a party to a case needs: no password or lock-out fields. */
export async function findPartyAccount(db: Db, by: { id: string } | { username: string }) {
  const q = db.selectFrom("accounts").select(PARTY_COLUMNS);
  return ("id" in by ? q.where("id", "=", by.id) : q.where("username", "=", by.username)).executeTakeFirst();
}

/** The office roles of one account (staff administration). */
export async function listRolesOf(db: Db, accountId: string) {
  return db
    .selectFrom("staff_roles")
    .select(["role", "jurisdiction"])
    .where("account_id", "=", accountId)
    .execute();
}

/** Replaces an account's roles in one office; its roles elsewhere stay. */
export async function replaceRolesInOffice(
  tx: Tx,
  accountId: string,
  office: string,
  roles: readonly StaffRole[],
): Promise<void> {
  await tx
    .deleteFrom("staff_roles")
    .where("account_id", "=", accountId)
    .where("jurisdiction", "=", office)
    .execute();
  await insertStaffRoles(
    tx,
    accountId,
    roles.map((role) => ({ role, jurisdiction: office })),
  );
}

/** 停用/启用: a disabled account cannot log in (failed logins only slow down: identity/login-throttle.ts). */
export async function setAccountDisabled(db: Db, accountId: string, disabled: boolean): Promise<void> {
  await db.updateTable("accounts").set({ disabled }).where("id", "=", accountId).execute();
}

export async function setPasswordHash(db: Db, accountId: string, passwordHash: string): Promise<void> {
  await db.updateTable("accounts").set({ password_hash: passwordHash }).where("id", "=", accountId).execute();
}

/** A company's agents (经办人), by username. */
export async function listAgentsOf(db: Db, companyId: string) {
  return db
    .selectFrom("accounts")
    .select(["id", "username", "display_name", "id_number_masked", "disabled"])
    .where("acts_for", "=", companyId)
    .orderBy("username")
    .execute();
}
