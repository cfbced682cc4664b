import type { OfficeFacts } from "./facts";
import type { Thresholds } from "./thresholds";

/** The integrity (廉防) and risk (风险) rules, each with its name and what it watches. */
export const ALERT_RULES = {
  "fast-handling": {
    zh: "办理时长远低于同类案件",
    en: "handled much faster than its type's norm",
    kind: "integrity",
  },
  "off-hours": {
    zh: "非工作时间人工登簿",
    en: "registered by a person out of office hours",
    kind: "integrity",
  },
  "same-party": {
    zh: "同一人员频繁办理同一申请人或代理人的案件",
    en: "one clerk, one applicant or agent, often",
    kind: "integrity",
  },
  "stage-order": { zh: "案件环节跳过或倒退", en: "a stage skipped or reversed", kind: "integrity" },
  "form-spoiled": { zh: "证书纸张作废过多", en: "many certificate forms spoiled", kind: "integrity" },
  "form-missing": { zh: "证书印制号缺号", en: "certificate form serial missing", kind: "integrity" },
  "query-no-case": {
    zh: "查询大量无关联案件的不动产",
    en: "many units read without a case",
    kind: "integrity",
  },
  "same-person": {
    zh: "受理与登簿为同一人",
    en: "accepted and registered by the same person",
    kind: "integrity",
  },
  "certificate-before-tax": {
    zh: "完税前缮证发证",
    en: "certificate issued before the tax was cleared",
    kind: "risk",
  },
  "transfer-twice": {
    zh: "同一单元短期内两次转移",
    en: "same unit transferred twice within N days",
    kind: "risk",
  },
  "mortgage-after-purchase": {
    zh: "购入后短期内设立抵押",
    en: "mortgage on a unit bought within N days",
    kind: "risk",
  },
} as const;
export type AlertRuleId = keyof typeof ALERT_RULES;
export const ALERT_RULE_IDS = Object.keys(ALERT_RULES) as AlertRuleId[];

/**
 * An alert as a rule raises it: `key` identifies the pattern so a later sweep does not raise it
 * twice; the evidence names the cases, the timeline lines and the figures that tripped the rule.
 */
