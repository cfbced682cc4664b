import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDateOf } from "../../src/cases/case-clock";
import { bankMortgageCase } from "../cases/mortgage-case";
import {
  closeEnv,
  type Given,
  given,
  givenTaxCleared,
  type Http,
  http,
  uploadMaterials,
} from "../cases/support";
import { startTestEnv, type TestEnv } from "../support/test-services";

/**
 * 一屏智判 over the live tables: a sale registered by staff (accept, review, register) and a bank's
 * instant mortgage move every figure (volumes, rates, workload, backlog, financing, market); the
 * CSV export says the same numbers; the office head sees only the office; 100 years is a 400.
 */
let env: TestEnv;
let api: Http;
let g: Given;
beforeAll(async () => {
  env = await startTestEnv();
  api = http(env);
  g = given(env);
});
afterAll(async () => closeEnv(env));

async function registeredSale(priceFen: number) {
  const flat = await g.flat();
  const created = await api.post("citizen.li", "/api/cases", {
    typeId: "transfer.sale",
    unitCode: flat.unitCode,
    parts: [
      {
        details: { coOwnership: "sole", priceFen },
        parties: [
          { role: "right-holder", account: "citizen.li" },
          { role: "obligor", account: "citizen.zhang" },
        ],
      },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  await uploadMaterials(api, "citizen.li", id, ["transfer.sale"]);
  for (const who of ["citizen.li", "citizen.zhang"]) await api.post(who, `/api/cases/${id}/confirm`);
  expect((await api.post("citizen.li", `/api/cases/${id}/submit`)).status).toBe(200);
  expect((await api.post("chancheng.shouli", `/api/cases/${id}/accept`)).status).toBe(200);
  expect((await api.post("chancheng.shenhe", `/api/cases/${id}/review`)).status).toBe(200);
  await givenTaxCleared(env, id);
  const registered = await api.post("chancheng.dengbu", `/api/cases/${id}/register`);
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  return id;
}

/** `section,key,name,metric,value` lines back to a map `section|key|metric` → value. */
function parseCsv(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.trim().split("\r\n").slice(1)) {
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, "").replace(/^"|"$/g, ""));
    out.set(`${cells[0]}|${cells[1]}|${cells[3]}`, cells[4]!);
  }
  return out;
}

