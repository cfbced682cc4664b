import type { MenuEntry } from "../../features/shell/menu-entry";

/** 网上办事大厅 — every citizen and company sees the whole hall. */
export const hallMenu: readonly MenuEntry[] = [
  { segment: "applications", titleKey: "page.hall.applications", soonKey: "page.hall.applications.soon" },
  { segment: "services", titleKey: "page.hall.services", soonKey: "page.hall.services.soon" },
  { segment: "properties", titleKey: "page.hall.properties", soonKey: "page.hall.properties.soon" },
  { segment: "certificates", titleKey: "page.hall.certificates", soonKey: "page.hall.certificates.soon" },
  { segment: "queries", titleKey: "page.hall.queries", soonKey: "page.hall.queries.soon" },
];
