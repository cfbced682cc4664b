import { createRequire } from "node:module";
import {
  addWorkingDays,
  buildHolidayCalendar,
  type CalendarResult,
  type HolidayCalendar,
  isIsoDate,
} from "@yulin/domain";
import { type Database, inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  insertHolidaysIfAbsent,
  listHolidayRows,
  listScheduledYears,
  markYearScheduled,
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

export function createCalendarService({ db, now }: { db: Database; now: () => Date }) {
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

  /**
   * The workbench's warning: from December, next year's schedule should be in (the State Council
   * publishes it in November); in January an unscheduled current year makes deadlines provisional.
   */
  async function status() {
    const today = new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    const years = await listScheduledYears(db);
    const missing = [
      ...(years.includes(year) ? [] : [year]),
      ...(month === 12 && !years.includes(year + 1) ? [year + 1] : []),
    ];
    return { today, scheduledYears: years, missingYears: missing, warning: missing.length > 0 };
  }

  return { loadCalendar, listYear, deadline, status };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
