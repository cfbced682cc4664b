import {
  ALERT_RULES,
  type AlertStatus,
  can,
  checkThresholds,
  evaluateAlerts,
  type FollowUpAction,
  followUp,
  THRESHOLDS,
  thresholdsOf,
} from "@yulin/domain";
import { listOffices } from "../identity/office.repository";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { listCaseAuditIds } from "../platform/audit/audit.repository";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { scopePrefixes } from "../register/register.access";
import {
  type AlertRow,
  countAlertsByStatus,
  findAlert,
  insertAlertIfNew,
  listAlerts,
  listFollowUps,
  listThresholds,
  recordFollowUp,
  upsertThresholds,
} from "./alerts.repository";
import { EVIDENCE_ACTIONS, loadOfficeFacts } from "./office-facts";

const DAY = 86_400_000;

const presentAlert = (a: AlertRow) => ({
  id: a.id,
  office: a.office.trim(),
  rule: a.rule,
  ruleName_zh: ALERT_RULES[a.rule as keyof typeof ALERT_RULES]?.zh ?? a.rule,
  ruleName_en: ALERT_RULES[a.rule as keyof typeof ALERT_RULES]?.en ?? a.rule,
  kind: ALERT_RULES[a.rule as keyof typeof ALERT_RULES]?.kind ?? "integrity",
  caseIds: a.case_ids,
  transitionIds: a.transition_ids.map(String),
  auditIds: a.audit_ids.map(String),
  summary_zh: a.summary_zh,
  summary_en: a.summary_en,
  figures: a.figures,
  status: a.status,
  assignee: a.assignee,
  raisedAt: new Date(a.raised_at).toISOString(),
  updatedAt: new Date(a.updated_at).toISOString(),
});
export type AlertView = ReturnType<typeof presentAlert>;

/**
 * 廉防预警: the integrity and risk rules of the domain run over each office's recent facts (by the
 * scheduler, after registrations, or on a supervisor's request); each pattern is raised once,
 * with its evidence, and followed up by a supervisor of the office until closed.
 */
