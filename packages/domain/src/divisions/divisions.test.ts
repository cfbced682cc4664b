import { describe, expect, it } from "vitest";
import {
  findCounty,
  findProvince,
  findStatisticalZone,
  isCounty,
  jurisdictionCovers,
  listCounties,
  provinceAbbreviation,
  provinceCodeOfAbbreviation,
} from "./divisions";

describe("findCounty", () => {
  it.each([
    ["440604", "禅城区", "4406", "佛山市"],
    ["440605", "南海区", "4406", "佛山市"],
    ["440606", "顺德区", "4406", "佛山市"],
    ["231202", "北林区", "2312", "绥化市"],
    ["231221", "望奎县", "2312", "绥化市"],
    ["231282", "肇东市", "2312", "绥化市"],
  ])("knows %s %s in %s %s", (code, name, cityCode, cityName) => {
    expect(findCounty(code)).toMatchObject({ code, name, cityCode, cityName });
  });

  it("returns the province with the county", () => {
    expect(findCounty("440604")).toEqual({
      code: "440604",
      name: "禅城区",
      cityCode: "4406",
      cityName: "佛山市",
      provinceCode: "44",
      provinceName: "广东省",
    });
    expect(findCounty("231282")?.provinceName).toBe("黑龙江省");
  });

  it("does not treat prefecture or province codes as counties", () => {
    expect(findCounty("440600")).toBeUndefined();
    expect(findCounty("231200")).toBeUndefined();
    expect(findCounty("440000")).toBeUndefined();
  });

  it("treats cities without counties (东莞) as their own county-level entry", () => {
    expect(findCounty("441900")).toMatchObject({ name: "东莞市", cityName: "东莞市" });
  });

  it("rejects malformed codes and prototype keys", () => {
    expect(findCounty("44060")).toBeUndefined();
    expect(findCounty("toString")).toBeUndefined();
    expect(isCounty("constructor")).toBe(false);
  });

  it("keeps statistical functional zones out of the county list but can name them", () => {
    expect(isCounty("130171")).toBe(false);
    expect(findStatisticalZone("130171")?.name).toContain("开发区");
  });
});

describe("listCounties", () => {
  it("lists the districts of 佛山 in code order", () => {
    expect(listCounties("4406").map((c) => c.name)).toEqual([
      "禅城区",
      "南海区",
      "顺德区",
      "三水区",
      "高明区",
    ]);
  });

  it("lists the counties of 绥化 including 望奎县 and 肇东市", () => {
    const names = listCounties("2312").map((c) => c.name);
    expect(names).toContain("北林区");
    expect(names).toContain("望奎县");
    expect(names).toContain("肇东市");
  });

  it("lists every county without a prefix", () => {
    expect(listCounties().length).toBeGreaterThan(2800);
  });
});

describe("provinces", () => {
  it("finds the province of any code", () => {
    expect(findProvince("440600")?.name).toBe("广东省");
    expect(findProvince("23")?.name).toBe("黑龙江省");
    expect(findProvince("99")).toBeUndefined();
  });

  it.each([
    ["440604", "粤"],
    ["231200", "黑"],
    ["110101", "京"],
    ["52", "黔"],
    ["53", "云"],
    ["650000", "新"],
  ])("abbreviates %s as %s", (code, abbreviation) => {
    expect(provinceAbbreviation(code)).toBe(abbreviation);
  });

  it("maps abbreviations back, including 贵 and 滇", () => {
    expect(provinceCodeOfAbbreviation("粤")).toBe("44");
    expect(provinceCodeOfAbbreviation("贵")).toBe("52");
    expect(provinceCodeOfAbbreviation("滇")).toBe("53");
    expect(provinceCodeOfAbbreviation("X")).toBeUndefined();
  });
});

describe("jurisdictionCovers", () => {
  it("lets a prefecture scope (440600 佛山市) cover its districts only", () => {
    expect(jurisdictionCovers("440600", "440604")).toBe(true);
    expect(jurisdictionCovers("440600", "440606")).toBe(true);
    expect(jurisdictionCovers("440600", "440106")).toBe(false);
  });

  it("lets a province scope cover every county of the province", () => {
    expect(jurisdictionCovers("230000", "231221")).toBe(true);
    expect(jurisdictionCovers("230000", "440604")).toBe(false);
  });

  it("lets a county scope cover only itself", () => {
    expect(jurisdictionCovers("231282", "231282")).toBe(true);
    expect(jurisdictionCovers("231282", "231202")).toBe(false);
    expect(jurisdictionCovers("231200", "231282")).toBe(true);
  });

  it("covers nothing for malformed codes", () => {
    expect(jurisdictionCovers("4406", "440604")).toBe(false);
    expect(jurisdictionCovers("440600", "44060x")).toBe(false);
  });
});
