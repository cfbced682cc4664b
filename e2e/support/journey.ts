import { generateResidentId } from "@yulin/domain";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { demoPassword, desktop, logIn, openPage } from "./browser";

/** A one-page PDF: what a scanned material looks like to the server (type checked by its first bytes). */
export const SAMPLE_PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** The demo citizens' ID numbers, generated as the demo seed does (demo-data.ts). */
const DEMO_CITIZENS = {
  "citizen.zhang": { name: "张伟", county: "440604", birthDate: "1985-03-12", sequence: 101 },
  "citizen.li": { name: "李娜", county: "440605", birthDate: "1990-07-08", sequence: 202 },
} as const;
export type DemoCitizen = keyof typeof DEMO_CITIZENS;
export const demoIdNumber = (who: DemoCitizen) => generateResidentId(DEMO_CITIZENS[who]);
export const demoName = (who: DemoCitizen) => DEMO_CITIZENS[who].name;

/** The demo register's units (demo-register.seed.ts): 岭南花园 1座 and 2座 in 禅城区. */
export const DEMO_UNITS = {
  /** 1座202 — 张伟's home, mortgaged to 工商银行. */
  zhangHome: "440604001002GB00001F00010006",
  /** 1座302 — 李娜 and 陈静 by halves. */
  liChenHome: "440604001002GB00001F00010010",
  /** 季华商务中心 101 — 张伟's office, unencumbered. */
  zhangOffice: "440604002001GB00001F00010001",
} as const;

export type Session = { context: BrowserContext; page: Page };

/** A fresh browser context logged in as `username`, on its area's home. */
export async function session(
  browser: Browser,
  username: string,
  viewport: { width: number; height: number } = desktop,
): Promise<Session> {
  const opened = await openPage(browser, viewport);
  await logIn(opened.page, username);
  await opened.page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return opened;
}

/** Uploads the sample PDF for every material the case page still lists as missing. */
export async function uploadMissingMaterials(page: Page) {
  // The case of the URL, not the page it was opened from (navigation renders the new one a bit later).
  const caseId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
  await page.getByTestId("case-id").filter({ hasText: caseId }).waitFor();
  const list = page.getByTestId("case-materials");
  await list.waitFor();
  for (;;) {
    const missing = list.locator('[data-testid^="upload-"]').filter({ hasText: /^\s*(上传|Upload)\s*$/ });
    if ((await missing.count()) === 0) return;
    const id = (await missing.first().getAttribute("data-testid"))!.slice("upload-".length);
    const row = list.getByTestId(`material-${id}`);
    await row
      .locator('input[type="file"]')
      .setInputFiles({ name: `${id}.pdf`, mimeType: "application/pdf", buffer: SAMPLE_PDF });
    await row
      .getByTestId(`upload-${id}`)
      .filter({ hasText: /重新上传|Replace/ })
      .waitFor({ timeout: 15_000 });
  }
}

/** Opens a case from an inbox or list by its 业务号. */
export async function openCase(page: Page, listPath: string, caseId: string) {
  await page.goto(listPath);
  await page.getByRole("link", { name: caseId }).click();
  await page.getByTestId("case-id").filter({ hasText: caseId }).waitFor();
}

/** Clicks a stage action and, for those asking for it, writes the reasons or items. */
export async function staffAction(page: Page, action: string, lines?: string) {
  await page.getByTestId(`action-${action}`).click();
  if (lines !== undefined) {
    await page.getByTestId("action-lines").fill(lines);
    await page.locator("#action-confirm").click();
  }
}

/** Waits until the case page shows `stage`. */
export async function waitForStage(page: Page, stage: string, timeout = 20_000) {
  await page.locator(`[data-testid="case-stage"][data-stage="${stage}"]`).first().waitFor({ timeout });
}

/** Pays one part of a payment order on the simulated channel's QR page, like the payer's phone. */
export async function payOnSimulatedChannel(page: Page, payLink: string) {
  const url = new URL(payLink);
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByRole("button", { name: /模拟支付/ }).click();
  await page.getByText("已缴费 Paid").first().waitFor({ timeout: 20_000 });
}

/**
 * The API as a logged-in account (cookie session), for setting up the state a journey starts from
 * through the same server the browser uses.
 */
export async function apiAs(username: string) {
  const base = inject("baseUrl");
  const login = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.getSetCookie?.() ?? [login.headers.get("set-cookie") ?? ""])
    .map((c) => c.split(";")[0])
    .join("; ");
  // As the web client does: state changes carry the CSRF token from its cookie (docs/security.md).
  const csrf = /(?:^|;\s*)yulin_csrf=([^;]+)/.exec(cookie)?.[1] ?? "";
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        ...(method === "GET" ? {} : { "X-CSRF-Token": csrf }),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: "manual",
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // HTML pages (payment) stay text.
    }
    return { status: response.status, body: json as Record<string, unknown> & { [k: string]: never }, text };
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body?: unknown) => call("POST", path, body),
  };
}

export async function poll<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** On failure: a screenshot of every open session (`failed-<n>.png`) to see where each stood. */
export async function screenshotAll(sessions: readonly Session[], prefix: string) {
  const { screenshot } = await import("./browser");
  for (const [i, s] of sessions.entries()) await screenshot(s.page, `${prefix}-${i}`).catch(() => undefined);
}

/** Switches the page to English and checks that no message key shows instead of its text. */
export async function switchToEnglishAndCheck(page: Page) {
  const { zhCN } = await import("../../packages/web/src/i18n/zh-CN");
  await page.getByTestId("language-switch").click();
  await page.getByTestId("language-switch").filter({ hasText: "中文" }).waitFor();
  // biome-ignore lint/performance/useDomNodeTextContent: the check is about the text a reader sees, not hidden nodes
  const text = await page.evaluate(() => document.body.innerText);
  const raw = Object.keys(zhCN).filter((key) => text.includes(key));
  if (raw.length > 0) throw new Error(`message keys shown in English: ${raw.join(", ")}`);
}
