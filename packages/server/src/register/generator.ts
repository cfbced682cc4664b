import fs from "node:fs";
import path from "node:path";
import { addDays, buildUnitCode, generateCreditCode, generateResidentId } from "@yulin/domain";
import { csvLine } from "./import/csv";
import { COLUMNS, type ImportFile } from "./import/import.columns";

/**
 * `yulin gen`: a realistic synthetic register as the six import CSV files. Residential estates
 * on a grid of parcels (CGCS2000 longitude/latitude around 佛山), 1–6 buildings each, 6–33 floors
 * of 2–6 units; some parcels layered over an underground parking parcel (3D: same footprint,
 * disjoint vertical ranges); land supply rights to developers, first registrations and transfers
 * to owners (sole, joint, by shares), mortgages, seizures (some waiting), advance notices,
 * objections and habitation rights. Deterministic for a seed; people own several homes.
 */
export type GenerateOptions = { dir: string; units: number; county?: string; seed?: number };
export type GenerateCounts = Record<ImportFile, number> & { people: number };

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华建国志红玉梅文辉鹏飞宇浩然欣怡子涵梓轩晨阳佳琪雨萱思远嘉豪";
const STREETS = [
  "岭南大道",
  "季华路",
  "汾江中路",
  "祖庙路",
  "绿景路",
  "文华北路",
  "佛山大道",
  "魁奇路",
  "南海大道",
  "朝安南路",
];
const BANKS = [
  ["中国工商银行佛山分行", "MA4UBK01"],
  ["中国建设银行佛山分行", "MA4UBK11"],
  ["中国农业银行佛山分行", "MA4UBK21"],
  ["中国银行佛山分行", "MA4UBK31"],
  ["佛山农村商业银行", "MA4UBK41"],
] as const;
const COUNTIES_OF_BIRTH = ["440604", "440605", "440606", "440103", "440106", "231202", "430102", "510104"];

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number) => next() < p,
  };
}

