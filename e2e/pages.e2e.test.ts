import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { zhCN } from "../packages/web/src/i18n/zh-CN";
import { desktop, launchBrowser, openPage, phone, screenshot } from "./support/browser";
import { DEMO_UNITS, type Session, session } from "./support/journey";

let browser: Browser;
const opened: Session[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of opened) await s.context.close();
  await browser?.close();
});

const KEYS = Object.keys(zhCN);

/** The page is settled, fits the viewport's width, and shows no message key instead of its text. */
async function check(page: Page, path: string, name: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await page
    .locator(".ant-spin-spinning")
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a user reads
  const text = await page.evaluate(() => document.body.innerText);
  const raw = KEYS.filter((k) => text.includes(k));
  expect(raw, `${path} shows message keys`).toEqual([]);
  const errors = await page.getByTestId("query-error").allInnerTexts();
  expect(errors, `${path} shows an error`).toEqual([]);
  await screenshot(page, name);
}

async function as(
  username: string,
  viewport = desktop as { width: number; height: number },
  language: "zh-CN" | "en" = "zh-CN",
) {
  const s = await session(browser, username, viewport);
  opened.push(s);
  if (language === "en") {
    await s.page.evaluate(() => localStorage.setItem("yulin.language", "en"));
  }
  return s.page;
}

const pages = {
  "citizen.zhang": [
    ["/hall/services", "hall-services"],
    ["/hall/services/transfer.sale", "hall-guide"],
    ["/hall/applications", "hall-applications"],
    ["/hall/properties", "hall-properties"],
    [`/hall/properties/${DEMO_UNITS.zhangHome}`, "hall-property"],
    ["/hall/certificates", "hall-certificates-list"],
  ],
  "bank.gongshang": [
    ["/portal/mortgages", "portal-mortgages"],
    ["/portal/apply/mortgage.first.general", "portal-mortgage-apply"],
    ["/portal/collateral", "portal-collateral"],
  ],
  "court.chancheng": [
    ["/portal/seizures", "portal-seizures"],
    ["/portal/seizure-list", "portal-seizure-list"],
  ],
  "agent.anju": [["/portal/agency", "portal-agency"]],
  "chancheng.shouli": [
    ["/workbench/accept", "workbench-accept"],
    ["/workbench/register", "workbench-register"],
    [`/workbench/units/${DEMO_UNITS.zhangHome}`, "workbench-unit"],
  ],
  "chancheng.fazheng": [
    ["/workbench/prepare", "workbench-prepare"],
    ["/workbench/issue", "workbench-issue"],
  ],
  "foshan.ducha": [["/workbench/supervision", "workbench-supervision"]],
  "chancheng.admin": [
    ["/workbench/integrations", "workbench-integrations"],
    ["/workbench/admin", "workbench-admin"],
  ],
} as const;

describe("every main page at 1366×768, in Chinese and in English", () => {
  for (const [user, list] of Object.entries(pages)) {
    for (const language of ["zh-CN", "en"] as const) {
      it(`${user}: ${list.map((p) => p[0]).join(", ")} (${language})`, async () => {
        const page = await as(user, desktop, language);
        for (const [path, name] of list) await check(page, path, language === "en" ? `${name}-en` : name);
      }, 120_000);
    }
  }

  it("the unit page's parcel map and building table", async () => {
    const page = await as("chancheng.shenhe");
    await page.goto(`/workbench/units/${DEMO_UNITS.zhangHome}`);
    await page.getByRole("tab", { name: "宗地图与楼盘表" }).click();
    await page.getByTestId("parcel-map").locator("canvas").first().waitFor();
    await page.getByTestId("building-table").waitFor();
    await screenshot(page, "workbench-unit-map");
    await page.getByRole("tab", { name: "历史与时间线" }).click();
    await page.getByTestId("history-timeline").waitFor();
    await screenshot(page, "workbench-unit-history");
  });
});

describe("the public hall on a phone (390×844)", () => {
  for (const language of ["zh-CN", "en"] as const)
    it(`fits the catalogue, a guide, the application form and the certificates (${language})`, async () => {
      const page = await as("citizen.li", phone, language);
      for (const [path, name] of [
        ["/hall/services", "phone-services"],
        ["/hall/services/transfer.sale", "phone-guide"],
        ["/hall/apply/mortgage.first.general", "phone-apply"],
        ["/hall/applications", "phone-applications"],
        ["/hall/certificates", "phone-certificates"],
      ] as const)
        await check(page, path, language === "en" ? `${name}-en` : name);
    }, 120_000);

  it("fits the public pages for a logged-in citizen reading English", async () => {
    const page = await as("citizen.li", phone, "en");
    await check(page, "/verify", "phone-verify-en");
    await check(page, "/guide/transfer.sale", "phone-public-guide-en");
    await page.getByTestId("public-menu").click();
    await page.getByRole("menuitem", { name: "Back to my home" }).waitFor();
  });

  it("fits the public verification page and the public guide", async () => {
    const s = await openPage(browser, phone);
    opened.push(s);
    await check(s.page, "/verify", "phone-verify");
    await check(s.page, "/guide", "phone-public-guide");
  });
});
