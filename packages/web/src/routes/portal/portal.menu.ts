import type { InstitutionKind } from "../../api/types";
import type { MenuEntry } from "../../features/shell/menu-entry";

type PortalEntry = MenuEntry & Readonly<{ institutionKinds: readonly InstitutionKind[] }>;

/** 机构门户 — each kind of institution sees only its own business. */
export const portalMenu: readonly PortalEntry[] = [
  {
    segment: "mortgages",
    titleKey: "page.portal.mortgages",
    soonKey: "page.portal.mortgages.soon",
    institutionKinds: ["bank"],
  },
  {
    segment: "collateral",
    titleKey: "page.portal.collateral",
    soonKey: "page.portal.collateral.soon",
    institutionKinds: ["bank"],
  },
  {
    segment: "seizures",
    titleKey: "page.portal.seizures",
    soonKey: "page.portal.seizures.soon",
    institutionKinds: ["court"],
  },
  {
    segment: "seizure-list",
    titleKey: "page.portal.seizureList",
    soonKey: "page.portal.seizureList.soon",
    institutionKinds: ["court"],
  },
  {
    segment: "projects",
    titleKey: "page.portal.projects",
    soonKey: "page.portal.projects.soon",
    institutionKinds: ["developer"],
  },
  {
    segment: "advance-notices",
    titleKey: "page.portal.advanceNotices",
    soonKey: "page.portal.advanceNotices.soon",
    institutionKinds: ["developer"],
  },
  {
    segment: "agency",
    titleKey: "page.portal.agency",
    soonKey: "page.portal.agency.soon",
    institutionKinds: ["agent"],
  },
  {
    segment: "inheritance",
    titleKey: "page.portal.inheritance",
    soonKey: "page.portal.inheritance.soon",
    institutionKinds: ["notary"],
  },
  {
    segment: "collaboration",
    titleKey: "page.portal.collaboration",
    soonKey: "page.portal.collaboration.soon",
    institutionKinds: ["tax", "housing"],
  },
];

export function portalMenuFor(institutionKind: InstitutionKind | null): readonly PortalEntry[] {
  if (institutionKind === null) return [];
  return portalMenu.filter((e) => e.institutionKinds.includes(institutionKind));
}
