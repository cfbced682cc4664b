import type { CertificateData, Plan } from "@yulin/domain";
import type { CertificatePlans } from "../../src/certificates/certificate.renderer";

/** A Foshan flat (禅城区): a valid 28-character unit code and the vendor-sample fill pattern. */
export const UNIT_CODE = "440604003001GB00012F00010015";

export const titleData = (overrides: Partial<CertificateData> = {}): CertificateData =>
  ({
    v: 1,
    kind: "certificate",
    number: "粤（2025）佛山市不动产权第0000001号",
    office: { code: "440604", name: "佛山市禅城区不动产登记中心" },
    registeredOn: "2025-11-24",
    notes: ["业务号 YW2025112400001"],
    replacement: null,
    title: {
      holders: [
        {
          name: "张三",
          kind: "person",
          idType: "居民身份证",
          idNumberMasked: "440***********1234",
          share: "1/2",
        },
        {
          name: "李四",
          kind: "person",
          idType: "居民身份证",
          idNumberMasked: "440***********5678",
          share: "1/2",
        },
      ],
      coOwnership: "按份共有",
      location: "佛山市禅城区祖庙街道岭南大道北88号鱼鳞花园3座1502房",
      unitCode: UNIT_CODE,
      rightType: "国有建设用地使用权/房屋所有权",
      rightNature: "出让/市场化商品房",
      use: "城镇住宅用地/住宅",
      area: "共有宗地面积 12345.67㎡/房屋建筑面积 123.27㎡",
      term: "国有建设用地使用权 2000年01月01日起2069年12月31日止",
      otherState: [
        "专有建筑面积 100.12㎡，分摊建筑面积 23.15㎡",
        "房屋结构：钢筋混凝土结构",
        "房屋总层数：32层，所在层：15层",
        "房屋竣工时间：2003年",
      ],
    },
    ...overrides,
  }) as CertificateData;

export const mortgageData = (): CertificateData => ({
  v: 1,
  kind: "certification",
  number: "粤（2025）佛山市不动产证明第0000001号",
  office: { code: "440604", name: "佛山市禅城区不动产登记中心" },
  registeredOn: "2025-11-24",
  notes: [],
  replacement: null,
  certification: {
    matter: {
      type: "mortgage",
      mortgageKind: "general",
      amountFen: 120_000_000,
      debtor: "张三",
      termStart: "2025-11-24",
      termEnd: "2055-11-23",
    },
    holders: [
      {
        name: "中国工商银行股份有限公司佛山分行",
        kind: "organisation",
        idType: "统一社会信用代码",
        idNumberMasked: "91440600MA4UBK0100",
        share: null,
      },
    ],
    obligors: [
      {
        name: "张三",
        kind: "person",
        idType: "居民身份证",
        idNumberMasked: "440***********1234",
        share: null,
      },
    ],
    location: "佛山市禅城区祖庙街道岭南大道北88号鱼鳞花园3座1502房",
    unitCode: UNIT_CODE,
    other: [],
  },
});

const square = (x: number, y: number, w: number, h: number): number[][][] => [
  [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
    [x, y],
  ],
];

/** A parcel in Gauss-Krüger metres with two neighbours, and a flat's floor plan in local metres. */
export const plans = (): CertificatePlans => {
  const parcel: Plan = {
    features: [
      {
        role: "subject",
        label: "本宗地",
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [38_500_000, 2_545_000],
              [38_500_120, 2_545_010],
              [38_500_110, 2_545_095],
              [38_499_995, 2_545_080],
              [38_500_000, 2_545_000],
            ],
          ],
        },
      },
      {
        role: "neighbour",
        label: "GB00011",
        geometry: { type: "Polygon", coordinates: square(38_499_880, 2_545_000, 115, 80) },
      },
      {
        role: "neighbour",
        label: "GB00013",
        geometry: { type: "Polygon", coordinates: square(38_500_125, 2_545_000, 90, 95) },
      },
    ],
  };
  const floor: Plan = {
    dimensions: true,
    features: [
      {
        role: "subject",
        label: "1502",
        geometry: {
          type: "Polygon",
          coordinates: [
            [
              [0, 0],
              [12.3, 0],
              [12.3, 6.2],
              [9.1, 6.2],
              [9.1, 9.8],
              [0, 9.8],
              [0, 0],
            ],
          ],
        },
      },
      {
        role: "neighbour",
        label: "1501",
        geometry: { type: "Polygon", coordinates: square(-8.5, 0, 8.5, 9.8) },
      },
    ],
  };
  return { parcel, floor };
};
