import { describe, expect, it } from "vitest";
import { ALL_GUIDES, findServiceGuide, searchGuides } from "./catalogue";

describe("办事指南 from the domain catalogue", () => {
  it("shows a second-hand sale's materials, 80/550 yuan fees and 3 promised working days", () => {
    const guide = findServiceGuide("transfer.sale")!;
    expect(guide.group).toBe("transfer");
    expect(guide.materials.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        "application-form",
        "applicant-identity",
        "title-certificate",
        "sale-contract",
        "tax-proof",
      ]),
    );
    expect(guide.fees.map((f) => [f.property, f.totalFen])).toEqual([
      ["residential", 8000],
      ["non-residential", 55000],
    ]);
    expect(guide.promisedDays).toBe(3);
    expect(guide.instant).toBe(false);
    expect(guide.applicable).toBe(true);
  });

  it("marks a general mortgage instant and a seizure as a court's instruction, free of charge", () => {
    expect(findServiceGuide("mortgage.first.general")!.instant).toBe(true);
    const seizure = findServiceGuide("seizure.seize")!;
    expect(seizure.applicable).toBe(false);
    expect(seizure.instantChannel).toBe("court");
    expect(seizure.fees.every((f) => f.totalFen === 0)).toBe(true);
  });

  it("describes a combined business by its parts", () => {
    const guide = findServiceGuide("combined.resale-with-mortgage")!;
    expect(guide.combined).toBe(true);
    expect(guide.parts.map((p) => p.typeId)).toEqual(["transfer.sale", "mortgage.first.general"]);
  });

  it("finds guides by Chinese or English name within a group", () => {
    expect(searchGuides(ALL_GUIDES, "买卖", "transfer").map((g) => g.id)).toContain("transfer.sale");
    expect(searchGuides(ALL_GUIDES, "mortgage", "mortgage").length).toBeGreaterThan(3);
    expect(findServiceGuide("no.such.type")).toBeUndefined();
  });
});
