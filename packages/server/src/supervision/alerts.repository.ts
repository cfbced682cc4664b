import type { AlertDraft, AlertStatus, FollowUpAction } from "@yulin/domain";
import { type RawBuilder, sql } from "kysely";
import type { Database, Tx } from "../platform/db/database";

type Db = Database | Tx;

/** Records an alert unless its rule raised the same pattern before; returns the new row's id. */
export async function insertAlertIfNew(
  db: Db,
  alert: AlertDraft & { auditIds: readonly string[] },
): Promise<string | undefined> {
  const row = await db
    .insertInto("integrity_alerts")
    .values({
      office: alert.office,
      rule: alert.rule,
      subject_key: alert.key,
      case_ids: JSON.stringify(alert.caseIds),
      transition_ids: JSON.stringify(alert.transitionIds),
      audit_ids: JSON.stringify(alert.auditIds),
      summary_zh: alert.summary_zh,
      summary_en: alert.summary_en,
      figures: JSON.stringify(alert.figures),
    })
    .onConflict((oc) => oc.columns(["rule", "subject_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

const inScope = (prefixes: readonly string[]): RawBuilder<boolean> =>
  sql<boolean>`(${sql.join(
    prefixes.map((p) => sql`a.office like ${`${p}%`}`),
    sql` or `,
  )})`;

export type AlertRow = {
  id: string;
  office: string;
  rule: string;
  case_ids: string[];
  transition_ids: string[];
  audit_ids: string[];
  summary_zh: string;
  summary_en: string;
  figures: Record<string, string | number>;
  status: AlertStatus;
  assignee: string | null;
  raised_at: Date;
  updated_at: Date;
};

/** Alerts within the jurisdiction prefixes, newest first, optionally of one status or rule. */
export async function listAlerts(
  db: Db,
  prefixes: readonly string[],
  filter: { status?: string; rule?: string; limit: number },
) {
  return (
    await sql<AlertRow>`
      select a.id, a.office, a.rule, a.case_ids, a.transition_ids, a.audit_ids, a.summary_zh, a.summary_en,
             a.figures, a.status, a.assignee, a.raised_at, a.updated_at
      from integrity_alerts a
      where ${inScope(prefixes)}
        ${filter.status ? sql`and a.status = ${filter.status}` : sql``}
        ${filter.rule ? sql`and a.rule = ${filter.rule}` : sql``}
      order by a.raised_at desc, a.id limit ${filter.limit}`.execute(db)
  ).rows;
}

/** Open and closed counts per rule within the jurisdiction prefixes. */
export async function countAlertsByStatus(db: Db, prefixes: readonly string[]) {
  return (
    await sql<{ status: string; count: string }>`
      select a.status, count(*) as count from integrity_alerts a where ${inScope(prefixes)}
      group by a.status order by a.status`.execute(db)
  ).rows;
}

export async function findAlert(db: Db, id: string, options: { lock?: boolean } = {}) {
  let q = db.selectFrom("integrity_alerts").selectAll().where("id", "=", id);
  if (options.lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as (AlertRow & { subject_key: string }) | undefined;
}

export async function listFollowUps(db: Db, alertId: string) {
  return db
    .selectFrom("integrity_alert_follow_ups")
    .selectAll()
    .where("alert_id", "=", alertId)
    .orderBy("id")
    .execute();
}

export async function recordFollowUp(
  tx: Tx,
  input: {
    alertId: string;
    action: FollowUpAction;
    note: string;
    assignee: string | null;
    by: string;
    status: AlertStatus;
    at: Date;
  },
) {
  await tx
    .insertInto("integrity_alert_follow_ups")
    .values({
      alert_id: input.alertId,
      action: input.action,
      note: input.note,
      assignee: input.assignee,
      by_account: input.by,
      at: input.at,
    })
    .execute();
  await tx
    .updateTable("integrity_alerts")
    .set({
      status: input.status,
      updated_at: input.at,
      ...(input.assignee ? { assignee: input.assignee } : {}),
    })
    .where("id", "=", input.alertId)
    .execute();
}

/** The office's own threshold values (the domain fills in the defaults). */
export async function listThresholds(db: Db, office: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("integrity_thresholds")
    .select(["name", "value"])
    .where("office", "=", office)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

export async function upsertThresholds(
  tx: Tx,
  office: string,
  values: Readonly<Record<string, number>>,
  by: string,
  at: Date,
) {
  for (const [name, value] of Object.entries(values))
    await tx
      .insertInto("integrity_thresholds")
      .values({ office, name, value, updated_by: by, updated_at: at })
      .onConflict((oc) =>
        oc.columns(["office", "name"]).doUpdateSet({ value, updated_by: by, updated_at: at }),
      )
      .execute();
}
