/**
 * 登记簿 — the register as records (one book per 宗地/宗海, DOMAIN-REFERENCE §6) and the ledger
 * entries that create and change them. Records are what the projection tables hold; entries are
 * what the append-only ledger holds. Replaying the entries through `applyEntry` gives the records.
 */
import type { IsoDate } from "../calendar/iso-date";

/** 权属状态: current (现势) or historic (历史 / 终止). */
export type RecordStatus = "current" | "historic";

/** GeoJSON polygon in CGCS2000 (EPSG:4490 longitude/latitude, or a Gauss-Krüger zone in metres). */
export type Polygon = { type: "Polygon"; coordinates: number[][][] };

export type Box = { minX: number; minY: number; maxX: number; maxY: number };

/**
 * 权利设定方式 — the vertical extent of a (3D) parcel, elevations in metres. `surface` 地表 may be
 * bounded or not; `above` 地上 starts at `min`; `below` 地下 ends at `max`; `between` needs both.
 * A missing bound is unbounded. Ranges are half-open [min, max): parcels may touch at a level.
 */
export type VerticalRange = {
  kind: "surface" | "above" | "below" | "between";
  min: number | null;
  max: number | null;
};

/** An identity as the register keeps it: the number is never in the clear (SM4 + keyed hash). */
export type SealedIdentity = {
  name: string;
  /** 权利人类型: 1 个人, 2 企业, 3 事业单位, 4 国家机关, 99 其它. */
  holderType: string;
  /** 证件种类: 1 身份证 … 8 统一社会信用代码, 99 其它. */
  idType: string;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
};

export type ParcelFacts = {
  /** 宗地面积, m². */
  area: number;
  /** 土地用途 code and the standard it is from, e.g. `0701` / `GB/T 21010-2017`. */
  landUse: string | null;
  landUseStandard: string | null;
  /** 土地等级. */
  landGrade: string | null;
  /** 坐落. */
  address: string;
  vertical: VerticalRange;
  geometry: Polygon | null;
};

export type ParcelRecord = ParcelFacts & {
  jurisdiction: string;
  parcelCode: string;
  zone: string;
  subzone: string;
  /** 宗地/宗海特征码, e.g. `GB`. */
  feature: string;
  isSea: boolean;
  status: RecordStatus;
  createdSeq: number;
  updatedSeq: number;
};

export type BuildingFacts = {
  name: string | null;
  address: string;
  floorsAbove: number;
  floorsBelow: number;
  /** 房屋结构: 1 钢 … 6 其它. */
  structure: string | null;
  completedYear: number | null;
  /** 幢总建筑面积, m². */
  area: number | null;
  geometry: Polygon | null;
};

export type BuildingRecord = BuildingFacts & {
  jurisdiction: string;
  parcelCode: string;
  /** 幢号 0001–9999. */
  buildingNo: string;
  status: RecordStatus;
  createdSeq: number;
  updatedSeq: number;
};

export type UnitFacts = {
  /** 所在层 (negative below ground). */
  floor: number | null;
  /** 房号 as people write it, e.g. `1502`. */
  roomLabel: string | null;
  /** 建筑面积, 套内建筑面积, 分摊建筑面积 (m²). */
  buildingArea: number | null;
  innerArea: number | null;
  sharedArea: number | null;
  /** 房屋用途 (GB/T 17986.1), e.g. `11` 成套住宅. */
  use: string | null;
  structure: string | null;
  address: string;
};

export type UnitRecord = UnitFacts & {
  jurisdiction: string;
  unitCode: string;
  parcelCode: string;
  fixture: "F" | "L" | "Q" | "W";
  buildingNo: string | null;
  /** 户号 0000–9999 of an F unit. */
  roomNo: string | null;
  status: RecordStatus;
  createdSeq: number;
  updatedSeq: number;
};

/** 共有方式: 0 单独所有, 1 共同共有, 2 按份共有, 3 其它共有. */
export type CoOwnership = "0" | "1" | "2" | "3";

export type RightFacts = {
  /** 权利类型 QLLX (TD/T 1066), e.g. `4` 国有建设用地使用权/房屋所有权. */
  rightType: string;
  /** 权利性质 QLXZ, e.g. `102` 出让. */
  nature: string | null;
  use: string | null;
  area: number | null;
  termStart: IsoDate | null;
  termEnd: IsoDate | null;
  /** 登记原因 / 来源, e.g. 首次登记, 买卖, 继承, 数据整合. */
  source: string;
  certificateNo: string | null;
  coOwnership: CoOwnership;
};

export type HolderFacts = SealedIdentity & {
  /** 按份共有 share as written: `1/2`, `0.5` or `50%`. */
  share: string | null;
};

export type RightRecord = RightFacts & {
  jurisdiction: string;
  unitCode: string;
  /** The entry that recorded it: with the unit code, the right's identity. */
  seq: number;
  registeredAt: string;
  status: RecordStatus;
  endedSeq: number | null;
  endReason: string | null;
};

export type HolderRecord = HolderFacts & {
  jurisdiction: string;
  unitCode: string;
  rightSeq: number;
  ordinal: number;
};

/** 限制与提示: 抵押权, 预告登记, 查封, 异议登记, 居住权, 地役权. */
export const ENCUMBRANCE_KINDS = [
  "mortgage",
  "advance-notice",
  "seizure",
  "objection",
  "habitation",
  "easement",
] as const;
export type EncumbranceKind = (typeof ENCUMBRANCE_KINDS)[number];

