import { useQueries } from "@tanstack/react-query";
import { caseKeys, fetchCase } from "../../cases/api/cases.api";
import { useCaseList } from "../../cases/hooks/use-cases";
import type { UnitView } from "../../register/api/register.api";

export type SeizureTarget = { id: string; label: string };

const RECORDED = ["registered", "certified", "issued", "archived"];

/**
 * The seizures a release or an extension may name: those the register shows (staff, holders), or —
 * for a court, which sees a unit's public view only — the court's own registered seizures of the
 * unit, known from its cases (the register entry a case wrote is the seizure's id).
 */
export function useSeizureTargets(unitCode: string | null, unit: UnitView | undefined): SeizureTarget[] {
  const fromRegister = (unit?.encumbrances ?? [])
    .filter((e) => e.kind === "seizure" && e.status !== "historic")
    .map((e) => ({
      id: String(e.seq),
      label: `${e.documentNo ?? e.seq} · ${e.holderName} · ${e.startsOn ?? ""} ~ ${e.endsOn ?? ""}`,
    }));
  const cases = useCaseList({});
  const own = (cases.data ?? []).filter(
    (c) =>
      unitCode !== null &&
      c.unitCode === unitCode &&
      (c.typeId === "seizure.seize" || c.typeId === "seizure.wait") &&
      RECORDED.includes(c.stage),
  );
  const details = useQueries({
    queries: own.map((c) => ({
      queryKey: caseKeys.one(c.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCase(c.id, signal),
    })),
  });
  if (unit?.encumbrances) return fromRegister;
  return details.flatMap((d) => {
    const view = d.data;
    const entry = view?.parts[0]?.entries?.[0];
    if (!view || entry === undefined) return [];
    const details = view.parts[0]?.details as {
      documentNo?: string;
      seizure?: { periodStart?: string; periodEnd?: string };
    };
    return [
      {
        id: String(entry),
        label: `${details.documentNo ?? view.id} · ${details.seizure?.periodStart ?? ""} ~ ${details.seizure?.periodEnd ?? ""}`,
      },
    ];
  });
}
