import {
  addDays,
  average,
  caseRates,
  checkPeriod,
  findBusinessType,
  findCombinedType,
  promisedDaysFor,
  requireBusinessType,
} from "@yulin/domain";
import { countOpenCasesByOfficeStage } from "../cases/case-backlog.repository";
import { chinaDateOf } from "../cases/case-clock";
import { findDisplayNames } from "../identity/account.repository";
import { findOfficeNames } from "../identity/office.repository";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { scopePrefixes } from "../register/register.access";
import {
  type CaseFigureRow,
  type Period,
  sumCaseFigures,
  sumMortgagesByBank,
  sumStaffActions,
  sumTransfersByMonthOffice,
} from "./dashboard-figures.repository";

/** The promised limit of a business or combined type: the longest of its parts (R23). */
export function promisedDaysOf(typeId: string): number | null {
  const single = findBusinessType(typeId);
  if (single) return promisedDaysFor(single);
  const combined = findCombinedType(typeId);
  if (!combined) return null;
  return Math.max(...combined.parts.map((p) => promisedDaysFor(requireBusinessType(p.typeId))));
}

export const typeName = (typeId: string): string =>
  findBusinessType(typeId)?.name_zh ?? findCombinedType(typeId)?.name_zh ?? typeId;

/** The period asked for, or the last 30 days to today; a bad or too long one is a 400. */
export function periodOf(query: { from?: string; to?: string }, today: string): Period {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -29);
  const check = checkPeriod(from, to);
  if (!check.ok) throw new AppError("DASHBOARD.RANGE_INVALID", { from, to, reason: check.reason });
  return { from, to };
}

const withRates = (r: CaseFigureRow) => ({ key: r.key, ...caseRates(r) });

/** 一屏智判: the figures of one period for the caller's city (leader) or office (office head). */
export function createDashboardService(deps: { db: Database; now: () => Date }) {
  const { db } = deps;

  async function scope(ctx: RequestContext, office: string | undefined) {
    const actor = ctx.actor;
    if (!actor) throw new AppError("AUTH.UNAUTHENTICATED");
    const prefixes = scopePrefixes(actor, "supervision.view");
    const covered = office ? prefixes.filter((p) => office.startsWith(p)) : prefixes;
    if (covered.length === 0) {
      await writeAudit(db, ctx, { action: "dashboard.read", outcome: "denied", details: { office } });
      throw new AppError("AUTH.FORBIDDEN");
    }
    const narrowed = office ? [office] : covered;
    return { prefixes: narrowed, view: narrowed.every((p) => p.length === 6) ? "office" : "city" } as const;
  }

  return {
    async figures(ctx: RequestContext, query: { from?: string; to?: string; office?: string }) {
      const today = chinaDateOf(deps.now());
      const period = periodOf(query, today);
      const { prefixes, view } = await scope(ctx, query.office);
      const [byDay, byOffice, byType, staff, backlog, mortgages, market] = await Promise.all([
        sumCaseFigures(db, prefixes, period, "day"),
        sumCaseFigures(db, prefixes, period, "jurisdiction"),
        sumCaseFigures(db, prefixes, period, "type_id"),
        sumStaffActions(db, prefixes, period),
        countOpenCasesByOfficeStage(db, prefixes, today),
        sumMortgagesByBank(db, prefixes, period),
        sumTransfersByMonthOffice(db, prefixes, period),
      ]);
      const offices = await findOfficeNames(db, [
        ...new Set([...byOffice.map((r) => r.key), ...backlog.map((r) => r.jurisdiction.trim())]),
      ]);
      const names = await findDisplayNames(db, [...new Set(staff.map((s) => s.actor_id))]);
      const officeName = (code: string) => offices.get(code) ?? code;
      const total = byOffice.reduce(
        (t, r) => ({
          submitted: t.submitted + r.submitted,
          online: t.online + r.online,
          registered: t.registered + r.registered,
          instant: t.instant + r.instant,
          on_time: t.on_time + r.on_time,
          processing_seconds: t.processing_seconds + r.processing_seconds,
        }),
        { submitted: 0, online: 0, registered: 0, instant: 0, on_time: 0, processing_seconds: 0 },
      );
      await writeAudit(db, ctx, {
        action: "dashboard.read",
        outcome: "success",
        details: { prefixes, period },
      });
      return {
        view,
        scope: prefixes,
        period,
        totals: caseRates(total),
        byDay: byDay.map((r) => ({ day: r.key, submitted: r.submitted, registered: r.registered })),
        byOffice: byOffice.map((r) => ({ ...withRates(r), name: officeName(r.key) })),
        byType: byType.map((r) => ({
          ...withRates(r),
          name: typeName(r.key),
          promisedDays: promisedDaysOf(r.key),
        })),
        staff: staff.map((s) => ({
          office: s.office,
          staffId: s.actor_id,
          name: names.get(s.actor_id) ?? s.actor_id,
          actions: s.actions,
        })),
        backlog: backlog.map((b) => ({
          office: b.jurisdiction.trim(),
          name: officeName(b.jurisdiction.trim()),
          stage: b.stage,
          open: b.open,
          overdue: b.overdue,
        })),
        mortgages: mortgages.map((m) => ({ bank: m.bank, count: m.count, amountYuan: m.amount_yuan })),
        market: market.map((m) => ({
          month: m.month,
          office: m.jurisdiction,
          name: officeName(m.jurisdiction),
          transfers: m.transfers,
          averagePriceYuan: average(m.price_fen / 100, m.transfers),
        })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
export type DashboardFigures = Awaited<ReturnType<DashboardService["figures"]>>;
