import type { RoleAssignment, StaffRole } from "../../api/types";
import type { MenuEntry } from "../../features/shell/menu-entry";

type WorkbenchEntry = MenuEntry & Readonly<{ roles: readonly StaffRole[] }>;

/** 内网工作台 — the stages of a case, each open to the post that handles it. */
export const workbenchMenu: readonly WorkbenchEntry[] = [
  {
    segment: "accept",
    titleKey: "page.workbench.accept",
    soonKey: "page.workbench.accept.soon",
    roles: ["acceptor"],
  },
  {
    segment: "queries",
    titleKey: "page.workbench.queries",
    soonKey: "page.workbench.queries.soon",
    roles: ["acceptor"],
  },
  {
    segment: "review",
    titleKey: "page.workbench.review",
    soonKey: "page.workbench.review.soon",
    roles: ["reviewer"],
  },
  {
    segment: "record",
    titleKey: "page.workbench.record",
    soonKey: "page.workbench.record.soon",
    roles: ["registrar"],
  },
  {
    segment: "prepare",
    titleKey: "page.workbench.prepare",
    soonKey: "page.workbench.prepare.soon",
    roles: ["issuer"],
  },
  {
    segment: "issue",
    titleKey: "page.workbench.issue",
    soonKey: "page.workbench.issue.soon",
    roles: ["issuer"],
  },
  {
    segment: "register",
    titleKey: "page.workbench.register",
    soonKey: "page.workbench.register.soon",
    roles: ["acceptor", "reviewer", "registrar", "issuer", "archivist", "supervisor"],
  },
  {
    segment: "archive",
    titleKey: "page.workbench.archive",
    soonKey: "page.workbench.archive.soon",
    roles: ["archivist"],
  },
  {
    segment: "supervision",
    titleKey: "page.workbench.supervision",
    soonKey: "page.workbench.supervision.soon",
    roles: ["supervisor"],
  },
  {
    segment: "integrity",
    titleKey: "page.workbench.integrity",
    soonKey: "page.workbench.integrity.soon",
    roles: ["supervisor"],
  },
  {
    segment: "dashboard",
    titleKey: "page.workbench.dashboard",
    soonKey: "page.workbench.dashboard.soon",
    roles: ["supervisor"],
  },
  {
    segment: "complaints",
    titleKey: "page.workbench.complaints",
    soonKey: "page.workbench.complaints.soon",
    roles: ["supervisor"],
  },
  {
    segment: "integrations",
    titleKey: "page.workbench.integrations",
    soonKey: "page.workbench.integrations.soon",
    roles: ["admin"],
  },
  {
    segment: "admin",
    titleKey: "page.workbench.admin",
    soonKey: "page.workbench.admin.soon",
    roles: ["admin"],
  },
];

/** The pages a member of staff may open: those of any post they hold, in any jurisdiction. */
export function workbenchMenuFor(roles: readonly Pick<RoleAssignment, "role">[]): readonly WorkbenchEntry[] {
  const held = new Set(roles.map((r) => r.role));
  return workbenchMenu.filter((e) => e.roles.some((role) => held.has(role)));
}
