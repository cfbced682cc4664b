import type { UnitFacts } from "@yulin/domain";
import { z } from "zod";
import { mirrorOf } from "../platform/http/schemas";

export const ZUnitCode = z
  .string()
  .regex(/^[0-9A-Za-z ]{28,31}$/, "28-character unit code (spaces allowed)")
  .describe("不动产单元代码 (GB/T 37346), e.g. 440604001002GB00012F00010203");
export const ZParcelCode = z.string().regex(/^\d{12}[GJZ][A-Z]\d{5}$/, "19-character parcel code");
export const ZBuildingCode = z
  .string()
  .regex(/^\d{12}[GJZ][A-Z]\d{5}F\d{4}$/, "parcel code + F + 4-digit building number");

const ZPolygon = z.object({
  type: z.literal("Polygon"),
  coordinates: z
    .array(z.array(z.array(z.number()).min(2).max(3)).min(4).max(5000))
    .min(1)
    .max(50),
});
const ZVertical = z.object({
  kind: z.enum(["surface", "above", "below", "between"]),
  min: z.number().nullable(),
  max: z.number().nullable(),
});

export const ZUnit = z.object({
  code: z.string(),
  codeDisplay: z.string(),
  parcelCode: z.string(),
  fixture: z.enum(["F", "L", "Q", "W"]),
  buildingNo: z.string().nullable(),
  roomNo: z.string().nullable(),
  floor: z.number().nullable(),
  roomLabel: z.string().nullable(),
  buildingArea: z.number().nullable(),
  innerArea: z.number().nullable(),
  sharedArea: z.number().nullable(),
  use: z.string().nullable(),
  structure: z.string().nullable(),
  address: z.string(),
  status: z.enum(["current", "historic"]),
});
// A unit as the register shows it carries the domain's UnitFacts.
mirrorOf<UnitFacts>()(ZUnit);

export const ZParcel = z.object({
  code: z.string(),
  zone: z.string(),
  subzone: z.string(),
  feature: z.string(),
  isSea: z.boolean(),
  area: z.number(),
  landUse: z.string().nullable(),
  landUseStandard: z.string().nullable(),
  landGrade: z.string().nullable(),
  address: z.string(),
  vertical: ZVertical,
  status: z.enum(["current", "historic"]),
});

const ZHolder = z.object({
  ordinal: z.number(),
  name: z.string(),
  holderType: z.string(),
  idType: z.string(),
  idNumberMasked: z.string().nullable(),
  share: z.string().nullable(),
});

export const ZRight = z.object({
  seq: z.number(),
  rightType: z.string(),
  rightTypeName: z.string(),
  nature: z.string().nullable(),
  natureName: z.string().nullable(),
  use: z.string().nullable(),
  area: z.number().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  source: z.string(),
  certificateNo: z.string().nullable(),
  coOwnership: z.string(),
  coOwnershipName: z.string(),
  registeredAt: z.string(),
  status: z.enum(["current", "historic"]),
  endedSeq: z.number().nullable(),
  endReason: z.string().nullable(),
  holders: z.array(ZHolder),
});

export const ZEncumbrance = z.object({
  seq: z.number(),
  kind: z.string(),
  kindName: z.string(),
  status: z.enum(["effective", "waiting", "historic"]),
  rank: z.number().nullable(),
  holderName: z.string(),
  holderIdMasked: z.string().nullable(),
  obligorName: z.string().nullable(),
  documentNo: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  amount: z.number().nullable(),
  relatedUnitCode: z.string().nullable(),
  particulars: z.record(z.string(), z.unknown()),
  registeredAt: z.string(),
  endedSeq: z.number().nullable(),
  endReason: z.string().nullable(),
});

const ZFlags = z.object({
  coOwned: z.boolean(),
  mortgaged: z.boolean(),
  advanceNotice: z.boolean(),
  seized: z.boolean(),
  objection: z.boolean(),
  habitation: z.boolean(),
  easement: z.boolean(),
});

