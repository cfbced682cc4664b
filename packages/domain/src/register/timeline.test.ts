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
    expect(
      describeEntry({
        body: {
          kind: "right.certificate",
          rightSeq: 5,
          certificateNo: "粤（2026）佛山市不动产权第0000002号",
          replaces: "粤（2025）佛山市不动产权第0000001号",
          reason: "补发",
        },
      }),
    ).toEqual({
      title_zh:
        "补发证书：粤（2026）佛山市不动产权第0000002号（原证书 粤（2025）佛山市不动产权第0000001号 作废）",
      title_en:
        "Certificate reissued after loss (补发): 粤（2026）佛山市不动产权第0000002号 (粤（2025）佛山市不动产权第0000001号 void)",
    });
    expect(
      describeEntry({
        body: { kind: "right.certificate", rightSeq: 5, certificateNo: "N2", replaces: null, reason: "换发" },
      }),
    ).toEqual({ title_zh: "换发证书：N2", title_en: "Certificate exchanged (换发): N2" });
    expect(migrated.title_zh).toBe("数据整合：权利：国有建设用地使用权/房屋（构筑物）所有权（历史）");
  });
});
