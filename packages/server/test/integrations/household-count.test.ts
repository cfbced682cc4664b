import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cityJurisdictionPrefix, housingCityOf } from "../../src/integrations/tax/household-housing-count";
import type { DeclareTaxInput } from "../../src/integrations/tax/tax.service";
import { systemContext } from "../../src/platform/audit/audit";
import { createRegisterHousingCount } from "../../src/register/household-housing-count";
import { DEMO_PASSWORD, loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { FOSHAN_CHANCHENG, person, saleDeclaration } from "./support/fixtures";
import { givenHomes } from "./support/homes";

/**
 * 家庭住房套数 from the register (DOMAIN "Fees and taxes"): the buyer's household (buyer, spouse,
 * minor children) and its current homes in the city, counted by the register for the deed-tax
 * declaration, through the HTTP API and the simulated tax bureau's assessment.
 */
let env: TestEnv;
let clerk: string;
let homes: ReturnType<typeof givenHomes>;
beforeAll(async () => {
  env = await startTestEnv();
  clerk = await loginAs(env.app, "chancheng.shouli");
  homes = givenHomes(env);
});
afterAll(() => env.close());

const NANHAI = "440605"; // 佛山市南海区
const SHUNDE = "440606"; // 佛山市顺德区
const TIANHE = "440106"; // 广州市天河区

/** Declares a 150 m² purchase for 2 000 000 yuan through the API and reads the assessment. */
async function declare(over: Partial<DeclareTaxInput>) {
  const decl = saleDeclaration({
    unit: { unitCode: "440604003001GB00001F00090001", address: "新房", areaSqm: 150, use: "residential" },
    ...over,
  });
  const res = await env.app.inject({
    method: "POST",
    url: "/api/integrations/tax/declarations",
    headers: { cookie: clerk },
    payload: decl,
  });
  expect(res.statusCode, res.body).toBe(202);
  await env.services.integrations.worker.drain();
  const status = await env.app.inject({
    url: `/api/integrations/tax/cases/${decl.caseRef}`,
    headers: { cookie: clerk },
  });
  return { caseRef: decl.caseRef, summary: res.json(), assessment: status.json().assessment };
}

describe("household home count from the register", () => {
  it("counts the buyer's one current home in Foshan: the purchase is a second home", async () => {
    const buyer = person("1985-03-12", "买方");
    const own = await homes.home(FOSHAN_CHANCHENG, [buyer]);
    const { summary, assessment } = await declare({ buyers: [buyer] });
    expect(summary).toMatchObject({ homesBefore: 1, countSource: "register", countedUnits: [own.unitCode] });
    expect(assessment).toMatchObject({ category: "second-home", rateBp: 200, totalFen: 4_000_000 });
  });

  it("counts the spouse's and a minor child's homes elsewhere in the city, not an adult child's", async () => {
    const buyer = person("1980-01-01", "买方");
    const spouse = person("1982-02-02", "配偶");
    const minor = person("2015-06-01", "未成年子女");
    const adult = person("2000-01-01", "成年子女");
    const spouseHome = await homes.home(NANHAI, [spouse]);
    const minorHome = await homes.home(SHUNDE, [minor]);
    await homes.home(FOSHAN_CHANCHENG, [adult]);
    const { summary, assessment } = await declare({
      buyers: [buyer],
      spouse,
      children: [{ idNumber: minor.idNumber }, { idNumber: adult.idNumber }],
    });
    expect(summary).toMatchObject({ homesBefore: 2, householdMembers: 3 });
    expect(summary.countedUnits).toEqual([spouseHome.unitCode, minorHome.unitCode].sort());
    // A third home: the local rate, not the preferential one.
    expect(assessment).toMatchObject({ category: "standard", rateBp: 300 });
  });

  it("does not count a sold home, a home in another city or a shop", async () => {
    const buyer = person("1979-09-09", "买方");
    const sold = await homes.home(FOSHAN_CHANCHENG, [buyer]);
    await homes.sold(sold, [person("1990-01-01", "下家")]);
    await homes.home(TIANHE, [buyer]);
    await homes.home(FOSHAN_CHANCHENG, [buyer], { use: "31" }); // 商业服务
    const { summary, assessment } = await declare({ buyers: [buyer] });
    expect(summary).toMatchObject({ homesBefore: 0, countedUnits: [] });
    expect(assessment).toMatchObject({ category: "only-home", rateBp: 150, totalFen: 3_000_000 });
  });

  it("counts a home held jointly by the buyer and the spouse once", async () => {
    const buyer = person("1984-04-04", "买方");
    const spouse = person("1986-06-06", "配偶");
    const joint = await homes.home(FOSHAN_CHANCHENG, [buyer, spouse]);
    const { summary, assessment } = await declare({ buyers: [buyer], spouse });
    expect(summary).toMatchObject({ homesBefore: 1, countedUnits: [joint.unitCode] });
    expect(assessment).toMatchObject({ category: "second-home", rateBp: 200 });
  });

  it("does not count the home being bought, when the register already shows it as the buyer's", async () => {
    const buyer = person("1983-03-03", "买方");
    const bought = await homes.home(FOSHAN_CHANCHENG, [buyer]);
    const { summary } = await declare({
      buyers: [buyer],
      unit: { unitCode: bought.unitCode, address: "新房", areaSqm: 150, use: "residential" },
    });
    expect(summary).toMatchObject({ homesBefore: 0, countedUnits: [] });
  });

  it("lets the buyer see what was counted and contest it with a signed guarantee", async () => {
    const buyer = person("1981-08-08", "异议人");
    await env.services.accounts.addAccount(systemContext("test"), {
      username: "citizen.contest",
      kind: "citizen",
      displayName: buyer.name,
      password: DEMO_PASSWORD,
      idNumber: buyer.idNumber,
    });
    const own = await homes.home(NANHAI, [buyer]);
    const { caseRef, assessment } = await declare({ buyers: [buyer] });
    expect(assessment).toMatchObject({ category: "second-home" });

    const cookie = await loginAs(env.app, "citizen.contest");
    const seen = await env.app.inject({ url: `/api/integrations/tax/cases/${caseRef}`, headers: { cookie } });
    expect(seen.json().summary).toMatchObject({ homesBefore: 1, countedUnits: [own.unitCode] });
    const contest = await env.app.inject({
      method: "POST",
      url: `/api/integrations/tax/cases/${caseRef}/contest`,
      headers: { cookie },
      payload: {
        claimedHomesBefore: 0,
        text_zh: "该房屋已出售，尚未办理转移登记，本人承诺家庭在本市无其他住房。",
      },
    });
    expect(contest.statusCode, contest.body).toBe(202);
    expect(contest.json()).toMatchObject({
      claimedHomesBefore: 0,
      registerCount: { homesBefore: 1, unitCodes: [own.unitCode], source: "register" },
    });
    await env.services.integrations.worker.drain();
    const after = await env.app.inject({
      url: `/api/integrations/tax/cases/${caseRef}`,
      headers: { cookie },
    });
    expect(after.json()).toMatchObject({ householdSource: "guarantee", householdHomesBefore: 0 });
    expect(after.json().assessment).toMatchObject({ category: "only-home", rateBp: 150 });
  });
});

describe("the city whose homes count (GB/T 2260)", () => {
  it("is the prefecture, the whole municipality, or a county the province administers directly", () => {
    expect(housingCityOf("440604")).toBe("440600");
    expect(cityJurisdictionPrefix("440600")).toBe("4406");
    // 重庆: 市辖区 (5001) and 县 (5002) are one city.
    expect(housingCityOf("500229")).toBe("500000");
    expect(housingCityOf("500101")).toBe("500000");
    expect(cityJurisdictionPrefix("500000")).toBe("50");
    // 仙桃 (429004) and 潜江 (429005) are cities of their own.
    expect(housingCityOf("429004")).toBe("429004");
    expect(cityJurisdictionPrefix("429004")).toBe("429004");
  });

  it("counts a home in a municipality's county for a purchase in its district", async () => {
    const buyer = person("1975-05-05", "买方");
    const inCounty = await homes.home("500229", [buyer]); // 重庆市城口县
    await homes.home("429005", [buyer]); // 潜江市: not 仙桃
    const count = createRegisterHousingCount();
    const ask = (county: string) =>
      count.countHomes(env.services.db, {
        personKeys: [env.services.pii.lookupHash(buyer.idNumber)],
        cityCode: housingCityOf(county),
        asOf: new Date(),
      });
    expect(await ask("500101")).toEqual({ count: 1, unitCodes: [inCounty.unitCode], source: "register" });
    expect(await ask("429004")).toMatchObject({ count: 0 });
  });
});
