import {
  BUSINESS_TYPES,
  type BusinessType,
  COMBINED_TYPES,
  type CombinedType,
  findBusinessType,
  findCombinedType,
  isInstantEligible,
  MATERIALS,
  type MaterialCondition,
  type MaterialFetchSource,
  type MaterialId,
  type MaterialRequiredAt,
  materialFetchSource,
  materialRequiredAt,
  PARTY_ROLE_NAMES,
  type PartyRole,
  promisedDaysFor,
  REGISTRATION_CLASS_NAMES,
  type RegistrationClass,
} from "@yulin/domain/cases/index";
import {
  calculateRegistrationFee,
  NATIONAL_FEE_TABLE,
  type PropertyClass,
  type RegistrationFeeInput,
  type RegistrationKind,
} from "@yulin/domain/fees/index";

/**
 * 办事指南 — what an applicant reads before applying, derived from the domain's business-type
 * catalogue and fee calculator (no API): who applies, the parties, the materials (and which an
 * e-licence replaces), the fee, the promised time and whether the result is instant.
 */

export type Bilingual = { zh: string; en: string };

export type GuideMaterial = {
  id: MaterialId;
  name: Bilingual;
  alternatives: Bilingual[];
  /** May be supplied as a reference to an e-licence instead of an upload. */
  eLicence: boolean;
  /** The registry fetches it itself (零材料): nothing to upload. Same catalogue as rule R29. */
  fetched: MaterialFetchSource | null;
  /** When it is first required: the tax proof only before registering, not at submit. */
  requiredAt: MaterialRequiredAt;
  commitment: boolean;
  when: MaterialCondition | null;
};

export type GuideParty = { role: PartyRole; label: Bilingual; required: boolean };

export type GuideFee = {
  property: "residential" | "non-residential" | null;
  totalFen: number;
  reason: Bilingual;
  basis: string;
};

export type ServiceGuide = {
  id: string;
  name: Bilingual;
  combined: boolean;
  group: CatalogueGroup;
  parts: { typeId: string; name: Bilingual; note: string | null }[];
  applicationMode: BusinessType["application"]["mode"];
  applicants: Bilingual[];
  applicationBasis: string;
  parties: GuideParty[];
  materials: GuideMaterial[];
  fees: GuideFee[];
  promisedDays: number;
  statutoryDays: number;
  instant: boolean;
  instantChannel: string | null;
  announcementDays: number | null;
  yields: BusinessType["yields"][];
  basis: string | null;
  /** Applied for online by citizens, companies and agents (not a court's instruction or ex officio). */
  applicable: boolean;
};

/** Groups of the guided catalogue, in the order a citizen looks for them. */
export const CATALOGUE_GROUPS = [
  "transfer",
  "mortgage",
  "combined",
  "first",
  "change",
  "cancellation",
  "advance-notice",
  "correction",
  "seizure",
  "other",
] as const;
export type CatalogueGroup = (typeof CATALOGUE_GROUPS)[number];

const CLASS_GROUP: Record<RegistrationClass, CatalogueGroup> = {
  100: "first",
  200: "transfer",
  300: "change",
  400: "cancellation",
  500: "correction",
  600: "correction",
  700: "advance-notice",
  800: "seizure",
  900: "other",
};

export function groupOf(type: BusinessType): CatalogueGroup {
  if (type.subject === "mortgage") return "mortgage";
  if (type.subject === "seizure") return "seizure";
  if (type.subject === "advance-notice") return "advance-notice";
  if (type.verb === "cancel") return "cancellation";
  return CLASS_GROUP[type.class];
}

/** The fee calculator's kind of registration for a business type. */
export function feeKindOf(type: BusinessType): RegistrationKind {
  if (type.subject === "seizure") return "seizure";
  if (type.subject === "advance-notice") return "advance-notice";
  if (type.verb === "cancel" || type.verb === "release") return "cancellation";
  if (type.subject === "certificate") return "replacement";
  if (type.subject === "objection") return "objection";
  if (type.subject === "mortgage") return "mortgage";
  if (type.subject === "easement") return "easement";
  if (type.subject === "habitation") return "habitation";
  if (type.verb === "correct") return "correction";
  if (type.verb === "change") return "change";
  if (type.verb === "transfer") return "transfer";
  return "first";
}

/** The fee of one registration of `type` on a property of each class it may concern (80 / 550 yuan …). */
export function feesOf(type: BusinessType): GuideFee[] {
  const kind = feeKindOf(type);
  const certificates = type.yields === "certificate" ? 1 : 0;
  const compute = (property: PropertyClass, extra: Partial<RegistrationFeeInput> = {}): GuideFee | null => {
    const result = calculateRegistrationFee({ kind, property, certificates, ...extra }, NATIONAL_FEE_TABLE);
    if (!result.ok) return null;
    const p = property === "residential" || property === "non-residential" ? property : null;
    return {
      property: p,
      totalFen: result.value.total,
      reason: { zh: result.value.reason_zh, en: result.value.reason_en },
      basis: result.value.basis,
    };
  };
  const list = (() => {
    switch (type.fee) {
      case "none":
        return [compute("residential", { kind: "seizure" })].map((f) => f && { ...f, property: null });
      case "certificate-cost-only":
        return [compute("residential", { kind: "replacement" })].map((f) => f && { ...f, property: null });
      case "half":
        return [
          compute("residential", { kind: "change", change: "holder-name-or-id" }),
          compute("non-residential", { kind: "change", change: "holder-name-or-id" }),
        ];
      case "residential":
        return [compute("residential")];
      case "non-residential":
        return [compute("non-residential")];
      case "by-use":
        return [compute("residential"), compute("non-residential")];
    }
  })();
  return list.filter((f): f is GuideFee => f !== null);
}