export function createAlertsService(deps: { db: Database; now: () => Date }) {
  const { db } = deps;

  function supervisorScope(ctx: RequestContext, action: "supervision.view" | "supervision.act") {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    return scopePrefixes(ctx.actor, action);
  }

  async function requireOffice(
    ctx: RequestContext,
    office: string,
    action: "supervision.view" | "supervision.act",
  ) {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    if (!can(ctx.actor, action, { jurisdiction: office })) {
      await writeAudit(db, ctx, { action: `supervision.${action}`, outcome: "denied", jurisdiction: office });
      throw new AppError("AUTH.FORBIDDEN");
    }
  }

  /** Runs every rule over one office's last `windowDays`; returns the alerts newly raised. */
  async function evaluateOffice(office: string): Promise<number> {
    const thresholds = thresholdsOf(await listThresholds(db, office));
    const to = deps.now();
    const from = new Date(to.getTime() - thresholds.windowDays * DAY);
    const lookBackDays = Math.max(thresholds.transferDays, thresholds.mortgageDays);
    const facts = await loadOfficeFacts(db, office, { from, to, lookBackDays });
    let raised = 0;
    for (const alert of evaluateAlerts(facts, thresholds)) {
      const audit = await listCaseAuditIds(db, alert.caseIds, EVIDENCE_ACTIONS);
      if (await insertAlertIfNew(db, { ...alert, auditIds: audit.map((r) => String(r.id)) })) raised++;
    }
    return raised;
  }

  return {
    evaluateOffice,

    /** The scheduler's sweep: every office in turn. */
    async sweep(): Promise<{ offices: number; raised: number }> {
      const offices = await listOffices(db);
      let raised = 0;
      for (const o of offices) raised += await evaluateOffice(o.code.trim());
      return { offices: offices.length, raised };
    },

    /** 立即检查: a supervisor runs the rules over one office now. */
    async evaluateNow(ctx: RequestContext, office: string) {
      await requireOffice(ctx, office, "supervision.act");
      const raised = await evaluateOffice(office);
      await writeAudit(db, ctx, {
        action: "supervision.evaluate",
        outcome: "success",
        jurisdiction: office,
        details: { raised },
      });
      return { raised };
    },

    async list(ctx: RequestContext, filter: { status?: AlertStatus; rule?: string; limit?: number }) {
      const prefixes = supervisorScope(ctx, "supervision.view");
      if (prefixes.length === 0) {
        await writeAudit(db, ctx, { action: "supervision.alerts", outcome: "denied" });
        throw new AppError("AUTH.FORBIDDEN");
      }
      const rows = await listAlerts(db, prefixes, { ...filter, limit: Math.min(filter.limit ?? 100, 500) });
      const counts = await countAlertsByStatus(db, prefixes);
      return {
        alerts: rows.map(presentAlert),
        byStatus: Object.fromEntries(counts.map((c) => [c.status, Number(c.count)])) as Record<
          string,
          number
        >,
      };
    },

    async detail(ctx: RequestContext, id: string) {
      const row = await findAlert(db, id);
      if (!row) throw new AppError("SUPERVISION.ALERT_NOT_FOUND");
      await requireOffice(ctx, row.office.trim(), "supervision.view");
      const followUps = await listFollowUps(db, id);
      return {
        alert: presentAlert(row),
        followUps: followUps.map((f) => ({
          action: f.action,
          note: f.note,
          assignee: f.assignee,
          by: f.by_account,
          at: new Date(f.at).toISOString(),
        })),
      };
    },

    /** 跟进: assign, explain, close as justified or escalate; supervisors of the office only. */
    async followUp(
      ctx: RequestContext,
      id: string,
      input: { action: FollowUpAction; note: string; assignee?: string },
    ) {
      const row = await findAlert(db, id);
      if (!row) throw new AppError("SUPERVISION.ALERT_NOT_FOUND");
      await requireOffice(ctx, row.office.trim(), "supervision.act");
      await inTransaction(db, async (tx) => {
        const locked = await findAlert(tx, id, { lock: true });
        if (!locked) throw new AppError("SUPERVISION.ALERT_NOT_FOUND");
        const next = followUp(locked.status, input.action, {
          note: input.note,
          assignee: input.assignee ?? null,
        });
        if (!next.ok) throw new AppError("SUPERVISION.FOLLOW_UP_REFUSED", { findings: next.error });
        await recordFollowUp(tx, {
          alertId: id,
          action: input.action,
          note: input.note.trim(),
          assignee: input.assignee ?? null,
          by: ctx.actor!.accountId,
          status: next.value,
          at: deps.now(),
        });
        await writeAudit(tx, ctx, {
          action: `supervision.alert.${input.action}`,
          outcome: "success",
          targetType: "integrity-alert",
          targetId: id,
          jurisdiction: locked.office.trim(),
          details: { from: locked.status, to: next.value },
        });
      });
      return this.detail(ctx, id);
    },

    async thresholds(ctx: RequestContext, office: string) {
      await requireOffice(ctx, office, "supervision.view");
      const own = await listThresholds(db, office);
      return presentThresholds(office, own);
    },

    /** 阈值: an office's supervisor changes its thresholds; out-of-range values change nothing. */
    async setThresholds(ctx: RequestContext, office: string, changes: Record<string, number>) {
      await requireOffice(ctx, office, "supervision.act");
      const own = await listThresholds(db, office);
      const checked = checkThresholds(thresholdsOf(own), changes);
      if (!checked.ok) throw new AppError("SUPERVISION.THRESHOLD_INVALID", { findings: checked.error });
      await inTransaction(db, async (tx) => {
        await upsertThresholds(tx, office, changes, ctx.actor!.accountId, deps.now());
        await writeAudit(tx, ctx, {
          action: "supervision.thresholds",
          outcome: "success",
          jurisdiction: office,
          details: { changes },
        });
      });
      return presentThresholds(office, { ...own, ...changes });
    },
  };
}

const presentThresholds = (office: string, own: Record<string, number>) => {
  const values = thresholdsOf(own);
  return {
    office,
    thresholds: (Object.keys(THRESHOLDS) as Array<keyof typeof THRESHOLDS>).map((name) => ({
      name,
      value: values[name],
      default: THRESHOLDS[name].default,
      min: THRESHOLDS[name].min,
      max: THRESHOLDS[name].max,
      label_zh: THRESHOLDS[name].zh,
      label_en: THRESHOLDS[name].en,
      own: own[name] !== undefined,
    })),
  };
};

export type AlertsService = ReturnType<typeof createAlertsService>;
