import { generateResidentId } from "@yulin/domain";
import { expect, it, onTestFailed } from "vitest";
import { DEMO_NEWCOMER } from "../../packages/server/src/integrations/demo/integrations.demo";
import { screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import { screenshotAll } from "../support/journey";

const browser = fileBrowser();

/**
 * 注册: 赵敏, a resident with no account, signs up in the hall: the real-name check passes, the
 * SMS code reaches her phone (the simulated gateway, read on the operator page), and she lands in
 * the hall logged in.
 */
it("a new citizen signs up with a real-name check and an SMS code, then is in the hall", async () => {
  onTestFailed(() => screenshotAll(browser.sessions, "sign-up-failed"));
  const newcomer = await browser.anonymous();
  const { page } = newcomer;
  await page.goto("/login");
  await page.getByTestId("login-sign-up").click();
  await page.waitForURL("**/sign-up");
  const idNumber = generateResidentId(DEMO_NEWCOMER);
  const phone = "13922220001";
  await page.getByTestId("sign-up-name").fill(DEMO_NEWCOMER.name);
  await page.getByTestId("sign-up-id").fill(idNumber);
  await page.getByTestId("sign-up-phone").fill(phone);
  await page.getByTestId("sign-up-send").click();
  await page.getByText("验证码已发送至 139****0001").waitFor();
  await screenshot(page, "sign-up-code-sent");

  // Her phone: the simulated SMS gateway, as the operator page shows it.
  const admin = await browser.as("chancheng.admin");
  await admin.page.goto("/workbench/integrations");
  const sms = admin.page.getByTestId("simulated-sms").getByRole("row", { name: /13922220001/ });
  const text = (await sms.textContent()) ?? "";
  const code = /验证码为(\d{6})/.exec(text)?.[1];
  expect(code, text).toMatch(/^\d{6}$/);

  await page.getByTestId("sign-up-code").fill(code!);
  await page.getByTestId("sign-up-username").fill("zhao.min");
  await page.getByTestId("sign-up-password").fill("Zhaomin-2026-pass");
  await page.getByTestId("sign-up-submit").click();
  await page.waitForURL("**/hall/**");
  await page.getByTestId("layout-hall").waitFor();
  await page.getByText("赵敏").first().waitFor();
  await screenshot(page, "sign-up-done-hall");
}, 120_000);
