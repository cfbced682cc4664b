import { describe, expect, it } from "vitest";
import { applyEntry, landUnitCode } from "./apply";
import type {
  EncumbranceFacts,
  EntryBody,
  HolderFacts,
  ParcelFacts,
  RightFacts,
  SealedIdentity,
} from "./register.types";
import { collapseMutations, createMemoryRegister } from "./register-state";

const PARCEL = "440604001002GB00012";
const UNIT = `${PARCEL}F00010203`;

const parcelFacts: ParcelFacts = {
  area: 5000,
  landUse: "0701",
  landUseStandard: "GB/T 21010-2017",
  landGrade: null,
  address: "佛山市禅城区岭南大道88号",
  vertical: { kind: "surface", min: null, max: null },
  geometry: null,
};
const person = (name: string, n: number): SealedIdentity => ({
  name,
  holderType: "1",
  idType: "1",
  idNumberEnc: `enc-${n}`,
  idNumberHash: `hash-${n}`,
  idNumberMasked: `440***********000${n}`,
});
const holder = (name: string, n: number, share: string | null = null): HolderFacts => ({
  ...person(name, n),
  share,
});
const rightFacts = (coOwnership: RightFacts["coOwnership"] = "0", source = "首次登记"): RightFacts => ({
  rightType: "4",
  nature: "102",
  use: "住宅",
  area: 89.5,
  termStart: "2010-01-01",
  termEnd: "2079-12-31",
  source,
  certificateNo: null,
  coOwnership,
});
const encumbrance = (
  kind: EncumbranceFacts["kind"],
  extra: Partial<EncumbranceFacts> = {},
): EncumbranceFacts => ({
  kind,
  holder: { ...person("中国工商银行佛山分行", 9), holderType: "2", idType: "8" },
  obligorName: "张伟",
  documentNo: "（2026）粤0604执1号",
  startsOn: "2026-01-01",
  endsOn: "2028-12-31",
  amount: kind === "mortgage" ? 1_000_000 : null,
  relatedUnitCode: null,
  particulars: {},
  ...extra,
});

function book() {
  const register = createMemoryRegister();
  let seq = 0;
  const append = (body: EntryBody, unit: string | null = UNIT) => {
    seq += 1;
    const result = applyEntry(register, {
      seq,
      jurisdiction: "440604",
      parcel: PARCEL,
      unit,
      at: `2026-11-24T10:00:${String(seq).padStart(2, "0")}.000Z`,
      body,
    });
    if (result.ok) register.commit(result.value);
    return result;
  };
  const must = (body: EntryBody, unit: string | null = UNIT) => {
    const result = append(body, unit);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return seq;
  };
  const refusal = (body: EntryBody, unit: string | null = UNIT) => {
    const result = append(body, unit);
    return result.ok ? [] : result.error.map((f) => f.code);
  };
  const seized = () => {
    must({ kind: "parcel.create", parcel: parcelFacts }, null);
    must(
      {
        kind: "building.create",
        buildingNo: "0001",
        building: {
          name: "1座",
          address: "岭南大道88号1座",
          floorsAbove: 30,
          floorsBelow: 2,
          structure: "3",
          completedYear: 2012,
          area: 12000,
          geometry: null,
        },
      },
      null,
    );
    must({
      kind: "unit.create",
      unit: {
        floor: 2,
        roomLabel: "203",
        buildingArea: 89.5,
        innerArea: 75.2,
        sharedArea: 14.3,
        use: "11",
        structure: "3",
        address: "岭南大道88号1座203房",
      },
    });
  };
  return { register, append, must, refusal, setup: seized };
}

