import { err, ok, type Result } from "../result";
import { dayOfWeek, type IsoDate, parseIsoDate } from "./iso-date";

/**
 * 节假日安排 of one year as an administrator enters or imports it from the State Council's notice
 * (国务院办公厅关于 YYYY 年部分节假日安排的通知): each holiday (`off`, 放假) and each adjusted
 * working weekend day (`work`, 调休上班) once.
 */
export type ScheduleDay = { date: IsoDate; kind: "off" | "work"; name: string };

export type ScheduleProblemCode =
  | "EMPTY"
  | "INVALID_LINE"
  | "INVALID_DATE"
  | "OUTSIDE_YEAR"
  | "DUPLICATE_DAY"
  | "OFF_AND_WORK"
  | "WORK_NOT_WEEKEND";

/** Why a schedule is refused, with the line or the position of the day it concerns. */
export type ScheduleProblem = {
  code: ScheduleProblemCode;
  date?: string;
  /** CSV line, 1-based. */
  line?: number;
  /** Position in the list of days, 0-based. */
  index?: number;
  message_zh: string;
  message_en: string;
};

const MESSAGES: Record<ScheduleProblemCode, [string, string]> = {
  EMPTY: ["安排中没有任何日期", "The schedule lists no day"],
  INVALID_LINE: ["行格式应为 日期,类型,名称", "A line must read date,kind,name"],
  INVALID_DATE: ["日期无效", "The date is invalid"],
  OUTSIDE_YEAR: ["日期不在所录入的年份内", "The date is outside the year entered"],
  DUPLICATE_DAY: ["同一日期重复列出", "The day is listed twice"],
  OFF_AND_WORK: ["同一日期既是放假又是上班", "The day is listed both as a holiday and as a working day"],
  WORK_NOT_WEEKEND: ["调休上班日应为周六或周日", "An adjusted working day must be a Saturday or a Sunday"],
};

const problem = (
  code: ScheduleProblemCode,
  extra: { date?: string; line?: number; index?: number } = {},
): ScheduleProblem => ({
  code,
  ...extra,
  message_zh: MESSAGES[code][0],
  message_en: MESSAGES[code][1],
});

/**
 * Checks a year's schedule: real dates within the year, each day once, never both a holiday and a
 * working day, adjusted working days on weekends. Returns the days sorted by date.
 */
export function validateHolidaySchedule(
  year: number,
  days: readonly ScheduleDay[],
): Result<ScheduleDay[], ScheduleProblem[]> {
  const problems: ScheduleProblem[] = [];
  if (days.length === 0) problems.push(problem("EMPTY"));
  const seen = new Map<string, ScheduleDay>();
  for (const [index, day] of days.entries()) {
    const at = { date: day.date, index };
    const parts = parseIsoDate(day.date);
    if (!parts) {
      problems.push(problem("INVALID_DATE", at));
      continue;
    }
    if (parts.year !== year) {
      problems.push(problem("OUTSIDE_YEAR", at));
      continue;
    }
    const before = seen.get(day.date);
    if (before) {
      problems.push(problem(before.kind === day.kind ? "DUPLICATE_DAY" : "OFF_AND_WORK", at));
      continue;
    }
    seen.set(day.date, day);
    const weekday = dayOfWeek(day.date);
    if (day.kind === "work" && weekday !== 0 && weekday !== 6) problems.push(problem("WORK_NOT_WEEKEND", at));
  }
  if (problems.length > 0) return err(problems);
  return ok([...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1)));
}

const KINDS: Record<string, "off" | "work"> = {
  off: "off",
  work: "work",
  休: "off",
  放假: "off",
  班: "work",
  上班: "work",
};

/**
 * Reads `date,kind,name` lines (kind: off/放假/休 or work/上班/班; name optional, defaulting to
 * 调休 for working days); a header line starting with `date` or `日期`, blank lines and `#`
 * comments are skipped. Line numbers in problems are 1-based.
 */
export function parseHolidayCsv(text: string): Result<ScheduleDay[], ScheduleProblem[]> {
  const days: ScheduleDay[] = [];
  const problems: ScheduleProblem[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || /^(date|日期)\s*([,，\t]|$)/i.test(line)) continue;
    const [date = "", kindText = "", ...rest] = line.split(/[,，\t]/).map((c) => c.trim());
    const kind = KINDS[kindText.toLowerCase()];
    if (!kind || date === "") {
      problems.push(problem("INVALID_LINE", { line: index + 1 }));
      continue;
    }
    const name = rest.join(" ").trim() || (kind === "work" ? "调休上班" : "节假日");
    days.push({ date, kind, name: name.slice(0, 40) });
  }
  return problems.length > 0 ? err(problems) : ok(days);
}
