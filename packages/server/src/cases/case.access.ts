import { type Action, type Actor, type CaseActionKind, can, type StaffRole } from "@yulin/domain";
import type { CaseRow, PartyRow } from "./case.repository";

/**
 * Who may do what with a case, through the one policy module (STYLE.md §4). Any office accepts
 * (全市通办/跨省通办); only the unit's own office reviews and registers (属地审核登簿); courts and
 * banks act across jurisdictions through their institution accounts.
 */

/** The offices where the actor holds a staff role. */
export const officesOf = (actor: Actor, role: StaffRole): string[] =>
  actor.roles.filter((r) => r.role === role).map((r) => r.jurisdiction);

/** Is the actor an applicant side of the case: its creator, a party's account or a party's institution? */
export function isApplicantSide(actor: Actor, c: CaseRow, parties: readonly PartyRow[]): boolean {
  if (c.created_by === actor.accountId) return true;
  return parties.some(
    (p) =>
      p.account_id === actor.accountId ||
      (actor.institutionId !== null && p.institution_id === actor.institutionId),
  );
}

/** Counter staff of any office (窗口录入, 窗口见证): an acceptor who may accept there. */
export const isCounterStaff = (actor: Actor): boolean =>
  officesOf(actor, "acceptor").some((o) => can(actor, "case.accept", { jurisdiction: o }));

/** Who may edit the application: its applicant side, or counter staff of any office. */
export const mayEditApplication = (actor: Actor, c: CaseRow, parties: readonly PartyRow[]): boolean =>
  isApplicantSide(actor, c, parties) || isCounterStaff(actor);

export function canReadCase(actor: Actor, c: CaseRow, parties: readonly PartyRow[]): boolean {
  if (isApplicantSide(actor, c, parties)) return true;
  if (actor.kind === "institution" && parties.some((p) => p.institution_id === actor.institutionId))
    return can(actor, "case.read", { institutionId: actor.institutionId ?? undefined });
  if (actor.kind !== "staff") return false;
  // An application never submitted is the applicant's own: no office sees a draft (issue 17).
  if (c.submitted_at === null) return false;
  if (can(actor, "case.read", { jurisdiction: c.jurisdiction })) return true;
  if (c.accepting_office && can(actor, "case.read", { jurisdiction: c.accepting_office })) return true;
  // A submitted case waits for any office's acceptor (全市通办).
  return c.stage === "submitted" && isCounterStaff(actor);
}

/** Policy action and the office whose staff take each stage action. */
const STAFF_ACTIONS: Partial<
  Record<CaseActionKind, { action: Action; office: "registering" | "accepting" | "any" }>
> = {
  accept: { action: "case.accept", office: "any" },
  "not-accept": { action: "case.accept", office: "any" },
  "start-announcement": { action: "case.review", office: "registering" },
  "end-announcement": { action: "case.review", office: "registering" },
  review: { action: "case.review", office: "registering" },
  suspend: { action: "case.review", office: "registering" },
  resume: { action: "case.review", office: "registering" },
  register: { action: "case.register", office: "registering" },
  certify: { action: "case.certify", office: "registering" },
  issue: { action: "case.issue", office: "registering" },
  archive: { action: "case.archive", office: "registering" },
};

/**
 * The staff role and office in which the actor takes `kind` on the case, or undefined when the
 * actor may not. Correction requests come from the accepting office's acceptor or the registering
 * office's reviewer; objections during an announcement are received by either office; refusal by
 * the registering office's reviewer or registrar; the accepting office may also print and issue.
 */
export function staffRoleFor(
  actor: Actor,
  c: CaseRow,
  kind: CaseActionKind,
  requestedOffice?: string,
): { role: StaffRole; office: string } | undefined {
  if (actor.kind !== "staff") return undefined;
  const tryRole = (role: StaffRole, action: Action, office: string | null | undefined) =>
    office &&
    officesOf(actor, role).length > 0 &&
    can({ ...actor, roles: actor.roles.filter((r) => r.role === role) }, action, { jurisdiction: office })
      ? { role, office }
      : undefined;
  switch (kind) {
    case "request-correction":
      // Before acceptance any office's acceptor lists what is missing (一次性告知), as for acceptance.
      return (
        tryRole("reviewer", "case.review", c.jurisdiction) ??
        tryRole(
          "acceptor",
          "case.accept",
          c.accepting_office ?? requestedOffice ?? officesOf(actor, "acceptor")[0],
        )
      );
    case "receive-objection":
      return (
        tryRole("reviewer", "case.review", c.jurisdiction) ??
        tryRole("acceptor", "case.accept", c.accepting_office)
      );
    case "refuse":
      return (
        tryRole("reviewer", "case.review", c.jurisdiction) ??
        tryRole("registrar", "case.register", c.jurisdiction)
      );
    case "certify":
    case "issue":
      return (
        tryRole("issuer", "case.issue", c.jurisdiction) ?? tryRole("issuer", "case.issue", c.accepting_office)
      );
    default: {
      const spec = STAFF_ACTIONS[kind];
      if (!spec) return undefined;
      const role = ROLE_OF[spec.action] ?? "admin";
      if (spec.office === "any") {
        const offices = officesOf(actor, role);
        const office = requestedOffice ?? offices[0];
        return office && offices.includes(office) ? tryRole(role, spec.action, office) : undefined;
      }
      return tryRole(role, spec.action, spec.office === "registering" ? c.jurisdiction : c.accepting_office);
    }
  }
}

const ROLE_OF: Record<string, StaffRole> = {
  "case.accept": "acceptor",
  "case.review": "reviewer",
  "case.register": "registrar",
  "case.certify": "issuer",
  "case.issue": "issuer",
  "case.archive": "archivist",
};

/**
 * Who may add a material: the applicant side while it may edit the application (a draft or a
 * correction), and staff only in the role that handles the case's current stage: the acceptor
 * before acceptance (窗口补录), the registering office's reviewer during review. Reading a case
 * is not enough: a supervisor, registrar or archivist never adds materials (issue 17).
 */
export function mayAddMaterial(actor: Actor, c: CaseRow, parties: readonly PartyRow[]): boolean {
  if (actor.kind !== "staff") return isApplicantSide(actor, c, parties);
  if (isApplicantSide(actor, c, parties) && (c.stage === "draft" || c.stage === "correction")) return true;
  if (c.stage === "submitted")
    return staffRoleFor(actor, c, "accept", c.accepting_office ?? undefined) !== undefined;
  if (c.stage === "accepted") return staffRoleFor(actor, c, "review") !== undefined;
  return false;
}
