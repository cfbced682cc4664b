/**
 * 不动产登记资料查询 (R30; DOMAIN-REFERENCE §8: 民法典 218–219, 条例 27–28, 《不动产登记资料查询暂行办法》):
 * who may query, for which purposes, with which scope, what each answer discloses, and which
 * applications a clerk must approve. Pure rules; the server applies them (queries/).
 */

/** Who asks. Holders act for themselves; heirs, guardians and administrators for a holder. */
export const QUERENT_KINDS = [
  "holder", // 权利人本人
  "heir", // 继承人、受遗赠人
  "guardian", // 监护人
  "administrator", // 遗产管理人、清算组、破产管理人
  "interested", // 利害关系人 (with proof: contract, court acceptance notice)
  "intent", // 拟买受、承租、抵押或起诉，无证明 (intent only)
  "lawyer", // 受委托律师
  "notary", // 公证机构 (notarisation matter)
  "court", // 人民法院
  "procuratorate", // 人民检察院
  "supervisory", // 监察委员会
  "security", // 公安、国家安全机关
] as const;
export type QuerentKind = (typeof QUERENT_KINDS)[number];

export const QUERENT_KIND_NAMES: Record<QuerentKind, { zh: string; en: string }> = {
  holder: { zh: "权利人", en: "Right holder" },
  heir: { zh: "继承人/受遗赠人", en: "Heir or legatee" },
  guardian: { zh: "监护人", en: "Guardian" },
  administrator: { zh: "遗产管理人/破产管理人", en: "Estate or bankruptcy administrator" },
  interested: { zh: "利害关系人", en: "Interested party" },
  intent: { zh: "拟交易人（无证明）", en: "Intending buyer, tenant or lender" },
  lawyer: { zh: "律师", en: "Lawyer" },
  notary: { zh: "公证机构", en: "Notary" },
  court: { zh: "人民法院", en: "Court" },
  procuratorate: { zh: "人民检察院", en: "Procuratorate" },
  supervisory: { zh: "监察委员会", en: "Supervisory commission" },
  security: { zh: "公安/国家安全机关", en: "Public or national security organ" },
};

export const QUERY_PURPOSES = [
  "sale", // 买卖
  "lease", // 租赁
  "mortgage", // 抵押
  "litigation", // 诉讼、仲裁
  "inheritance", // 继承
  "notarisation", // 公证
  "enforcement", // 执行
  "prosecution", // 检察
  "supervision", // 监察
  "investigation", // 侦查
  "own-use", // 本人查询（无房证明、名下不动产）
] as const;
export type QueryPurpose = (typeof QUERY_PURPOSES)[number];

export const QUERY_PURPOSE_NAMES: Record<QueryPurpose, { zh: string; en: string }> = {
  sale: { zh: "买卖", en: "Sale" },
  lease: { zh: "租赁", en: "Lease" },
  mortgage: { zh: "抵押", en: "Mortgage" },
  litigation: { zh: "诉讼/仲裁", en: "Litigation or arbitration" },
  inheritance: { zh: "继承", en: "Inheritance" },
  notarisation: { zh: "公证", en: "Notarisation" },
  enforcement: { zh: "执行", en: "Enforcement" },
  prosecution: { zh: "检察", en: "Prosecution" },
  supervision: { zh: "监察", en: "Supervision" },
  investigation: { zh: "侦查", en: "Investigation" },
  "own-use": { zh: "本人查询", en: "Own records" },
};

/**
 * What is asked for. `status`: 自然状况 and whether co-ownership or restrictions exist (no holder).
 * `results`: 登记结果 of the unit (rights, holders, restrictions). `full`: results plus history and
 * the original materials (原始登记资料). `holdings`: a person's or company's property (名下不动产).
 */
export const QUERY_SCOPES = ["status", "results", "full", "holdings"] as const;
export type QueryScope = (typeof QUERY_SCOPES)[number];

export const QUERY_SCOPE_NAMES: Record<QueryScope, { zh: string; en: string }> = {
  status: { zh: "自然状况及权利限制状况", en: "Natural state and whether restrictions exist" },
  results: { zh: "登记结果", en: "Registration results" },
  full: { zh: "登记结果及原始登记资料", en: "Registration results and original materials" },
  holdings: { zh: "名下不动产", en: "Property held by a person" },
};

/** How a holder's name or ID number shows: in full, masked (`张*`, `440***********1235`), or not at all. */
export type Disclosure = "present" | "masked" | "absent";

/** Exactly which fields an answer carries. */
export type FieldSet = {
  natural: boolean; // 坐落、面积、用途、结构
  flags: boolean; // 是否共有、抵押、预告、异议、查封
  holderName: Disclosure;
  holderId: Disclosure;
  rights: boolean; // 权利类型、证号、登记时间、份额
  restrictions: boolean; // 抵押权人、金额、查封机关、文号、期限
  history: boolean; // 登记历史
  materials: boolean; // 原始登记资料目录
};

type KindRule = {
  scopes: readonly QueryScope[];
  purposes: readonly QueryPurpose[];
  /** The querent must hold the unit (holders) or act for its holder (heirs, guardians …). */
  ownOnly: boolean;
  /** Proof the querent must present (material-backed: a clerk checks it). */
  proof: readonly string[];
  /** Fields of `results`/`full`/`holdings` answers (status answers are the same for everyone). */
  holderName: Disclosure;
  holderId: Disclosure;
  basis: string;
};

