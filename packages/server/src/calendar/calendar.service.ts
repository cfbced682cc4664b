import { createRequire } from "node:module";
import {
  addWorkingDays,
  buildHolidayCalendar,
  type CalendarResult,
  can,
  type HolidayCalendar,
  isIsoDate,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  deleteHoliday,
  insertHolidaysIfAbsent,
  listHolidayRows,
  listScheduledYears,
  markYearScheduled,
  upsertHoliday,
} from "./holiday.repository";

/** `chinese-days` data: date → "English,中文,days" for holidays; adjusted working days likewise. */
type ChineseDaysData = { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * Seeds the holiday table from the `chinese-days` package (reference data, not demo data). The
 * package ends at 2026; later years stay unscheduled until an administrator enters the State
 * Council's schedule, and deadlines reaching them are flagged provisional.
 */
export async function seedHolidaysFromChineseDays(db: Database): Promise<number> {
  if ((await listScheduledYears(db)).length > 0) return 0;
  const data = createRequire(import.meta.url)("chinese-days/dist/chinese-days.json") as ChineseDaysData;
  const years = new Set<number>();
  const rows = [
    ...Object.entries(data.holidays).map(([date, label]) => ({ date, kind: "off" as const, label })),
    ...Object.entries(data.workdays).map(([date, label]) => ({ date, kind: "work" as const, label })),
  ];
  await inTransaction(db, async (tx) => {
    for (const chunk of chunks(rows, 500)) {
      await insertHolidaysIfAbsent(
        tx,
        chunk.map((r) => ({
          date: r.date,
          kind: r.kind,
          name: r.label.split(",")[1] ?? r.label,
          source: "chinese-days" as const,
        })),
      );
    }
    for (const r of rows) years.add(Number(r.date.slice(0, 4)));
    for (const year of years) await markYearScheduled(tx, year, "chinese-days");
  });
  return rows.length;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export function createCalendarService({ db }: { db: Database }) {
  async function loadCalendar(): Promise<HolidayCalendar> {
    const [rows, years] = await Promise.all([listHolidayRows(db), listScheduledYears(db)]);
    return buildHolidayCalendar(rows, years);
  }

  async function listYear(year: number) {
    const [rows, years] = await Promise.all([listHolidayRows(db, year), listScheduledYears(db)]);
    return { year, official: years.includes(year), days: rows };
  }

  /** R23/R24: a deadline `n` working days after `from`; provisional beyond the published schedules. */
  async function deadline(from: string, workingDays: number): Promise<CalendarResult> {
    if (!isIsoDate(from)) throw new AppError("CALENDAR.INVALID_DATE", { from });
    return addWorkingDays(await loadCalendar(), from, workingDays);
  }

  function authorize(ctx: RequestContext) {
    if (!ctx.actor) throw new AppError("AUTH.UNAUTHENTICATED");
    if (!can(ctx.actor, "calendar.edit")) throw new AppError("AUTH.FORBIDDEN");
  }

  /** An administrator enters or corrects one day of the State Council's schedule. */
  async function setDay(ctx: RequestContext, date: string, kind: "off" | "work", name: string) {
    authorize(ctx);
    if (!isIsoDate(date)) throw new AppError("CALENDAR.INVALID_DATE", { date });
    await inTransaction(db, async (tx) => {
      await upsertHoliday(tx, { date, kind, name, source: "admin", updatedBy: ctx.actor?.accountId ?? null });
      await writeAudit(tx, ctx, {
        action: "calendar.set-day",
        outcome: "success",
        targetType: "holiday",
        targetId: date,
        details: { kind, name },
      });
    });
  }

  async function clearDay(ctx: RequestContext, date: string) {
    authorize(ctx);
    if (!isIsoDate(date)) throw new AppError("CALENDAR.INVALID_DATE", { date });
    await inTransaction(db, async (tx) => {
      const removed = await deleteHoliday(tx, date);
      await writeAudit(tx, ctx, {
        action: "calendar.clear-day",
        outcome: "success",
        targetType: "holiday",
        targetId: date,
        details: { removed },
      });
    });
  }

  /** Declares a year's schedule complete: its deadlines stop being provisional. */
  async function publishYear(ctx: RequestContext, year: number) {
    authorize(ctx);
    await inTransaction(db, async (tx) => {
      await markYearScheduled(tx, year, "admin");
      await writeAudit(tx, ctx, {
        action: "calendar.publish-year",
        outcome: "success",
        targetType: "holiday-year",
        targetId: String(year),
      });
    });
  }

  return { loadCalendar, listYear, deadline, setDay, clearDay, publishYear };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
