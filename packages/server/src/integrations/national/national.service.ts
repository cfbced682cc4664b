import { can } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../../platform/db/database";
import { AppError } from "../../platform/errors";
import type { Outbox } from "../../platform/outbox/outbox";
import {
  type Acknowledgement,
  type NationalConnector,
  type RegistrationLog,
  sealLog,
} from "./national.connector";
import {
  backlogOf,
  findReport,
  insertReport,
  markDelivered,
  markRejected,
  markResent,
  recordAck,
  reportsOfCases,
} from "./national.repository";
import { chinaDay } from "./national.simulator";
import type { NATIONAL_TOPICS } from "./national.topics";

/** A registration as the cases capability knows it (port wired in entrypoints/setup.ts). */
export type Registration = {
  caseId: string;
  jurisdiction: string;
  unitCode: string;
  typeId: string;
  registeredAt: Date;
  entrySeqs: number[];
};

export type RegistrationsPort = {
  /** The cases registered on a day (UTC+8), whatever stage they are in now. */
  registeredOn(day: string): Promise<Registration[]>;
};

export const reportIdOf = (caseId: string) => `DBRZ-${caseId.replace(/[^\w.:-]/g, "_")}`;

type Row = NonNullable<Awaited<ReturnType<typeof findReport>>>;

function logOf(
  row: Pick<
    Row,
    "report_id" | "case_id" | "jurisdiction" | "unit_code" | "type_id" | "registered_at" | "entry_seqs"
  >,
): RegistrationLog {
  return sealLog({
    reportId: row.report_id,
    bizNo: row.case_id,
    areaCode: row.jurisdiction,
    unitCode: row.unit_code,
    registrationType: row.type_id,
    registeredAt: new Date(row.registered_at).toISOString(),
    entrySeqs: row.entry_seqs,
  });
}

/**
 * 登簿日志上报: every registration is reported to the national platform through the outbox, in
 * the transaction that records it; the platform's acknowledgement (回执) is recorded once; the
 * daily reconciliation fetches the day's acknowledgements, reports what was never reported and
 * re-sends what stays unacknowledged (same reportId, so the platform keeps it once).
 */