const TRADE: readonly QueryPurpose[] = ["sale", "lease", "mortgage", "litigation"];
const ORGAN = (purposes: QueryPurpose[], basis: string): KindRule => ({
  scopes: ["status", "results", "full", "holdings"],
  purposes,
  ownOnly: false,
  proof: ["工作证", "协助查询通知书"],
  holderName: "present",
  holderId: "present",
  basis,
});
const FOR_HOLDER = (proof: string[], basis: string): KindRule => ({
  scopes: ["status", "results", "full", "holdings"],
  purposes: ["own-use", "inheritance", "sale", "lease", "mortgage", "litigation", "notarisation"],
  ownOnly: true,
  proof,
  holderName: "present",
  holderId: "present",
  basis,
});

/** The table of DOMAIN-REFERENCE §8, one row per kind of querent. */
export const QUERY_KIND_RULES: Record<QuerentKind, KindRule> = {
  holder: { ...FOR_HOLDER([], "条例 27; 查询办法 第14条"), purposes: [...QUERY_PURPOSES] },
  heir: FOR_HOLDER(["继承或受遗赠证明（死亡证明、亲属关系证明或遗嘱）"], "查询办法 第15条"),
  guardian: FOR_HOLDER(["监护关系证明"], "查询办法 第15条"),
  administrator: FOR_HOLDER(["指定遗产管理人或破产管理人的文书"], "查询办法 第15条"),
  interested: {
    scopes: ["status", "results"],
    purposes: TRADE,
    ownOnly: false,
    proof: ["买卖、互换、赠与、租赁、抵押合同或法院/仲裁机构受理通知书"],
    holderName: "present",
    holderId: "masked",
    basis: "条例 27; 查询办法 第19–20条",
  },
  intent: {
    scopes: ["status"],
    purposes: TRADE,
    ownOnly: false,
    proof: [],
    holderName: "absent",
    holderId: "absent",
    basis: "查询办法 第21条",
  },
  lawyer: {
    scopes: ["status", "results"],
    purposes: ["litigation", "sale", "lease", "mortgage", "inheritance"],
    ownOnly: false,
    proof: ["律师执业证", "律师事务所函", "案件受理通知书或委托人的利害关系证明"],
    holderName: "present",
    holderId: "masked",
    basis: "查询办法 第22条",
  },
  notary: {
    scopes: ["status", "results"],
    purposes: ["notarisation"],
    ownOnly: false,
    proof: ["公证员执业证", "公证事项受理文书"],
    holderName: "present",
    holderId: "masked",
    basis: "公证法 第19条; 查询办法 第16条",
  },
  court: ORGAN(["litigation", "enforcement"], "条例 27 第2款; 民事诉讼法 第67条"),
  procuratorate: ORGAN(["prosecution"], "条例 27 第2款; 人民检察院组织法 第21条"),
  supervisory: ORGAN(["supervision"], "条例 27 第2款; 监察法 第18条"),
  security: ORGAN(["investigation"], "条例 27 第2款; 刑事诉讼法 第54条"),
};

export const STATE_ORGAN_KINDS: readonly QuerentKind[] = [
  "court",
  "procuratorate",
  "supervisory",
  "security",
];
export const isStateOrgan = (kind: QuerentKind): boolean => STATE_ORGAN_KINDS.includes(kind);

/** The fields an answer of this kind and scope carries (the single source of what is disclosed). */
export function fieldsFor(kind: QuerentKind, scope: QueryScope): FieldSet {
  const rule = QUERY_KIND_RULES[kind];
  const status: FieldSet = {
    natural: true,
    flags: true,
    holderName: "absent",
    holderId: "absent",
    rights: false,
    restrictions: false,
    history: false,
    materials: false,
  };
  if (scope === "status") return status;
  const results = { ...status, holderName: rule.holderName, holderId: rule.holderId, rights: true };
  if (scope === "holdings") return { ...results, flags: false, restrictions: false };
  if (scope === "results") return { ...results, restrictions: true };
  return { ...results, restrictions: true, history: true, materials: true };
}

/**
 * A clerk approves material-backed applications: proof is required of the querent (heirs,
 * interested parties, lawyers, notaries), or original materials are asked for (`full`). State organs
 * query online with their document recorded (网络查控) and are answered at once, except `full`.
 */
export function needsApproval(kind: QuerentKind, scope: QueryScope): boolean {
  if (scope === "full") return true;
  if (isStateOrgan(kind) || kind === "holder" || kind === "intent") return false;
  return QUERY_KIND_RULES[kind].proof.length > 0;
}

/** Working days a clerk has to answer a queued application (查询办法: 当场, 否则 5 个工作日内 [?]). */
export const QUERY_APPROVAL_WORKING_DAYS = 5;

/**
 * The kinds an account may query as: people and companies as holders (or for one), interested
 * parties, intending buyers and lawyers (the clerk checks the letter and licence); notaries and
 * courts through their institution accounts; banks and agents as interested parties or with intent.
 * Procuratorates, supervisory commissions and security organs need institution accounts of
 * their own kind (not yet in the account model).
 */
export function querentKindsOf(actor: {
  kind: "citizen" | "company" | "institution" | "staff";
  institutionKind: string | null;
}): readonly QuerentKind[] {
  if (actor.kind === "citizen" || actor.kind === "company")
    return ["holder", "heir", "guardian", "administrator", "interested", "intent", "lawyer"];
  if (actor.kind !== "institution") return [];
  if (actor.institutionKind === "court") return ["court"];
  if (actor.institutionKind === "notary") return ["notary"];
  if (actor.institutionKind === "bank" || actor.institutionKind === "agent") return ["interested", "intent"];
  return [];
}
