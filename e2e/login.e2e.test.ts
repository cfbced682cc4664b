import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, logIn, openPage, phone, screenshot } from "./support/browser";

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
});

async function open(viewport?: { width: number; height: number }): Promise<Page> {
  const opened = await openPage(browser, viewport);
  context = opened.context;
  return opened.page;
}

const menuItem = (page: Page, name: string) => page.getByRole("menuitem", { name, exact: true });

describe("login and the layout of each kind of account", () => {
  it("sends a visitor who is not logged in from / to the login page", async () => {
    const page = await open();
    await page.goto("/");
    await page.getByTestId("login-form").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.title()).toBe("鱼鳞 · 不动产登记");
    await screenshot(page, "login");
  });

  it("opens the staff workbench for an acceptor, with 待受理 in the menu", async () => {
    const page = await open();
    await logIn(page, "chancheng.shouli");
    await page.getByTestId("layout-workbench").waitFor();
    await menuItem(page, "待受理").waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/workbench/);
    expect(await page.getByTestId("user-name").textContent()).not.toBe("");
    await screenshot(page, "workbench");
  });

  it("opens the public hall for a citizen, with 我的申请 in the menu", async () => {
    const page = await open();
    await logIn(page, "citizen.zhang");
    await page.getByTestId("layout-hall").waitFor();
    await menuItem(page, "我的申请").waitFor();
    await menuItem(page, "查询").click();
    await page.waitForURL("**/hall/queries");
    // The 查询 page works (issue 12): the holder's log of who queried their property is on it.
    await page.getByTestId("queries-of-mine").waitFor();
    await screenshot(page, "hall");
  });

  it("opens the institution portal for a bank, with 抵押登记 and no court business", async () => {
    const page = await open();
    await logIn(page, "bank.gongshang");
    await page.getByTestId("layout-portal").waitFor();
    await menuItem(page, "抵押登记").waitFor();
    expect(await menuItem(page, "查封登记").count()).toBe(0);
    await screenshot(page, "portal");
  });

  it("shows the server's Chinese message for a wrong password", async () => {
    const page = await open();
    await logIn(page, "citizen.zhang", "not-the-password-1");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("用户名或密码错误");
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "login-error");
  });

  it("switches the menu to English and keeps the choice after a reload", async () => {
    const page = await open();
    await logIn(page, "chancheng.shouli");
    await menuItem(page, "待受理").waitFor();
    await page.getByTestId("language-switch").click();
    await menuItem(page, "Pending acceptance").waitFor();
    expect(await page.title()).toBe("Yulin · Real Estate Registration");
    await page.reload();
    await menuItem(page, "Pending acceptance").waitFor();
    await screenshot(page, "workbench-en");
  });

  it("logs out back to the login page", async () => {
    const page = await open();
    await logIn(page, "citizen.zhang");
    await page.getByTestId("layout-hall").waitFor();
    await page.getByTestId("logout").click();
    await page.getByTestId("login-form").waitFor();
    await page.goto("/hall");
    await page.getByTestId("login-form").waitFor();
  });
});

describe("the public hall on a phone (390×844)", () => {
  it("fits the screen and opens pages from the drawer menu", async () => {
    const page = await open(phone);
    await logIn(page, "citizen.zhang");
    await page.getByTestId("layout-hall").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "hall-phone");

    await page.getByTestId("menu-toggle").click();
    await menuItem(page, "我的不动产").click();
    await page.waitForURL("**/hall/properties");
    await page.getByRole("heading", { name: "我的不动产" }).waitFor();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await screenshot(page, "hall-phone-properties");
  });
});

describe("pages anyone can open", () => {
  it("shows certificate verification and about without logging in", async () => {
    const page = await open();
    await page.goto("/verify");
    await page.getByRole("heading", { name: "证书核验" }).waitFor();
    await page.goto("/about");
    await page.getByRole("heading", { name: "关于鱼鳞" }).waitFor();
  });
});
