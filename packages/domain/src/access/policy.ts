/**
 * The one authorization module (STYLE.md §4): every use case asks `can(actor, action, resource)`.
 * Rules are declarative rows: who (staff role, institution kind or account kind), what action,
 * and a predicate on the resource (own jurisdiction, own institution, own account).
 */
import { jurisdictionCovers } from "../divisions/divisions";

export const ACCOUNT_KINDS = ["citizen", "company", "institution", "staff"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const INSTITUTION_KINDS = ["bank", "developer", "agent", "court", "notary", "tax", "housing"] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** 受理员, 审核员, 登簿员, 发证员, 档案员, 督查员, 管理员 */
export const STAFF_ROLES = [
  "acceptor",
  "reviewer",
  "registrar",
  "issuer",
  "archivist",
  "supervisor",
  "admin",
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  acceptor: "受理员",
  reviewer: "审核员",
  registrar: "登簿员",
  issuer: "发证员",
  archivist: "档案员",
  supervisor: "督查员",
  admin: "管理员",
};

export type Actor = {
  accountId: string;
  kind: AccountKind;
  institutionKind: InstitutionKind | null;
  institutionId: string | null;
  /** Staff roles, each scoped to a 6-digit division code (county, city `xxxx00` or province `xx0000`). */
  roles: ReadonlyArray<{ role: StaffRole; jurisdiction: string }>;
  /** A company's agent (经办人) acts as the company: `accountId` is the company's, this is the agent's. */
  operatorId?: string;
};

/** What an action touches. Fields absent when they do not apply. */
export type Resource = {
  /** County code of the office or property the action concerns. */
  jurisdiction?: string;
  /** Institution that owns the resource (its cases, its tokens). */
  institutionId?: string;
  /** Account that owns the resource (an applicant's case, one's own profile). */
  ownerAccountId?: string;
};

export const ACTIONS = [
  "case.create", // 申请
  "case.read",
  "case.accept", // 受理
  "case.review", // 审核
  "case.register", // 登簿
  "case.certify", // 缮证
  "case.issue", // 发证
  "case.archive", // 归档
  "archive.transfer", // 移交归档: the case office hands a finished case to the archive
  "archive.manage", // 档案管理: sign-off, four-properties check, lending approval, return, appraisal, legacy import
  "archive.borrow", // 档案借阅: staff of the office who may read the record's cases
  "register.read", // 登记簿查询 (staff view)
  "register.read-public", // 自然状况及是否存在共有、抵押、预告、异议、查封 (R30, no holder identity)
  "register.read-own", // 权利人查询本人不动产 (R30)
  "register.read-interested", // 利害关系人查询: the holder of a restriction on the unit (a mortgagee bank, a seizing court) sees its registration results (R30)
  "register.read-official", // 国家机关依法查询: courts read a unit in full with their document (R30), audited with the purpose
  "register.search-holder", // 按权利人查询 (staff of the office, courts)
  "register.sign-head", // 签署登记簿树根 (signed tree head on demand)
  "cadastre.edit", // 地籍调查成果入库: parcels, buildings, units
  "seizure.apply", // 查封 (courts)
  "mortgage.apply", // 抵押 (banks)
  "supervision.view", // 监管
  "supervision.act", // 廉防预警跟进、阈值、信用名单 (supervisors only)
  "audit.read",
  "office.read-staff",
  "office.manage-staff",
  "calendar.edit", // 节假日维护
  "account.read",
  "account.reveal-pii", // 查看完整证件号码
  "institution.manage-tokens",
  "integrations.operate", // 部门接口运维: connectors, outbox, dead letters, reconciliation
  "integrations.request", // 部门协同: declare tax, open payment orders, fetch contracts and licences
  "integrations.callback", // departments calling back (tax, housing, banks as payment channel)
  "certificate.read", // 证书查看 (staff of the registering office)
  "certificate.download", // 下载电子证书 (holders, the mortgagee, staff)
  "certificate.print", // 缮证: print on the paper form and record its 印制号
  "certificate.deliver", // 发证: hand over at the counter or post
  "certificate.replace", // 补发/换发 (R26)
  "certificate.void", // 证书作废 (cancellation, revocation)
] as const;
export type Action = (typeof ACTIONS)[number];

type Predicate = (actor: Actor, resource: Resource, scope: string | null) => boolean;
type Who = { role: StaffRole } | { institution: InstitutionKind | "any" } | { kind: AccountKind };
type Rule = { who: Who; actions: readonly Action[]; when: Predicate };

const inJurisdiction: Predicate = (_a, r, scope) =>
  scope !== null && r.jurisdiction !== undefined && jurisdictionCovers(scope, r.jurisdiction);
const ownInstitution: Predicate = (a, r) => a.institutionId !== null && r.institutionId === a.institutionId;
const ownAccount: Predicate = (a, r) => r.ownerAccountId === a.accountId;
const always: Predicate = () => true;

const allow = (who: Who, actions: readonly Action[], when: Predicate): Rule => ({ who, actions, when });

const rules: readonly Rule[] = [
  // Any office may accept (全市通办/跨省通办): the resource is the accepting office.
  allow({ role: "acceptor" }, ["case.accept", "case.read", "register.read"], inJurisdiction),
  // Only the property's own office reviews and registers (属地审核登簿).
  allow({ role: "reviewer" }, ["case.review", "case.read", "register.read"], inJurisdiction),
  allow({ role: "registrar" }, ["case.register", "case.read", "register.read"], inJurisdiction),
  // Searching the register by person, sealing the ledger and recording survey results.
  allow(
    { role: "registrar" },
    ["register.search-holder", "register.sign-head", "cadastre.edit"],
    inJurisdiction,
  ),
  allow({ role: "reviewer" }, ["register.search-holder"], inJurisdiction),
  allow({ role: "supervisor" }, ["register.search-holder"], inJurisdiction),
  allow({ role: "admin" }, ["register.sign-head"], inJurisdiction),
  allow({ role: "issuer" }, ["case.certify", "case.issue", "case.read"], inJurisdiction),
  allow({ role: "archivist" }, ["case.archive", "case.read", "register.read"], inJurisdiction),
  // 电子档案: the case office transfers, the archivist keeps; staff who may read cases borrow.
  allow({ role: "issuer" }, ["archive.transfer"], inJurisdiction),
  allow({ role: "archivist" }, ["archive.transfer", "archive.manage", "archive.borrow"], inJurisdiction),
  allow({ role: "reviewer" }, ["archive.borrow"], inJurisdiction),
  allow({ role: "registrar" }, ["archive.borrow"], inJurisdiction),
  allow({ role: "acceptor" }, ["archive.borrow"], inJurisdiction),
  allow({ role: "supervisor" }, ["archive.borrow"], inJurisdiction),
  allow(
    { role: "supervisor" },
    ["supervision.view", "supervision.act", "audit.read", "case.read", "register.read", "office.read-staff"],
    inJurisdiction,
  ),
  allow(
    { role: "admin" },
    ["office.read-staff", "office.manage-staff", "account.read", "account.reveal-pii", "audit.read"],
    inJurisdiction,
  ),
  // The holiday schedule is national; any administrator maintains it (audited).
  allow({ role: "admin" }, ["calendar.edit"], always),
  // Department connectors serve the whole installation; any administrator operates them (audited).
  allow({ role: "admin" }, ["integrations.operate"], always),
  // Staff who take a case through acceptance, review and registering ask departments for it.
  allow({ role: "acceptor" }, ["integrations.request"], inJurisdiction),
  allow({ role: "reviewer" }, ["integrations.request"], inJurisdiction),
  allow({ role: "registrar" }, ["integrations.request"], inJurisdiction),
  // Courts and banks act across jurisdictions through their institution accounts.
  allow({ institution: "court" }, ["seizure.apply", "case.create"], always),
  // Courts search by person (查控) across jurisdictions; every search is audited with its purpose.
  allow({ institution: "court" }, ["register.search-holder"], always),
  // R30: state organs query per their documents; a court reads a unit in full, stating its purpose.
  allow({ institution: "court" }, ["register.read-official"], always),
  // R30: an institution holding a restriction on the unit (the resource names that institution) is
  // an interested party and sees the unit's registration results.
  allow({ institution: "any" }, ["register.read-interested"], ownInstitution),
  allow({ institution: "bank" }, ["mortgage.apply", "case.create"], always),
  allow({ institution: "developer" }, ["case.create"], always),
  allow({ institution: "agent" }, ["case.create"], always),
  allow({ institution: "notary" }, ["case.create"], always),
  // Departments answer through callbacks signed by their own institution.
  allow({ institution: "tax" }, ["integrations.callback"], ownInstitution),
  allow({ institution: "housing" }, ["integrations.callback"], ownInstitution),
  allow({ institution: "bank" }, ["integrations.callback"], ownInstitution),
  allow({ institution: "any" }, ["case.read", "institution.manage-tokens"], ownInstitution),
  allow({ kind: "citizen" }, ["case.create"], always),
  allow({ kind: "company" }, ["case.create"], always),
  // R30: anyone with an intent to buy, rent or lend sees the natural state and which
  // restrictions exist, without the holder's identity; holders see their own property in full.
  ...ACCOUNT_KINDS.map((kind) => allow({ kind }, ["register.read-public"], always)),
  allow({ kind: "citizen" }, ["register.read-own"], ownAccount),
  allow({ kind: "company" }, ["register.read-own"], ownAccount),
  // Certificates (certificates/): issuers print and hand over, registrars replace and void; a
  // remote print job makes the printing office's issuers act too (the service passes that office).
  allow(
    { role: "issuer" },
    ["certificate.read", "certificate.download", "certificate.print", "certificate.deliver"],
    inJurisdiction,
  ),
  allow(
    { role: "registrar" },
    ["certificate.read", "certificate.download", "certificate.replace", "certificate.void"],
    inJurisdiction,
  ),
  allow({ role: "supervisor" }, ["certificate.read"], inJurisdiction),
  // Holders download the certificates issued to them, a mortgagee bank its certifications.
  allow({ kind: "citizen" }, ["certificate.download"], ownAccount),
  allow({ kind: "company" }, ["certificate.download"], ownAccount),
  allow({ institution: "any" }, ["certificate.download"], ownInstitution),
  // Everyone may read what is their own.
  allow({ kind: "citizen" }, ["case.read", "account.read"], ownAccount),
  allow({ kind: "company" }, ["case.read", "account.read"], ownAccount),
  allow({ kind: "institution" }, ["account.read"], ownAccount),
  allow({ kind: "staff" }, ["account.read"], ownAccount),
];

function scopesFor(actor: Actor, who: Who): Array<string | null> {
  if ("role" in who) {
    if (actor.kind !== "staff") return [];
    return actor.roles.filter((r) => r.role === who.role).map((r) => r.jurisdiction);
  }
  if ("institution" in who) {
    if (actor.kind !== "institution" || actor.institutionKind === null) return [];
    return who.institution === "any" || who.institution === actor.institutionKind ? [null] : [];
  }
  return actor.kind === who.kind ? [null] : [];
}

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  return rules.some(
    (rule) =>
      rule.actions.includes(action) &&
      scopesFor(actor, rule.who).some((scope) => rule.when(actor, resource, scope)),
  );
}

/** The actions an actor may take on a resource: the response tells the client what comes next. */
export function allowedActions(actor: Actor, resource: Resource = {}): Action[] {
  return ACTIONS.filter((action) => can(actor, action, resource));
}
