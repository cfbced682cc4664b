import { findBusinessType } from "@yulin/domain";
import { apiAs, type DemoCitizen, demoIdNumber, demoName, poll, SAMPLE_PDF } from "./journey";

type Api = Awaited<ReturnType<typeof apiAs>>;

const ok = async (what: string, call: Promise<{ status: number; body: unknown }>) => {
  const r = await call;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
};

/** Deed tax declared by the reviewer, one payment order paid on the simulated channel, tax confirmed. */
export async function clearTaxAndFees(
  staff: Api,
  caseId: string,
  unitCode: string,
  buyer: DemoCitizen,
  seller: DemoCitizen,
  priceFen: number,
) {
  await ok(
    "declare",
    staff.post("/api/integrations/tax/declarations", {
      caseRef: caseId,
      jurisdiction: unitCode.slice(0, 6),
      contractNo: null,
      unit: { unitCode, address: "岭南花园", areaSqm: 98.75, use: "residential" },
      priceFen,
      transfer: "sale",
      onDate: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      buyerKind: "individual",
      buyers: [{ name: demoName(buyer), idNumber: demoIdNumber(buyer) }],
      sellers: [{ name: demoName(seller), idNumber: demoIdNumber(seller) }],
    }),
  );
  await poll("tax assessment", async () => {
    const r = await staff.get(`/api/integrations/tax/cases/${caseId}`);
    return (r.body as { assessment?: unknown }).assessment ? true : undefined;
  });
  const order = await ok(
    "order",
    staff.post("/api/integrations/payment/orders", {
      caseRef: caseId,
      jurisdiction: unitCode.slice(0, 6),
      fee: { kind: "transfer", property: "residential", certificates: 1 },
      payers: { mode: "shares", payers: [{ payer: demoName(buyer), shareBp: 10_000 }] },
    }),
  );
  for (const part of order.parts as Array<{ partNo: string; payPage: string }>) {
    const token = new URL(part.payPage).searchParams.get("t")!;
    // Opening the pay page creates the channel's charge, as scanning the QR code does.
    await staff.get(`/api/integrations/payment/parts/${encodeURIComponent(part.partNo)}/pay?t=${token}`);
    await ok(
      "pay",
      staff
        .post(`/api/integrations/payment/sim/${encodeURIComponent(part.partNo)}?t=${token}`)
        .then((r) => ({ ...r, status: r.status === 303 ? 200 : r.status })),
    );
  }
  await poll("tax confirmation", async () => {
    const r = await staff.get(`/api/integrations/tax/cases/${caseId}`);
    return ((r.body as { confirmations?: unknown[] }).confirmations?.length ?? 0) > 0 ? true : undefined;
  });
}

/**
 * A sale registered through the API before the journey, so the journey's seller holds a current
 * e-certificate for the flat (the demo register is migrated data: it carries no certificates).
 */
export async function priorSaleThroughApi(
  unitCode: string,
  seller: DemoCitizen,
  buyer: DemoCitizen,
): Promise<string> {
  const sellerApi = await apiAs(seller);
  const created = await ok(
    "create",
    sellerApi.post("/api/cases", {
      typeId: "transfer.sale",
      unitCode,
      parts: [
        {
          details: { coOwnership: "sole", priceFen: 120_000_000, documentNo: "WQ2025-000001" },
          parties: [
            { role: "obligor", account: seller },
            { role: "right-holder", account: buyer },
          ],
        },
      ],
      confirm: true,
    }),
  );
  const id = created.id as string;
  for (const m of findBusinessType("transfer.sale")!.materials) {
    if (m.when) continue;
    await ok(
      `material ${m.id}`,
      sellerApi.post(`/api/cases/${id}/materials`, {
        source: "upload",
        materialId: m.id,
        fileName: `${m.id}.pdf`,
        mediaType: "application/pdf",
        contentBase64: SAMPLE_PDF.toString("base64"),
      }),
    );
  }
  await ok("buyer confirms", (await apiAs(buyer)).post(`/api/cases/${id}/confirm`));
  await ok("submit", sellerApi.post(`/api/cases/${id}/submit`));
  const office = unitCode.slice(0, 6) === "440604" ? "chancheng" : "nanhai";
  await ok("accept", (await apiAs(`${office}.shouli`)).post(`/api/cases/${id}/accept`, {}));
  const reviewer = await apiAs(`${office}.shenhe`);
  await ok("review", reviewer.post(`/api/cases/${id}/review`));
  await clearTaxAndFees(reviewer, id, unitCode, buyer, seller, 120_000_000);
  await ok("register", (await apiAs(`${office}.dengbu`)).post(`/api/cases/${id}/register`));
  const issuer = await apiAs(`${office}.fazheng`);
  await ok("certify", issuer.post(`/api/cases/${id}/certify`));
  await ok("issue", issuer.post(`/api/cases/${id}/issue`));
  return id;
}
