import { expect, it, onTestFailed } from "vitest";
import { screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import { screenshotAll } from "../support/journey";

const browser = fileBrowser();

/** 系统管理: an office administrator gives the archivist (档案员) the 受理员 post; she then sees 待受理. */
it("an administrator gives a clerk a role and the clerk sees the inbox", async () => {
  onTestFailed(() => screenshotAll(browser.sessions, "admin-roles-failed"));
  const clerkBefore = await browser.as("chancheng.dangan");
  await clerkBefore.page.getByTestId("layout-workbench").waitFor();
  expect(await clerkBefore.page.getByRole("menuitem", { name: "待受理", exact: true }).count()).toBe(0);

  const { page } = await browser.as("chancheng.admin");
  await page.getByRole("menuitem", { name: "系统管理", exact: true }).click();
  await page.waitForURL("**/workbench/admin");
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  // December 2026 with no 2027 schedule in the demo data: the warning is shown on every page.
  if (today.startsWith("2026-12")) await page.getByTestId("calendar-warning").waitFor();
  await page.getByTestId("staff-roles-chancheng.dangan").click();
  const dialog = page.getByRole("dialog");
  const acceptor = dialog.getByRole("checkbox", { name: "受理员" });
  // The dialog opens with an animation: click until the box shows as checked.
  await expect
    .poll(async () => {
      if (!(await acceptor.isChecked())) await dialog.getByText("受理员", { exact: true }).click();
      return acceptor.isChecked();
    })
    .toBe(true);
  await screenshot(page, "admin-roles-dialog");
  await dialog.getByTestId("staff-roles-save").click();
  await page.getByText("岗位已保存").waitFor();
  const row = page.getByRole("row", { name: /chancheng\.dangan/ });
  await row.getByText("受理员").waitFor();
  await screenshot(page, "admin-accounts");

  const clerk = await browser.as("chancheng.dangan");
  await clerk.page.getByRole("menuitem", { name: "待受理", exact: true }).click();
  await clerk.page.waitForURL("**/workbench/accept");
  await clerk.page.getByRole("heading", { name: "待受理" }).waitFor();
  await screenshot(clerk.page, "admin-roles-clerk-inbox");
}, 120_000);
