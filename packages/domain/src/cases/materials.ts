/**
 * Where the registry fetches a material itself (零材料): the e-licence library (电子证照库), the
 * register (登记簿), the housing department's contract filing (网签备案) or the tax department
 * (完税信息). The guide shows it as 免提交 and the case fetches it when the party confirms.
 */
export type MaterialFetchSource = "elicence" | "register" | "housing" | "tax";

/**
 * The stage at which a material is first required: `register` for what only exists after a later
 * step (the deed tax proof exists once the tax is paid), else `submit`.
 */
export type MaterialRequiredAt = "submit" | "register";

/**
 * 申请材料 — application materials. `eLicence`: may be supplied as a reference to an e-licence
 * (电子证照) or department data instead of an upload. `fetch`: the registry fetches it itself, so
 * the applicant uploads nothing (implies `eLicence`). `requiredAt`: when R29 first asks for it.
 * `commitment`: may be replaced by the applicant's signed commitment (告知承诺制) where the office
 * allows it (R25). The service guide and the rules both read this one catalogue.
 */
export type MaterialDefinition = {
  name_zh: string;
  name_en: string;
  eLicence?: true;
  fetch?: MaterialFetchSource;
  requiredAt?: MaterialRequiredAt;
  commitment?: true;
};

export const MATERIALS = {
  "application-form": { name_zh: "不动产登记申请书", name_en: "application form" },
  "applicant-identity": {
    name_zh: "申请人身份证明",
    name_en: "applicants' identity documents",
    eLicence: true,
    fetch: "elicence",
  },
  "power-of-attorney": { name_zh: "授权委托书及代理人身份证明", name_en: "power of attorney and agent's ID" },
  "title-certificate": {
    name_zh: "不动产权属证书",
    name_en: "certificate of title",
    eLicence: true,
    fetch: "register",
  },
  "land-source": {
    name_zh: "土地权属来源材料（出让合同、划拨决定书等）",
    name_en: "land title source (grant contract, allocation decision)",
    eLicence: true,
  },
  "land-price-receipt": { name_zh: "土地出让价款缴纳凭证", name_en: "receipt for the land grant price" },
  "cadastral-survey": { name_zh: "不动产权籍调查成果", name_en: "cadastral survey results" },
  "planning-acceptance": {
    name_zh: "建设工程符合规划的材料",
    name_en: "planning conformity certificate",
    eLicence: true,
  },
  "completion-proof": { name_zh: "房屋已经竣工的材料", name_en: "proof of completion", eLicence: true },
  "homestead-approval": { name_zh: "宅基地批准文件", name_en: "homestead approval" },
  "collective-land-approval": {
    name_zh: "集体建设用地批准文件",
    name_en: "approval of collective construction land",
  },
  "collective-ownership-source": {
    name_zh: "集体土地所有权权属来源材料",
    name_en: "source of collective land ownership",
  },
  "contracted-land-contract": { name_zh: "土地承包经营合同", name_en: "land contracting contract" },
  "sea-use-approval": {
    name_zh: "海域使用权批准文件或出让合同",
    name_en: "sea area use approval or grant contract",
  },
  "sea-use-fee-receipt": { name_zh: "海域使用金缴纳凭证", name_en: "receipt for the sea area use fee" },
  "forest-source": { name_zh: "林地林木权属来源材料", name_en: "source of forest land and tree rights" },
  "sale-contract": {
    name_zh: "不动产买卖合同（网签合同）",
    name_en: "sale contract (online filed)",
    eLicence: true,
    fetch: "housing",
  },
  "tax-proof": {
    name_zh: "契税完税或减免税凭证",
    name_en: "deed tax payment or exemption proof",
    eLicence: true,
    fetch: "tax",
    requiredAt: "register",
  },
  "gift-contract": { name_zh: "赠与合同", name_en: "gift contract" },
  "exchange-contract": { name_zh: "互换协议", name_en: "exchange agreement" },
  "division-agreement": {
    name_zh: "分割协议（析产、离婚协议等）",
    name_en: "division agreement (partition, divorce)",
  },
  "marriage-proof": {
    name_zh: "婚姻关系证明",
    name_en: "proof of marriage",
    eLicence: true,
    fetch: "elicence",
  },
  "death-proof": { name_zh: "被继承人死亡证明", name_en: "proof of death", eLicence: true, commitment: true },
  will: { name_zh: "遗嘱", name_en: "will" },
  // 实施细则 第14条: a notarised deed of inheritance or gift stands for the will, agreement or contract.
  "notarial-deed": { name_zh: "公证书（继承权或赠与公证）", name_en: "notarial deed (inheritance or gift)" },
  "heirs-agreement": {
    name_zh: "全体法定继承人关于不动产分配的协议",
    name_en: "agreement of all statutory heirs on the division",
  },
  "kinship-proof": { name_zh: "与被继承人的亲属关系材料", name_en: "proof of kinship", commitment: true },
  "administrator-declaration": {
    name_zh: "遗产管理人关于材料真实并承担责任的书面声明",
    name_en: "estate administrator's written declaration",
  },
  "bequest-acceptance": {
    name_zh: "受遗赠人接受遗赠的书面表示",
    name_en: "legatee's written acceptance of the bequest",
  },
  "legal-document": {
    name_zh: "生效法律文书或人民政府生效决定",
    name_en: "effective court or arbitration document, or government decision",
    eLicence: true,
  },
  "change-proof": {
    name_zh: "权利人姓名、名称或身份证明变更的材料",
    name_en: "proof of the holder's name or ID change",
    eLicence: true,
  },
  "natural-state-proof": {
    name_zh: "坐落、界址、面积等自然状况变更的材料",
    name_en: "proof of the change of location, boundary or area",
  },
  "approval-document": {
    name_zh: "用途、期限变更的批准文件及出让合同补充协议",
    name_en: "approval of the change of use or term and supplementary grant contract",
  },
  "co-owner-agreement": {
    name_zh: "共有人关于共有性质变更的协议",
    name_en: "co-owners' agreement on the change",
  },
  "destruction-proof": { name_zh: "不动产灭失的材料", name_en: "proof that the property perished" },
  "waiver-declaration": { name_zh: "放弃不动产权利的书面声明", name_en: "written waiver of the right" },
  "expropriation-decision": { name_zh: "征收决定", name_en: "expropriation decision", eLicence: true },
  "ex-officio-grounds": {
    name_zh: "依职权注销的事实和依据（灭失、期限届满未续期等）",
    name_en: "facts and grounds of the ex-officio cancellation",
  },
  "interest-proof": { name_zh: "利害关系证明材料", name_en: "proof of interest" },
  "error-proof": { name_zh: "证实登记簿记载错误的材料", name_en: "proof that the register is wrong" },
  "correction-notice": {
    name_zh: "更正通知书及送达材料",
    name_en: "correction notice to the parties and proof of service",
  },
  "mortgage-contract": { name_zh: "抵押合同", name_en: "mortgage contract", eLicence: true },
  "main-debt-contract": { name_zh: "主债权合同", name_en: "principal loan contract", eLicence: true },
  "mortgage-certification": {
    name_zh: "不动产登记证明（抵押权）",
    name_en: "mortgage certification",
    eLicence: true,
  },
  "mortgage-change-agreement": { name_zh: "抵押权变更协议", name_en: "mortgage change agreement" },
  "debt-extinguished-proof": {
    name_zh: "抵押权消灭的材料（债务清偿证明等）",
    name_en: "proof that the mortgage ended (repayment)",
    eLicence: true,
  },
  "debt-assignment-contract": { name_zh: "债权转让合同", name_en: "debt assignment contract" },
  "fixing-proof": {
    name_zh: "最高额抵押权担保的债权已确定的材料",
    name_en: "proof that the secured debts are fixed",
  },
  "construction-permit": {
    name_zh: "建设工程规划许可证",
    name_en: "construction planning permit",
    eLicence: true,
  },
  "construction-collateral-list": {
    name_zh: "在建建筑物抵押范围（不含已预告、已预售备案部分）",
    name_en: "collateral list of the building under construction",
  },
  "presale-contract": {
    name_zh: "已备案的商品房预售合同",
    name_en: "filed presale contract",
    eLicence: true,
  },
  "advance-notice-certification": {
    name_zh: "不动产登记证明（预告）",
    name_en: "advance notice certification",
    eLicence: true,
  },
  "assistance-notice": { name_zh: "协助执行通知书", name_en: "notice of assistance in enforcement" },
  "court-ruling": { name_zh: "裁定书", name_en: "court ruling" },
  "court-staff-id": { name_zh: "执行人员工作证", name_en: "court officers' work IDs" },
  "easement-contract": { name_zh: "地役权合同", name_en: "easement contract" },
  "easement-map": { name_zh: "地役权位置示意图", name_en: "easement location map" },
  "habitation-contract": { name_zh: "居住权合同", name_en: "habitation contract" },
  "habitation-end-proof": {
    name_zh: "居住权消灭的材料（期限届满、居住权人死亡、解除协议）",
    name_en: "proof that the habitation right ended",
    eLicence: true,
  },
  "loss-statement": { name_zh: "遗失、灭失声明", name_en: "statement of loss" },
  "damaged-certificate": { name_zh: "损坏的不动产权属证书或证明", name_en: "the damaged certificate" },
} as const satisfies Record<string, MaterialDefinition>;

export type MaterialId = keyof typeof MATERIALS;

export const materialDefinition = (id: MaterialId): MaterialDefinition => MATERIALS[id];

export const isMaterialId = (value: string): value is MaterialId => Object.hasOwn(MATERIALS, value);

/** Where the registry fetches this material itself, if it does (零材料). */
export const materialFetchSource = (id: MaterialId): MaterialFetchSource | undefined =>
  (MATERIALS[id] as MaterialDefinition).fetch;

/** When R29 first asks for this material. */
export const materialRequiredAt = (id: MaterialId): MaterialRequiredAt =>
  (MATERIALS[id] as MaterialDefinition).requiredAt ?? "submit";
