import { caseRates, monthPeriod } from "@yulin/domain";
import { chinaDateOf } from "../cases/case-clock";
import { promisedDaysOf, typeName } from "../dashboards/dashboard.service";
import {
  sumCaseFigures,
  sumCorrectionsByMonth,
  sumDisputeEncumbrances,
} from "../dashboards/dashboard-figures.repository";
import { findOfficeNames } from "../identity/office.repository";
import type { Database } from "../platform/db/database";
import { AppError } from "../platform/errors";
import { countClaimsByOffice } from "./compensation.repository";
import { countComplaintsByOffice } from "./complaint.repository";

/** Every office: the public statistics cover the whole platform. */
const ALL = [""];

/**
 * 阳光登记 statistics, public and computed on request from the live figure tables, so a month's
 * figures are published as the month goes (no one has to press publish): cases and processing
 * times per office and type, disputes (objections, corrections, court seizures), complaints and
 * compensation claims.
 */
export function createPublicStatisticsService(deps: { db: Database; now: () => Date }) {
  const { db } = deps;

  /** The months that may be asked for: the current one and the 23 before it. */
  function months(): string[] {
    const [y, m] = chinaDateOf(deps.now()).split("-").map(Number) as [number, number];
    return Array.from({ length: 24 }, (_, i) => {
      const d = new Date(Date.UTC(y, m - 1 - i, 1));
      return d.toISOString().slice(0, 7);
    });
  }

  /** The month asked for (default: the current one) and its days; one outside the 24 is a 400. */
  function checkMonth(month: string | undefined) {
    const available = months();
    const chosen = month ?? available[0]!;
    if (!available.includes(chosen))
      throw new AppError("DASHBOARD.RANGE_INVALID", { month: chosen, available });
    return { month: chosen, available, period: monthPeriod(chosen) };
  }

  return {
    checkMonth,
    async month(month: string | undefined) {
      const { month: chosen, available, period } = checkMonth(month);
      const from = new Date(`${period.from}T00:00:00+08:00`);
      const to = new Date(from.getTime() + Number(period.to.slice(8)) * 86_400_000);
      const [byOffice, byType, encumbrances, corrections, complaints, claims] = await Promise.all([
        sumCaseFigures(db, ALL, period, "jurisdiction"),
        sumCaseFigures(db, ALL, period, "type_id"),
        sumDisputeEncumbrances(db, ALL, period),
        sumCorrectionsByMonth(db, ALL, period),
        countComplaintsByOffice(db, from, to),
        countClaimsByOffice(db, from, to),
      ]);
      const names = await findOfficeNames(
        db,
        byOffice.map((r) => r.key),
      );
      const count = (kind: string) =>
        encumbrances.filter((e) => e.kind === kind).reduce((s, e) => s + e.count, 0);
      return {
        month: chosen,
        months: available,
        generatedAt: deps.now().toISOString(),
        byOffice: byOffice.map((r) => ({ office: r.key, name: names.get(r.key) ?? r.key, ...caseRates(r) })),
        byType: byType.map((r) => ({
          typeId: r.key,
          name: typeName(r.key),
          promisedDays: promisedDaysOf(r.key),
          ...caseRates(r),
        })),
        disputes: {
          objections: count("objection"),
          seizures: count("seizure"),
          corrections: corrections.reduce((s, c) => s + c.count, 0),
        },
        complaints: {
          filed: complaints.reduce((s, c) => s + Number(c.filed), 0),
          answered: complaints.reduce((s, c) => s + Number(c.answered), 0),
        },
        compensation: {
          filed: claims.reduce((s, c) => s + Number(c.claims), 0),
          paid: claims.filter((c) => c.status === "paid").reduce((s, c) => s + Number(c.claims), 0),
        },
      };
    },
  };
}

export type PublicStatisticsService = ReturnType<typeof createPublicStatisticsService>;
