import { describe, expect, it, onTestFailed } from "vitest";
import { screenshot } from "../support/browser";
import { fileBrowser } from "../support/file-browser";
import { apiAs, poll, SAMPLE_PDF, screenshotAll } from "../support/journey";

/** 1座402 of 岭南花园 (demo-register.seed.ts: `soldHome`): 张伟's, mortgaged to 工商银行, in no other journey. */
const unit = "440604001002GB00001F00010014";
const COURT_DOCUMENTS = ["assistance-notice", "court-ruling", "court-staff-id"] as const;

const browser = fileBrowser();

type Api = Awaited<ReturnType<typeof apiAs>>;
type Message = { id: number; status: string; connector: string; summary: Record<string, unknown> };

/** A court's instruction through the API, as the portal's seizure form files it; answers the case id. */
async function instruct(court: Api, typeId: string, documentNo: string, targetSeizureId?: string) {
  const start = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const created = await court.post("/api/cases", {
    typeId,
    unitCode: unit,
    confirm: true,
    parts: [
      {
        details: {
          documentNo,
          seizure: {
            court: "佛山市禅城区人民法院",
            deliveredAt: new Date().toISOString(),
            periodStart: start,
            periodEnd: `${Number(start.slice(0, 4)) + 3}${start.slice(4)}`,
            ...(targetSeizureId ? { targetSeizureId } : {}),
          },
        },
        parties: [{ role: "instructing-authority", account: "court.chancheng" }],
      },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBeLessThan(300);
  const id = created.body.id as unknown as string;
  for (const materialId of COURT_DOCUMENTS) {
    const added = await court.post(`/api/cases/${id}/materials`, {
      source: "upload",
      materialId,
      fileName: `${materialId}.pdf`,
      mediaType: "application/pdf",
      contentBase64: SAMPLE_PDF.toString("base64"),
    });
    expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
  }
  const submitted = await court.post(`/api/cases/${id}/submit`);
  expect((submitted.body as unknown as { instant?: { route?: string } }).instant?.route).toBe("automatic");
  return id;
}

describe("an operator retries a dead-lettered department message from the operator page", () => {
  it("dead-letters a bank notice sent to a bad endpoint, and redelivers it once the endpoint is fixed", async () => {
    onTestFailed(() => screenshotAll(browser.sessions, "failed-outbox"));

    // 1. The bank registers a callback endpoint that answers 404: a permanent failure, so its next
    //    notice is dead-lettered at the first attempt.
    const bank = await browser.as("bank.gongshang");
    const before = await (await bank.context.request.get("/api/institution/connection")).json();
    // As the web client: the CSRF token from its cookie in the header (docs/security.md).
    const csrf = (await bank.context.cookies()).find((c) => c.name === "yulin_csrf")?.value ?? "";
    const broken = await bank.context.request.put("/api/institution/connection", {
      headers: { "X-CSRF-Token": csrf },
      data: { endpointUrl: new URL("/e2e-no-such-bank/", bank.page.url()).href },
    });
    expect(broken.status()).toBe(200);

    // 2. A court seizes a flat mortgaged to the bank: the register tells the bank (抵押物变动通知).
    const court = await apiAs("court.chancheng");
    const seizure = await instruct(court, "seizure.seize", "（2026）粤0604执保3001号");

    const admin = await apiAs("chancheng.admin");
    const dead = await poll("the dead-lettered bank notice", async () => {
      const r = await admin.get("/api/integrations/outbox?status=dead&topic=bank.collateral-event");
      const messages = (r.body as unknown as { messages: Message[] }).messages ?? [];
      return messages.find((m) => m.summary.unitCode === unit && m.summary.event === "collateral-seized");
    });

    // 3. The operator page lists it among the dead letters and shows the bank's connector unhealthy.
    const { page } = await browser.as("chancheng.admin");
    await page.goto("/workbench/integrations");
    const row = page.getByTestId("outbox-messages").locator(`tr[data-row-key="${dead.id}"]`);
    await row.waitFor();
    expect(await page.getByTestId(`connector-health-${dead.connector}`).getAttribute("data-status")).not.toBe(
      "ok",
    );
    await screenshot(page, "workbench-integrations-dead");

    // 4. The bank fixes its endpoint (back to what it was); the operator retries the message.
    const fixed = await bank.context.request.put("/api/institution/connection", {
      headers: { "X-CSRF-Token": csrf },
      data: { endpointUrl: before.endpointUrl ?? null },
    });
    expect(fixed.status()).toBe(200);
    await row.getByTestId(`outbox-retry-${dead.id}`).click();
    // The confirmation's OK button (antd spaces two-character labels: "确 定").
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await page.getByText("已重新排队，稍后发送").waitFor();
    await row.waitFor({ state: "detached" });

    // It is delivered on the next round and shows under 已送达.
    await poll("the retried notice delivered", async () => {
      const r = await admin.get("/api/integrations/outbox?status=delivered&topic=bank.collateral-event");
      const messages = (r.body as unknown as { messages: Message[] }).messages ?? [];
      return messages.find((m) => m.id === dead.id);
    });
    await page.getByTestId("outbox-status-filter").getByText("已送达").click();
    await page.getByTestId("outbox-messages").locator(`tr[data-row-key="${dead.id}"]`).waitFor();
    await screenshot(page, "workbench-integrations-retried");

    // 5. The court releases its seizure: the flat is left as the demo had it.
    const view = await court.get(`/api/cases/${seizure}`);
    const entry = (view.body as unknown as { parts: { entries?: number[] }[] }).parts[0]?.entries?.[0];
    await instruct(court, "seizure.release", "（2026）粤0604执保3001号之一", String(entry));
  }, 180_000);
});
