import { err, type Finding, ok, type Result } from "../result";

/**
 * 廉防预警 thresholds: each office may set its own; these defaults apply otherwise. Every value is
 * a whole number; the bounds keep a typo from silencing a rule (0 %) or flooding the list.
 */
export const THRESHOLDS = {
  /** A case is "much faster" when registered in under this percentage of its type's median time. */
  fastPercent: {
    default: 20,
    min: 1,
    max: 100,
    zh: "办理时长低于同类中位数的百分比",
    en: "percent of the type's median",
  },
  /** The median is trusted only over at least this many cases of the type. */
  fastMinSample: { default: 5, min: 2, max: 1000, zh: "同类最少样本数", en: "minimum cases of the type" },
  /** Office hours in China time: a human registering before the start or from the end hour on. */
  officeStartHour: { default: 8, min: 0, max: 23, zh: "上班时间（时）", en: "office opens (hour)" },
  officeEndHour: { default: 18, min: 1, max: 24, zh: "下班时间（时）", en: "office closes (hour)" },
  /** One clerk accepting this many cases of the same applicant or agent within the window. */
  samePartyCases: {
    default: 8,
    min: 2,
    max: 1000,
    zh: "同一受理人员同一申请人/代理人案件数",
    en: "cases of one applicant per clerk",
  },
  /** Paper certificate forms one clerk spoils in a day before it is an alert. */
  spoiledForms: {
    default: 3,
    min: 1,
    max: 1000,
    zh: "单人单日作废证书纸张数",
    en: "forms spoiled per clerk per day",
  },
  /** Distinct units one account reads in a day without a case on them. */
  queryUnits: {
    default: 20,
    min: 1,
    max: 100000,
    zh: "单日查询无关联案件的不动产单元数",
    en: "units read per day without a case",
  },
  /** 风险: the same unit transferred twice within this many days. */
  transferDays: {
    default: 180,
    min: 1,
    max: 3650,
    zh: "同一单元两次转移间隔天数",
    en: "days between two transfers",
  },
  /** 风险: a mortgage registered within this many days of the unit's purchase. */
  mortgageDays: {
    default: 30,
    min: 1,
    max: 3650,
    zh: "购入后设立抵押的天数",
    en: "days from purchase to mortgage",
  },
  /** How far back the scheduler looks, in days. */
  windowDays: { default: 30, min: 1, max: 366, zh: "检查时间窗口（天）", en: "days looked back" },
} as const;

export type ThresholdName = keyof typeof THRESHOLDS;
export type Thresholds = Record<ThresholdName, number>;
export const THRESHOLD_NAMES = Object.keys(THRESHOLDS) as ThresholdName[];

export const defaultThresholds = (): Thresholds =>
  Object.fromEntries(THRESHOLD_NAMES.map((n) => [n, THRESHOLDS[n].default])) as Thresholds;

/** The office's thresholds: its own values over the defaults. */
export const thresholdsOf = (own: Partial<Record<string, number>>): Thresholds => {
  const values = defaultThresholds();
  for (const name of THRESHOLD_NAMES) {
    const v = own[name];
    if (v !== undefined) values[name] = v;
  }
  return values;
};

/** Checks a change of thresholds: known names, whole numbers within bounds, hours in order. */
export const checkThresholds = (
  current: Thresholds,
  changes: Readonly<Record<string, number>>,
): Result<Thresholds, Finding[]> => {
  const problems: Finding[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const spec = THRESHOLDS[name as ThresholdName];
    if (!spec) {
      problems.push({
        code: "SUPERVISION.THRESHOLD_UNKNOWN",
        severity: "block",
        message_zh: `没有名为 ${name} 的阈值`,
        message_en: `There is no threshold named ${name}`,
      });
    } else if (!Number.isInteger(value) || value < spec.min || value > spec.max) {
      problems.push({
        code: "SUPERVISION.THRESHOLD_RANGE",
        severity: "block",
        message_zh: `${spec.zh}（${name}）须为 ${spec.min}–${spec.max} 之间的整数`,
        message_en: `${spec.en} (${name}) must be a whole number from ${spec.min} to ${spec.max}`,
      });
    }
  }
  const next = thresholdsOf({ ...current, ...changes });
  if (problems.length === 0 && next.officeStartHour >= next.officeEndHour)
    problems.push({
      code: "SUPERVISION.THRESHOLD_RANGE",
      severity: "block",
      message_zh: "上班时间须早于下班时间",
      message_en: "The office must open before it closes",
    });
  return problems.length > 0 ? err(problems) : ok(next);
};
