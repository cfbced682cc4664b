import { describe, expect, it } from "vitest";
import {
  BUSINESS_TYPES,
  COMBINED_TYPES,
  feeCategoryFor,
  findBusinessType,
  promisedDaysFor,
  requireBusinessType,
} from "./catalogue";
import { MATERIALS } from "./materials";

const CJK = /[\u4e00-\u9fff]/;

describe("business-type catalogue", () => {
  it("has unique, stable ids", () => {
    const ids = BUSINESS_TYPES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
  });

  it.each(BUSINESS_TYPES.map((t) => [t.id, t] as const))(
    "%s has names, parties, materials, a fee and limits",
    (_, type) => {
      expect(type.name_zh).toMatch(CJK);
      expect(type.name_en.length).toBeGreaterThan(3);
      expect(type.parties.length).toBeGreaterThan(0);
      expect(type.materials.length).toBeGreaterThan(0);
      for (const m of type.materials) expect(MATERIALS[m.id]).toBeDefined();
      expect(["residential", "non-residential", "half", "none", "certificate-cost-only", "by-use"]).toContain(
        type.fee,
      );
      expect(type.statutoryDays).toBe(30);
      expect(type.promisedDays).toBeGreaterThan(0);
      expect(type.promisedDays).toBeLessThanOrEqual(type.statutoryDays);
      expect(type.entries.length).toBeGreaterThan(0);
      for (const e of type.entries) expect(e).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(type.application.basis).toMatch(CJK);
    },
  );

  it("covers every type and sub-type the reference lists", () => {
    const required = [
      "first.land.state-construction",
      "first.house.state-land",
      "first.sea-area",
      "first.forest",
      "change.holder-name",
      "transfer.sale",
      "transfer.gift",
      "transfer.inheritance",
      "transfer.exchange",
      "transfer.decision",
      "transfer.division",
      "cancel.perished",
      "correction.application",
      "correction.ex-officio",
      "objection.create",
      "objection.cancel",
      "advance-notice.presale-sale",
      "advance-notice.sale",
      "advance-notice.presale-mortgage",
      "advance-notice.mortgage",
      "advance-notice.cancel",
      "seizure.seize",
      "seizure.wait",
      "seizure.release",
      "seizure.extend",
      "mortgage.first.general",
      "mortgage.first.maximum",
      "mortgage.first.construction",
      "mortgage.change",
      "mortgage.transfer",
      "mortgage.cancel",
      "easement.create",
      "habitation.create",
      "habitation.cancel",
      "certificate.replace-lost",
    ];
    for (const id of required) expect(findBusinessType(id), id).toBeDefined();
  });

  it("marks exactly the eligible types as instant (mortgage first and cancellation, notices, court seizures, name change)", () => {
    expect(BUSINESS_TYPES.filter((t) => t.instant).map((t) => t.id)).toEqual([
      "change.holder-name",
      "advance-notice.presale-sale",
      "advance-notice.sale",
      "advance-notice.presale-mortgage",
      "advance-notice.mortgage",
      "advance-notice.cancel",
      "seizure.seize",
      "seizure.wait",
      "seizure.pre-seize",
      "seizure.pre-wait",
      "seizure.release",
      "mortgage.first.general",
      "mortgage.first.maximum",
      "mortgage.cancel",
    ]);
    expect(requireBusinessType("change.holder-name").instant).toEqual({ eLicence: "change-proof" });
    expect(requireBusinessType("seizure.seize").instant).toEqual({ channel: "court" });
  });

  it("passes an instant type through its automatic stages up to what it yields", () => {
    expect(requireBusinessType("mortgage.first.general").automaticStages).toEqual([
      "accepted",
      "reviewed",
      "registered",
      "certified",
    ]);
    expect(requireBusinessType("seizure.seize").automaticStages).toEqual([
      "accepted",
      "reviewed",
      "registered",
    ]);
    expect(requireBusinessType("transfer.sale").automaticStages).toEqual([]);
  });

  it("announces exactly the types of 细则 17 and 22 (R20)", () => {
    expect(BUSINESS_TYPES.filter((t) => t.announcement).map((t) => t.id)).toEqual([
      "first.land.collective-ownership",
      "first.land.collective-construction",
      "first.house.collective-construction",
      "first.homestead",
      "first.contracted-land",
      "first.forest",
      "cancel.ex-officio",
      "correction.ex-officio",
      "certificate.replace-lost",
    ]);
    for (const t of BUSINESS_TYPES.filter((t) => t.announcement))
      expect(t.announcement?.workingDays).toBeGreaterThanOrEqual(15);
    // 细则 80 gives the parties 30 working days before an ex-officio correction; 细则 17 asks only the 公告
    // for an ex-officio cancellation.
    expect(requireBusinessType("correction.ex-officio").announcement?.noticeWorkingDays).toBe(30);
    expect(requireBusinessType("cancel.ex-officio").announcement?.noticeWorkingDays).toBeUndefined();
  });

  it("yields certifications for mortgages, notices, objections, easements and habitation, nothing for seizures and cancellations", () => {
    const yields = (id: string) => requireBusinessType(id).yields;
    expect(
      [
        "mortgage.first.general",
        "advance-notice.sale",
        "objection.create",
        "easement.create",
        "habitation.create",
      ].map(yields),
    ).toEqual(Array(5).fill("certification"));
    expect(["seizure.seize", "mortgage.cancel", "cancel.perished"].map(yields)).toEqual(
      Array(3).fill("none"),
    );
    expect(yields("transfer.sale")).toBe("certificate");
  });

  it("resolves fees by the unit's use and keeps offices' promises within the statutory limit", () => {
    const sale = requireBusinessType("transfer.sale");
    expect(feeCategoryFor(sale, "residential")).toBe("residential");
    expect(feeCategoryFor(sale, "non-residential")).toBe("non-residential");
    expect(feeCategoryFor(requireBusinessType("first.homestead"), "residential")).toBe(
      "certificate-cost-only",
    );
    expect(feeCategoryFor(requireBusinessType("seizure.seize"), "residential")).toBe("none");
    expect(promisedDaysFor(sale)).toBe(3);
    expect(
      promisedDaysFor(sale, {
        code: "440106",
        allowsCommitments: false,
        promisedDays: { "transfer.sale": 1 },
      }),
    ).toBe(1);
    expect(
      promisedDaysFor(sale, {
        code: "440106",
        allowsCommitments: false,
        promisedDays: { "transfer.sale": 45 },
      }),
    ).toBe(30);
  });

  it("throws on an unknown id, a programmer error", () => {
    expect(findBusinessType("transfer.theft")).toBeUndefined();
    expect(() => requireBusinessType("transfer.theft")).toThrow(RangeError);
  });
});

describe("combined types", () => {
  it.each(COMBINED_TYPES.map((c) => [c.id, c] as const))(
    "%s has names and parts that exist",
    (_, combined) => {
      expect(combined.name_zh).toMatch(CJK);
      expect(combined.parts.length).toBeGreaterThanOrEqual(2);
      for (const part of combined.parts) expect(findBusinessType(part.typeId), part.typeId).toBeDefined();
    },
  );

  it("ships second-hand sale with mortgage, the three 带押过户 modes, 双预告, 预转本 and 首转同步", () => {
    expect(COMBINED_TYPES.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "combined.resale-with-mortgage",
        "combined.sale-with-mortgage.combined",
        "combined.sale-with-mortgage.segmented",
        "combined.sale-with-mortgage.change",
        "combined.double-advance-notice",
        "combined.advance-notice-conversion",
        "combined.first-and-transfer",
      ]),
    );
  });
});