export type AlertDraft = {
  rule: AlertRuleId;
  key: string;
  office: string;
  caseIds: string[];
  transitionIds: string[];
  summary_zh: string;
  summary_en: string;
  figures: Record<string, string | number>;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CHINA = 8 * HOUR;

/** The China date and hour of an instant, and whether that day is a Saturday or Sunday. */
export const chinaClock = (iso: string) => {
  const t = new Date(new Date(iso).getTime() + CHINA);
  return {
    day: t.toISOString().slice(0, 10),
    hour: t.getUTCHours(),
    weekend: [0, 6].includes(t.getUTCDay()),
  };
};

const median = (values: readonly number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const isHuman = (t: { actorId: string | null; actorRole: string }) =>
  t.actorId !== null && t.actorRole !== "system";

/** 办理时长: registered in under `fastPercent` % of the median of its type (instant cases excepted). */
export function fastHandling(facts: OfficeFacts, th: Thresholds): AlertDraft[] {
  const byType = new Map<string, Array<{ id: string; hours: number }>>();
  for (const c of facts.cases) {
    if (c.instant || !c.acceptedAt || !c.registeredAt) continue;
    const hours = (Date.parse(c.registeredAt) - Date.parse(c.acceptedAt)) / HOUR;
    const type = c.typeIds.join("+");
    byType.set(type, [...(byType.get(type) ?? []), { id: c.id, hours }]);
  }
  const alerts: AlertDraft[] = [];
  for (const [type, rows] of byType) {
    if (rows.length < th.fastMinSample) continue;
    const norm = median(rows.map((r) => r.hours));
    for (const r of rows)
      if (r.hours * 100 < norm * th.fastPercent)
        alerts.push({
          rule: "fast-handling",
          key: r.id,
          office: facts.office,
          caseIds: [r.id],
          transitionIds: [],
          summary_zh: `${type} 受理至登簿 ${r.hours.toFixed(1)} 小时，同类中位数 ${norm.toFixed(1)} 小时`,
          summary_en: `${type} accepted to registered in ${r.hours.toFixed(1)} h; the type's median is ${norm.toFixed(1)} h`,
          figures: {
            hours: Number(r.hours.toFixed(2)),
            medianHours: Number(norm.toFixed(2)),
            sample: rows.length,
          },
        });
  }
  return alerts;
}

/** 非工作时间登簿: a person registered before opening, after closing or on a weekend. */
export function offHours(facts: OfficeFacts, th: Thresholds): AlertDraft[] {
  const instant = new Set(facts.cases.filter((c) => c.instant).map((c) => c.id));
  return facts.transitions
    .filter((t) => t.action === "register" && isHuman(t) && !instant.has(t.caseId))
    .filter((t) => {
      const c = chinaClock(t.at);
      return c.weekend || c.hour < th.officeStartHour || c.hour >= th.officeEndHour;
    })
    .map((t) => {
      const c = chinaClock(t.at);
      return {
        rule: "off-hours" as const,
        key: t.id,
        office: facts.office,
        caseIds: [t.caseId],
        transitionIds: [t.id],
        summary_zh: `${c.day} ${c.hour} 时人工登簿（工作时间 ${th.officeStartHour}–${th.officeEndHour} 时${c.weekend ? "，周末" : ""}）`,
        summary_en: `Registered by a person on ${c.day} at ${c.hour}:00 (office hours ${th.officeStartHour}–${th.officeEndHour}${c.weekend ? ", weekend" : ""})`,
        figures: { actor: t.actorId ?? "", day: c.day, hour: c.hour },
      };
    });
}

/** 受理与登簿同一人: the person who accepted a case also registered it. */
export function samePerson(facts: OfficeFacts): AlertDraft[] {
  const acceptedBy = new Map<string, { id: string; actor: string }>();
  for (const t of facts.transitions)
    if (t.action === "accept" && isHuman(t))
      acceptedBy.set(t.caseId, { id: t.id, actor: t.actorId as string });
  return facts.transitions
    .filter((t) => t.action === "register" && isHuman(t) && acceptedBy.get(t.caseId)?.actor === t.actorId)
    .map((t) => ({
      rule: "same-person" as const,
      key: t.caseId,
      office: facts.office,
      caseIds: [t.caseId],
      transitionIds: [acceptedBy.get(t.caseId)?.id as string, t.id],
      summary_zh: "同一工作人员既受理又登簿",
      summary_en: "The same person accepted and registered the case",
      figures: { actor: t.actorId ?? "" },
    }));
}

/** 同一人员频繁办理同一申请人或代理人: accepted cases per clerk and person (or submitting account). */
export function sameParty(facts: OfficeFacts, th: Thresholds): AlertDraft[] {
  const creator = new Map(facts.cases.map((c) => [c.id, c.createdBy]));
  const people = new Map<string, Set<string>>();
  for (const p of facts.parties) people.set(p.caseId, (people.get(p.caseId) ?? new Set()).add(p.personKey));
  const names = new Map(facts.parties.map((p) => [p.personKey, p.name]));
  const groups = new Map<string, { clerk: string; person: string; cases: Set<string>; ids: string[] }>();
  for (const t of facts.transitions) {
    if (t.action !== "accept" || !isHuman(t)) continue;
    const who = new Set(people.get(t.caseId) ?? []);
    const by = creator.get(t.caseId);
    if (by) who.add(`account:${by}`);
    for (const person of who) {
      const key = `${t.actorId}|${person}`;
      const g = groups.get(key) ?? { clerk: t.actorId as string, person, cases: new Set<string>(), ids: [] };
      g.cases.add(t.caseId);
      g.ids.push(t.id);
      groups.set(key, g);
    }
  }
  return [...groups.entries()]
    .filter(([, g]) => g.cases.size >= th.samePartyCases)
    .map(([key, g]) => ({
      rule: "same-party" as const,
      key,
      office: facts.office,
      caseIds: [...g.cases].sort(),
      transitionIds: g.ids,
      summary_zh: `同一受理人员受理 ${names.get(g.person) ?? "同一提交账户"} 的案件 ${g.cases.size} 件（阈值 ${th.samePartyCases}）`,
      summary_en: `One clerk accepted ${g.cases.size} cases of ${names.get(g.person) ?? "one submitting account"} (threshold ${th.samePartyCases})`,
      figures: { clerk: g.clerk, cases: g.cases.size },
    }));
}

export const daysBetween = (a: string, b: string) => Math.abs(Date.parse(b) - Date.parse(a)) / DAY;
