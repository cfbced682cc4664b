import type { BusinessType, MaterialRequirement, PartyRequirement } from "../business-type";
import type { MaterialId } from "../materials";
import type { PartyRole } from "../parties";

/** Materials every application carries; instructions and ex-officio registrations do not. */
const APPLICATION_MATERIALS: readonly MaterialRequirement[] = [
  { id: "application-form" },
  { id: "applicant-identity" },
  { id: "power-of-attorney", when: "agent-present" },
];

type Spec = Omit<BusinessType, "statutoryDays" | "automaticStages" | "whileSeized" | "materials"> & {
  materials: readonly (MaterialRequirement | MaterialId)[];
  whileSeized?: BusinessType["whileSeized"];
};

/**
 * Fills what follows from the rest: the statutory 30 working days (条例 20), the stages an instant
 * type passes automatically, the R7 treatment of a disposal, and the materials of any application.
 */
export const defineType = (spec: Spec): BusinessType => {
  const applied = spec.application.mode === "joint" || spec.application.mode === "single";
  const own = spec.materials.map((m) => (typeof m === "string" ? { id: m } : m));
  return {
    ...spec,
    materials: applied ? [...APPLICATION_MATERIALS, ...own] : own,
    statutoryDays: 30,
    automaticStages: spec.instant
      ? spec.yields === "none"
        ? ["accepted", "reviewed", "registered"]
        : ["accepted", "reviewed", "registered", "certified"]
      : [],
    whileSeized: spec.whileSeized ?? (spec.disposal ? "refused" : "review"),
  };
};

export const party = (
  role: PartyRole,
  label_zh: string,
  label_en: string,
  required = true,
): PartyRequirement => ({
  role,
  label_zh,
  label_en,
  required,
});
