import type { BusinessType } from "../business-type";
import { defineType, party } from "./define";

/** 首次登记 (细则 24): one party, the holder (条例 14(2)(一)); some need 公告 first (R20, 细则 17). */
const single = { mode: "single", applicants: ["right-holder"], basis: "条例 第14条第2款第1项" } as const;
const announce15 = { kind: "announcement", workingDays: 15, basis: "细则 第17条" } as const;
const holder = party("right-holder", "权利人", "right holder");
const common = {
  class: 100,
  subject: "right",
  verb: "create",
  application: single,
  parties: [holder],
  promisedDays: 5,
  entries: ["right.create"],
  yields: "certificate",
  disposal: false,
  whileSeized: "review",
} as const;

export const FIRST_TYPES: readonly BusinessType[] = [
  defineType({
    ...common,
    id: "first.land.collective-ownership",
    name_zh: "集体土地所有权首次登记",
    name_en: "first registration of collective land ownership",
    parties: [party("right-holder", "农民集体（集体经济组织、村委会代表）", "collective (represented)")],
    materials: ["collective-ownership-source", "cadastral-survey"],
    // Government-organised (政府组织) ownership registration: no fee [?] — configurable in the fee table.
    fee: "none",
    announcement: announce15,
  }),
  defineType({
    ...common,
    id: "first.land.state-construction",
    name_zh: "国有建设用地使用权首次登记",
    name_en: "first registration of state construction land use right",
    materials: ["land-source", "land-price-receipt", "cadastral-survey"],
    fee: "non-residential",
  }),
  defineType({
    ...common,
    id: "first.land.collective-construction",
    name_zh: "集体建设用地使用权首次登记",
    name_en: "first registration of collective construction land use right",
    materials: ["collective-land-approval", "cadastral-survey"],
    fee: "non-residential",
    announcement: announce15,
  }),
  defineType({
    ...common,
    id: "first.house.state-land",
    name_zh: "国有建设用地使用权及房屋所有权首次登记",
    name_en: "first registration of a building on state construction land",
    materials: ["title-certificate", "planning-acceptance", "completion-proof", "cadastral-survey"],
    fee: "by-use",
    siteInspection: true,
  }),
  defineType({
    ...common,
    id: "first.house.collective-construction",
    name_zh: "集体建设用地使用权及建筑物所有权首次登记",
    name_en: "first registration of a building on collective construction land",
    materials: ["collective-land-approval", "planning-acceptance", "completion-proof", "cadastral-survey"],
    fee: "by-use",
    announcement: announce15,
    siteInspection: true,
  }),
  defineType({
    ...common,
    id: "first.homestead",
    name_zh: "宅基地使用权及房屋所有权首次登记",
    name_en: "first registration of a homestead and its house",
    materials: ["homestead-approval", "cadastral-survey"],
    fee: "certificate-cost-only",
    announcement: announce15,
    siteInspection: true,
  }),
  defineType({
    ...common,
    id: "first.contracted-land",
    name_zh: "土地承包经营权首次登记",
    name_en: "first registration of a land contracting right",
    parties: [
      party("right-holder", "承包方", "contractor"),
      party("obligor", "发包方", "contract issuer", false),
    ],
    materials: ["contracted-land-contract", "cadastral-survey"],
    fee: "none",
    announcement: announce15,
  }),
  defineType({
    ...common,
    id: "first.sea-area",
    name_zh: "海域使用权首次登记",
    name_en: "first registration of a sea area use right",
    materials: ["sea-use-approval", "sea-use-fee-receipt", "cadastral-survey"],
    fee: "non-residential",
  }),
  defineType({
    ...common,
    id: "first.forest",
    name_zh: "林地使用权及森林、林木所有权首次登记",
    name_en: "first registration of forest land and trees",
    materials: ["forest-source", "cadastral-survey"],
    fee: "none",
    // 细则 17(二) names contracted land "等" rights; collective forest rights are announced in practice [?].
    announcement: announce15,
  }),
];
