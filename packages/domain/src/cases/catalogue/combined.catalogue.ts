import type { CombinedType } from "../business-type";

/**
 * 组合业务 in registering order (DOMAIN-REFERENCE §10). A new combination is a new entry here: the
 * engine evaluates each part against the unit as the earlier parts leave it.
 */
export const COMBINED_TYPES: readonly CombinedType[] = [
  {
    id: "combined.resale-with-mortgage",
    name_zh: "二手房转移登记＋抵押权首次登记",
    name_en: "second-hand sale with the buyer's mortgage",
    parts: [{ typeId: "transfer.sale" }, { typeId: "mortgage.first.general" }],
  },
  {
    id: "combined.resale-cancel-transfer-mortgage",
    name_zh: "卖方抵押注销＋转移登记＋买方抵押权首次登记",
    name_en: "seller's mortgage cancelled, sale, buyer's mortgage",
    parts: [{ typeId: "mortgage.cancel" }, { typeId: "transfer.sale" }, { typeId: "mortgage.first.general" }],
  },
  {
    id: "combined.sale-with-mortgage.combined",
    name_zh: "带押过户（新旧抵押权组合模式）",
    name_en: "transfer with mortgage: new and old mortgages together",
    parts: [
      { typeId: "transfer.sale" },
      { typeId: "mortgage.first.general", note_zh: "新抵押权" },
      { typeId: "mortgage.cancel", note_zh: "旧抵押权注销" },
    ],
    basis: "自然资发〔2023〕29号；民法典 第406条",
  },
  {
    id: "combined.sale-with-mortgage.segmented",
    name_zh: "带押过户（新旧抵押权分段模式）",
    name_en: "transfer with mortgage: segmented (old mortgage cancelled later)",
    parts: [
      { typeId: "transfer.sale" },
      { typeId: "mortgage.first.general", note_zh: "新抵押权（贷款资金监管，用于清偿旧贷）" },
    ],
    basis: "自然资发〔2023〕29号；民法典 第406条",
    awaitsRepayment: true,
  },
  {
    id: "combined.sale-with-mortgage.change",
    name_zh: "带押过户（抵押权变更模式）",
    name_en: "transfer with mortgage: same lender changes the mortgage",
    parts: [{ typeId: "transfer.sale" }, { typeId: "mortgage.change", note_zh: "变更抵押人、债务人" }],
    basis: "自然资发〔2023〕29号；民法典 第406条",
  },
  {
    id: "combined.double-advance-notice",
    name_zh: "双预告（预售商品房买卖预告＋预售商品房抵押权预告）",
    name_en: "presale purchase and presale mortgage advance notices",
    parts: [{ typeId: "advance-notice.presale-sale" }, { typeId: "advance-notice.presale-mortgage" }],
  },
  {
    id: "combined.advance-notice-conversion",
    name_zh: "预转本（买卖预告转转移登记＋抵押预告转抵押权首次登记）",
    name_en: "advance notices converted to transfer and mortgage",
    parts: [
      { typeId: "transfer.sale", convertsAdvanceNotice: "presale-sale" },
      { typeId: "mortgage.first.general", convertsAdvanceNotice: "presale-mortgage" },
    ],
    basis: "民法典 第221条；细则 第85条",
  },
  {
    id: "combined.first-and-transfer",
    name_zh: "首转一体（房屋首次登记＋转移登记）",
    name_en: "developer's first registration with the buyer's transfer",
    parts: [{ typeId: "first.house.state-land" }, { typeId: "transfer.sale" }],
  },
  {
    id: "combined.inheritance-and-sale",
    name_zh: "继承＋转移登记",
    name_en: "inheritance registered together with the heirs' sale",
    parts: [{ typeId: "transfer.inheritance" }, { typeId: "transfer.sale" }],
    basis: "民法典 第232条",
  },
  {
    id: "combined.mortgage-cancel-and-sale",
    name_zh: "抵押权注销＋转移登记",
    name_en: "seller's mortgage cancelled, then the sale",
    parts: [{ typeId: "mortgage.cancel", note_zh: "卖方抵押权注销" }, { typeId: "transfer.sale" }],
  },
  {
    id: "combined.judicial-auction",
    name_zh: "司法拍卖（解封＋抵押注销＋转移登记）",
    name_en: "judicial auction: release, mortgage cancelled, transfer",
    parts: [{ typeId: "seizure.release" }, { typeId: "mortgage.cancel" }, { typeId: "transfer.decision" }],
  },
  {
    id: "combined.completion-with-mortgage-conversion",
    name_zh: "房屋首次登记＋在建建筑物抵押权转换",
    name_en: "building's first registration converting its construction mortgage",
    parts: [{ typeId: "first.house.state-land" }, { typeId: "mortgage.convert-construction" }],
    basis: "细则 第77条",
  },
];