export function createNationalService(deps: {
  db: Database;
  outbox: Outbox<typeof NATIONAL_TOPICS>;
  connector: NationalConnector;
  registrations: RegistrationsPort;
  ackGraceMinutes: number;
  now: () => Date;
  wake: () => void;
}) {
  const { db, outbox, now } = deps;
  /** Administrators over HTTP; the CLI and the jobs act as the system. */
  function authorize(ctx: RequestContext) {
    if (ctx.actor && !can(ctx.actor, "integrations.operate")) throw new AppError("AUTH.FORBIDDEN");
  }

  async function enqueue(tx: Tx, log: RegistrationLog, send: number) {
    await outbox.enqueue(tx, "national.registration-log", log, {
      connector: "national",
      idempotencyKey: `national:${log.reportId}:${send}`,
      summary: { reportId: log.reportId, caseRef: log.bizNo, unitCode: log.unitCode, send },
      jurisdiction: log.areaCode,
    });
  }

  /** In the registering transaction: one report per case (a second call changes nothing). */
  async function reportRegistration(tx: Tx, r: Registration): Promise<boolean> {
    const reportId = reportIdOf(r.caseId);
    const created = await insertReport(tx, {
      reportId,
      caseId: r.caseId,
      jurisdiction: r.jurisdiction,
      unitCode: r.unitCode,
      typeId: r.typeId,
      registeredAt: r.registeredAt,
      reportDay: chinaDay(r.registeredAt),
      entrySeqs: r.entrySeqs,
      now: now(),
    });
    if (!created) return false;
    const row = await findReport(tx, reportId);
    await enqueue(tx, logOf(row!), 1);
    return true;
  }

  /**
   * Records an acknowledgement. One for a report this registry never sent is refused
   * (NATIONAL.UNKNOWN_REPORT) and audited; a repeated one changes nothing.
   */
  async function acknowledge(ctx: RequestContext, ack: Acknowledgement) {
    const outcome = await inTransaction(db, (tx) =>
      recordAck(tx, { reportId: ack.reportId, ackNo: ack.ackNo, ackedAt: new Date(ack.ackedAt) }),
    );
    if (outcome === "unknown") {
      await writeAudit(db, ctx, {
        action: "national.acknowledge",
        outcome: "denied",
        targetType: "national-report",
        targetId: ack.reportId.slice(0, 120),
        details: { code: "NATIONAL.UNKNOWN_REPORT", ackNo: ack.ackNo },
      });
      throw new AppError("NATIONAL.UNKNOWN_REPORT", { reportId: ack.reportId });
    }
    return outcome;
  }

  /**
   * 对账: the day's registrations (from the cases) against the reports and the platform's
   * acknowledgements. Fetches the acknowledgements, reports registrations never reported, and
   * re-sends reports delivered or pending longer than the grace period without acknowledgement.
   */
  async function reconcile(ctx: RequestContext, day: string, options: { graceMinutes?: number } = {}) {
    authorize(ctx);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
      throw new AppError("CALENDAR.INVALID_DATE", { day });
    const acks = await deps.connector.acknowledgements(day);
    const refused: string[] = [];
    let recorded = 0;
    for (const ack of acks) {
      try {
        if ((await acknowledge(ctx, ack)) === "recorded") recorded++;
      } catch (error) {
        if (!(error instanceof AppError && error.code === "NATIONAL.UNKNOWN_REPORT")) throw error;
        refused.push(ack.reportId);
      }
    }
    const registrations = await deps.registrations.registeredOn(day);
    const reports = new Map(
      (
        await reportsOfCases(
          db,
          registrations.map((r) => r.caseId),
        )
      ).map((r) => [r.case_id, r]),
    );
    const graceMs = (options.graceMinutes ?? deps.ackGraceMinutes) * 60_000;
    const cutoff = now().getTime() - graceMs;
    let reported = 0;
    let resent = 0;
    let acknowledged = 0;
    for (const r of registrations) {
      const report = reports.get(r.caseId);
      if (!report) {
        if (await inTransaction(db, (tx) => reportRegistration(tx, r))) reported++;
        continue;
      }
      if (report.status === "acknowledged") {
        acknowledged++;
        continue;
      }
      if (report.status === "rejected" || new Date(report.last_sent_at).getTime() > cutoff) continue;
      await inTransaction(db, async (tx) => {
        const send = await markResent(tx, report.report_id, now());
        const row = await findReport(tx, report.report_id);
        if (send > 0 && row) {
          await enqueue(tx, logOf(row), send);
          resent++;
        }
      });
    }
    if (reported + resent > 0) deps.wake();
    const result = {
      day,
      registrations: registrations.length,
      acknowledged,
      acksFetched: acks.length,
      acksRecorded: recorded,
      acksRefused: refused,
      reported,
      resent,
      outstanding: registrations.length - acknowledged,
    };
    await writeAudit(db, ctx, {
      action: "national.reconcile",
      outcome: "success",
      targetType: "national-day",
      targetId: day,
      details: result,
    });
    return result;
  }

  return {
    reportRegistration,
    acknowledge,
    reconcile,
    /** The outbox answer: the report arrived; its acknowledgement if the platform gave it at once. */
    async onDelivered(tx: Tx, reportId: string, ack: Acknowledgement | null | undefined) {
      await markDelivered(tx, reportId);
      if (ack && ack.reportId === reportId)
        await recordAck(tx, { reportId, ackNo: ack.ackNo, ackedAt: new Date(ack.ackedAt) });
    },
    /** The platform refused the report for good (malformed): kept for the operator, not re-sent. */
    async markRejected(reportId: string, reason: string) {
      await inTransaction(db, (tx) => markRejected(tx, reportId, reason.slice(0, 500)));
    },
    async backlog(ctx: RequestContext, limit = 50) {
      authorize(ctx);
      const b = await backlogOf(db, limit);
      const count = (s: string) => b.counts.find((c) => c.status === s)?.n ?? 0;
      return {
        mode: deps.connector.mode,
        pending: count("pending"),
        delivered: count("delivered"),
        acknowledged: count("acknowledged"),
        rejected: count("rejected"),
        duplicateAcks: b.duplicateAcks,
        waiting: b.waiting.map((w) => ({
          reportId: w.report_id,
          caseId: w.case_id,
          jurisdiction: w.jurisdiction,
          unitCode: w.unit_code,
          status: w.status,
          sends: w.sends,
          day: w.report_day,
          registeredAt: new Date(w.registered_at).toISOString(),
          lastSentAt: new Date(w.last_sent_at).toISOString(),
        })),
      };
    },
  };
}

export type NationalService = ReturnType<typeof createNationalService>;