export const ZUnitResponse = z
  .object({
    view: z
      .enum(["full", "public"])
      .describe("full: staff and holders; public: natural state and flags only (R30)"),
    unit: ZUnit,
    parcel: ZParcel.nullable(),
    flags: ZFlags,
    rights: z.array(ZRight).nullable(),
    encumbrances: z.array(ZEncumbrance).nullable(),
    easementsBenefiting: z.array(ZEncumbrance).nullable(),
  })
  .describe("RegisterUnit");

export const ZHistoryResponse = z.object({
  unit: ZUnit,
  timeline: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      kind: z.string(),
      scope: z.enum(["unit", "land", "building", "parcel"]),
      hash: z.string(),
      title_zh: z.string(),
      title_en: z.string(),
    }),
  ),
  rights: z.array(ZRight),
  encumbrances: z.array(ZEncumbrance),
});

const ZUnitCell = z.object({
  code: z.string(),
  buildingNo: z.string().nullable(),
  roomNo: z.string().nullable(),
  floor: z.number().nullable(),
  roomLabel: z.string().nullable(),
  buildingArea: z.number().nullable(),
  use: z.string().nullable(),
  status: z.enum(["current", "historic"]),
  registered: z.boolean(),
  flags: ZFlags,
});

export const ZParcelResponse = z.object({
  parcel: ZParcel.extend({ geometry: z.unknown() }),
  buildings: z.array(
    z.object({
      buildingNo: z.string(),
      code: z.string(),
      name: z.string().nullable(),
      address: z.string(),
      floorsAbove: z.number(),
      floorsBelow: z.number(),
      structure: z.string().nullable(),
      completedYear: z.number().nullable(),
      area: z.number().nullable(),
      status: z.enum(["current", "historic"]),
    }),
  ),
  units: z.array(ZUnitCell),
});

export const ZBuildingTableResponse = z
  .object({
    building: z.object({
      code: z.string(),
      parcelCode: z.string(),
      buildingNo: z.string(),
      name: z.string().nullable(),
      address: z.string(),
      floorsAbove: z.number(),
      floorsBelow: z.number(),
      structure: z.string().nullable(),
      completedYear: z.number().nullable(),
      area: z.number().nullable(),
    }),
    floors: z.array(z.object({ floor: z.number().nullable(), units: z.array(ZUnitCell) })),
  })
  .describe("楼盘表 BuildingTable");

