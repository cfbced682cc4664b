import { describe, expect, it } from "vitest";
import { describeEntry } from "./timeline";

describe("timeline lines", () => {
  it("names each kind of entry in Chinese and English", () => {
    expect(describeEntry({ body: { kind: "seizure.cancel", encumbranceSeq: 3, reason: "解除" } })).toEqual({
      title_zh: "解除查封",
      title_en: "seizure released",
    });
    expect(
      describeEntry({ body: { kind: "mortgage.cancel", encumbranceSeq: 3, reason: "还清" } }).title_zh,
    ).toBe("抵押权注销");
    expect(
      describeEntry({ body: { kind: "building.create", buildingNo: "0002", building: {} as never } })
        .title_zh,
    ).toBe("幢 0002 设立");
    const migrated = describeEntry({
      body: {
        kind: "migrated",
        source: { file: "rights.csv", row: 2, run: "x" },
        record: "right",
        right: { rightType: "4" } as never,
        holders: [],
        status: "historic",
        endReason: null,
      },
    });
    expect(migrated.title_zh).toBe("数据整合：权利：国有建设用地使用权/房屋（构筑物）所有权（历史）");
  });
});
