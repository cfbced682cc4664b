import type { AdvanceNoticeKind, BusinessType } from "../business-type";
import { defineType, party } from "./define";

/** 异议 (细则 82–84), 预告 (细则 85–89), 查封 (细则 90–94). */
const objection: readonly BusinessType[] = [
  defineType({
    id: "objection.create",
    class: 600,
    subject: "objection",
    verb: "create",
    name_zh: "异议登记",
    name_en: "objection",
    application: {
      mode: "single",
      applicants: ["interested-party"],
      basis: "条例 第14条第2款第6项；细则 第82条",
    },
    parties: [party("interested-party", "异议申请人", "objector")],
    materials: ["interest-proof", "error-proof"],
    fee: "half",
    promisedDays: 1,
    entries: ["objection.create"],
    yields: "certification",
    disposal: false,
    whileSeized: "allowed",
  }),
  defineType({
    id: "objection.cancel",
    class: 400,
    subject: "objection",
    verb: "cancel",
    name_zh: "异议注销登记",
    name_en: "cancellation of an objection",
    application: { mode: "single", applicants: ["interested-party", "right-holder"], basis: "细则 第84条" },
    parties: [
      party(
        "interested-party",
        "异议申请人或权利人（持生效法律文书）",
        "objector, or holder with a judgment",
      ),
    ],
    materials: [{ id: "legal-document", when: "holder-applies" }],
    fee: "none",
    promisedDays: 1,
    entries: ["objection.cancel"],
    yields: "none",
    disposal: false,
    whileSeized: "allowed",
  }),
];

const notices: ReadonlyArray<[AdvanceNoticeKind, string, string, boolean]> = [
  ["presale-sale", "预售商品房买卖预告登记", "advance notice of a presale purchase", true],
  ["sale", "其它不动产买卖预告登记", "advance notice of a purchase", false],
  ["presale-mortgage", "预售商品房抵押权预告登记", "advance notice of a presale mortgage", true],
  ["mortgage", "其它不动产抵押权预告登记", "advance notice of a mortgage", false],
];

const advanceNotice: readonly BusinessType[] = [
  ...notices.map(([kind, zh, en, presale]) => {
    const mortgage = kind.endsWith("mortgage");
    return defineType({
      id: `advance-notice.${kind}`,
      class: 700,
      subject: "advance-notice",
      verb: "create",
      name_zh: zh,
      name_en: en,
      application: {
        mode: "joint",
        applicants: ["right-holder", "obligor"],
        basis: "细则 第86条",
        // 细则 86: the buyer alone when the developer will not apply under the presale contract.
        ...(kind === "presale-sale"
          ? { alone: { role: "right-holder", when: "developer-refused", basis: "细则 第86条第2款" } as const }
          : {}),
      },
      parties: mortgage
        ? [
            party("right-holder", "抵押权人（预告权利人）", "mortgagee"),
            party("obligor", "抵押人", "mortgagor"),
          ]
        : [
            party("right-holder", "预购人（预告权利人）", "buyer"),
            party("obligor", presale ? "开发企业" : "出卖人", "seller"),
          ],
      materials: mortgage
        ? [
            "mortgage-contract",
            "main-debt-contract",
            presale ? "advance-notice-certification" : "title-certificate",
          ]
        : [
            presale ? "presale-contract" : "sale-contract",
            ...(presale ? [] : (["title-certificate"] as const)),
          ],
      fee: "none",
      promisedDays: 1,
      instant: {},
      entries: ["advance-notice.create"],
      yields: "certification",
      disposal: true,
      // Presale notices are the statutory exception to R2: the house is not yet registered (细则 85).
      ...(presale ? { beforeFirstRegistration: true } : {}),
      advanceNoticeKind: kind,
    });
  }),
  defineType({
    id: "advance-notice.cancel",
    class: 400,
    subject: "advance-notice",
    verb: "cancel",
    name_zh: "预告注销登记",
    name_en: "cancellation of an advance notice",
    // 细则 89: the holder waives, or the claim ended.
    application: { mode: "single", applicants: ["right-holder"], basis: "细则 第89条" },
    parties: [party("right-holder", "预告权利人", "advance notice holder")],
    materials: ["advance-notice-certification"],
    fee: "none",
    promisedDays: 1,
    instant: {},
    entries: ["advance-notice.cancel"],
    yields: "none",
    disposal: false,
    whileSeized: "allowed",
  }),
];

/** 嘱托: no application and no fee; the court's officers bring their IDs, the notice and the ruling. */
const instruction = {
  mode: "instruction",
  applicants: ["instructing-authority"],
  basis: "细则 第90条",
} as const;
const court = party("instructing-authority", "人民法院（嘱托机关）", "court");
const debtor = party("obligor", "被执行人", "person seized", false);
const courtMaterials = ["assistance-notice", "court-ruling", "court-staff-id"] as const;
const seizureCommon = {
  class: 800,
  subject: "seizure",
  application: instruction,
  parties: [court, debtor],
  materials: courtMaterials,
  fee: "none",
  promisedDays: 1,
  yields: "none",
  disposal: false,
  whileSeized: "allowed",
} as const;

const seizure: readonly BusinessType[] = [
  defineType({
    ...seizureCommon,
    id: "seizure.seize",
    verb: "create",
    name_zh: "查封登记",
    name_en: "seizure",
    instant: { channel: "court" },
    entries: ["seizure.create"],
    seizureKind: "seizure",
  }),
  defineType({
    ...seizureCommon,
    id: "seizure.wait",
    verb: "create",
    name_zh: "轮候查封登记",
    name_en: "waiting seizure",
    instant: { channel: "court" },
    entries: ["seizure.wait"],
    seizureKind: "seizure",
  }),
  defineType({
    ...seizureCommon,
    id: "seizure.pre-seize",
    verb: "create",
    name_zh: "预查封登记",
    name_en: "pre-seizure",
    instant: { channel: "court" },
    entries: ["seizure.create"],
    seizureKind: "pre-seizure",
    // 预查封 is laid on property not yet registered to the debtor.
    beforeFirstRegistration: true,
  }),
  defineType({
    ...seizureCommon,
    id: "seizure.pre-wait",
    verb: "create",
    name_zh: "轮候预查封登记",
    name_en: "waiting pre-seizure",
    instant: { channel: "court" },
    entries: ["seizure.wait"],
    seizureKind: "pre-seizure",
    beforeFirstRegistration: true,
  }),
  defineType({
    ...seizureCommon,
    id: "seizure.release",
    verb: "release",
    name_zh: "解除查封登记（解封）",
    name_en: "release of a seizure",
    instant: { channel: "court" },
    entries: ["seizure.release"],
  }),
  defineType({
    ...seizureCommon,
    id: "seizure.extend",
    verb: "extend",
    name_zh: "续行查封登记（续封）",
    name_en: "extension of a seizure",
    entries: ["seizure.extend"],
  }),
];

export const RESTRICTION_TYPES: readonly BusinessType[] = [...objection, ...advanceNotice, ...seizure];