/** Buffered CSV writer with backpressure. */
function writer(dir: string, file: ImportFile) {
  const stream = fs.createWriteStream(path.join(dir, `${file}.csv`), { encoding: "utf8" });
  const columns = [...COLUMNS[file].required, ...COLUMNS[file].optional];
  let buffer = csvLine(columns);
  let rows = 0;
  const flush = async () => {
    if (!stream.write(buffer)) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
    buffer = "";
  };
  return {
    async row(values: Record<string, string | number | null>) {
      buffer += csvLine(columns.map((c) => values[c] ?? null));
      rows += 1;
      if (buffer.length > 1 << 20) await flush();
    },
    async close() {
      await flush();
      await new Promise<void>((resolve, reject) =>
        stream.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
      return rows;
    },
  };
}

/** The resident ID of synthetic person `i` (people are 0 … ⌊0.85 × units⌋ − 1): for lookups in benchmarks. */
export const personId = (i: number) =>
  generateResidentId({
    county: COUNTIES_OF_BIRTH[i % COUNTIES_OF_BIRTH.length]!,
    birthDate: addDays("1950-01-01", Math.floor(i / COUNTIES_OF_BIRTH.length) % 20000),
    sequence: Math.floor(i / (COUNTIES_OF_BIRTH.length * 20000)) % 1000,
  });
const personName = (i: number) =>
  SURNAMES[i % SURNAMES.length]! +
  GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! +
  (i % 3 === 0 ? "" : GIVEN[Math.floor(i / 7) % GIVEN.length]!);

export const peopleFor = (units: number) => Math.max(20, Math.floor(units * 0.85));

export async function generateRegisterCsv(options: GenerateOptions): Promise<GenerateCounts> {
  const county = options.county ?? "440604";
  const rnd = prng(options.seed ?? 20261124);
  fs.mkdirSync(options.dir, { recursive: true });
  const out = {
    parcels: writer(options.dir, "parcels"),
    buildings: writer(options.dir, "buildings"),
    units: writer(options.dir, "units"),
    holders: writer(options.dir, "holders"),
    rights: writer(options.dir, "rights"),
    restrictions: writer(options.dir, "restrictions"),
  };
  const people = peopleFor(options.units);
  const person = () => rnd.int(0, people - 1);
  const developer = generateCreditCode({
    authority: "9",
    type: "1",
    division: county,
    organisation: "MA4UDE02",
  });
  const parking = generateCreditCode({
    authority: "9",
    type: "1",
    division: county,
    organisation: "MA4UPK03",
  });
  const bankCodes = BANKS.map(
    ([name, org]) =>
      [name, generateCreditCode({ authority: "9", type: "1", division: county, organisation: org })] as const,
  );
  let rightRef = 0;

  const addRight = async (
    unitCode: string,
    right: Record<string, string | number | null>,
    holders: Array<{
      name: string;
      holder_type: string;
      id_type: string;
      id_number: string;
      share: string | null;
    }>,
  ) => {
    rightRef += 1;
    const ref = `R${rightRef}`;
    await out.rights.row({ right_ref: ref, unit_code: unitCode, ...right });
    for (const h of holders) await out.holders.row({ right_ref: ref, ...h });
  };
  const owners = () => {
    const roll = rnd.next();
    const p = (share: string | null) => {
      const i = person();
      return { name: personName(i), holder_type: "1", id_type: "1", id_number: personId(i), share };
    };
    if (roll < 0.55) return { mode: "0", holders: [p(null)] };
    if (roll < 0.9) return { mode: "1", holders: [p(null), p(null)] };
    return rnd.chance(0.5)
      ? { mode: "2", holders: [p("1/2"), p("1/2")] }
      : { mode: "2", holders: [p("0.6"), p("0.4")] };
  };

  let units = 0;
  let parcelIndex = 0;
  const seqByScope = new Map<string, number>();
  const nextSeq = (scope: string) => {
    const n = (seqByScope.get(scope) ?? 0) + 1;
    seqByScope.set(scope, n);
    return n;
  };
  while (units < options.units) {
    const p = parcelIndex++;
    const zoneIndex = Math.floor(p / 200);
    const zone = 1 + (Math.floor(zoneIndex / 20) % 999);
    const subzone = 1 + (zoneIndex % 20);
    const parcelCode = buildUnitCode({
      county,
      cadastralZone: zone,
      cadastralSubzone: subzone,
      ownership: "G",
      useRight: "B",
      parcelSequence: nextSeq(`${zone}-${subzone}-GB`),
      fixture: "W",
    }).slice(0, 19);
    // Each county gets its own strip of the map, so generated counties never overlap.
    const x = 113.05 + (p % 200) * 0.003;
    const y = 22.95 + ((Number(county.slice(4)) + 46) % 50) * 0.7 + Math.floor(p / 200) * 0.003;
    const geometry = JSON.stringify({
      type: "Polygon",
      coordinates: [
        [
          [x, y],
          [x + 0.0025, y],
          [x + 0.0025, y + 0.0025],
          [x, y + 0.0025],
          [x, y],
        ],
      ].map((ring) => ring.map(([a, b]) => [Math.round(a! * 1e7) / 1e7, Math.round(b! * 1e7) / 1e7])),
    });
    const street = STREETS[p % STREETS.length]!;
    const number = 1 + (Math.floor(p / STREETS.length) % 400);
    const address = `佛山市禅城区${street}${number}号`;
    const layered = p % 20 === 7;
    const landSupply = addDays("1998-01-01", rnd.int(0, 8000));
    const landEnd = addDays(landSupply, 70 * 365 + 17);
    await out.parcels.row({
      parcel_code: parcelCode,
      zone_name: `第${zone}地籍区`,
      area: rnd.int(8000, 60000),
      address,
      land_use: "0701",
      land_use_standard: "GB/T 21010-2017",
      land_grade: String(rnd.int(1, 8)),
      vertical_kind: "surface",
      z_min: layered ? -10 : null,
      geometry,
    });
    await addRight(
      `${parcelCode}W00000000`,
      {
        right_type: "3",
        nature: "102",
        use: "城镇住宅用地",
        term_start: landSupply,
        term_end: landEnd,
        source: "出让",
        status: "historic",
        end_reason: "房地一体首次登记",
        co_ownership: "0",
      },
      [{ name: "佛山鱼鳞置业有限公司", holder_type: "2", id_type: "8", id_number: developer, share: null }],
    );
    if (layered) {
      // 地下车库: the same footprint, below −10 m (3D parcel, feature X).
      const underground = buildUnitCode({
        county,
        cadastralZone: zone,
        cadastralSubzone: subzone,
        ownership: "G",
        useRight: "X",
        parcelSequence: nextSeq(`${zone}-${subzone}-GX`),
        fixture: "W",
      }).slice(0, 19);
      await out.parcels.row({
        parcel_code: underground,
        area: 6000,
        address: `${address}地下空间`,
        land_use: "0809",
        land_use_standard: "GB/T 21010-2017",
        vertical_kind: "below",
        z_max: -10,
        geometry,
      });
      await addRight(
        `${underground}W00000000`,
        {
          right_type: "3",
          nature: "102",
          use: "地下停车场",
          term_start: landSupply,
          term_end: addDays(landSupply, 50 * 365 + 12),
          source: "出让",
          co_ownership: "0",
        },
        [
          {
            name: "佛山鱼鳞停车场管理有限公司",
            holder_type: "2",
            id_type: "8",
            id_number: parking,
            share: null,
          },
        ],
      );
    }
    const buildings = rnd.int(1, 6);
    for (let b = 1; b <= buildings && units < options.units; b++) {
      const buildingNo = String(b).padStart(4, "0");
      const floors = rnd.int(6, 33);
      const perFloor = rnd.int(2, 6);
      await out.buildings.row({
        parcel_code: parcelCode,
        building_no: buildingNo,
        name: `${b}座`,
        address: `${address}${b}座`,
        floors_above: floors,
        floors_below: rnd.int(0, 2),
        structure: "3",
        completed_year: Number(landSupply.slice(0, 4)) + rnd.int(2, 4),
        area: floors * perFloor * 95,
      });
      let room = 0;
      for (let floor = 1; floor <= floors && units < options.units; floor++) {
        for (let k = 1; k <= perFloor && units < options.units; k++) {
          room += 1;
          units += 1;
          const unitCode = `${parcelCode}F${buildingNo}${String(room).padStart(4, "0")}`;
          const area = rnd.int(6000, 16000) / 100;
          const label = `${floor}${String(k).padStart(2, "0")}`;
          const shop = floor === 1 && rnd.chance(0.3);
          await out.units.row({
            unit_code: unitCode,
            address: `${address}${b}座${label}房`,
            floor,
            room_label: label,
            building_area: area,
            inner_area: Math.round(area * 82) / 100,
            shared_area: Math.round(area * 18) / 100,
            use: shop ? "31" : "11",
            structure: "3",
          });
          const base = {
            right_type: "4",
            nature: "102",
            use: shop ? "商业服务" : "住宅",
            area,
            term_start: landSupply,
            term_end: landEnd,
            co_ownership: "0",
          };
          if (rnd.chance(0.15)) {
            const first = owners();
            await addRight(
              unitCode,
              {
                ...base,
                co_ownership: first.mode,
                source: "首次登记",
                status: "historic",
                end_reason: "买卖",
              },
              first.holders,
            );
          }
          const now = owners();
          await addRight(
            unitCode,
            {
              ...base,
              co_ownership: now.mode,
              source: rnd.chance(0.2) ? "买卖" : "首次登记",
              status: "current",
            },
            now.holders,
          );
          const owner = now.holders[0]!.name;
          if (rnd.chance(0.3)) {
            const [bank, code] = bankCodes[rnd.int(0, bankCodes.length - 1)]!;
            const start = addDays(landSupply, rnd.int(700, 6000));
            await out.restrictions.row({
              unit_code: unitCode,
              kind: "mortgage",
              holder_name: bank,
              holder_type: "2",
              holder_id_type: "8",
              holder_id_number: code,
              obligor_name: owner,
              document_no: `DY${p}${room}`,
              starts_on: start,
              ends_on: addDays(start, 365 * rnd.int(10, 30)),
              amount: Math.round(area * rnd.int(6000, 12000)),
              mortgage_type: rnd.chance(0.1) ? "maximum" : "general",
            });
          }
          if (rnd.chance(0.01)) {
            const seizures = rnd.chance(0.3) ? 2 : 1;
            for (let s = 0; s < seizures; s++)
              await out.restrictions.row({
                unit_code: unitCode,
                kind: "seizure",
                holder_name: s === 0 ? "佛山市禅城区人民法院" : "佛山市南海区人民法院",
                holder_type: "4",
                holder_id_type: "99",
                obligor_name: owner,
                document_no: `（2025）粤060${4 + s}执${p * 10 + room}号`,
                starts_on: "2025-06-01",
                ends_on: "2028-05-31",
                court: s === 0 ? "佛山市禅城区人民法院" : "佛山市南海区人民法院",
              });
          }
          if (rnd.chance(0.02)) {
            const buyer = person();
            await out.restrictions.row({
              unit_code: unitCode,
              kind: "advance-notice",
              holder_name: personName(buyer),
              holder_type: "1",
              holder_id_type: "1",
              holder_id_number: personId(buyer),
              obligor_name: owner,
              document_no: `YS${p}${room}`,
              notice_kind: "预售商品房买卖",
            });
          }
          if (rnd.chance(0.002))
            await out.restrictions.row({
              unit_code: unitCode,
              kind: "objection",
              holder_name: personName(person()),
              holder_type: "1",
              obligor_name: owner,
              starts_on: "2026-10-01",
            });
          if (rnd.chance(0.001)) {
            const who = person();
            await out.restrictions.row({
              unit_code: unitCode,
              kind: "habitation",
              holder_name: personName(who),
              holder_type: "1",
              holder_id_type: "1",
              holder_id_number: personId(who),
              obligor_name: owner,
              starts_on: "2024-01-01",
              ends_on: "2044-12-31",
            });
          }
        }
      }
    }
  }
  const counts = {} as GenerateCounts;
  for (const [file, w] of Object.entries(out)) counts[file as ImportFile] = await w.close();
  counts.people = people;
  return counts;
}
