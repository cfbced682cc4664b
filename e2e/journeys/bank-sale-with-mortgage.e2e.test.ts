import { describe, expect, it, onTestFailed } from "vitest";
import { phone, screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import {
  apiAs,
  DEMO_UNITS,
  demoIdNumber,
  openCase,
  payOnSimulatedChannel,
  screenshotAll,
  staffAction,
  uploadMissingMaterials,
  waitForStage,
} from "../support/journey";

const browser = fileBrowser();
const sessions = browser.sessions;
const as = async (username: string, viewport?: { width: number; height: number }) =>
  (await browser.as(username, viewport)).page;

describe("a bank's 带押过户 in the combined mode (新旧抵押权组合模式)", () => {
  it("建设银行 files the sale of 张伟's mortgaged flat to 李娜 with its new loan; 登簿 records transfer, new mortgage and the old one's cancellation at once", async () => {
    onTestFailed(() => screenshotAll(sessions, "failed"));
    const unit = DEMO_UNITS.zhangHome;

    // 1. The new lender opens 带押过户 (组合模式) in its portal: the order of entries is shown.
    const bank = await as("bank.jianshe");
    await bank.goto("/portal/mortgages");
    await bank.getByTestId("bank-apply-combined.sale-with-mortgage.combined").click();
    await bank.getByTestId("swm-order").getByText("抵押权注销登记").waitFor();
    await bank.getByTestId("swm-unit").fill(unit);
    await bank.getByTestId("swm-unit-found").waitFor();
    // The seller's mortgage to 工商银行: its register entry, as on the old bank's certification (the
    // register view shows the new bank no restrictions on a unit it holds nothing on).
    const held = (await (await apiAs("bank.gongshang")).get("/api/register/restrictions/held?kind=mortgage"))
      .body.restrictions as unknown as Array<{ unitCode: string; restriction: { seq: number } }>;
    const oldMortgage = held.find((r) => r.unitCode === unit)!.restriction.seq;
    await bank.getByTestId("swm-old-mortgage-entry").fill(String(oldMortgage));
    await bank.getByTestId("swm-buyer").fill("citizen.li");
    await bank.getByTestId("swm-seller").fill("citizen.zhang");
    await bank.getByTestId("swm-old-bank").fill("bank.gongshang");
    await bank.locator(`input[data-testid="swm-price"], [data-testid="swm-price"] input`).fill("1800000");
    await bank.locator(`input[data-testid="swm-amount"], [data-testid="swm-amount"] input`).fill("1000000");
    await bank.getByTestId("swm-debt-end").fill("2056-12-31");
    await bank.getByTestId("swm-contract").fill("WQ2026-000888");
    await screenshot(bank, "bank-sale-with-mortgage-form");
    await bank.getByTestId("swm-submit").click();
    await bank.waitForURL(/\/portal\/cases\//);
    const caseId = (await bank.getByTestId("case-id").textContent())!.trim();
    // 零材料: the title comes from the register, the sale contract from the housing department's filing.
    for (const fetched of ["title-certificate", "sale-contract"]) {
      await bank.getByTestId(`fetch-${fetched}`).click();
      await bank.getByTestId(`material-source-${fetched}`).waitFor();
    }
    await uploadMissingMaterials(bank);

    // 2. Buyer, seller and the old bank confirm and e-sign.
    for (const [who, list] of [
      ["citizen.li", "/hall/applications"],
      ["citizen.zhang", "/hall/applications"],
      ["bank.gongshang", "/portal/cases"],
    ] as const) {
      const party = await as(who);
      await party.goto(`${list}/${caseId}`);
      await party.getByTestId("case-id").filter({ hasText: caseId }).waitFor();
      const signed = party.waitForResponse(
        (r) => r.url().endsWith(`/api/cases/${caseId}/confirm`) && r.request().method() === "POST",
        { timeout: 60_000 },
      );
      await party.getByTestId("case-confirm").click();
      expect((await signed).status()).toBe(200);
    }

    // 3. The new bank submits; the office accepts and reviews; tax and fee are cleared.
    await bank.reload();
    await bank.getByTestId("case-submit").click();
    await waitForStage(bank, "submitted");
    const acceptor = await as("chancheng.shouli");
    await openCase(acceptor, "/workbench/accept", caseId);
    await staffAction(acceptor, "accept");
    await waitForStage(acceptor, "accepted");
    const reviewer = await as("chancheng.shenhe");
    await openCase(reviewer, "/workbench/review", caseId);
    await staffAction(reviewer, "review");
    await waitForStage(reviewer, "reviewed");
    await reviewer.getByTestId("tax-id-right-holder").fill(demoIdNumber("citizen.li"));
    await reviewer.getByTestId("tax-id-obligor").fill(demoIdNumber("citizen.zhang"));
    await reviewer.getByTestId("tax-declare").click();
    await reviewer.getByTestId("payment-open").and(reviewer.locator(":enabled")).waitFor({ timeout: 30_000 });
    await reviewer.getByTestId("payment-open").click();
    const payLink = (await reviewer.getByTestId("pay-link").first().getAttribute("href"))!;
    await payOnSimulatedChannel(await as("citizen.li", phone), payLink);
    await reviewer.getByTestId("tax-cleared").waitFor({ timeout: 30_000 });

    // 4. The registrar sees all three parts in the preview, then registers them in one transaction.
    const registrar = await as("chancheng.dengbu");
    await openCase(registrar, "/workbench/record", caseId);
    const preview = registrar.getByTestId("register-preview");
    for (const part of ["转移登记", "抵押权首次登记", "抵押权注销登记"])
      await preview.getByText(part).first().waitFor();
    await preview.getByText("李娜").first().waitFor();
    await screenshot(registrar, "workbench-sale-with-mortgage-preview");
    await staffAction(registrar, "register");
    await waitForStage(registrar, "registered");

    // The buyer's register: 李娜 holds it, mortgaged to 建设银行 only.
    const li = await as("citizen.li");
    await li.goto(`/hall/properties/${unit}`);
    const register = li.getByTestId("unit-register");
    await register.getByText("李娜").first().waitFor();
    await register.getByText("中国建设银行佛山分行").first().waitFor();
    expect(await register.getByText("中国工商银行佛山分行").count()).toBe(0);
    await screenshot(li, "hall-sale-with-mortgage-registered");
  }, 600_000);
});