describe("applyEntry: the cadastre", () => {
  it("creates a parcel with its land-only unit (W00000000)", () => {
    const b = book();
    b.must({ kind: "parcel.create", parcel: parcelFacts }, null);
    expect(b.register.parcel(PARCEL)).toMatchObject({
      feature: "GB",
      zone: "001",
      subzone: "002",
      status: "current",
    });
    expect(b.register.unit(landUnitCode(PARCEL))).toMatchObject({
      fixture: "W",
      address: parcelFacts.address,
    });
    expect(b.refusal({ kind: "parcel.create", parcel: parcelFacts }, null)).toEqual([
      "REGISTER.PARCEL_EXISTS",
    ]);
  });

  it("needs the parcel before a building and the building before a house unit", () => {
    const b = book();
    expect(b.refusal({ kind: "unit.create", unit: { ...emptyUnit, address: "x" } })).toEqual([
      "REGISTER.PARCEL_NOT_FOUND",
    ]);
    b.must({ kind: "parcel.create", parcel: parcelFacts }, null);
    expect(b.refusal({ kind: "unit.create", unit: { ...emptyUnit, address: "x" } })).toEqual([
      "REGISTER.BUILDING_NOT_FOUND",
    ]);
    expect(
      b.refusal({ kind: "unit.create", unit: { ...emptyUnit, address: "x" } }, landUnitCode(PARCEL)),
    ).toEqual(["REGISTER.LAND_UNIT"]);
  });

  it("refuses a parcel code outside the entry's jurisdiction", () => {
    const register = createMemoryRegister();
    const result = applyEntry(register, {
      seq: 1,
      jurisdiction: "440605",
      parcel: PARCEL,
      unit: null,
      at: "2026-11-24T10:00:00.000Z",
      body: { kind: "parcel.create", parcel: parcelFacts },
    });
    expect(result.ok ? [] : result.error.map((f) => f.code)).toEqual(["REGISTER.JURISDICTION"]);
  });
});

const emptyUnit = {
  floor: null,
  roomLabel: null,
  buildingArea: null,
  innerArea: null,
  sharedArea: null,
  use: null,
  structure: null,
  address: "",
};

describe("applyEntry: rights and holders", () => {
  it("records co-owners whose shares add up to one (R6) and refuses those that do not", () => {
    const b = book();
    b.setup();
    expect(
      b.refusal({
        kind: "right.create",
        right: rightFacts("2"),
        holders: [holder("张伟", 1, "1/2"), holder("李娜", 2, "1/3")],
        ends: [],
      }),
    ).toEqual(["R6"]);
    const seq = b.must({
      kind: "right.create",
      right: rightFacts("2"),
      holders: [holder("张伟", 1, "1/2"), holder("李娜", 2, "1/2")],
      ends: [],
    });
    expect(b.register.holdersOf(UNIT, seq).map((h) => [h.ordinal, h.name, h.share])).toEqual([
      [1, "张伟", "1/2"],
      [2, "李娜", "1/2"],
    ]);
  });

  it("keeps one current right per unit: a transfer ends the old one, which becomes history (R5)", () => {
    const b = book();
    b.setup();
    const first = b.must({
      kind: "right.create",
      right: rightFacts(),
      holders: [holder("张伟", 1)],
      ends: [],
    });
    expect(
      b.refusal({ kind: "right.create", right: rightFacts(), holders: [holder("李娜", 2)], ends: [] }),
    ).toEqual(["REGISTER.RIGHT_EXISTS"]);
    const second = b.must({
      kind: "right.create",
      right: rightFacts("0", "买卖"),
      holders: [holder("李娜", 2)],
      ends: [first],
    });
    expect(b.register.rightsOf(UNIT).map((r) => [r.seq, r.status, r.endedSeq, r.endReason])).toEqual([
      [first, "historic", second, "买卖"],
      [second, "current", null, null],
    ]);
    expect(b.refusal({ kind: "right.end", rightSeq: first, reason: "注销" })).toEqual([
      "REGISTER.RIGHT_NOT_FOUND",
    ]);
  });

  it("records the number of a replacement certificate (补发/换发) on the current right only (R26)", () => {
    const b = book();
    b.setup();
    const OLD = "粤（2025）佛山市不动产权第0000001号";
    const NEW = "粤（2026）佛山市不动产权第0000002号";
    const first = b.must({
      kind: "right.create",
      right: { ...rightFacts(), certificateNo: OLD },
      holders: [holder("张伟", 1)],
      ends: [],
    });
    const replace = (
      over: Partial<{ rightSeq: number; certificateNo: string; replaces: string | null }>,
    ) => ({
      kind: "right.certificate" as const,
      rightSeq: first,
      certificateNo: NEW,
      replaces: OLD,
      reason: "补发",
      ...over,
    });
    expect(b.refusal(replace({ replaces: "粤（2019）佛山市不动产权第0000009号" }))).toEqual([
      "REGISTER.ENTRY",
    ]);
    expect(b.refusal(replace({ certificateNo: OLD }))).toEqual(["REGISTER.ENTRY"]);
    expect(b.refusal(replace({ certificateNo: " " }))).toEqual(["REGISTER.ENTRY"]);
    expect(b.refusal(replace({ rightSeq: first + 10 }))).toEqual(["REGISTER.RIGHT_NOT_FOUND"]);
    b.must(replace({}));
    expect(b.register.rightsOf(UNIT).map((r) => [r.seq, r.status, r.certificateNo])).toEqual([
      [first, "current", NEW],
    ]);
    expect(b.register.holdersOf(UNIT, first).map((h) => h.name)).toEqual(["张伟"]);
    // A transfer ends the right; its certificate can no longer be replaced.
    b.must({
      kind: "right.create",
      right: rightFacts("0", "买卖"),
      holders: [holder("李娜", 2)],
      ends: [first],
    });
    expect(
      b.refusal(replace({ replaces: NEW, certificateNo: "粤（2026）佛山市不动产权第0000003号" })),
    ).toEqual(["REGISTER.RIGHT_NOT_FOUND"]);
  });
});

