/**
 * Party roles on a case (申请主体). A registration names the people it affects by role; the
 * catalogue says which roles must apply (R4) and how each role is labelled for the business type
 * (the 权利人 of a mortgage is the 抵押权人, its 义务人 the 抵押人).
 */
export const PARTY_ROLES = [
  "right-holder",
  "obligor",
  "agent",
  "helper",
  "estate-administrator",
  "heir",
  "legatee",
  "debtor",
  "guardian",
  "interested-party",
  "instructing-authority",
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const PARTY_ROLE_NAMES: Record<PartyRole, { zh: string; en: string }> = {
  "right-holder": { zh: "权利人", en: "right holder" },
  obligor: { zh: "义务人", en: "obligor" },
  agent: { zh: "代理人", en: "agent" },
  helper: { zh: "帮办人", en: "helper" },
  "estate-administrator": { zh: "遗产管理人", en: "estate administrator" },
  heir: { zh: "继承人", en: "heir" },
  legatee: { zh: "受遗赠人", en: "legatee" },
  debtor: { zh: "债务人", en: "debtor" },
  guardian: { zh: "监护人", en: "guardian" },
  "interested-party": { zh: "利害关系人", en: "interested party" },
  "instructing-authority": { zh: "嘱托机关", en: "instructing authority" },
};

/**
 * Roles that act for others. They prepare or sign for a principal but never become the applicant
 * themselves: a case prepared only by a 帮办人 still needs the parties' own confirmation.
 */
export const REPRESENTATIVE_ROLES: readonly PartyRole[] = ["agent", "helper", "guardian"];

/** 共有方式 (GYFS): 0 单独所有, 1 共同共有, 2 按份共有, 3 其它共有. */
export type CoOwnershipMode = "sole" | "joint" | "shares" | "other";
