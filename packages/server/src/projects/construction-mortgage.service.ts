import type { EncumbranceRecord, UnitSlice } from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { inTransaction } from "../platform/db/database";
import type { NoticeParty } from "../platform/db/schema";
import { AppError } from "../platform/errors";
import { blockingOf, materialsOf, partDraft } from "./presale.service";
import { findBuilding } from "./project.repository";
import { type ProjectDeps, requireOwnProject } from "./project.service";
import { registerUnitCase } from "./unit-registration";

export const CONSTRUCTION_MORTGAGE = "mortgage.first.construction";
export const CONVERT_CONSTRUCTION = "mortgage.convert-construction";
export const COMPLETION_WITH_CONVERSION = "combined.completion-with-mortgage-conversion";

const liveAdvanceNotice = (slice: UnitSlice) =>
  slice.encumbrances.some((e) => e.kind === "advance-notice" && e.status !== "historic");

/** The unit's live mortgage on the building under construction, which its first registration converts (细则 77). */
export const constructionMortgageOf = (slice: UnitSlice): EncumbranceRecord | undefined =>
  slice.encumbrances.find(
    (e) =>
      e.kind === "mortgage" &&
      e.status !== "historic" &&
      (e.particulars as { construction?: boolean }).construction === true,
  );

/** The mortgagee as the register records it, as a party of the conversion. */
export const mortgageeOf = (m: EncumbranceRecord): NoticeParty => ({
  personKey: m.holderIdHash ?? "",
  name: m.holderName,
  holderType: m.holderType,
  idType: m.holderIdType,
  idNumberEnc: m.holderIdEnc,
  idNumberMasked: m.holderIdMasked,
  institutionId: null,
  accountId: null,
});

/**
 * 在建建筑物抵押权首次登记 on a building of the project: the developer mortgages the units it
 * names to its bank, each unit's share of the loan on the unit, in one transaction. R16: a unit
 * under advance notice may not be in the collateral; any such unit refuses the whole request.
 */
export function createConstructionMortgage({ db, ports, now }: ProjectDeps) {
  return async function mortgageBuilding(
    ctx: RequestContext,
    projectId: string,
    buildingNo: string,
    input: { bank: string; amountFen: number; units?: string[]; materials: string[] },
  ) {
    const { project, developer } = await requireOwnProject(db, ctx, projectId);
    const [owner, bank] = await Promise.all([
      ports.partyOfAccount(developer.accountId),
      ports.partyOfUsername(input.bank),
    ]);
    const calendar = await ports.calendar();
    const at = now();
    const building = await findBuilding(db, project.id, buildingNo);
    if (!building) throw new AppError("PROJECT.BUILDING_NOT_FOUND");
    const units = input.units ?? building.unit_codes;
    const outside = units.filter((u) => !building.unit_codes.includes(u));
    if (outside.length > 0) throw new AppError("PROJECT.BUILDING_NOT_FOUND", { units: outside });
    const share = Math.floor(input.amountFen / Math.max(1, units.length));
    const known = new Set<string>(materialsOf(CONSTRUCTION_MORTGAGE));
    const materials = materialsOf(CONSTRUCTION_MORTGAGE).filter(
      (m) => known.has(m) && input.materials.includes(m),
    );
    const caseId = `${project.jurisdiction}-ZJ-${project.parcel_code.slice(6)}F${buildingNo}`;
    const done = await inTransaction(db, async (tx) => {
      await ports.register.lockUnits(tx, units);
      const refused = [];
      for (const unitCode of units) {
        const slice = await ports.register.loadUnitSlice(tx, unitCode);
        if (!slice) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode });
        const draft = partDraft(
          CONSTRUCTION_MORTGAGE,
          unitCode,
          [
            [bank, "right-holder"],
            [owner, "obligor"],
          ],
          materials,
          {
            mortgage: { amount: share, collateralUnits: [unitCode] },
          },
        );
        const plannedUnits = [{ unitCode, presaleFiled: false, advanceNotice: liveAdvanceNotice(slice) }];
        const outcome = await registerUnitCase(
          tx,
          ctx,
          { caseId, drafts: [draft], plannedUnits },
          { ports, calendar, now: at, slice },
        );
        if (!outcome.ok) refused.push({ unitCode, findings: blockingOf(outcome.findings) });
      }
      if (refused.length > 0) throw new AppError("PROJECT.REGISTRATION_REFUSED", { caseId, units: refused });
      await writeAudit(tx, ctx, {
        action: "project.construction-mortgage",
        outcome: "success",
        targetType: "building",
        targetId: `${project.parcel_code}F${buildingNo}`,
        jurisdiction: project.jurisdiction,
        details: { caseId, units: units.length },
      });
      return { caseId, units: units.length, amountFenPerUnit: share };
    });
    ports.certificates.wake();
    return done;
  };
}
