/**
 * 不动产权证书 (certificate of title) and 不动产登记证明 (certification) content in the national
 * layout (DOMAIN-REFERENCE §6). The fields are kept as printed: the register owns the structured
 * facts and the registering transaction composes these strings from them, so the certificate, its
 * PDF, its electronic licence (电子证照) and its seal all carry exactly what the holder reads.
 */
import { type IsoDate, isIsoDate } from "../calendar/iso-date";
import { type CertificateKind, parseCertificateNumber } from "../identifiers/certificate-number";
import { finding } from "../identifiers/findings";
import { parseUnitCode } from "../identifiers/unit-code";
import { err, type Finding, ok, type Result } from "../result";

export type HolderKind = "person" | "organisation";

/** A holder as printed. The full ID number never leaves the register (it is SM4-sealed there). */
export type CertificateHolder = {
  name: string;
  kind: HolderKind;
  /** 证件种类 as printed, e.g. `居民身份证`, `统一社会信用代码`. */
  idType: string;
  /** `440***********123X`; organisations' credit codes are public and may be given in full. */
  idNumberMasked: string;
  /** 按份共有 share as written (`1/2`, `50%`); null for sole or joint ownership. */
  share: string | null;
};

/** 不动产权证书 登记页. */
export type TitleFields = {
  /** 权利人 */
  holders: CertificateHolder[];
  /** 共有情况, e.g. `单独所有`, `共同共有`, `按份共有`. */
  coOwnership: string;
  /** 坐落 */
  location: string;
  /** 不动产单元号 (28 characters, GB/T 37346). */
  unitCode: string;
  /** 权利类型, e.g. `国有建设用地使用权/房屋所有权`. */
  rightType: string;
  /** 权利性质, e.g. `出让/市场化商品房`. */
  rightNature: string;
  /** 用途, e.g. `城镇住宅用地/住宅`. */
  use: string;
  /** 面积, e.g. `共有宗地面积 1234.56㎡/房屋建筑面积 123.27㎡`. */
  area: string;
  /** 使用期限, e.g. `国有建设用地使用权 2000年01月01日起2069年12月31日止`. */
  term: string;
  /** 权利其他状况: one line each (专有/分摊建筑面积, 结构, 总层数, 所在层, 竣工时间 …). */
  otherState: string[];
};

/** 证明权利或事项 of a 不动产登记证明 (细则 20, plus 居住权). */
export type CertifiedMatter =
  | {
      type: "mortgage";
      /** 一般抵押 or 最高额抵押. */
      mortgageKind: "general" | "maximum";
      /** 被担保主债权数额 (or 最高债权额) in fen (分). */
      amountFen: number;
      /** 债务人 (may differ from the mortgagor, who is the 义务人). */
      debtor: string;
      /** 债务履行期限. */
      termStart: IsoDate;
      termEnd: IsoDate;
    }
  | {
      type: "advance-notice";
      /** 预购商品房买卖 / 预购商品房抵押 / 其他不动产买卖 / 其他不动产抵押 预告登记. */
      noticeKind: "presale-purchase" | "presale-mortgage" | "transfer" | "mortgage";
    }
  | { type: "objection"; grounds: string }
  | {
      type: "easement";
      servientUnitCode: string;
      purpose: string;
      termStart: IsoDate;
      termEnd: IsoDate | null;
    }
  | { type: "residence"; termStart: IsoDate; termEnd: IsoDate | null };

export type CertifiedMatterType = CertifiedMatter["type"];

/** 不动产登记证明 登记页. */
export type CertificationFields = {
  matter: CertifiedMatter;
  /** 权利人（申请人）: the mortgagee, the buyer, the objector … */
  holders: CertificateHolder[];
  /** 义务人 */
  obligors: CertificateHolder[];
  location: string;
  unitCode: string;
  /** 其他: lines added to those the matter itself produces. */
  other: string[];
};

/** Why a replacement was issued (细则 22): lost certificates are 补发, damaged ones 换发. */
export type ReplacementReason = "lost" | "damaged";

type CommonData = {
  /** Version of this data shape: part of the signed message. */
  v: 1;
  number: string;
  /** 登记机构 that registered the right and seals the certificate. */
  office: { code: string; name: string };
  /** 登簿 date. */
  registeredOn: IsoDate;
  /** 附记, one paragraph each. */
  notes: string[];
  /** Set on a 补发/换发 certificate: the one it replaces. */
  replacement: { replacesNumber: string; reason: ReplacementReason } | null;
};

