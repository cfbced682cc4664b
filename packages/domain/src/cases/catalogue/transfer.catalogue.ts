import type { BusinessType } from "../business-type";
import { defineType, party } from "./define";

/** 转移登记 (细则 27): both parties, or one alone for inheritance and decisions (条例 14). */
const joint = { mode: "joint", applicants: ["right-holder", "obligor"], basis: "条例 第14条第1款" } as const;
const common = {
  class: 200,
  subject: "right",
  verb: "transfer",
  application: joint,
  promisedDays: 3,
  entries: ["right.transfer"],
  yields: "certificate",
  disposal: true,
  deedTax: true,
  fee: "by-use",
} as const;
const buyer = party("right-holder", "买受人", "buyer");
const seller = party("obligor", "出卖人", "seller");

export const TRANSFER_TYPES: readonly BusinessType[] = [
  defineType({
    ...common,
    id: "transfer.sale",
    name_zh: "买卖转移登记",
    name_en: "transfer by sale",
    acquisition: "sale",
    parties: [buyer, seller],
    materials: ["title-certificate", "sale-contract", "tax-proof"],
  }),
  defineType({
    ...common,
    id: "transfer.gift",
    name_zh: "赠与转移登记",
    name_en: "transfer by gift",
    acquisition: "gift",
    parties: [party("right-holder", "受赠人", "donee"), party("obligor", "赠与人", "donor")],
    materials: ["title-certificate", { id: "gift-contract", anyOf: ["notarial-deed"] }, "tax-proof"],
  }),
  defineType({
    ...common,
    id: "transfer.inheritance",
    name_zh: "继承转移登记",
    name_en: "transfer by inheritance",
    acquisition: "inheritance",
    // 条例 14(2)(二): the heirs apply alone; an estate administrator may file for them (R25, local [?]).
    application: {
      mode: "single",
      applicants: ["heir", "estate-administrator"],
      basis: "条例 第14条第2款第2项",
    },
    // The heirs become the holders: they are the right holders of this case.
    parties: [
      party("heir", "继承人", "heir"),
      party("estate-administrator", "遗产管理人", "estate administrator", false),
    ],
    materials: [
      "title-certificate",
      { id: "death-proof", rule: "R25" },
      { id: "will", anyOf: ["heirs-agreement", "legal-document", "notarial-deed"], rule: "R25" },
      { id: "kinship-proof", rule: "R25" },
      { id: "administrator-declaration", when: "administrator-present", rule: "R25" },
      // Statutory heirs are exempt from deed tax, but the exemption is confirmed by the tax office.
      "tax-proof",
    ],
  }),
  defineType({
    ...common,
    id: "transfer.bequest",
    name_zh: "受遗赠转移登记",
    name_en: "transfer by bequest",
    acquisition: "bequest",
    application: { mode: "single", applicants: ["legatee"], basis: "条例 第14条第2款第2项" },
    parties: [party("legatee", "受遗赠人", "legatee")],
    materials: [
      "title-certificate",
      { id: "death-proof", rule: "R25" },
      { id: "will", rule: "R25" },
      { id: "bequest-acceptance", rule: "R25" },
      "tax-proof",
    ],
  }),
  defineType({
    ...common,
    id: "transfer.exchange",
    name_zh: "互换转移登记",
    name_en: "transfer by exchange",
    acquisition: "exchange",
    parties: [
      party("right-holder", "换入方", "incoming party"),
      party("obligor", "换出方", "outgoing party"),
    ],
    materials: ["title-certificate", "exchange-contract", "tax-proof"],
  }),
  defineType({
    ...common,
    id: "transfer.decision",
    name_zh: "法院判决、仲裁裁决或政府决定转移登记",
    name_en: "transfer by court, arbitration or government decision",
    acquisition: "decision",
    application: { mode: "single", applicants: ["right-holder"], basis: "条例 第14条第2款第3项" },
    parties: [
      party("right-holder", "权利人", "right holder"),
      party("obligor", "原权利人", "former holder", false),
    ],
    materials: ["legal-document", "tax-proof"],
  }),
  defineType({
    ...common,
    id: "transfer.division",
    name_zh: "共有物分割转移登记",
    name_en: "transfer by division of common property",
    acquisition: "division",
    parties: [party("right-holder", "分得人", "receiving co-owner"), party("obligor", "共有人", "co-owner")],
    materials: ["title-certificate", "division-agreement", "tax-proof"],
  }),
  defineType({
    ...common,
    id: "transfer.between-spouses",
    name_zh: "夫妻间转移登记（加名、更名）",
    name_en: "transfer between spouses",
    acquisition: "spouses",
    parties: [
      party("right-holder", "受让配偶", "receiving spouse"),
      party("obligor", "转让配偶", "transferring spouse"),
    ],
    materials: ["title-certificate", "marriage-proof", "division-agreement", "tax-proof"],
    fee: "certificate-cost-only",
  }),
];