/** effective 有效; waiting 轮候 (a seizure behind another, R8); historic 已注销/已解除/失效. */
export type EncumbranceStatus = "effective" | "waiting" | "historic";

export type EncumbranceFacts = {
  kind: EncumbranceKind;
  /** 抵押权人, 预告权利人, 查封机关, 异议申请人, 居住权人, 需役地权利人. */
  holder: SealedIdentity;
  /** 抵押人, 义务人, 被执行人 (name only). */
  obligorName: string | null;
  /** 合同号, 查封文书号, 证明号. */
  documentNo: string | null;
  /** 债务履行期限, 查封期限, 居住权期限, 地役权期限. */
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
  /** 被担保主债权数额 or 最高债权额 (yuan). */
  amount: number | null;
  /** The dominant unit of an easement (需役地). */
  relatedUnitCode: string | null;
  /** Kind-specific fields, e.g. `{mortgageType: "maximum"}`, `{court: …, noticeKind: …}`. */
  particulars: Record<string, string | number | boolean | null>;
};

export type EncumbranceRecord = Omit<EncumbranceFacts, "holder"> & {
  jurisdiction: string;
  unitCode: string;
  seq: number;
  holderName: string;
  holderType: string;
  holderIdType: string;
  holderIdEnc: string | null;
  holderIdHash: string | null;
  holderIdMasked: string | null;
  status: EncumbranceStatus;
  /** Mortgage rank (顺位, R14) or seizure order of delivery (轮候顺序, R8); otherwise null. */
  rank: number | null;
  registeredAt: string;
  updatedSeq: number;
  endedSeq: number | null;
  endReason: string | null;
};

export type RegisterTable = "parcels" | "buildings" | "units" | "rights" | "right_holders" | "encumbrances";

export type RegisterRecordOf = {
  parcels: ParcelRecord;
  buildings: BuildingRecord;
  units: UnitRecord;
  rights: RightRecord;
  right_holders: HolderRecord;
  encumbrances: EncumbranceRecord;
};

/** One change to one projection row, produced by `applyEntry` and written by the server. */
export type Mutation = {
  [T in RegisterTable]: { table: T; op: "insert" | "update"; record: RegisterRecordOf[T] };
}[RegisterTable];

/**
 * A restriction changed in place, keeping its identity and rank: a mortgage's amount, term,
 * mortgagor or mortgagee (变更, 转移, 确定), a seizure's extension (续封), a waiting seizure taking
 * effect (R8). `particulars` are merged into the existing ones.
 */
export type EncumbranceChanges = Partial<
  Pick<
    EncumbranceFacts,
    "holder" | "obligorName" | "documentNo" | "startsOn" | "endsOn" | "amount" | "particulars"
  >
> & { status?: "effective" };

/** Where a migrated record came from: `yulin import` file, row number and import run. */
export type MigrationSource = { file: string; row: number; run: string };

export type EntryBody =
  | { kind: "parcel.create"; parcel: ParcelFacts }
  | { kind: "building.create"; buildingNo: string; building: BuildingFacts }
  | { kind: "unit.create"; unit: UnitFacts }
  | { kind: "unit.update"; changes: Partial<UnitFacts> }
  | { kind: "right.create"; right: RightFacts; holders: HolderFacts[]; ends: number[] }
  | { kind: "right.end"; rightSeq: number; reason: string }
  | {
      /**
       * 补发/换发 (细则 第22条): a new certificate for a current right. The register records its
       * number, so the certificate a holder presents is checked against the new one (R1, R26).
       */
      kind: "right.certificate";
      rightSeq: number;
      certificateNo: string;
      /** The number the register held until now (null if it held none, e.g. a migrated right). */
      replaces: string | null;
      /** 补发 (lost) or 换发 (damaged). */
      reason: string;
    }
  | { kind: `${EncumbranceKind}.create`; encumbrance: EncumbranceFacts }
  | { kind: `${EncumbranceKind}.cancel`; encumbranceSeq: number; reason: string }
  | { kind: `${EncumbranceKind}.update`; encumbranceSeq: number; changes: EncumbranceChanges; reason: string }
  | ({ kind: "migrated"; source: MigrationSource } & MigratedRecord);

/** 数据整合: a record of an existing register loaded as it stands, historic ones included. */
export type MigratedRecord =
  | { record: "parcel"; parcel: ParcelFacts }
  | { record: "building"; buildingNo: string; building: BuildingFacts }
  | { record: "unit"; unit: UnitFacts }
  | {
      record: "right";
      right: RightFacts;
      holders: HolderFacts[];
      status: RecordStatus;
      endReason: string | null;
    }
  | {
      record: "encumbrance";
      encumbrance: EncumbranceFacts;
      status: "effective" | "historic";
      rank: number | null;
      endReason: string | null;
    };

export type EntryKind = EntryBody["kind"];

/** What a caller asks to append; the ledger adds seq, time and hashes. */
export type EntryDraft = {
  /** 宗地/宗海代码 (19 characters): the book the entry is written in. */
  parcel: string;
  /** The unit the entry is about, if one (28 characters). */
  unit: string | null;
  body: EntryBody;
};

/** The part of an entry that is hashed (canonical JSON): everything but its own hashes. */
export type EntryContent = {
  seq: number;
  jurisdiction: string;
  parcel: string;
  unit: string | null;
  /** ISO 8601 instant the entry was recorded (登簿时间). */
  at: string;
  body: EntryBody;
};

export type LedgerEntry = EntryContent & { prevHash: string; hash: string };