/** The certificate's canonical data: what is signed, stored and published as the electronic licence. */
export type CertificateData =
  | (CommonData & { kind: "certificate"; title: TitleFields })
  | (CommonData & { kind: "certification"; certification: CertificationFields });

export const CERTIFICATE_KIND_NAMES: Record<CertificateKind, { zh: string; en: string }> = {
  certificate: { zh: "不动产权证书", en: "Certificate of real estate title" },
  certification: { zh: "不动产登记证明", en: "Real estate registration certification" },
};

export const MATTER_NAMES: Record<CertifiedMatterType, string> = {
  mortgage: "抵押权",
  "advance-notice": "预告登记",
  objection: "异议登记",
  easement: "地役权",
  residence: "居住权",
};

const NOTICE_KIND_NAMES = {
  "presale-purchase": "预购商品房买卖预告登记",
  "presale-mortgage": "预购商品房抵押预告登记",
  transfer: "其他不动产买卖预告登记",
  mortgage: "其他不动产抵押权预告登记",
} as const;

export const REPLACEMENT_MARKS: Record<ReplacementReason, string> = { lost: "补发", damaged: "换发" };

/** `2025-01-01` → `2025年01月01日`, as certificates print dates. */
export const formatChineseDate = (date: IsoDate): string =>
  `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;

/** Fen → `1,200,000.00`. */
export const formatYuan = (fen: number): string => {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}${yuan}.${String(abs % 100).padStart(2, "0")}`;
};

const termText = (start: IsoDate, end: IsoDate | null): string =>
  end ? `${formatChineseDate(start)}起${formatChineseDate(end)}止` : `${formatChineseDate(start)}起`;

/** The 证明权利或事项 cell. */
export const matterTitle = (matter: CertifiedMatter): string =>
  matter.type === "advance-notice" ? NOTICE_KIND_NAMES[matter.noticeKind] : MATTER_NAMES[matter.type];

/** The lines a matter contributes to 其他. */
export const matterDetails = (matter: CertifiedMatter): string[] => {
  switch (matter.type) {
    case "mortgage":
      return [
        `抵押方式：${matter.mortgageKind === "maximum" ? "最高额抵押" : "一般抵押"}`,
        `${matter.mortgageKind === "maximum" ? "最高债权额" : "被担保主债权数额"}：人民币${formatYuan(matter.amountFen)}元`,
        `债务人：${matter.debtor}`,
        `债务履行期限：${termText(matter.termStart, matter.termEnd)}`,
      ];
    case "advance-notice":
      return [`预告登记种类：${NOTICE_KIND_NAMES[matter.noticeKind]}`];
    case "objection":
      return [`异议事项：${matter.grounds}`];
    case "easement":
      return [
        `供役地不动产单元号：${matter.servientUnitCode}`,
        `地役权内容：${matter.purpose}`,
        `地役权期限：${termText(matter.termStart, matter.termEnd)}`,
      ];
    case "residence":
      return [
        `居住权期限：${matter.termEnd ? termText(matter.termStart, matter.termEnd) : `${formatChineseDate(matter.termStart)}起至居住权人死亡时止`}`,
      ];
  }
};

const holderLine = (h: CertificateHolder): string => (h.share ? `${h.name}（${h.share}）` : h.name);

export type FieldRow = { key: string; label: string; value: string };

/** The record page (登记页) rows in the national order: the PDF, the web page and the licence use them. */
export const recordPageRows = (data: CertificateData): FieldRow[] => {
  if (data.kind === "certificate") {
    const t = data.title;
    return [
      { key: "holders", label: "权利人", value: t.holders.map(holderLine).join("、") },
      { key: "coOwnership", label: "共有情况", value: t.coOwnership },
      { key: "location", label: "坐落", value: t.location },
      { key: "unitCode", label: "不动产单元号", value: t.unitCode },
      { key: "rightType", label: "权利类型", value: t.rightType },
      { key: "rightNature", label: "权利性质", value: t.rightNature },
      { key: "use", label: "用途", value: t.use },
      { key: "area", label: "面积", value: t.area },
      { key: "term", label: "使用期限", value: t.term },
      { key: "otherState", label: "权利其他状况", value: t.otherState.join("\n") },
    ];
  }
  const c = data.certification;
  return [
    { key: "matter", label: "证明权利或事项", value: matterTitle(c.matter) },
    { key: "holders", label: "权利人（申请人）", value: c.holders.map(holderLine).join("、") },
    { key: "obligors", label: "义务人", value: c.obligors.map(holderLine).join("、") },
    { key: "location", label: "坐落", value: c.location },
    { key: "unitCode", label: "不动产单元号", value: c.unitCode },
    { key: "other", label: "其他", value: [...matterDetails(c.matter), ...c.other].join("\n") },
  ];
};

