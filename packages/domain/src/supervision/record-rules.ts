import { findBusinessType } from "../cases/catalogue";
import { actionStartsFrom } from "../cases/stage-machine";
import type { AlertDraft } from "./alerts";
import { chinaClock, daysBetween } from "./alerts";
import type { OfficeFacts, TransitionFact } from "./facts";
import type { Thresholds } from "./thresholds";

/** The main line's order; side stages sit beside the stage they pause. */
const RANK: Record<string, number> = {
  draft: 0,
  submitted: 1,
  correction: 1,
  accepted: 2,
  announcing: 2,
  suspended: 2,
  reviewed: 3,
  registered: 4,
  certified: 5,
  issued: 6,
  archived: 7,
  "not-accepted": 8,
  refused: 8,
  withdrawn: 8,
};
/** Actions that lawfully go back along the main line (补正, 中止, 异议). */
const BACKWARDS = new Set(["request-correction", "suspend", "resume", "receive-objection", "withdraw"]);

/** What is wrong with one timeline line given the one before it, if anything. */
const lineProblem = (t: TransitionFact, previous: TransitionFact | undefined): string | undefined => {
  const expectedFrom = previous ? previous.to : "draft";
  if (t.from !== expectedFrom) return `skipped: ${expectedFrom} → ${t.from}`;
  if (t.action !== "auto" && !actionStartsFrom(t.action).includes(t.from as never))
    return `${t.action} from ${t.from}`;
  if ((RANK[t.to] ?? 0) < (RANK[t.from] ?? 0) && !BACKWARDS.has(t.action))
    return `reversed: ${t.from} → ${t.to}`;
  return undefined;
};

/** 环节跳过或倒退: a case's timeline that the stage machine could not have written. */
export function stageOrder(facts: OfficeFacts): AlertDraft[] {
  const byCase = new Map<string, TransitionFact[]>();
  for (const t of facts.transitions) byCase.set(t.caseId, [...(byCase.get(t.caseId) ?? []), t]);
  const alerts: AlertDraft[] = [];
  for (const [caseId, lines] of byCase) {
    lines.sort((a, b) => Number(a.id) - Number(b.id));
    lines.forEach((t, i) => {
      const problem = lineProblem(t, lines[i - 1]);
      if (problem)
        alerts.push({
          rule: "stage-order",
          key: t.id,
          office: facts.office,
          caseIds: [caseId],
          transitionIds: [lines[i - 1]?.id, t.id].filter((x): x is string => x !== undefined),
          summary_zh: `案件环节记录异常：${problem}`,
          summary_en: `The timeline has a line the workflow cannot write: ${problem}`,
          figures: { action: t.action, from: t.from, to: t.to },
        });
    });
  }
  return alerts;
}

/** 证书纸张作废: one clerk spoiling `spoiledForms` or more forms in a day. */
export function formsSpoiled(facts: OfficeFacts, th: Thresholds): AlertDraft[] {
  const groups = new Map<string, string[]>();
  for (const f of facts.forms) {
    if (f.status !== "spoiled") continue;
    const key = `${f.by ?? "?"}|${chinaClock(f.at).day}`;
    groups.set(key, [...(groups.get(key) ?? []), f.serial]);
  }
  return [...groups.entries()]
    .filter(([, serials]) => serials.length >= th.spoiledForms)
    .map(([key, serials]) => ({
      rule: "form-spoiled" as const,
      key,
      office: facts.office,
      caseIds: [],
      transitionIds: [],
      summary_zh: `${key.split("|")[1]} 同一人作废证书纸张 ${serials.length} 张：${serials.sort().join("、")}`,
      summary_en: `One clerk spoiled ${serials.length} certificate forms on ${key.split("|")[1]}: ${serials.join(", ")}`,
      figures: { clerk: key.split("|")[0] as string, spoiled: serials.length },
    }));
}

const SERIAL = /^(.*?)(\d+)$/;

/** 证书印制号缺号: a gap between two used forms of the same series (at most 100 apart: one batch). */
export function formsMissing(facts: OfficeFacts): AlertDraft[] {
  const series = new Map<string, Array<{ n: number; width: number }>>();
  for (const f of facts.forms) {
    const m = SERIAL.exec(f.serial);
    if (!m) continue;
    const [, prefix = "", digits = ""] = m;
    series.set(prefix, [...(series.get(prefix) ?? []), { n: Number(digits), width: digits.length }]);
  }
  const alerts: AlertDraft[] = [];
  for (const [prefix, used] of series) {
    used.sort((a, b) => a.n - b.n);
    for (let i = 1; i < used.length; i++) {
      const a = used[i - 1] as { n: number; width: number };
      const b = used[i] as { n: number; width: number };
      if (b.n - a.n <= 1 || b.n - a.n > 100) continue;
      const name = (n: number) => `${prefix}${String(n).padStart(a.width, "0")}`;
      const missing = b.n - a.n - 1;
      alerts.push({
        rule: "form-missing",
        key: name(a.n + 1),
        office: facts.office,
        caseIds: [],
        transitionIds: [],
        summary_zh: `证书印制号 ${name(a.n + 1)}${missing > 1 ? ` 至 ${name(b.n - 1)}` : ""} 未使用也未作废（缺 ${missing} 张）`,
        summary_en: `Form serial ${name(a.n + 1)}${missing > 1 ? ` to ${name(b.n - 1)}` : ""} neither used nor spoiled (${missing} missing)`,
        figures: { from: name(a.n + 1), to: name(b.n - 1), missing },
      });
    }
  }
  return alerts;
}

