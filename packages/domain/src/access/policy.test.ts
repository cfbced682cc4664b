import { describe, expect, it } from "vitest";
import { jurisdictionCovers as scopeCovers } from "../divisions/divisions";
import {
  ACTIONS,
  type Action,
  type Actor,
  allowedActions,
  can,
  INSTITUTION_KINDS,
  type InstitutionKind,
  STAFF_ROLES,
  type StaffRole,
} from "./policy";

const OWN = "440604"; // 佛山市禅城区
const SAME_CITY = "440605"; // 佛山市南海区
const OTHER = "231202"; // 绥化市北林区

const staff = (role: StaffRole, jurisdiction = OWN): Actor => ({
  accountId: `staff-${role}`,
  kind: "staff",
  institutionKind: null,
  institutionId: null,
  roles: [{ role, jurisdiction }],
});
const institution = (kind: InstitutionKind, id = "inst-1"): Actor => ({
  accountId: `acct-${kind}`,
  kind: "institution",
  institutionKind: kind,
  institutionId: id,
  roles: [],
});
const citizen: Actor = {
  accountId: "c-1",
  kind: "citizen",
  institutionKind: null,
  institutionId: null,
  roles: [],
};

/** The expected matrix for staff: role → actions allowed in the own jurisdiction (never elsewhere). */
const staffMatrix: Record<StaffRole, Action[]> = {
  acceptor: [
    "case.accept",
    "case.read",
    "register.read",
    "register.read-public",
    "integrations.request",
    "archive.borrow",
  ],
  reviewer: [
    "case.review",
    "case.read",
    "register.read",
    "register.search-holder",
    "register.read-public",
    "integrations.request",
    "archive.borrow",
  ],
  registrar: [
    "case.register",
    "case.read",
    "register.read",
    "register.search-holder",
    "register.sign-head",
    "cadastre.edit",
    "register.read-public",
    "integrations.request",
    "archive.borrow",
  ],
  issuer: ["case.certify", "case.issue", "case.read", "register.read-public", "archive.transfer"],
  archivist: [
    "case.archive",
    "case.read",
    "register.read",
    "register.read-public",
    "archive.transfer",
    "archive.manage",
    "archive.borrow",
  ],
  supervisor: [
    "supervision.view",
    "supervision.act",
    "audit.read",
    "case.read",
    "register.read",
    "register.search-holder",
    "office.read-staff",
    "register.read-public",
    "archive.borrow",
  ],
  admin: [
    "office.read-staff",
    "office.manage-staff",
    "account.read",
    "account.reveal-pii",
    "audit.read",
    "calendar.edit",
    "register.sign-head",
    "register.read-public",
    "integrations.operate",
  ],
};

/** Certificate actions (certificates/), added to the matrix above. */
const certificateMatrix: Record<StaffRole, Action[]> = {
  acceptor: [],
  reviewer: [],
  registrar: ["certificate.read", "certificate.download", "certificate.replace", "certificate.void"],
  issuer: ["certificate.read", "certificate.download", "certificate.print", "certificate.deliver"],
  archivist: [],
  supervisor: ["certificate.read"],
  admin: [],
};

describe("policy matrix: staff role × action × own/other jurisdiction", () => {
  for (const role of STAFF_ROLES) {
    for (const action of ACTIONS) {
      const expected = [...staffMatrix[role], ...certificateMatrix[role]].includes(action);
      it(`${role} ${expected ? "may" : "may not"} ${action} in its own county`, () => {
        expect(can(staff(role), action, { jurisdiction: OWN })).toBe(expected);
      });
      // Only the national holiday calendar, the public view of the register (R30) and the
      // department connectors are not bound to a county.
      const elsewhere =
        expected &&
        (action === "calendar.edit" ||
          action === "register.read-public" ||
          action === "integrations.operate");
      it(`${role} ${elsewhere ? "may" : "may not"} ${action} in another province's county`, () => {
        expect(can(staff(role), action, { jurisdiction: OTHER })).toBe(elsewhere);
      });
    }
  }

  it("a county-scoped role does not reach a sibling county of the same city", () => {
    expect(can(staff("reviewer"), "case.review", { jurisdiction: SAME_CITY })).toBe(false);
  });

  it("a city-scoped supervisor covers every county of that city and nothing else", () => {
    const cityLead = staff("supervisor", "440600");
    expect(can(cityLead, "supervision.view", { jurisdiction: OWN })).toBe(true);
    expect(can(cityLead, "supervision.view", { jurisdiction: SAME_CITY })).toBe(true);
    expect(can(cityLead, "supervision.view", { jurisdiction: OTHER })).toBe(false);
  });

  it("a staff action with no jurisdiction on the resource is refused (fail closed)", () => {
    expect(can(staff("acceptor"), "case.accept", {})).toBe(false);
  });
});

