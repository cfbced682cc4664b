import { findBusinessType } from "@yulin/domain";
import { describe, expect, it, onTestFailed } from "vitest";
import { fileBrowser } from "../support/file-browser";
import { apiAs, DEMO_UNITS, poll, SAMPLE_PDF, screenshotAll } from "../support/journey";
import { priorSaleThroughApi } from "../support/prior-sale";

const browser = fileBrowser();

/** The bank's instant mortgage for the buyer, through the API as the portal files it. */
async function instantMortgage(unitCode: string, borrower: string) {
  const bank = await apiAs("bank.gongshang");
  const created = await bank.post("/api/cases", {
    typeId: "mortgage.first.general",
    unitCode,
    parts: [
      {
        details: { mortgage: { amount: 50_000_000, debtEnd: "2046-11-30" }, documentNo: "工银抵2026-9001" },
        parties: [
          { role: "right-holder", account: "bank.gongshang" },
          { role: "obligor", account: borrower },
        ],
      },
    ],
    confirm: true,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as unknown as string;
  for (const m of findBusinessType("mortgage.first.general")!.materials) {
    if (m.when) continue;
    const added = await bank.post(`/api/cases/${id}/materials`, {
      source: "upload",
      materialId: m.id,
      fileName: `${m.id}.pdf`,
      mediaType: "application/pdf",
      contentBase64: SAMPLE_PDF.toString("base64"),
    });
    expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
  }
  expect((await (await apiAs(borrower)).post(`/api/cases/${id}/confirm`)).status).toBe(200);
  const submitted = await bank.post(`/api/cases/${id}/submit`);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return id;
}

describe("a supervisor follows an integrity alert to its case and closes it with a reason", () => {
  it("raises 购入后短期内设立抵押 for a flat mortgaged days after its sale, shows the cases, and closes it", async () => {
    onTestFailed(() => screenshotAll(browser.sessions, "failed-integrity"));
    // 1. 王芳 sells her flat to 李娜 (registered by the 北林 staff), and the bank mortgages it at once.
    const unit = DEMO_UNITS.wangHome;
    const sale = await priorSaleThroughApi(unit, "citizen.wang", "citizen.li");
    const mortgage = await instantMortgage(unit, "citizen.li");

    // 2. The rules run (the scheduler does too); the alert names both cases.
    const supervisorApi = await apiAs("suihua.ducha");
    const alert = await poll("the mortgage-after-purchase alert", async () => {
      await supervisorApi.post("/api/supervision/offices/231202/alerts/evaluate");
      const r = await supervisorApi.get("/api/supervision/alerts?rule=mortgage-after-purchase");
      const alerts = (r.body as unknown as { alerts: Array<{ id: string; caseIds: string[] }> }).alerts ?? [];
      return alerts.find((a) => a.caseIds.includes(mortgage));
    });
    expect(alert.caseIds).toEqual([sale, mortgage]);

    // 3. The supervisor opens 廉防预警, the alert, and follows the evidence to the mortgage case.
    const { page } = await browser.as("suihua.ducha");
    await page.goto("/workbench/integrity");
    await page.locator(`a[href="/workbench/integrity/${alert.id}"]`).click();
    await page.getByTestId("alert-evidence").getByText("购入后短期内设立抵押").waitFor();
    await page.getByTestId("alert-case").filter({ hasText: mortgage }).click();
    await page.waitForURL(`**/workbench/cases/${mortgage}`);
    await page.getByText(mortgage).first().waitFor();
    await page.goBack();

    // 4. Closes it as justified, with the reason; the follow-up is on record.
    await page.getByTestId("follow-up-note").fill("购房时已申请按揭，抵押为购房贷款，属正常业务");
    await page.getByTestId("follow-up-submit").click();
    await page.getByText("该预警已办结。").waitFor();
    await page.getByTestId("follow-ups").getByText("购房时已申请按揭").waitFor();
    const closed = await supervisorApi.get(`/api/supervision/alerts/${alert.id}`);
    expect((closed.body as unknown as { alert: { status: string } }).alert.status).toBe("justified");
  });
});
