// `npm run bench -- certificates [--count 200] [--no-plans]`: renders and seals certificate PDFs
// in-process on one thread (= one core) and prints PDFs per second per core and the render time
// percentiles. Rendering includes pdfkit with the Noto Sans SC subset, the QR code, the vector
// seal and plans, SM3 of the body, the SM2 signature and the seal trailer.

import crypto from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import type { CertificateData } from "@yulin/domain";
import { appendSealTrailer, sealMessageText } from "@yulin/domain";
import {
  type CertificatePlans,
  renderCertificatePdf,
} from "../packages/server/src/certificates/certificate.renderer";
import { sealKeyFingerprint, sealKeyFrom } from "../packages/server/src/certificates/seal-key";
import { mortgageData, plans, titleData } from "../packages/server/test/certificates/fixtures";

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { count: { type: "string", default: "200" }, "no-plans": { type: "boolean" } },
  });
  const count = Number(values.count);
  const key = sealKeyFrom(crypto.randomBytes(32).toString("hex"));
  const fingerprint = sealKeyFingerprint(key.publicKeyHex);
  const withPlans = !values["no-plans"];

  const sealOne = async (data: CertificateData, planSet: CertificatePlans) => {
    const body = await renderCertificatePdf({
      data,
      plans: planSet,
      verifyUrl: `https://yulin.example.gov.cn/verify/${crypto.randomBytes(16).toString("base64url")}`,
      sealKeyFingerprint: fingerprint,
      createdAt: new Date(),
    });
    const pdfSm3 = crypto.createHash("sm3").update(body).digest("hex");
    const { text } = sealMessageText({
      data,
      pdfSm3,
      publicKeyHex: key.publicKeyHex,
      signedAt: new Date().toISOString(),
    });
    return appendSealTrailer(body, text, key.sign(text));
  };

  const cases: Array<{ name: string; data: (i: number) => CertificateData; plans: CertificatePlans }> = [
    {
      name: withPlans ? "title certificate + plan page" : "title certificate",
      data: (i) => titleData({ number: `粤（2025）佛山市不动产权第${String(i + 1).padStart(7, "0")}号` }),
      plans: withPlans ? plans() : {},
    },
    {
      name: "mortgage certification",
      data: (i) => ({
        ...mortgageData(),
        number: `粤（2025）佛山市不动产证明第${String(i + 1).padStart(7, "0")}号`,
      }),
      plans: {},
    },
  ];

  console.log(
    `certificates: ${count} PDFs per case, one thread; ${os.cpus()[0]?.model ?? "cpu"} × ${os.cpus().length}`,
  );
  const rows: string[][] = [];
  for (const c of cases) {
    for (let i = 0; i < 10; i++) await sealOne(c.data(i), c.plans); // warm-up: font parse, JIT
    const times: number[] = [];
    let bytes = 0;
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      bytes += (await sealOne(c.data(i), c.plans)).length;
      times.push(performance.now() - t);
    }
    const elapsed = (performance.now() - start) / 1000;
    times.sort((a, b) => a - b);
    rows.push([
      c.name,
      (count / elapsed).toFixed(1),
      percentile(times, 50).toFixed(1),
      percentile(times, 99).toFixed(1),
      percentile(times, 100).toFixed(1),
      (bytes / count / 1024).toFixed(1),
    ]);
  }
  const header = ["case", "PDFs/s/core", "p50 ms", "p99 ms", "max ms", "KB/PDF"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