/** 查询无关联案件: an account reading `queryUnits` or more units in a day without a case on them. */
export function queriesWithoutCase(facts: OfficeFacts, th: Thresholds): AlertDraft[] {
  return facts.reads
    .map((r) => ({
      r,
      loose: r.unitCodes.filter((u) => !facts.readUnitsWithCase.has(`${r.accountId}|${u}`)),
    }))
    .filter(({ loose }) => loose.length >= th.queryUnits)
    .map(({ r, loose }) => ({
      rule: "query-no-case" as const,
      key: `${r.accountId}|${r.day}`,
      office: facts.office,
      caseIds: [],
      transitionIds: [],
      summary_zh: `${r.label} 于 ${r.day} 查询 ${loose.length} 个无关联案件的不动产单元（阈值 ${th.queryUnits}）`,
      summary_en: `${r.label} read ${loose.length} units without a case on ${r.day} (threshold ${th.queryUnits})`,
      figures: { account: r.accountId, units: loose.length, sample: loose.slice(0, 10).join(" ") },
    }));
}

const typeOf = (id: string) => findBusinessType(id);
const isTransfer = (id: string) => typeOf(id)?.subject === "right" && typeOf(id)?.verb === "transfer";
const isMortgage = (id: string) => typeOf(id)?.subject === "mortgage" && typeOf(id)?.verb === "create";

/** Registered cases of one kind, per unit, in registering order. */
const registeredByUnit = (facts: OfficeFacts, kind: (typeId: string) => boolean) => {
  const byUnit = new Map<string, Array<{ id: string; at: string }>>();
  const seen = new Set(facts.cases.map((c) => c.id));
  const earlier = facts.earlierCases.filter((c) => !seen.has(c.id));
  for (const c of [...earlier, ...facts.cases])
    if (c.registeredAt && c.typeIds.some(kind))
      byUnit.set(c.unitCode, [...(byUnit.get(c.unitCode) ?? []), { id: c.id, at: c.registeredAt }]);
  for (const rows of byUnit.values()) rows.sort((a, b) => a.at.localeCompare(b.at));
  return byUnit;
};

/** 风险: the same unit transferred twice within `transferDays`. */
export function transferTwice(facts: OfficeFacts, th: Thresholds): AlertDraft[] {
  const alerts: AlertDraft[] = [];
  for (const [unit, rows] of registeredByUnit(facts, isTransfer))
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]] as [{ id: string; at: string }, { id: string; at: string }];
      const days = daysBetween(a.at, b.at);
      if (days <= th.transferDays)
        alerts.push({
          rule: "transfer-twice",
          key: b.id,
          office: facts.office,
          caseIds: [a.id, b.id],
          transitionIds: [],
          summary_zh: `单元 ${unit} 在 ${Math.floor(days)} 天内两次转移（阈值 ${th.transferDays} 天）`,
          summary_en: `Unit ${unit} transferred twice within ${Math.floor(days)} days (threshold ${th.transferDays})`,
          figures: { unit, days: Math.floor(days) },
        });
    }
  return alerts;
}

/** 风险: a mortgage registered within `mortgageDays` of the unit's purchase (not in the same case). */
export function mortgageAfterPurchase(facts: OfficeFacts, th: Thresholds): AlertDraft[] {
  const transfers = registeredByUnit(facts, isTransfer);
  const alerts: AlertDraft[] = [];
  for (const [unit, mortgages] of registeredByUnit(facts, isMortgage))
    for (const m of mortgages) {
      const bought = (transfers.get(unit) ?? []).filter((t) => t.id !== m.id && t.at <= m.at).at(-1);
      if (!bought || daysBetween(bought.at, m.at) > th.mortgageDays) continue;
      const days = Math.floor(daysBetween(bought.at, m.at));
      alerts.push({
        rule: "mortgage-after-purchase",
        key: m.id,
        office: facts.office,
        caseIds: [bought.id, m.id],
        transitionIds: [],
        summary_zh: `单元 ${unit} 购入 ${days} 天后即设立抵押（阈值 ${th.mortgageDays} 天）`,
        summary_en: `Unit ${unit} mortgaged ${days} days after its purchase (threshold ${th.mortgageDays})`,
        figures: { unit, days },
      });
    }
  return alerts;
}

/** 风险: a certificate prepared or issued for a deed-tax case before the tax was cleared. */
export function certificateBeforeTax(facts: OfficeFacts): AlertDraft[] {
  const taxed = new Set(
    facts.cases.filter((c) => c.typeIds.some((t) => typeOf(t)?.deedTax)).map((c) => c.id),
  );
  const cleared = new Map(facts.taxes.map((t) => [t.caseId, t.clearedAt]));
  const alerts: AlertDraft[] = [];
  const seen = new Set<string>();
  for (const t of facts.transitions) {
    if (!taxed.has(t.caseId) || seen.has(t.caseId) || (t.to !== "certified" && t.to !== "issued")) continue;
    const at = cleared.get(t.caseId) ?? null;
    if (at !== null && Date.parse(at) <= Date.parse(t.at)) continue;
    seen.add(t.caseId);
    alerts.push({
      rule: "certificate-before-tax",
      key: t.caseId,
      office: facts.office,
      caseIds: [t.caseId],
      transitionIds: [t.id],
      summary_zh: at ? `完税（${at}）前已缮证发证` : "未完税即缮证发证",
      summary_en: at
        ? `Certificate made before the tax was cleared (${at})`
        : "Certificate made with no tax cleared",
      figures: { certifiedAt: t.at, taxClearedAt: at ?? "" },
    });
  }
  return alerts;
}
