import {
  buildHolidayCalendar,
  can,
  type HolidayCalendar,
  parseHolidayCsv,
  type ScheduleDay,
  type ScheduleProblem,
  validateHolidaySchedule,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction, type Tx } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { listHolidayRows, listScheduledYears, markYearScheduled } from "./holiday.repository";
import {
  decideProposal,
  findPendingProposal,
  findProposalForUpdate,
  insertScheduleProposal,
  listProposals,
  replaceYearDays,
} from "./holiday-schedule.repository";

/** What the calendar needs of the cases capability (wired in entrypoints/setup.ts). */
export type OpenCaseDeadlinesPort = {
  /** Recomputes open cases' deadlines inside the approving transaction; returns how many changed. */
  recomputeOpen(tx: Tx, calendar: HolidayCalendar): Promise<number>;
  /** After commit: drop cached calendars. */
  calendarChanged(): void;
};

export type ScheduleInput = { year: number; sourceRef: string; days: ScheduleDay[] };
export type ScheduleImport = { year: number; sourceRef: string; format: "csv" | "json"; text: string };

const invalid = (problems: ScheduleProblem[]) => new AppError("CALENDAR.SCHEDULE_INVALID", { problems });

/** Reads an imported file: CSV lines or JSON (an array of days, or `{ days: [...] }`). */
function readImport(format: "csv" | "json", text: string): ScheduleDay[] {
  if (format === "csv") {
    const parsed = parseHolidayCsv(text);
    if (!parsed.ok) throw invalid(parsed.error);
    return parsed.value;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid([
      { code: "INVALID_LINE", message_zh: "JSON 无法解析", message_en: "The JSON cannot be read" },
    ]);
  }
  const list = Array.isArray(value) ? value : (value as { days?: unknown } | null)?.days;
  const isDay = (d: unknown): d is ScheduleDay => {
    const o = d as Record<string, unknown> | null;
    return (
      typeof o?.date === "string" &&
      (o.kind === "off" || o.kind === "work") &&
      typeof o.name === "string" &&
      o.name.length > 0 &&
      o.name.length <= 40
    );
  };
  if (!Array.isArray(list))
    throw invalid([{ code: "EMPTY", message_zh: "没有 days 列表", message_en: "No list of days" }]);
  const bad = list.findIndex((d) => !isDay(d));
  if (bad >= 0)
    throw invalid([
      {
        code: "INVALID_LINE",
        index: bad,
        message_zh: "每一天须有 date、kind（off/work）和 name",
        message_en: "Each day needs date, kind (off/work) and name",
      },
    ]);
  return (list as ScheduleDay[]).map(({ date, kind, name }) => ({ date, kind, name }));
}

/**
 * 节假日安排 under four-eyes: an administrator enters or imports a year's State Council schedule
 * (a proposal); a second administrator approves it, which replaces the year's days, marks the year
 * official and recomputes the deadlines of open cases in the same transaction.
 */
export function createHolidayScheduleService(deps: {
  db: Database;
  now: () => Date;
  openCases: OpenCaseDeadlinesPort;
}) {
  const { db } = deps;

  function requireAdmin(ctx: RequestContext): string {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    if (!can(ctx.actor, "calendar.edit")) throw new AppError("AUTH.FORBIDDEN");
    return ctx.actor.accountId;
  }

  async function propose(ctx: RequestContext, input: ScheduleInput) {
    const accountId = requireAdmin(ctx);
    const checked = validateHolidaySchedule(input.year, input.days);
    if (!checked.ok) throw invalid(checked.error);
    return inTransaction(db, async (tx) => {
      if (await findPendingProposal(tx, input.year))
        throw new AppError("CALENDAR.PROPOSAL_PENDING", { year: input.year });
      const id = await insertScheduleProposal(tx, {
        year: input.year,
        days: checked.value,
        sourceRef: input.sourceRef,
        proposedBy: accountId,
      });
      await writeAudit(tx, ctx, {
        action: "calendar.schedule-proposed",
        outcome: "success",
        targetType: "holiday-schedule",
        targetId: id,
        details: { year: input.year, days: checked.value.length, sourceRef: input.sourceRef },
      });
      return { id, year: input.year, days: checked.value.length, status: "pending" as const };
    });
  }

  async function importSchedule(ctx: RequestContext, input: ScheduleImport) {
    requireAdmin(ctx);
    return propose(ctx, {
      year: input.year,
      sourceRef: input.sourceRef,
      days: readImport(input.format, input.text),
    });
  }

  async function list(ctx: RequestContext, filter: { year?: number; status?: string }) {
    requireAdmin(ctx);
    return (await listProposals(db, filter)).map((r) => ({
      id: r.id,
      year: r.year,
      days: r.days,
      sourceRef: r.source_ref,
      status: r.status,
      proposedBy: r.proposed_by,
      proposedAt: r.proposed_at.toISOString(),
      decidedBy: r.decided_by,
      decidedAt: r.decided_at?.toISOString() ?? null,
      decisionNote: r.decision_note,
      recomputedCases: r.recomputed_cases,
      mine: r.proposed_by === ctx.actor?.accountId,
    }));
  }

  async function decide(ctx: RequestContext, id: string, approve: boolean, note: string | null) {
    const accountId = requireAdmin(ctx);
    const outcome = await inTransaction(db, async (tx) => {
      const proposal = await findProposalForUpdate(tx, id);
      if (!proposal) throw new AppError("CALENDAR.PROPOSAL_NOT_FOUND", { id });
      if (proposal.status !== "pending")
        throw new AppError("CALENDAR.PROPOSAL_DECIDED", { status: proposal.status });
      // The proposer may withdraw their own proposal, never approve it (four-eyes).
      if (approve && proposal.proposed_by === accountId) throw new AppError("CALENDAR.FOUR_EYES");
      let recomputed: number | null = null;
      if (approve) {
        await replaceYearDays(tx, proposal.year, proposal.days, accountId);
        await markYearScheduled(tx, proposal.year, "admin");
        const [rows, years] = await Promise.all([listHolidayRows(tx), listScheduledYears(tx)]);
        recomputed = await deps.openCases.recomputeOpen(tx, buildHolidayCalendar(rows, years));
      }
      await decideProposal(tx, id, {
        status: approve ? "approved" : "rejected",
        decidedBy: accountId,
        note,
        recomputedCases: recomputed,
      });
      await writeAudit(tx, ctx, {
        action: approve ? "calendar.schedule-approved" : "calendar.schedule-rejected",
        outcome: "success",
        targetType: "holiday-schedule",
        targetId: id,
        details: { year: proposal.year, proposedBy: proposal.proposed_by, note, recomputedCases: recomputed },
      });
      return {
        id,
        year: proposal.year,
        status: approve ? ("approved" as const) : ("rejected" as const),
        recomputedCases: recomputed,
      };
    });
    if (approve) deps.openCases.calendarChanged();
    return outcome;
  }

  return {
    propose,
    importSchedule,
    list,
    approve: (ctx: RequestContext, id: string, note: string | null) => decide(ctx, id, true, note),
    reject: (ctx: RequestContext, id: string, note: string | null) => decide(ctx, id, false, note),
  };
}

export type HolidayScheduleService = ReturnType<typeof createHolidayScheduleService>;