describe("policy matrix: institutions × action × own/other institution", () => {
  for (const kind of INSTITUTION_KINDS) {
    it(`${kind} reads its own institution's cases but not another's`, () => {
      expect(can(institution(kind), "case.read", { institutionId: "inst-1" })).toBe(true);
      expect(can(institution(kind), "case.read", { institutionId: "inst-2" })).toBe(false);
    });
    it(`${kind} manages only its own API tokens`, () => {
      expect(can(institution(kind), "institution.manage-tokens", { institutionId: "inst-1" })).toBe(true);
      expect(can(institution(kind), "institution.manage-tokens", { institutionId: "inst-2" })).toBe(false);
    });
    it(`${kind} never performs a staff action`, () => {
      for (const action of ["case.accept", "case.review", "case.register", "office.manage-staff"] as const) {
        expect(can(institution(kind), action, { jurisdiction: OWN, institutionId: "inst-1" })).toBe(false);
      }
    });
  }

  it("only courts seize, in any jurisdiction", () => {
    for (const kind of INSTITUTION_KINDS) {
      expect(can(institution(kind), "seizure.apply", { jurisdiction: OTHER })).toBe(kind === "court");
    }
    expect(can(staff("admin"), "seizure.apply", { jurisdiction: OWN })).toBe(false);
  });

  it("only courts among institutions search the register by person", () => {
    for (const kind of INSTITUTION_KINDS) {
      expect(can(institution(kind), "register.search-holder", { jurisdiction: OTHER })).toBe(
        kind === "court",
      );
    }
  });

  it("only courts read a unit in full as a state organ; any institution reads one it holds a restriction on (R30)", () => {
    for (const kind of INSTITUTION_KINDS) {
      expect(can(institution(kind), "register.read-official", { jurisdiction: OTHER })).toBe(
        kind === "court",
      );
      expect(can(institution(kind), "register.read-interested", { institutionId: "inst-1" })).toBe(true);
      expect(can(institution(kind), "register.read-interested", { institutionId: "inst-2" })).toBe(false);
    }
    expect(can(citizen, "register.read-official", { jurisdiction: OWN })).toBe(false);
    expect(can(citizen, "register.read-interested", { institutionId: "inst-1" })).toBe(false);
  });

  it("only tax, housing and bank institutions call back, each as itself", () => {
    for (const kind of INSTITUTION_KINDS) {
      const departments = ["tax", "housing", "bank"];
      expect(can(institution(kind), "integrations.callback", { institutionId: "inst-1" })).toBe(
        departments.includes(kind),
      );
      expect(can(institution(kind), "integrations.callback", { institutionId: "inst-2" })).toBe(false);
    }
    expect(can(staff("admin"), "integrations.callback", { institutionId: "inst-1" })).toBe(false);
  });

  it("only banks apply for mortgages as institutions", () => {
    for (const kind of INSTITUTION_KINDS) {
      expect(can(institution(kind), "mortgage.apply", { jurisdiction: OWN })).toBe(kind === "bank");
    }
  });
});

describe("policy: applicants", () => {
  it("a citizen reads its own case and account, not another's", () => {
    expect(can(citizen, "case.read", { ownerAccountId: "c-1" })).toBe(true);
    expect(can(citizen, "case.read", { ownerAccountId: "c-2" })).toBe(false);
    expect(can(citizen, "account.read", { ownerAccountId: "c-2" })).toBe(false);
  });

  it("a citizen may apply but never act as staff", () => {
    expect(allowedActions(citizen, { ownerAccountId: "c-1", jurisdiction: OWN })).toEqual([
      "case.create",
      "case.read",
      "register.read-public",
      "register.read-own",
      "account.read",
      "certificate.download",
    ]);
  });

  it("a citizen sees the register in full only for property it holds (R30)", () => {
    expect(can(citizen, "register.read-own", { ownerAccountId: "c-1" })).toBe(true);
    expect(can(citizen, "register.read-own", { ownerAccountId: "c-2" })).toBe(false);
    expect(can(citizen, "register.read", { jurisdiction: OWN })).toBe(false);
    expect(can(citizen, "register.search-holder", { jurisdiction: OWN })).toBe(false);
  });
});

describe("scopeCovers", () => {
  it("reads province, city and county scopes from the code's trailing zeros", () => {
    expect(scopeCovers("440000", "440604")).toBe(true);
    expect(scopeCovers("440000", "231202")).toBe(false);
    expect(scopeCovers("440600", "440605")).toBe(true);
    expect(scopeCovers("440600", "441900")).toBe(false);
    expect(scopeCovers("440604", "440604")).toBe(true);
    expect(scopeCovers("440604", "440605")).toBe(false);
  });
});

describe("policy: certificates", () => {
  it("a holder downloads only certificates issued to them", () => {
    expect(can(citizen, "certificate.download", { ownerAccountId: "c-1" })).toBe(true);
    expect(can(citizen, "certificate.download", { ownerAccountId: "c-2" })).toBe(false);
    expect(can(citizen, "certificate.print", { ownerAccountId: "c-1", jurisdiction: OWN })).toBe(false);
  });

  it("a mortgagee bank downloads its own certifications, not another bank's", () => {
    expect(can(institution("bank"), "certificate.download", { institutionId: "inst-1" })).toBe(true);
    expect(can(institution("bank"), "certificate.download", { institutionId: "inst-2" })).toBe(false);
  });
});