describe("一屏智判 dashboards", () => {
  it("counts a staff-registered sale and an instant mortgage in every chart, the same in the CSV", async () => {
    const today = chinaDateOf(new Date());
    const before = (await api.get("foshan.ducha", `/api/dashboards/figures?to=${today}`)).body;
    await registeredSale(150_000_000);
    await registeredSale(250_000_000);
    const flat = await g.flat({ holders: ["citizen.zhang"] });
    const mortgage = await bankMortgageCase(api, flat.unitCode);
    expect((await api.post("bank.gongshang", `/api/cases/${mortgage}/submit`)).body.stage).toBe("certified");
    const open = await g.flat();
    const pending = await api.post("citizen.li", "/api/cases", {
      typeId: "transfer.sale",
      unitCode: open.unitCode,
      parts: [
        {
          details: { coOwnership: "sole" },
          parties: [
            { role: "right-holder", account: "citizen.li" },
            { role: "obligor", account: "citizen.zhang" },
          ],
        },
      ],
    });
    const pendingId = pending.body.id as string;
    await uploadMaterials(api, "citizen.li", pendingId, ["transfer.sale"]);
    for (const who of ["citizen.li", "citizen.zhang"]) await api.post(who, `/api/cases/${pendingId}/confirm`);
    await api.post("citizen.li", `/api/cases/${pendingId}/submit`);
    expect((await api.post("chancheng.shouli", `/api/cases/${pendingId}/accept`)).status).toBe(200);

    const res = await api.get("foshan.ducha", `/api/dashboards/figures?to=${today}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = res.body;
    expect(f.view).toBe("city");
    expect(f.totals.submitted - before.totals.submitted).toBe(4);
    expect(f.totals.registered - before.totals.registered).toBe(3);
    const change = (typeId: string) => {
      const [now, then] = [f, before].map(
        (x) => x.byType.find((t: { key: string }) => t.key === typeId) ?? {},
      );
      return Object.fromEntries(
        ["submitted", "registered", "online", "instant", "onTime"].map((k) => [
          k,
          (now[k] ?? 0) - (then[k] ?? 0),
        ]),
      );
    };
    expect(change("transfer.sale")).toEqual({
      submitted: 3,
      registered: 2,
      online: 3,
      instant: 0,
      onTime: 2,
    });
    expect(change("mortgage.first.general")).toEqual({
      submitted: 1,
      registered: 1,
      online: 1,
      instant: 1,
      onTime: 1,
    });
    expect(f.byType.find((t: { key: string }) => t.key === "transfer.sale").promisedDays).toBeGreaterThan(0);
    expect(f.byDay.find((d: { day: string }) => d.day === today).submitted).toBeGreaterThanOrEqual(4);
    expect(f.byOffice.map((o: { key: string }) => o.key)).toContain("440604");
    const bank = (x: typeof f) =>
      x.mortgages.find((m: { bank: string }) => m.bank === "中国工商银行佛山分行");
    expect(bank(f).count - (bank(before)?.count ?? 0)).toBe(1);
    expect(bank(f).amountYuan - (bank(before)?.amountYuan ?? 0)).toBe(800_000);
    const market = (x: typeof f) =>
      x.market.find(
        (m: { office: string; month: string }) => m.office === "440604" && m.month === today.slice(0, 7),
      );
    const [nowMarket, thenMarket] = [market(f), market(before) ?? { transfers: 0, averagePriceYuan: 0 }];
    expect(nowMarket.transfers - thenMarket.transfers).toBe(2);
    const totalYuan =
      nowMarket.transfers * nowMarket.averagePriceYuan - thenMarket.transfers * thenMarket.averagePriceYuan;
    expect(Math.round(totalYuan)).toBe(4_000_000);
    const actions = (x: typeof f) => x.staff.reduce((s: number, a: { actions: number }) => s + a.actions, 0);
    // accept, review and register twice, and one more acceptance.
    expect(actions(f) - actions(before)).toBe(7);
    expect(f.staff.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining([expect.stringContaining("受理")]),
    );
    const accepted = (x: typeof f) =>
      x.backlog.find(
        (b: { office: string; stage: string }) => b.office === "440604" && b.stage === "accepted",
      )?.open ?? 0;
    expect(accepted(f) - accepted(before)).toBe(1);

    const csv = await env.app.inject({
      method: "GET",
      url: `/api/dashboards/figures.csv?to=${today}`,
      headers: {
        cookie: (
          await env.app.inject({
            method: "POST",
            url: "/api/auth/login",
            payload: { username: "foshan.ducha", password: "Yulin-demo-2026" },
          })
        ).headers["set-cookie"]!.toString().split(";")[0]!,
      },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const cells = parseCsv(csv.body);
    for (const [metric, value] of Object.entries(f.totals))
      expect(cells.get(`totals||${metric}`)).toBe(String(value ?? ""));
    for (const t of f.byType)
      for (const metric of [
        "submitted",
        "registered",
        "onlineRate",
        "instantRate",
        "onTimeRate",
        "averageDays",
        "promisedDays",
      ])
        expect(cells.get(`byType|${t.key}|${metric}`), `${t.key} ${metric}`).toBe(String(t[metric] ?? ""));
    for (const m of f.mortgages)
      expect(cells.get(`mortgages|${m.bank}|amountYuan`)).toBe(String(m.amountYuan));
    for (const s of f.staff)
      expect(cells.get(`staff|${s.office}/${s.staffId}|actions`)).toBe(String(s.actions));
  });

  it("shows the office head only the office, and refuses others and bad periods", async () => {
    const office = await api.get("chancheng.ducha", "/api/dashboards/figures");
    expect(office.status).toBe(200);
    expect(office.body.view).toBe("office");
    expect(office.body.byOffice.every((o: { key: string }) => o.key === "440604")).toBe(true);
    const drill = await api.get("foshan.ducha", "/api/dashboards/figures?office=440605");
    expect(drill.body).toMatchObject({ view: "office", scope: ["440605"] });
    expect((await api.get("chancheng.ducha", "/api/dashboards/figures?office=440605")).status).toBe(404);
    expect((await api.get("suihua.ducha", "/api/dashboards/figures?office=440604")).status).toBe(404);
    expect((await api.get("citizen.li", "/api/dashboards/figures")).status).toBe(404);
    for (const query of [
      "from=1926-01-01&to=2026-01-01",
      "from=2026-02-01&to=2026-01-01",
      "from=2026-13-01",
    ]) {
      const bad = await api.get("foshan.ducha", `/api/dashboards/figures?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.code).toBe("DASHBOARD.RANGE_INVALID");
    }
    const csv = await api.get("foshan.ducha", "/api/dashboards/figures.csv?from=1926-01-01&to=2026-01-01");
    expect(csv.status).toBe(400);
  });
});