describe("applyEntry: restrictions", () => {
  it("ranks mortgages in order of registration (R14)", () => {
    const b = book();
    b.setup();
    const m1 = b.must({ kind: "mortgage.create", encumbrance: encumbrance("mortgage") });
    const m2 = b.must({ kind: "mortgage.create", encumbrance: encumbrance("mortgage") });
    expect(b.register.encumbrancesOf(UNIT).map((e) => [e.seq, e.rank])).toEqual([
      [m1, 1],
      [m2, 2],
    ]);
    expect(
      b.refusal({ kind: "mortgage.create", encumbrance: encumbrance("mortgage", { amount: null }) }),
    ).toEqual(["REGISTER.AMOUNT"]);
  });

  it("makes a second seizure wait and promotes it when the first is released (R8)", () => {
    const b = book();
    b.setup();
    const s1 = b.must({ kind: "seizure.create", encumbrance: encumbrance("seizure") });
    const s2 = b.must({ kind: "seizure.create", encumbrance: encumbrance("seizure") });
    const s3 = b.must({ kind: "seizure.create", encumbrance: encumbrance("seizure") });
    const state = () => b.register.encumbrancesOf(UNIT).map((e) => [e.seq, e.status, e.rank]);
    expect(state()).toEqual([
      [s1, "effective", 1],
      [s2, "waiting", 2],
      [s3, "waiting", 3],
    ]);
    b.must({ kind: "seizure.cancel", encumbranceSeq: s1, reason: "解除查封" });
    expect(state()).toEqual([
      [s1, "historic", 1],
      [s2, "effective", 2],
      [s3, "waiting", 3],
    ]);
    expect(b.refusal({ kind: "seizure.cancel", encumbranceSeq: s1, reason: "again" })).toEqual([
      "REGISTER.ENCUMBRANCE_NOT_FOUND",
    ]);
    expect(b.refusal({ kind: "mortgage.cancel", encumbranceSeq: s2, reason: "wrong kind" })).toEqual([
      "REGISTER.ENCUMBRANCE_NOT_FOUND",
    ]);
  });

  it("changes a live restriction in place, keeping its rank; a waiting seizure takes effect only alone (R8, R14)", () => {
    const b = book();
    b.setup();
    const m1 = b.must({ kind: "mortgage.create", encumbrance: encumbrance("mortgage") });
    const m2 = b.must({ kind: "mortgage.create", encumbrance: encumbrance("mortgage") });
    b.must({
      kind: "mortgage.update",
      encumbranceSeq: m1,
      changes: { amount: 1_500_000, endsOn: "2030-12-31", particulars: { fixed: true } },
      reason: "抵押权变更登记",
    });
    const changed = b.register.encumbrancesOf(UNIT).find((e) => e.seq === m1)!;
    expect([changed.amount, changed.endsOn, changed.rank, changed.status, changed.particulars]).toEqual([
      1_500_000,
      "2030-12-31",
      1,
      "effective",
      { fixed: true },
    ]);
    expect(b.register.encumbrancesOf(UNIT).find((e) => e.seq === m2)!.rank).toBe(2);
    expect(
      b.refusal({ kind: "mortgage.update", encumbranceSeq: m1, changes: { amount: -1 }, reason: "x" }),
    ).toEqual(["REGISTER.AMOUNT"]);
    expect(
      b.refusal({
        kind: "seizure.update",
        encumbranceSeq: m1,
        changes: { endsOn: "2031-01-01" },
        reason: "x",
      }),
    ).toEqual(["REGISTER.ENCUMBRANCE_NOT_FOUND"]);
    const s1 = b.must({ kind: "seizure.create", encumbrance: encumbrance("seizure") });
    const s2 = b.must({ kind: "seizure.create", encumbrance: encumbrance("seizure") });
    expect(
      b.refusal({
        kind: "seizure.update",
        encumbranceSeq: s2,
        changes: { status: "effective" },
        reason: "x",
      }),
    ).toEqual(["REGISTER.ENTRY"]);
    b.must({
      kind: "seizure.update",
      encumbranceSeq: s1,
      changes: { endsOn: "2031-12-31" },
      reason: "续行查封",
    });
    expect(b.register.encumbrancesOf(UNIT).find((e) => e.seq === s1)!.endsOn).toBe("2031-12-31");
    b.must({ kind: "seizure.cancel", encumbranceSeq: s1, reason: "查封期限届满失效" });
    expect(b.register.encumbrancesOf(UNIT).find((e) => e.seq === s2)!.status).toBe("effective");
    b.must({ kind: "mortgage.cancel", encumbranceSeq: m1, reason: "抵押权注销" });
    expect(
      b.refusal({ kind: "mortgage.update", encumbranceSeq: m1, changes: { amount: 1 }, reason: "x" }),
    ).toEqual(["REGISTER.ENCUMBRANCE_NOT_FOUND"]);
  });

  it("loads migrated historic rights and restrictions as history", () => {
    const b = book();
    b.setup();
    const source = { file: "rights.csv", row: 2, run: "r" };
    const old = b.must({
      kind: "migrated",
      source,
      record: "right",
      right: rightFacts(),
      holders: [holder("陈静", 3)],
      status: "historic",
      endReason: "买卖",
    });
    const now = b.must({
      kind: "migrated",
      source,
      record: "right",
      right: rightFacts(),
      holders: [holder("张伟", 1)],
      status: "current",
      endReason: null,
    });
    expect(b.register.rightsOf(UNIT).map((r) => [r.seq, r.status])).toEqual([
      [old, "historic"],
      [now, "current"],
    ]);
  });
});

describe("collapseMutations", () => {
  it("writes a row inserted and then updated in one batch once, as an insert", () => {
    const b = book();
    b.setup();
    const seizure = applyEntry(b.register, {
      seq: 10,
      jurisdiction: "440604",
      parcel: PARCEL,
      unit: UNIT,
      at: "2026-11-24T10:00:10.000Z",
      body: { kind: "seizure.create", encumbrance: encumbrance("seizure") },
    });
    if (!seizure.ok) throw new Error("seizure");
    b.register.commit(seizure.value);
    const release = applyEntry(b.register, {
      seq: 11,
      jurisdiction: "440604",
      parcel: PARCEL,
      unit: UNIT,
      at: "2026-11-24T10:00:11.000Z",
      body: { kind: "seizure.cancel", encumbranceSeq: 10, reason: "解除" },
    });
    if (!release.ok) throw new Error("release");
    const collapsed = collapseMutations([...seizure.value, ...release.value]);
    expect(collapsed).toHaveLength(1);
    expect(collapsed[0]).toMatchObject({ op: "insert", record: { status: "historic", endedSeq: 11 } });
  });
});
