import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const desktop = { width: 1366, height: 768 } as const;
export const phone = { width: 390, height: 844 } as const;

export const demoPassword = "Yulin-demo-2026";

const screenshotDir = fileURLToPath(new URL("../screenshots/", import.meta.url));

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides the location. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh context (no cookies, no stored language) on the server under test. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = desktop,
): Promise<{ context: BrowserContext; page: Page }> {
  const isPhone = viewport.width < 600;
  const context = await browser.newContext({
    baseURL: inject("baseUrl"),
    viewport,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    ...(isPhone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 3 } : {}),
  });
  const page = await context.newPage();
  return { context, page };
}

/** Fills in and submits the login form; does not wait for the outcome. */
export async function logIn(page: Page, username: string, password = demoPassword) {
  await page.goto("/login");
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
}

/** Saves `e2e/screenshots/<name>.png` (gitignored) to look at after a run. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
