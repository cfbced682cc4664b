/**
 * What the case tests share: HTTP as a demo account, material uploads and teardown. The register
 * factories and the tax helpers live beside it and are re-exported, so a test imports one module.
 */
import { requireBusinessType } from "@yulin/domain";
import { PDFDocument } from "pdf-lib";
import { loginAs, type TestEnv } from "../support/test-services";

export { type Given, given, houseRight } from "./register-factories";
export { clearTaxAndFees, DEMO_IDS, demoIdentity, givenTaxCleared } from "./tax-support";

/** A real one-page PDF (pdf-lib): the material check parses what it accepts. */
export const PDF = await onePagePdfBase64();

async function onePagePdfBase64(): Promise<string> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save()).toString("base64");
}

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes, read by the assertions.
export type Reply = { status: number; body: any };

/** HTTP as a demo account (logged in once per username). */
export function http(env: TestEnv) {
  const cookies = new Map<string, string>();
  const cookie = async (username: string) => {
    let c = cookies.get(username);
    if (!c) {
      c = await loginAs(env.app, username);
      cookies.set(username, c);
    }
    return c;
  };
  const call = async (
    username: string,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: unknown,
  ): Promise<Reply> => {
    const res = await env.app.inject({
      method,
      url,
      headers: { cookie: await cookie(username) },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  };
  return {
    get: (username: string, url: string) => call(username, "GET", url),
    post: (username: string, url: string, payload: unknown = {}) => call(username, "POST", url, payload),
    put: (username: string, url: string, payload: unknown) => call(username, "PUT", url, payload),
  };
}
export type Http = ReturnType<typeof http>;

/** Every material a type lists (the conditional ones too), as uploads; `skip` leaves some out. */
export async function uploadMaterials(
  api: Http,
  username: string,
  caseId: string,
  typeIds: string[],
  skip: string[] = [],
) {
  const ids = new Set<string>();
  for (const typeId of typeIds) for (const m of requireBusinessType(typeId).materials) ids.add(m.id);
  for (const materialId of ids) {
    if (skip.includes(materialId)) continue;
    const r = await api.post(username, `/api/cases/${caseId}/materials`, {
      source: "upload",
      materialId,
      fileName: `${materialId}.pdf`,
      mediaType: "application/pdf",
      contentBase64: PDF,
    });
    if (r.status !== 201) throw new Error(`material ${materialId}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

export const rulesOf = (findings: Array<{ rule: string; severity: string; code: string }>, rule: string) =>
  findings.filter((f) => f.rule === rule);

/**
 * Closes the test environment after the certificate sealing worker has finished what the
 * registrations woke it for: a PDF still being sealed would hold a connection of a database the
 * teardown then drops.
 */
export async function closeEnv(env: TestEnv | undefined): Promise<void> {
  if (!env) return;
  await env.services.certificates.sealing.drain();
  await env.close();
}
