/**
 * Register slices for tests of combined cases and part plans (STYLE.md §11: factories). Person ids
 * are the holders' lookup hashes, as in the server. Seqs: rights from 1, mortgages from 10,
 * seizures from 20, advance notices from 30.
 */
import type { EncumbranceRecord, HolderRecord, RightRecord } from "../../register/register.types";
import type { RightWithHolders, UnitSlice } from "../plan/unit-slice";
import { APARTMENT, CERTIFICATE } from "./given";

const PARCEL = APARTMENT.slice(0, 19);
const base = { jurisdiction: APARTMENT.slice(0, 6), unitCode: APARTMENT };
const at = (day: string) => `${day}T02:00:00.000Z`;

export const holder = (personId: string, ordinal = 1, rightSeq = 1): HolderRecord => ({
  ...base,
  name: personId,
  holderType: "1",
  idType: "1",
  idNumberEnc: "",
  idNumberHash: personId,
  idNumberMasked: null,
  share: null,
  rightSeq,
  ordinal,
});

/** A current 国有建设用地使用权/房屋所有权 (房地一体) held by `holders`. */
export const rightRecord = (holders: string[] = ["seller"], seq = 1): RightWithHolders => {
  const right: RightRecord = {
    ...base,
    rightType: "4",
    nature: "102",
    use: "0701",
    area: 80,
    termStart: "2015-01-01",
    termEnd: "2085-12-31",
    source: "买卖",
    certificateNo: CERTIFICATE,
    coOwnership: holders.length > 1 ? "1" : "0",
    seq,
    registeredAt: at("2020-05-01"),
    status: "current",
    endedSeq: null,
    endReason: null,
  };
  return { right, holders: holders.map((h, i) => holder(h, i + 1, seq)) };
};

export const restriction = (
  kind: EncumbranceRecord["kind"],
  seq: number,
  holderId: string,
  overrides: Partial<EncumbranceRecord> = {},
): EncumbranceRecord => ({
  ...base,
  kind,
  seq,
  holderName: holderId,
  holderType: kind === "mortgage" ? "2" : "4",
  holderIdType: "8",
  holderIdEnc: "",
  holderIdHash: holderId,
  holderIdMasked: null,
  obligorName: "seller",
  documentNo: `DOC-${seq}`,
  startsOn: "2022-03-01",
  endsOn: "2032-03-01",
  amount: kind === "mortgage" ? 1_000_000 : null,
  relatedUnitCode: null,
  particulars: {},
  status: "effective",
  rank: kind === "mortgage" || kind === "seizure" ? 1 : null,
  registeredAt: at("2022-03-01"),
  updatedSeq: seq,
  endedSeq: null,
  endReason: null,
  ...overrides,
});

/** A registered flat in 天河区 held by `seller` (the slice of `given.unit()`), with what is added. */
export const registered = (overrides: Partial<UnitSlice> = {}): UnitSlice => ({
  unit: {
    ...base,
    parcelCode: PARCEL,
    fixture: "F",
    buildingNo: "0001",
    roomNo: "0203",
    floor: 2,
    roomLabel: "203",
    buildingArea: 80,
    innerArea: 70,
    sharedArea: 10,
    use: "11",
    structure: "钢混",
    address: "天河区测试路1号1座203",
    status: "current",
    createdSeq: 0,
    updatedSeq: 0,
  },
  parcel: undefined,
  rights: [rightRecord()],
  encumbrances: [],
  landRights: [],
  benefiting: [],
  history: [],
  ...overrides,
});

/** A flat before first registration on land held by the developer (presale). */
export const presaleSlice = (): UnitSlice => {
  const land = rightRecord(["developer"], 1);
  return registered({
    rights: [],
    landRights: [{ ...land, right: { ...land.right, rightType: "3", unitCode: `${PARCEL}W00000000` } }],
  });
};
