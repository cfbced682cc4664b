import { describe, expect, it, onTestFailed } from "vitest";
import { screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import {
  apiAs,
  DEMO_UNITS,
  SAMPLE_PDF,
  screenshotAll,
  staffAction,
  switchToEnglishAndCheck,
  uploadMissingMaterials,
  waitForStage,
} from "../support/journey";

const browser = fileBrowser();
const sessions = browser.sessions;
const as = async (username: string) => (await browser.as(username)).page;

describe("a court seizes a unit online, and a transfer of it is then refused (R7)", () => {
  it("registers the seizure instantly and shows the rule that refuses the sale", async () => {
    onTestFailed(() => screenshotAll(sessions, "failed"));
    const unit = DEMO_UNITS.liChenHome;

    // 1. 网络查控: the court seizes 1座302 with its document number and documents; registered at once.
    // The court knows the certificate number from its files: it finds the unit by it.
    const registered = await (await apiAs("chancheng.shouli")).get(`/api/register/units/${unit}`);
    const certificateNo = (registered.body as unknown as { rights: Array<{ certificateNo: string }> })
      .rights[0]!.certificateNo;
    expect(certificateNo).toMatch(/不动产权第\d{7}号$/);
    const court = await as("court.chancheng");
    await court.goto("/portal/seizures");
    await court
      .getByTestId("certificate-lookup")
      .locator("input")
      .fill(certificateNo.replace(/[（）]/g, (b) => (b === "（" ? "(" : ")")));
    await court.getByTestId("certificate-lookup").locator("input").press("Enter");
    await court.getByTestId("seizure-unit-found").waitFor();
    expect((await court.getByTestId("seizure-unit").inputValue()).replace(/\s+/g, "")).toBe(unit);
    await court.getByTestId("seizure-document").fill("（2026）粤0604执保2001号");
    for (const d of ["assistance-notice", "court-ruling", "court-staff-id"]) {
      await court
        .getByTestId("seizure-form")
        .locator(`input[type="file"]`)
        .nth(["assistance-notice", "court-ruling", "court-staff-id"].indexOf(d))
        .setInputFiles({ name: `${d}.pdf`, mimeType: "application/pdf", buffer: SAMPLE_PDF });
    }
    await court.getByTestId("seizure-submit").click();
    const result = court.getByTestId("instant-result");
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute("data-route")).toBe("automatic");
    await screenshot(court, "court-seizure");

    // The court's list shows the seizure and its term from the register.
    await court.goto("/portal/seizure-list");
    await court.getByTestId("seizure-list").getByText(unit).first().waitFor();
    // …and, from the register, among the court's live seizures with their term.
    await court.getByTestId("held-seizure").getByText("（2026）粤0604执保2001号").first().waitFor();
    await screenshot(court, "court-seizure-list");

    // 2. 李娜 applies to sell her flat: the pre-check already shows R7 with its legal basis.
    const li = await as("citizen.li");
    await li.goto("/hall/apply/transfer.sale");
    await li.getByTestId("risk-read").click();
    await li.locator("#risk-accept").click();
    await li.getByTestId("apply-unit").fill(unit);
    await li.getByTestId("apply-unit-found").getByTestId("flag-seized").waitFor();
    await li.getByTestId("apply-as").getByText("出卖人").click();
    await li.getByTestId("apply-add-party").click();
    await li.getByTestId("apply-party-0").getByTestId("party-account").fill("citizen.zhang");
    await li.getByTestId("apply-submit").click();
    await li.waitForURL(/\/hall\/applications\//);
    await uploadMissingMaterials(li);
    const r7 = li.locator('[data-testid="finding"][data-rule="R7"][data-severity="block"]');
    await r7.first().waitFor({ timeout: 20_000 });
    expect(await r7.first().getByTestId("finding-basis").textContent()).toMatch(/依据/);
    await li.getByTestId("case-submit").click();
    await waitForStage(li, "submitted");
    const caseId = (await li.getByTestId("case-id").textContent())!.trim();
    await screenshot(li, "hall-transfer-refused-r7");

    // 3. The acceptor cannot accept it: the rules block with R7; the case is not accepted with reasons.
    const acceptor = await as("chancheng.shouli");
    await acceptor.goto(`/workbench/cases/${caseId}`);
    await acceptor.locator('[data-testid="finding"][data-rule="R7"]').first().waitFor();
    await staffAction(acceptor, "accept");
    await acceptor.getByRole("dialog").getByText("R7").first().waitFor();
    await screenshot(acceptor, "workbench-accept-blocked-r7");
    await acceptor.keyboard.press("Escape");
    await staffAction(acceptor, "not-accept", "该房屋已被人民法院查封（R7），不能办理转移登记");
    await waitForStage(acceptor, "not-accepted");

    // 4. The court releases its seizure from its list (the form is filled in from the list), instantly.
    await court.goto("/portal/seizure-list");
    await court
      .getByTestId("seizure-term")
      .getByText("（2026）粤0604执保2001号", { exact: false })
      .first()
      .waitFor();
    await court.getByTestId("seizure-release").first().click();
    await court.getByTestId("seizure-target").click();
    await court.locator(".ant-select-item-option", { hasText: "执保2001号" }).first().click();
    await court.getByTestId("seizure-document").fill("（2026）粤0604执保2001号之一");
    for (const [i, d] of ["assistance-notice", "court-ruling", "court-staff-id"].entries())
      await court
        .getByTestId("seizure-form")
        .locator(`input[type="file"]`)
        .nth(i)
        .setInputFiles({ name: `${d}.pdf`, mimeType: "application/pdf", buffer: SAMPLE_PDF });
    await court.getByTestId("seizure-submit").click();
    await court
      .locator('[data-testid="instant-result"][data-route="automatic"]')
      .waitFor({ timeout: 30_000 });
    await screenshot(court, "court-release");
    await switchToEnglishAndCheck(acceptor);
    await acceptor.getByText("Not accepted").first().waitFor();
    await screenshot(acceptor, "workbench-not-accepted-en");
  }, 180_000);
});