/** 附记 as printed, with the replacement mark first (R26). */
export const notesText = (data: CertificateData): string[] => {
  const lines = [...data.notes];
  if (data.replacement) {
    const mark = REPLACEMENT_MARKS[data.replacement.reason];
    const why = data.replacement.reason === "lost" ? "原证书遗失（已公告）" : "原证书破损";
    lines.unshift(`${mark}：${why}，原证书${data.replacement.replacesNumber}作废。`);
  }
  return lines;
};

export const holdersOf = (data: CertificateData): CertificateHolder[] =>
  data.kind === "certificate" ? data.title.holders : data.certification.holders;

export const unitCodeOf = (data: CertificateData): string =>
  data.kind === "certificate" ? data.title.unitCode : data.certification.unitCode;

export const locationOf = (data: CertificateData): string =>
  data.kind === "certificate" ? data.title.location : data.certification.location;

const BASIS = "不动产登记暂行条例实施细则 第20条";
const block = (code: string, zh: string, en: string): Finding => finding(code, "block", zh, en, BASIS);

const checkHolders = (holders: CertificateHolder[], label: string, required: boolean): Finding[] => {
  const findings: Finding[] = [];
  if (required && holders.length === 0)
    findings.push(block("CERTIFICATE.HOLDERS", `${label}不能为空`, `${label} is required`));
  for (const h of holders) {
    if (h.name.trim() === "")
      findings.push(block("CERTIFICATE.HOLDER_NAME", `${label}姓名/名称不能为空`, `${label} needs a name`));
  }
  return findings;
};

/** Every problem with the data at once; the number must already be allocated. */
export const validateCertificateData = (data: CertificateData): Result<CertificateData, Finding[]> => {
  const findings: Finding[] = [];
  const parsed = parseCertificateNumber(data.number, { kind: data.kind });
  if (!parsed.ok) findings.push(...parsed.error);
  if (!/^\d{6}$/.test(data.office.code) || data.office.name.trim() === "")
    findings.push(block("CERTIFICATE.OFFICE", "登记机构无效", "The registration office is not valid"));
  if (!isIsoDate(data.registeredOn))
    findings.push(block("CERTIFICATE.DATE", "登簿日期无效", "The registration date is not valid"));
  const unit = parseUnitCode(unitCodeOf(data));
  if (!unit.ok) findings.push(...unit.error);
  if (locationOf(data).trim() === "")
    findings.push(block("CERTIFICATE.LOCATION", "坐落不能为空", "The location is required"));
  if (data.kind === "certificate") {
    const t = data.title;
    findings.push(...checkHolders(t.holders, "权利人", true));
    const blanks = (["coOwnership", "rightType", "rightNature", "use", "area"] as const).filter(
      (k) => t[k].trim() === "",
    );
    for (const k of blanks)
      findings.push(
        block("CERTIFICATE.FIELD", `证书字段 ${k} 不能为空`, `Certificate field ${k} is required`),
      );
    const shared = t.coOwnership.includes("按份");
    if (shared && t.holders.some((h) => !h.share))
      findings.push(
        block(
          "CERTIFICATE.SHARE",
          "按份共有须写明每位权利人的份额",
          "Shared ownership needs every holder's share",
        ),
      );
  } else {
    const c = data.certification;
    findings.push(...checkHolders(c.holders, "权利人（申请人）", true));
    findings.push(...checkHolders(c.obligors, "义务人", false));
    const m = c.matter;
    if (m.type === "mortgage") {
      if (!Number.isSafeInteger(m.amountFen) || m.amountFen <= 0)
        findings.push(block("CERTIFICATE.AMOUNT", "债权数额应为正数", "The secured amount must be positive"));
      if (!isIsoDate(m.termStart) || !isIsoDate(m.termEnd) || m.termEnd < m.termStart)
        findings.push(block("CERTIFICATE.TERM", "债务履行期限无效", "The debt term is not valid"));
    }
  }
  return findings.length > 0 ? err(findings) : ok(data);
};
