import type { BusinessType } from "../business-type";
import { defineType, party } from "./define";

/** 抵押权 (细则 65–77; 民法典 394–424): registered through 首次, 变更, 转移 and 注销. */
const joint = {
  mode: "joint",
  applicants: ["right-holder", "obligor"],
  basis: "条例 第14条第1款；细则 第66条",
} as const;
const mortgagee = party("right-holder", "抵押权人", "mortgagee");
const mortgagor = party("obligor", "抵押人", "mortgagor");
const debtor = party("debtor", "债务人（与抵押人不同时）", "debtor (if not the mortgagor)", false);
const common = {
  subject: "mortgage",
  application: joint,
  parties: [mortgagee, mortgagor, debtor],
  fee: "by-use",
  promisedDays: 1,
  yields: "certification",
} as const;

const mortgages: readonly BusinessType[] = [
  defineType({
    ...common,
    id: "mortgage.first.general",
    class: 100,
    verb: "create",
    name_zh: "一般抵押权首次登记",
    name_en: "first registration of a mortgage",
    materials: ["title-certificate", "mortgage-contract", "main-debt-contract"],
    instant: {},
    entries: ["mortgage.create"],
    disposal: true,
    mortgageMethod: "general",
  }),
  defineType({
    ...common,
    id: "mortgage.first.maximum",
    class: 100,
    verb: "create",
    name_zh: "最高额抵押权首次登记",
    name_en: "first registration of a maximum-amount mortgage",
    materials: ["title-certificate", "mortgage-contract", "main-debt-contract"],
    instant: {},
    entries: ["mortgage.create"],
    disposal: true,
    mortgageMethod: "maximum",
  }),
  defineType({
    ...common,
    id: "mortgage.first.construction",
    class: 100,
    verb: "create",
    name_zh: "在建建筑物抵押权首次登记",
    name_en: "first registration of a mortgage on a building under construction",
    // The land right is registered; the building is not, so R2 allows it (细则 75).
    materials: [
      "title-certificate",
      "construction-permit",
      "construction-collateral-list",
      "mortgage-contract",
      "main-debt-contract",
    ],
    promisedDays: 3,
    entries: ["mortgage.create"],
    disposal: true,
    beforeFirstRegistration: true,
    siteInspection: true,
    constructionMortgage: true,
    mortgageMethod: "general",
  }),
  defineType({
    ...common,
    id: "mortgage.change",
    class: 300,
    verb: "change",
    name_zh: "抵押权变更登记",
    name_en: "change of a mortgage",
    materials: ["mortgage-certification", "mortgage-change-agreement"],
    promisedDays: 1,
    entries: ["mortgage.change"],
    disposal: false,
  }),
  defineType({
    ...common,
    id: "mortgage.transfer",
    class: 200,
    verb: "transfer",
    name_zh: "抵押权转移登记（随主债权转让）",
    name_en: "transfer of a mortgage with its debt",
    application: {
      mode: "joint",
      applicants: ["right-holder", "obligor"],
      basis: "细则 第69条；民法典 第407条",
    },
    parties: [party("right-holder", "受让抵押权人", "assignee"), party("obligor", "原抵押权人", "assignor")],
    materials: ["mortgage-certification", "debt-assignment-contract"],
    entries: ["mortgage.transfer"],
    disposal: false,
  }),
  defineType({
    ...common,
    id: "mortgage.fix",
    class: 300,
    verb: "fix",
    name_zh: "最高额抵押权确定登记",
    name_en: "fixing the debts of a maximum-amount mortgage",
    application: {
      mode: "joint",
      applicants: ["right-holder", "obligor"],
      basis: "细则 第73条；民法典 第423条",
    },
    materials: ["mortgage-certification", "fixing-proof"],
    entries: ["mortgage.fix"],
    disposal: false,
    // Fixing is expected once a seizure is known (民法典 423(四)).
    whileSeized: "allowed",
  }),
  defineType({
    ...common,
    id: "mortgage.convert-construction",
    class: 300,
    verb: "convert",
    name_zh: "在建建筑物抵押权转为建筑物抵押权登记",
    name_en: "conversion of a construction mortgage on completion",
    application: { mode: "joint", applicants: ["right-holder", "obligor"], basis: "细则 第77条" },
    materials: ["mortgage-certification"],
    fee: "none",
    entries: ["mortgage.convert"],
    disposal: false,
    whileSeized: "allowed",
  }),
  defineType({
    ...common,
    id: "mortgage.cancel",
    class: 400,
    verb: "cancel",
    name_zh: "抵押权注销登记",
    name_en: "cancellation of a mortgage",
    // The mortgagee alone may give up its right (条例 14(2)(五)); a court may order it (司法拍卖).
    application: {
      mode: "single",
      applicants: ["right-holder", "instructing-authority"],
      basis: "条例 第14条第2款第5项；细则 第70条",
    },
    // Named by the register; R4 ensures the mortgagee or the court applies.
    parties: [
      party("right-holder", "抵押权人", "mortgagee", false),
      party("obligor", "抵押人", "mortgagor", false),
    ],
    materials: ["mortgage-certification", "debt-extinguished-proof"],
    fee: "none",
    instant: {},
    entries: ["mortgage.cancel"],
    yields: "none",
    disposal: false,
    whileSeized: "allowed",
  }),
];

