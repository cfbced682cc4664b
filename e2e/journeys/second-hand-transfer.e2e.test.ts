import { describe, expect, it, onTestFailed } from "vitest";
import { phone, screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import {
  apiAs,
  DEMO_UNITS,
  demoIdNumber,
  openCase,
  payOnSimulatedChannel,
  SAMPLE_PDF,
  screenshotAll,
  staffAction,
  uploadMissingMaterials,
  waitForStage,
} from "../support/journey";
import { priorSaleThroughApi } from "../support/prior-sale";

const browser = fileBrowser();
const sessions = browser.sessions;
const as = async (username: string, viewport?: { width: number; height: number }) =>
  (await browser.as(username, viewport)).page;

type Cert = { number: string; unitCode: string; status: string; verifyUrl: string; kind: string };
const tokenOf = (verifyUrl: string) => verifyUrl.split("/verify/")[1]!;

describe("second-hand transfer prepared by an agent (二手房转移登记)", () => {
  it("goes from the agent's application and both parties' e-signatures through acceptance, review and registering to the buyer's certificate, genuine on the QR page, with the seller's old one void", async () => {
    onTestFailed(() => screenshotAll(sessions, "failed"));
    const unit = DEMO_UNITS.zhangHome;
    // The seller must hold an e-certificate: 李娜 bought the flat from 张伟 earlier (through the API).
    await priorSaleThroughApi(unit, "citizen.zhang", "citizen.li");
    const sellerOld = (
      (await (await apiAs("citizen.li")).get("/api/certificates")).body.certificates as unknown as Cert[]
    ).find((c) => c.unitCode === unit && c.status === "current" && c.kind === "certificate")!;
    expect(sellerOld).toBeDefined();

    // 1. The agent (安居经纪) finds the service in the catalogue, reads its guide and the risk notice.
    const agent = await as("agent.anju");
    await agent.goto("/portal/agency");
    await agent.getByTestId("service-transfer.sale").click();
    await agent.getByTestId("service-guide").waitFor();
    await agent.getByTestId("guide-apply").click();
    await agent.getByTestId("risk-notice").waitFor();
    await screenshot(agent, "apply-risk-notice");
    await agent.getByTestId("risk-read").click();
    await agent.locator("#risk-accept").click();

    // 2. It files the application for the buyer 张伟 and the seller 李娜, named by their accounts.
    await agent.getByTestId("apply-unit").fill(unit);
    await agent.getByTestId("apply-unit-found").waitFor();
    await agent.getByTestId("apply-add-party").click();
    await agent.getByTestId("apply-party-0").getByTestId("party-account").fill("citizen.zhang");
    await agent.getByTestId("apply-add-party").click();
    await agent.getByTestId("apply-party-1").getByText("出卖人", { exact: true }).waitFor();
    await agent.getByTestId("apply-party-1").getByTestId("party-account").fill("citizen.li");
    await agent
      .locator(`input[data-testid="apply-price"], [data-testid="apply-price"] input`)
      .fill("1500000");
    await agent.getByTestId("apply-document").fill("WQ2026-000888");
    await screenshot(agent, "apply-form");
    await agent.getByTestId("apply-submit").click();
    await agent.waitForURL(/\/portal\/cases\//);
    const caseId = (await agent.getByTestId("case-id").textContent())!.trim();
    // 零材料: the title comes from the register and the contract from the housing department's
    // filing; the agent uploads only what no department holds (application form, power of attorney).
    for (const fetched of ["title-certificate", "sale-contract"]) {
      await agent.getByTestId(`fetch-${fetched}`).click();
      await agent.getByTestId(`material-source-${fetched}`).waitFor();
    }
    await expect(agent.getByTestId("material-source-title-certificate").textContent()).resolves.toContain(
      "登记簿",
    );
    await uploadMissingMaterials(agent);
    await agent.getByTestId("material-pending-applicant-identity").waitFor();
    await agent.getByTestId("material-pending-tax-proof").waitFor();
    // Before the parties sign, the pre-check says who must sign (R4) and that their ID cards are
    // fetched when they do; no fetched material and no tax proof is reported missing.
    await agent.locator('[data-testid="finding"][data-rule="R4"]').first().waitFor();
    const precheck = await agent.locator('[data-testid="finding"][data-rule="R29"]').allTextContents();
    expect(precheck.join(" ")).not.toMatch(/权属证书|买卖合同|契税|缺少材料/);
    expect(precheck.join(" ")).toContain("待当事人确认签名后从电子证照库调取：申请人身份证明");

    // 3. Buyer and seller each confirm and e-sign from their own accounts.
    for (const who of ["citizen.zhang", "citizen.li"]) {
      const party = await as(who);
      await openCase(party, "/hall/applications", caseId);
      await party.getByTestId("case-confirm").click();
      await party.getByText("已确认并签名").first().waitFor();
      // Confirming fetches the party's own ID card from the e-licence library.
      await party.getByTestId("material-source-applicant-identity").waitFor();
    }

    // 4. The agent submits: the pre-check has nothing left to block it.
    await agent.reload();
    await expect(agent.getByTestId("material-source-applicant-identity").textContent()).resolves.toContain(
      "电子证照库",
    );
    await expect(agent.locator('[data-testid="finding"][data-rule="R29"]').count()).resolves.toBe(0);
    await expect(agent.getByTestId("party-unsigned").count()).resolves.toBe(0);
    await agent.getByTestId("case-submit").click();
    await waitForStage(agent, "submitted");
    await screenshot(agent, "agent-case-submitted");

    // 5. The acceptor finds it in 待受理 and accepts it.
    const acceptor = await as("chancheng.shouli");
    await acceptor.goto("/workbench/accept");
    await acceptor.getByTestId("inbox-accept").getByText(caseId).waitFor();
    await screenshot(acceptor, "workbench-inbox-accept");
    await openCase(acceptor, "/workbench/accept", caseId);

    // 5a. 一次性告知补正: the acceptor returns it with the item to fix; the agent replaces the
    // material and resubmits; the case comes back to 待受理.
    await staffAction(acceptor, "request-correction", "授权委托书签字不清晰，请重新上传");
    await waitForStage(acceptor, "correction");
    await agent.reload();
    await agent.getByText("授权委托书签字不清晰，请重新上传").first().waitFor();
    await agent.getByTestId("material-power-of-attorney").locator('input[type="file"]').setInputFiles({
      name: "power-of-attorney-clear.pdf",
      mimeType: "application/pdf",
      buffer: SAMPLE_PDF,
    });
    await agent.getByText("power-of-attorney-clear.pdf").first().waitFor();
    await agent.getByTestId("case-submit").click();
    await waitForStage(agent, "submitted");
    await screenshot(agent, "agent-case-resubmitted");

    await openCase(acceptor, "/workbench/accept", caseId);
    await staffAction(acceptor, "accept");
    await waitForStage(acceptor, "accepted");

    // 6. The reviewer reviews, declares the deed tax and opens one payment order; the buyer pays.
    const reviewer = await as("chancheng.shenhe");
    await openCase(reviewer, "/workbench/review", caseId);
    await reviewer.getByTestId("deadline").first().waitFor();
    // The materials open in the browser (PDF or image) for the reviewer.
    await reviewer.getByTestId("material-application-form").getByRole("button", { name: /预览/ }).click();
    await reviewer.getByTestId("material-preview").waitFor();
    await screenshot(reviewer, "workbench-material-preview");
    await reviewer.locator(".ant-modal-close").click();
    await reviewer.getByTestId("material-preview").waitFor({ state: "detached" });
    await staffAction(reviewer, "review");
    await waitForStage(reviewer, "reviewed");
    await reviewer.getByTestId("tax-id-right-holder").fill(demoIdNumber("citizen.zhang"));
    await reviewer.getByTestId("tax-id-obligor").fill(demoIdNumber("citizen.li"));
    await reviewer.getByTestId("tax-declare").click();
    await reviewer.getByTestId("payment-open").and(reviewer.locator(":enabled")).waitFor({ timeout: 30_000 });
    await reviewer.getByTestId("payment-open").click();
    const payLink = (await reviewer.getByTestId("pay-link").first().getAttribute("href"))!;
    const buyerPhone = await as("citizen.zhang", phone);
    await payOnSimulatedChannel(buyerPhone, payLink);
    await reviewer.getByTestId("tax-cleared").waitFor({ timeout: 30_000 });
    await screenshot(reviewer, "workbench-case-reviewed");

    // 7. The registrar of the property's office registers it: the preview shows before and after.
    const registrar = await as("chancheng.dengbu");
    await openCase(registrar, "/workbench/record", caseId);
    await registrar.getByTestId("register-preview").getByText("张伟").first().waitFor();
    await registrar.getByTestId("register-preview").getByText("李娜").first().waitFor();
    await screenshot(registrar, "workbench-case-register");
    await staffAction(registrar, "register");
    await waitForStage(registrar, "registered");

    // 8. 缮证 and 发证.
    const issuer = await as("chancheng.fazheng");
    await openCase(issuer, "/workbench/prepare", caseId);
    await staffAction(issuer, "certify");
    await waitForStage(issuer, "certified");
    await staffAction(issuer, "issue");
    await waitForStage(issuer, "issued");
    // The paper certificate too: queued at the office, printed, its form serial recorded.
    await issuer
      .getByRole("button", { name: /打印纸质证书/ })
      .first()
      .click();
    await issuer.getByText("已加入打证队列").first().waitFor();
    await issuer.goto("/workbench/issue");
    const job = issuer.getByTestId("print-queue").locator("tr", { hasText: "不动产权第" });
    await job.first().waitFor();
    await screenshot(issuer, "workbench-print-queue");
    await job.first().getByRole("button", { name: "登记印制号" }).click();
    await issuer.getByRole("dialog").getByRole("textbox").fill("GD2026A0001234");
    await issuer
      .getByRole("dialog")
      .getByRole("button", { name: /确\s*定|OK/ })
      .click();
    // Printed: the job leaves the queue.
    await issuer.getByText("已登记印制号").first().waitFor();
    await job.first().waitFor({ state: "detached" });

    // 9. The buyer downloads the e-certificate and checks it on the QR page: genuine and current.
    const buyer = await as("citizen.zhang");
    await buyer.goto("/hall/certificates");
    const row = buyer
      .getByTestId("my-certificates")
      .locator("tr", { hasText: "现势有效" })
      .filter({ hasText: "岭南花园1座202" });
    await row.first().waitFor();
    const number = (await row.first().getByTestId("certificate-number").textContent())!;
    expect(number).toMatch(/不动产权第\d{7}号/);
    const download = buyer.waitForEvent("download");
    await row.first().getByTestId("certificate-download").click();
    expect((await download).suggestedFilename()).toBe(`${number}.pdf`);
    await screenshot(buyer, "hall-certificates");
    await row.first().getByTestId("certificate-verify").click();
    const verdict = buyer.getByTestId("verification-result");
    await verdict.waitFor();
    expect(await verdict.getAttribute("data-verdict")).toBe("current");
    expect(await verdict.textContent()).toContain(number);
    await screenshot(buyer, "verify-genuine");

    // 10. The seller's old certificate, scanned by anyone: genuine but void (cancelled by the transfer).
    const anonymous = await browser.anonymous();
    const visitor = anonymous.page;
    await visitor.goto(`/verify/${tokenOf(sellerOld.verifyUrl)}`);
    await visitor.getByTestId("verification-result").waitFor();
    expect(await visitor.getByTestId("verification-result").getAttribute("data-verdict")).toBe("void");
    expect(await visitor.getByTestId("verification-result").textContent()).toContain(sellerOld.number);
    await screenshot(visitor, "verify-void");

    // The buyer follows the case on a phone: progress up to 发证.
    const mobile = await as("citizen.zhang", phone);
    await mobile.goto(`/hall/applications/${caseId}`);
    await waitForStage(mobile, "issued");
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(mobile, "hall-phone-case");

    // 好差评: the buyer rates the finished case; the rating is kept (shown again after a reload).
    // The rating starts empty: the buyer chooses the stars.
    await mobile.getByTestId("case-rating").locator(".ant-rate-star").nth(4).click();
    await mobile.getByTestId("case-rating").getByRole("textbox").fill("一次办好，很方便");
    await mobile.getByTestId("rating-submit").click();
    await mobile.getByTestId("case-rated").waitFor();
    await mobile.reload();
    await mobile.getByTestId("case-rated").getByText("一次办好，很方便").waitFor();
    expect(await mobile.getByTestId("case-rating").count()).toBe(0);
  }, 300_000);
});
