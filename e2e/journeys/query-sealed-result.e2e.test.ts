import { expect, it, onTestFailed } from "vitest";
import { screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import { screenshotAll } from "../support/journey";

const browser = fileBrowser();

/**
 * 查询 (R30): a buyer queries 张伟's office by address for 买卖, downloads the sealed result; 张伟
 * sees it. (His flat in 岭南花园 is sold to 李娜 by other journeys of the same run.)
 */
it("a buyer's query by address is answered and sealed, and the holder sees it in his log", async () => {
  onTestFailed(() => screenshotAll(browser.sessions, "query-failed"));
  const { page: buyer } = await browser.as("citizen.li", { width: 390, height: 844 });
  await buyer.goto(new URL("/hall/queries", buyer.url()).toString());
  // The defaults are an intent-only query for 买卖 of the natural state, by address.
  await buyer.getByLabel("查询对象").fill("季华五路22号101");
  await buyer.getByRole("button", { name: "提交查询" }).click();
  const result = buyer.getByTestId("query-result");
  await result.waitFor();
  await result.getByText("季华五路22号101房").first().waitFor();
  expect(await result.getByText("张伟").count()).toBe(0);
  await screenshot(buyer, "query-result-phone");
  const download = buyer.waitForEvent("download");
  await result.getByRole("button", { name: "下载查询结果证明" }).click();
  expect((await download).suggestedFilename()).toMatch(/^查询结果证明-CX\d{8}[0-9A-F]{8}\.pdf$/);

  const { page: holder } = await browser.as("citizen.zhang");
  await holder.goto(new URL("/hall/queries", holder.url()).toString());
  const log = holder.getByTestId("queries-of-mine");
  await log.getByText("李* · 买卖").first().waitFor();
  await screenshot(holder, "query-holder-log");
}, 180_000);