const bilingual = (zh: string, en: string): Bilingual => ({ zh, en });

function materialsOf(types: readonly BusinessType[]): GuideMaterial[] {
  const seen = new Map<MaterialId, GuideMaterial>();
  for (const type of types)
    for (const m of type.materials) {
      if (seen.has(m.id)) continue;
      const def = MATERIALS[m.id];
      seen.set(m.id, {
        id: m.id,
        name: bilingual(def.name_zh, def.name_en),
        alternatives: (m.anyOf ?? []).map((a) => bilingual(MATERIALS[a].name_zh, MATERIALS[a].name_en)),
        eLicence: "eLicence" in def && def.eLicence === true,
        fetched: materialFetchSource(m.id) ?? null,
        requiredAt: materialRequiredAt(m.id),
        commitment: "commitment" in def && def.commitment === true,
        when: m.when ?? null,
      });
    }
  return [...seen.values()];
}

function guideOfTypes(
  id: string,
  name: Bilingual,
  types: readonly BusinessType[],
  combined: CombinedType | null,
): ServiceGuide {
  const first = types[0]!;
  const parties = new Map<PartyRole, GuideParty>();
  for (const type of types)
    for (const p of type.parties)
      if (!parties.has(p.role))
        parties.set(p.role, { role: p.role, label: bilingual(p.label_zh, p.label_en), required: p.required });
  const instant = types.every(isInstantEligible);
  const announcement = types.find((t) => t.announcement)?.announcement ?? null;
  return {
    id,
    name,
    combined: combined !== null,
    group: combined ? "combined" : groupOf(first),
    parts: combined
      ? combined.parts.map((p) => {
          const t = findBusinessType(p.typeId)!;
          return { typeId: p.typeId, name: bilingual(t.name_zh, t.name_en), note: p.note_zh ?? null };
        })
      : [],
    applicationMode: first.application.mode,
    applicants: first.application.applicants.map((role) => {
      const label = first.parties.find((p) => p.role === role);
      return label
        ? bilingual(label.label_zh, label.label_en)
        : bilingual(PARTY_ROLE_NAMES[role].zh, PARTY_ROLE_NAMES[role].en);
    }),
    applicationBasis: first.application.basis,
    parties: [...parties.values()],
    materials: materialsOf(types),
    fees: combined ? feesOf(first) : feesOf(first),
    promisedDays: Math.max(...types.map((t) => promisedDaysFor(t))),
    statutoryDays: Math.max(...types.map((t) => t.statutoryDays)),
    instant,
    instantChannel: instant ? (first.instant?.channel ?? null) : null,
    announcementDays: announcement ? announcement.workingDays : null,
    yields: [...new Set(types.map((t) => t.yields))],
    basis: combined?.basis ?? null,
    applicable: types.every((t) => t.application.mode === "joint" || t.application.mode === "single"),
  };
}

/** The guide of a business type or combined type id; undefined for an unknown id. */
export function findServiceGuide(id: string): ServiceGuide | undefined {
  const single = findBusinessType(id);
  if (single) return guideOfTypes(id, bilingual(single.name_zh, single.name_en), [single], null);
  const combined = findCombinedType(id);
  if (!combined) return undefined;
  const types = combined.parts.map((p) => findBusinessType(p.typeId)).filter((t) => t !== undefined);
  return guideOfTypes(id, bilingual(combined.name_zh, combined.name_en), types, combined);
}

/** Every guide: single types in catalogue order, then the combined ones. */
export const ALL_GUIDES: readonly ServiceGuide[] = [
  ...BUSINESS_TYPES.map((t) => findServiceGuide(t.id)!),
  ...COMBINED_TYPES.map((c) => findServiceGuide(c.id)!),
];

/** Guides matching a search text (Chinese or English name, or id) in a group ("all" for any). */
export function searchGuides(
  guides: readonly ServiceGuide[],
  text: string,
  group: CatalogueGroup | "all",
): ServiceGuide[] {
  const q = text.trim().toLowerCase();
  return guides.filter(
    (g) =>
      (group === "all" || g.group === group) &&
      (q === "" || g.name.zh.includes(q) || g.name.en.toLowerCase().includes(q) || g.id.includes(q)),
  );
}

export const classNameOf = (c: RegistrationClass): Bilingual => {
  const n = REGISTRATION_CLASS_NAMES[c];
  return { zh: n.zh, en: n.en };
};

/** Formats fen as yuan without trailing zeros: 8000 → "80", 55050 → "550.5". */
export const yuanOf = (fen: number): string => String(fen / 100);
