import { describe, expect, it } from "vitest";
import {
  type CertificateData,
  formatYuan,
  matterDetails,
  notesText,
  recordPageRows,
  validateCertificateData,
} from "./certificate.content";

const title = (
  over: Partial<Extract<CertificateData, { kind: "certificate" }>["title"]> = {},
): CertificateData => ({
  v: 1,
  kind: "certificate",
  number: "粤（2025）佛山市不动产权第0000001号",
  office: { code: "440604", name: "佛山市禅城区不动产登记中心" },
  registeredOn: "2025-11-24",
  notes: [],
  replacement: null,
  title: {
    holders: [
      {
        name: "张三",
        kind: "person",
        idType: "居民身份证",
        idNumberMasked: "440***********1234",
        share: null,
      },
    ],
    coOwnership: "单独所有",
    location: "佛山市禅城区岭南大道北88号",
    unitCode: "440604003001GB00012F00010015",
    rightType: "国有建设用地使用权/房屋所有权",
    rightNature: "出让/市场化商品房",
    use: "城镇住宅用地/住宅",
    area: "共有宗地面积 1234.56㎡/房屋建筑面积 123.27㎡",
    term: "国有建设用地使用权 2000年01月01日起2069年12月31日止",
    otherState: ["房屋结构：钢筋混凝土结构", "所在层：15层"],
    ...over,
  },
});

describe("certificate content (DOMAIN-REFERENCE §6)", () => {
  it("lists the record page fields in the national order", () => {
    expect(recordPageRows(title()).map((r) => r.label)).toEqual([
      "权利人",
      "共有情况",
      "坐落",
      "不动产单元号",
      "权利类型",
      "权利性质",
      "用途",
      "面积",
      "使用期限",
      "权利其他状况",
    ]);
    expect(recordPageRows(title()).at(-1)?.value).toBe("房屋结构：钢筋混凝土结构\n所在层：15层");
  });

  it("accepts a complete certificate and reports every problem of a broken one at once", () => {
    expect(validateCertificateData(title()).ok).toBe(true);
    const broken = validateCertificateData({
      ...title({ holders: [], unitCode: "440604", coOwnership: "" }),
      number: "粤（2025）佛山市不动产证明第0000001号",
    });
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    const codes = broken.error.map((f) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining(["CERT.KIND", "UNIT.FORMAT", "CERTIFICATE.HOLDERS", "CERTIFICATE.FIELD"]),
    );
  });

  it("requires every holder's share for 按份共有", () => {
    const shared = title({
      coOwnership: "按份共有",
      holders: [
        { name: "张三", kind: "person", idType: "居民身份证", idNumberMasked: "x", share: "1/2" },
        { name: "李四", kind: "person", idType: "居民身份证", idNumberMasked: "y", share: null },
      ],
    });
    const result = validateCertificateData(shared);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.map((f) => f.code)).toContain("CERTIFICATE.SHARE");
  });

  it("marks a replacement 补发 (lost) or 换发 (damaged) first in 附记 (R26)", () => {
    const lost = {
      ...title(),
      replacement: { replacesNumber: "粤（2024）佛山市不动产权第0000099号", reason: "lost" as const },
    };
    expect(notesText(lost)[0]).toBe(
      "补发：原证书遗失（已公告），原证书粤（2024）佛山市不动产权第0000099号作废。",
    );
    const damaged = { ...lost, replacement: { ...lost.replacement, reason: "damaged" as const } };
    expect(notesText(damaged)[0]).toMatch(/^换发：原证书破损/);
  });

  it("writes a mortgage's amount, debtor and term under 其他", () => {
    expect(formatYuan(120_000_000)).toBe("1,200,000.00");
    expect(formatYuan(5)).toBe("0.05");
    expect(
      matterDetails({
        type: "mortgage",
        mortgageKind: "maximum",
        amountFen: 300_000_000,
        debtor: "张三",
        termStart: "2025-01-01",
        termEnd: "2035-01-01",
      }),
    ).toEqual([
      "抵押方式：最高额抵押",
      "最高债权额：人民币3,000,000.00元",
      "债务人：张三",
      "债务履行期限：2025年01月01日起2035年01月01日止",
    ]);
    expect(matterDetails({ type: "advance-notice", noticeKind: "presale-purchase" })).toEqual([
      "预告登记种类：预购商品房买卖预告登记",
    ]);
  });
});
