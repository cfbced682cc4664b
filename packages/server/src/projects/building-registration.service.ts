import {
  type CaseDraft,
  type MaterialId,
  type RuleFinding,
  requireBusinessType,
  type UnitSlice,
} from "@yulin/domain";
import { type RequestContext, writeAudit } from "../platform/audit/audit";
import { inTransaction } from "../platform/db/database";
import { AppError } from "../platform/errors";
import {
  COMPLETION_WITH_CONVERSION,
  CONVERT_CONSTRUCTION,
  constructionMortgageOf,
  mortgageeOf,
} from "./construction-mortgage.service";
import { partDraft } from "./presale.service";
import { findBuilding, markBuildingRegistered } from "./project.repository";
import { type ProjectDeps, requireOwnProject } from "./project.service";
import type { SealedParty } from "./projects.port";
import { draftParty, presentRuleFinding, registerUnitCase, type UnitCase } from "./unit-registration";

export const FIRST_HOUSE = "first.house.state-land";

/** The building's case number: one case registers every unit of the building. */
export const buildingCaseId = (parcelCode: string, buildingNo: string) =>
  `${parcelCode.slice(0, 6)}-SC-${parcelCode.slice(6)}F${buildingNo}`;

/** 房屋首次登记 of one unit: the developer's right on the facts of the 楼盘表 and the land right's term. */
export function firstRegistrationDraft(
  slice: UnitSlice,
  developer: SealedParty,
  materials: readonly MaterialId[],
): CaseDraft {
  const land = slice.landRights.find((r) => r.right.status === "current")?.right;
  return {
    typeId: FIRST_HOUSE,
    unitCode: slice.unit.unitCode,
    parties: [draftParty(developer, "right-holder")],
    materials: materials.map((id) => ({ id, source: "upload" as const })),
    consents: [],
    riskStatements: [],
    taxCleared: true,
    feePaid: true,
    right: {
      rightType: "4",
      nature: land?.nature ?? "102",
      use: land?.use ?? null,
      area: slice.unit.buildingArea ?? null,
      termStart: land?.termStart ?? null,
      termEnd: land?.termEnd ?? null,
    },
  };
}

/**
 * The unit's case: its first registration, and with a mortgage on the building under construction
 * the conversion of that mortgage in the same case (细则 77, R16).
 */
function unitCaseOf(
  caseId: string,
  slice: UnitSlice,
  holder: SealedParty,
  materials: readonly MaterialId[],
): UnitCase {
  const first = firstRegistrationDraft(slice, holder, materials);
  const pending = constructionMortgageOf(slice);
  if (!pending) return { caseId, drafts: [first] };
  const convert = partDraft(
    CONVERT_CONSTRUCTION,
    slice.unit.unitCode,
    [
      [mortgageeOf(pending), "right-holder"],
      [holder, "obligor"],
    ],
    materials,
    { mortgage: { targetMortgageId: String(pending.seq) } },
  );
  return { caseId, combinedTypeId: COMPLETION_WITH_CONVERSION, drafts: [first, convert] };
}

export type UnitRefusal = { unitCode: string; findings: ReturnType<typeof presentRuleFinding>[] };

/**
 * The developer's first registration of a whole building (房屋所有权首次登记): one case, one
 * transaction, every unit checked at commit (R3: the land right registered to the same developer,
 * R2, R7 …) and registered with its certificate; any unit refused refuses the building (nothing
 * half-registered). Returns the certificates; the caller then starts the 预转本 of its notices.
 */
export function createBuildingRegistration({ db, ports, now }: ProjectDeps) {
  return async function registerBuilding(
    ctx: RequestContext,
    projectId: string,
    buildingNo: string,
    input: { materials: string[] },
  ) {
    const { project, developer } = await requireOwnProject(db, ctx, projectId);
    const holder = await ports.partyOfAccount(developer.accountId);
    const calendar = await ports.calendar();
    const known = new Set(
      [FIRST_HOUSE, CONVERT_CONSTRUCTION].flatMap((t) =>
        requireBusinessType(t).materials.map((m) => m.id as string),
      ),
    );
    const materials = input.materials.filter((m) => known.has(m)) as MaterialId[];
    const at = now();
    const caseId = buildingCaseId(project.parcel_code, buildingNo);
    const registered = await inTransaction(db, async (tx) => {
      const building = await findBuilding(tx, project.id, buildingNo, true);
      if (!building) throw new AppError("PROJECT.BUILDING_NOT_FOUND");
      if (building.registered_at)
        throw new AppError("PROJECT.ALREADY_REGISTERED", { caseId: building.case_id });
      await ports.register.lockUnits(tx, building.unit_codes);
      const refused: UnitRefusal[] = [];
      const certificates: string[] = [];
      for (const unitCode of building.unit_codes) {
        const slice = await ports.register.loadUnitSlice(tx, unitCode);
        if (!slice) throw new AppError("CASE.UNIT_UNKNOWN", { unitCode });
        const outcome = await registerUnitCase(tx, ctx, unitCaseOf(caseId, slice, holder, materials), {
          ports,
          calendar,
          now: at,
          slice,
        });
        if (!outcome.ok) refused.push({ unitCode, findings: blockingOf(outcome.findings) });
        else certificates.push(...outcome.certificates);
      }
      if (refused.length > 0) throw new AppError("PROJECT.REGISTRATION_REFUSED", { caseId, units: refused });
      await markBuildingRegistered(tx, { projectId: project.id, buildingNo }, { caseId, at, certificates });
      await writeAudit(tx, ctx, {
        action: "project.building.register",
        outcome: "success",
        targetType: "building",
        targetId: `${project.parcel_code}F${buildingNo}`,
        jurisdiction: project.jurisdiction,
        details: { caseId, units: building.unit_codes.length },
      });
      return { caseId, units: building.unit_codes.length, certificates };
    });
    ports.certificates.wake();
    return registered;
  };
}

const blockingOf = (findings: RuleFinding[]) =>
  findings.filter((f) => f.severity === "block").map(presentRuleFinding);
