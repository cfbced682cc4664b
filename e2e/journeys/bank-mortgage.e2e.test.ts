import { describe, expect, it, onTestFailed } from "vitest";
import { screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import {
  DEMO_UNITS,
  SAMPLE_PDF,
  screenshotAll,
  switchToEnglishAndCheck,
  uploadMissingMaterials,
  waitForStage,
} from "../support/journey";

const browser = fileBrowser();
const sessions = browser.sessions;
const as = async (username: string) => (await browser.as(username)).page;

describe("a bank registers an instant mortgage for its customer and cancels it", () => {
  it("goes from the bank's application and the borrower's e-signature to the certification, then cancels the mortgage", async () => {
    onTestFailed(() => screenshotAll(sessions, "failed"));
    const unit = DEMO_UNITS.zhangOffice;

    // 1. The bank applies as mortgagee for its customer 张伟.
    const bank = await as("bank.gongshang");
    await bank.goto("/portal/mortgages");
    await bank.getByTestId("bank-apply-mortgage.first.general").click();
    await bank.getByTestId("apply-unit").fill(unit);
    await bank.getByTestId("apply-unit-found").waitFor();
    await bank.getByTestId("apply-add-party").click();
    // The new party's role defaults to the other side: 抵押人.
    await bank.getByTestId("apply-party-0").getByText("抵押人", { exact: true }).waitFor();
    await bank.getByTestId("apply-party-0").getByTestId("party-account").fill("citizen.zhang");
    await bank
      .locator(`input[data-testid="apply-amount"], [data-testid="apply-amount"] input`)
      .fill("800000");
    await bank.getByTestId("apply-debt-end").fill("2046-11-30");
    await bank.getByTestId("apply-document").fill("工银抵2026-0001");
    await bank.getByTestId("apply-submit").click();
    await bank.waitForURL(/\/portal\/cases\//);
    const caseUrl = bank.url();
    // 零材料: the title comes from the register; the bank uploads only its two contracts.
    await bank.getByTestId("fetch-title-certificate").click();
    await bank.getByTestId("material-source-title-certificate").waitFor();
    await uploadMissingMaterials(bank);

    // 2. The borrower confirms and e-signs from the online hall.
    const zhang = await as("citizen.zhang");
    await zhang.goto(new URL(caseUrl).pathname.replace("/portal/cases/", "/hall/applications/"));
    await zhang.getByTestId("case-confirm").click();
    await zhang.getByTestId("case-parties").getByTestId("party-unsigned").waitFor({ state: "detached" });

    // 3. The bank submits: every rule passes, so it is registered and certified at once (即时办结).
    await bank.reload();
    await bank.getByTestId("case-submit").click();
    await bank.getByTestId("instant-done").waitFor({ timeout: 30_000 });
    await waitForStage(bank, "certified");
    const number = (await bank
      .getByTestId("case-certificates")
      .getByTestId("certificate-number")
      .first()
      .textContent())!;
    expect(number).toMatch(/不动产证明第\d{7}号/);
    const download = bank.waitForEvent("download");
    await bank.getByTestId("case-certificates").getByTestId("certificate-download").first().click();
    expect((await download).suggestedFilename()).toBe(`${number}.pdf`);
    await screenshot(bank, "bank-mortgage-instant");

    // The bank's e-certifications list it.
    await bank.goto("/portal/collateral");
    await bank.getByTestId("my-certificates").getByText(number).waitFor();
    // …and the register's list of its collateral shows the flat, with nothing else weighing on it.
    const held = bank.getByTestId("held-mortgage").locator("tr", { hasText: unit });
    await held.first().waitFor();
    expect(await held.first().textContent()).toContain("无其他限制");
    await screenshot(bank, "bank-collateral");

    // The borrower's register shows the mortgage.
    await zhang.goto(`/hall/properties/${unit}`);
    await zhang.getByTestId("unit-register").getByTestId("flag-mortgaged").waitFor();

    // 4. The loan is repaid: the bank cancels the mortgage, again instantly.
    await bank.goto(caseUrl);
    await bank.getByTestId("mortgage-cancel").click();
    await bank.waitForURL((url) => url.pathname.startsWith("/portal/cases/") && url.href !== caseUrl);
    await uploadMissingMaterials(bank);
    // The bank applies alone and confirms nothing, so its licence is not fetched on confirmation:
    // it uploads it instead (改为上传).
    const identity = bank.getByTestId("material-applicant-identity");
    if (await bank.getByTestId("upload-instead-applicant-identity").count()) {
      await identity
        .locator('input[type="file"]')
        .setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: SAMPLE_PDF });
      await bank.getByTestId("material-source-applicant-identity").waitFor();
    }
    await bank.getByTestId("case-submit").click();
    await bank.getByTestId("instant-done").waitFor({ timeout: 30_000 });
    await waitForStage(bank, "registered");
    await screenshot(bank, "bank-mortgage-cancelled");

    await zhang.reload();
    await zhang.getByTestId("unit-register").getByText("无抵押、查封等限制").waitFor();

    // The same pages in English.
    await switchToEnglishAndCheck(bank);
    await bank.getByText("Completed instantly").first().waitFor();
    await screenshot(bank, "bank-mortgage-cancelled-en");
    await switchToEnglishAndCheck(zhang);
    await zhang.getByText("No mortgage, seizure or other restriction").waitFor();

    // The cancelled mortgage has left the bank's collateral list.
    await bank.goto("/portal/collateral");
    await bank.getByTestId("my-certificates").getByText(number).waitFor();
    await bank.getByTestId("held-mortgage").waitFor();
    expect(await bank.getByTestId("held-mortgage").locator("tr", { hasText: unit }).count()).toBe(0);
  }, 180_000);
});