/** 地役权 (细则 60–64; 民法典 372–385): registered on the servient parcel, noted on the dominant one. */
const easementJoint = {
  mode: "joint",
  applicants: ["right-holder", "obligor"],
  basis: "细则 第60条",
} as const;
const dominant = party("right-holder", "需役地权利人", "dominant holder");
const servient = party("obligor", "供役地权利人", "servient holder");
const easements: readonly BusinessType[] = [
  defineType({
    id: "easement.create",
    class: 100,
    subject: "easement",
    verb: "create",
    name_zh: "地役权首次登记",
    name_en: "first registration of an easement",
    application: easementJoint,
    parties: [dominant, servient],
    materials: ["title-certificate", "easement-contract", "easement-map"],
    fee: "non-residential",
    promisedDays: 3,
    entries: ["easement.create"],
    yields: "certification",
    disposal: true,
  }),
  defineType({
    id: "easement.transfer",
    class: 200,
    subject: "easement",
    verb: "transfer",
    name_zh: "地役权转移登记（随需役地转移）",
    name_en: "transfer of an easement with the dominant land",
    application: {
      mode: "joint",
      applicants: ["right-holder", "obligor"],
      basis: "细则 第27条；民法典 第380条",
    },
    parties: [
      party("right-holder", "需役地受让人", "dominant land buyer"),
      party("obligor", "需役地转让人", "dominant land seller"),
    ],
    materials: ["easement-contract"],
    fee: "non-residential",
    promisedDays: 3,
    entries: ["easement.transfer"],
    yields: "certification",
    disposal: false,
  }),
  defineType({
    id: "easement.cancel",
    class: 400,
    subject: "easement",
    verb: "cancel",
    name_zh: "地役权注销登记",
    name_en: "cancellation of an easement",
    application: {
      mode: "single",
      applicants: ["right-holder", "obligor"],
      basis: "细则 第60–64条；民法典 第385条",
    },
    parties: [dominant, party("obligor", "供役地权利人", "servient holder", false)],
    materials: ["easement-contract"],
    fee: "none",
    promisedDays: 3,
    entries: ["easement.cancel"],
    yields: "none",
    disposal: false,
    whileSeized: "allowed",
  }),
];

/** 居住权 (民法典 366–371): 首次 and 注销 only; never transferred (R18). */
const habitations: readonly BusinessType[] = [
  defineType({
    id: "habitation.create",
    class: 100,
    subject: "habitation",
    verb: "create",
    name_zh: "居住权首次登记",
    name_en: "first registration of a habitation right",
    // By contract both parties; by will the holder with the heirs who own the home (local notice [V]).
    application: { mode: "joint", applicants: ["right-holder", "obligor"], basis: "民法典 第367条、第368条" },
    parties: [
      party("right-holder", "居住权人", "habitation holder"),
      party("obligor", "住宅所有权人", "owner"),
    ],
    materials: ["title-certificate", { id: "habitation-contract", anyOf: ["will"] }],
    fee: "by-use",
    promisedDays: 3,
    entries: ["habitation.create"],
    yields: "certification",
    disposal: true,
  }),
  defineType({
    id: "habitation.cancel",
    class: 400,
    subject: "habitation",
    verb: "cancel",
    name_zh: "居住权注销登记",
    name_en: "cancellation of a habitation right",
    application: { mode: "single", applicants: ["right-holder", "obligor"], basis: "民法典 第370条" },
    parties: [
      party("obligor", "住宅所有权人", "owner"),
      party("right-holder", "居住权人", "habitation holder", false),
    ],
    materials: ["habitation-end-proof"],
    fee: "none",
    promisedDays: 1,
    entries: ["habitation.cancel"],
    yields: "none",
    disposal: false,
    whileSeized: "allowed",
  }),
];

export const MORTGAGE_TYPES: readonly BusinessType[] = mortgages;
export const SERVITUDE_TYPES: readonly BusinessType[] = [...easements, ...habitations];