export const ZAddressSearchQuery = z.object({
  address: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZHolderSearchRequest = z.strictObject({
  idNumber: z.string().min(15).max(18).describe("Resident ID or unified social credit code"),
  purpose: z.string().min(2).max(200).describe("Why (recorded in the audit log)"),
});

export const ZHoldingsResponse = z.object({
  holdings: z.array(
    z.object({
      unitCode: z.string(),
      address: z.string(),
      buildingArea: z.number().nullable(),
      rightSeq: z.number(),
      rightType: z.string(),
      status: z.enum(["current", "historic"]),
      coOwnership: z.string(),
      holderName: z.string(),
      idNumberMasked: z.string().nullable(),
      share: z.string().nullable(),
      registeredAt: z.string(),
    }),
  ),
});

export const ZMapQuery = z.object({
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, "minX,minY,maxX,maxY")
    .describe("minX,minY,maxX,maxY (CGCS2000)"),
  limit: z.coerce.number().int().min(1).max(5000).default(2000),
});

export const ZFeatureCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.object({
      type: z.literal("Feature"),
      id: z.string(),
      geometry: z.unknown(),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const ZSignedHead = z
  .object({
    treeSize: z.number(),
    rootHash: z.string(),
    timestamp: z.string(),
    signature: z
      .string()
      .describe("SM2 DER signature (hex) over canonicalJson({log, rootHash, timestamp, treeSize})"),
    publicKey: z.string(),
  })
  .describe("SignedTreeHead");

/**
 * 登簿回执: the register's signed promise to integrate the entries into a signed tree head within
 * `maxMergeDelayMs` of `timestamp` (docs/register.md, "Receipts"). Check it offline with
 * `verifyReceipt(receipt, publicKey)` of @yulin/domain and the key of `GET /api/register/ledger/seal-key`.
 */
export const ZLedgerReceipt = z
  .object({
    entries: z
      .array(
        z.object({
          seq: z.number().describe("The entry's id (its log index is assigned by the sequencer)"),
          contentHash: z
            .string()
            .describe("SM3 (hex) of canonicalJson({seq, jurisdiction, parcel, unit, at, body})"),
        }),
      )
      .min(1),
    timestamp: z.string().describe("ISO 8601 instant the receipt was issued"),
    maxMergeDelayMs: z.number().describe("Promise: in a signed tree head within this many ms of timestamp"),
    signature: z
      .string()
      .describe(
        'SM2 DER signature (hex) over canonicalJson({log:"yulin-register-receipt", entries, timestamp, maxMergeDelayMs})',
      ),
  })
  .describe("LedgerReceipt");

export const ZInclusionQuery = z.object({
  seq: z.coerce.number().int().min(1),
  treeSize: z.coerce.number().int().min(1).optional(),
});

export const ZInclusionProof = z.object({
  /** The entry's id (what rights and restrictions reference). */
  seq: z.number(),
  /** Its position in the log, from 1 (the sequencer's order). */
  logIndex: z.number(),
  /** The Merkle leaf index, logIndex − 1. */
  index: z.number(),
  entryHash: z.string(),
  leafHash: z.string(),
  treeSize: z.number(),
  proof: z.array(z.string()),
  head: ZSignedHead,
});

export const ZConsistencyQuery = z.object({
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(1).optional(),
});

export const ZConsistencyProof = z.object({
  oldSize: z.number(),
  newSize: z.number(),
  oldHead: ZSignedHead.nullable(),
  newHead: ZSignedHead,
  proof: z.array(z.string()),
});

export const ZNewParcelRequest = z.strictObject({
  jurisdiction: z.string().regex(/^\d{6}$/),
  zone: z.string().regex(/^\d{3}$/),
  subzone: z.string().regex(/^\d{3}$/),
  ownership: z.enum(["G", "J", "Z"]),
  useRight: z.string().regex(/^[A-Z]$/),
  area: z.number().positive(),
  landUse: z.string().max(20).nullable().default(null),
  landUseStandard: z.string().max(40).nullable().default(null),
  landGrade: z.string().max(20).nullable().default(null),
  address: z.string().min(1).max(200),
  vertical: ZVertical.default({ kind: "surface", min: null, max: null }),
  geometry: ZPolygon.nullable().default(null),
});

export const ZNewBuildingRequest = z.strictObject({
  name: z.string().max(100).nullable().default(null),
  address: z.string().min(1).max(200),
  floorsAbove: z.number().int().min(0).max(299),
  floorsBelow: z.number().int().min(0).max(299).default(0),
  structure: z.string().max(2).nullable().default(null),
  completedYear: z.number().int().min(1800).max(2200).nullable().default(null),
  area: z.number().min(0).nullable().default(null),
  geometry: ZPolygon.nullable().default(null),
});

export const ZNewUnitsRequest = z.strictObject({
  units: z
    .array(
      z.strictObject({
        floor: z.number().int().nullable().default(null),
        roomLabel: z.string().max(40).nullable().default(null),
        buildingArea: z.number().min(0).nullable().default(null),
        innerArea: z.number().min(0).nullable().default(null),
        sharedArea: z.number().min(0).nullable().default(null),
        use: z.string().max(10).nullable().default(null),
        structure: z.string().max(2).nullable().default(null),
        address: z.string().min(1).max(200),
      }),
    )
    .min(1)
    .max(500),
});
