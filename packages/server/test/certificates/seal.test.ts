import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  appendSealTrailer,
  canonicalJson,
  publicKeyFromPem,
  type SealMessage,
  sealMessageText,
  splitSealedPdf,
  verifySealedPdf,
} from "@yulin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCertificatePdf } from "../../src/certificates/certificate.renderer";
import { sealKeyFrom } from "../../src/certificates/seal-key";

const keyFromPem = (text: string): string => publicKeyFromPem(text)!;

import { loginAs, startTestEnv, type TestEnv } from "../support/test-services";
import { titleData } from "./fixtures";
import { given } from "./given";

let env: TestEnv;
let dir: string;
let pdf: Buffer;
let pem: string;
let number: string;

const sm3 = (b: Uint8Array) => crypto.createHash("sm3").update(b).digest("hex");
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: "utf8" });

beforeAll(async () => {
  env = await startTestEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "yulin-cert-"));
  const prepared = await given(env).title({ holders: ["citizen.zhang", "citizen.li"] });
  number = prepared.number;
  const cookie = await loginAs(env.app, "citizen.zhang");
  const res = await env.app.inject({ url: `/api/certificates/${prepared.id}/pdf`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("application/pdf");
  pdf = res.rawPayload;
  fs.writeFileSync(path.join(dir, "certificate.pdf"), pdf);
  pem = (await env.app.inject({ url: "/api/certificates/seal-public-key" })).body;
  fs.writeFileSync(path.join(dir, "seal.pem"), pem);
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the certificate PDF", () => {
  it("is an A4 PDF whose text layer shows the Chinese fields (pdftotext)", () => {
    const info = run("pdfinfo", [path.join(dir, "certificate.pdf")]);
    expect(info.status).toBe(0);
    expect(info.stderr).toBe(""); // the seal lines after %%EOF do not upset the reader
    expect(info.stdout).toMatch(/Pages:\s+2/);
    expect(info.stdout).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const text = execFileSync("pdftotext", ["-layout", path.join(dir, "certificate.pdf"), "-"], {
      encoding: "utf8",
    });
    for (const expected of [
      "不动产权证书",
      number,
      "权利人",
      "张三（1/2）、李四（1/2）",
      "共有情况",
      "按份共有",
      "不动产单元号",
      "440604003001GB00012F00010015",
      "国有建设用地使用权/房屋所有权",
      "权利其他状况",
      "附记",
      "佛山市禅城区不动产登记中心",
      "附图页",
      "宗地图",
      "房产分户图",
      "比例尺 1:",
    ])
      expect(text).toContain(expected);
  });

  it("embeds the Noto Sans SC font as a subset", () => {
    const fonts = run("pdffonts", [path.join(dir, "certificate.pdf")]).stdout;
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(pdf.length).toBeLessThan(200 * 1024);
  });

  it("renders to PNG with the red seal and the black text on the page (pdftoppm)", () => {
    const out = path.join(dir, "page");
    const res = run("pdftoppm", [
      "-r",
      "40",
      "-f",
      "1",
      "-l",
      "1",
      "-png",
      path.join(dir, "certificate.pdf"),
      out,
    ]);
    expect(res.status).toBe(0);
    const png = fs.readdirSync(dir).find((f) => f.startsWith("page") && f.endsWith(".png"));
    expect(png).toBeDefined();
    // A PPM of the same page: count red (seal) and dark (text) pixels.
    run("pdftoppm", [
      "-r",
      "40",
      "-f",
      "1",
      "-l",
      "1",
      path.join(dir, "certificate.pdf"),
      path.join(dir, "raw"),
    ]);
    const ppm = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith("raw"))!));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
    const pixels = ppm.subarray(header[0].length);
    let red = 0;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 3) {
      const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
      if (r > 180 && g < 110 && b < 110) red++;
      if (r < 80 && g < 80 && b < 80) dark++;
    }
    expect(red).toBeGreaterThan(100);
    expect(dark).toBeGreaterThan(1000);
  });
});

describe("the electronic seal", () => {
  it("verifies with the published key, and seals the data and the PDF body's SM3", () => {
    const key = keyFromPem(pem);
    const result = verifySealedPdf(new Uint8Array(pdf), [key]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.message.certificate.number).toBe(number);
    expect(result.pdfSm3).toBe(sm3(splitSealedPdf(new Uint8Array(pdf))!.body));
    expect(result.message.uid).toBe("1234567812345678");
  });

  it("fails when one byte of the PDF is changed", () => {
    const key = keyFromPem(pem);
    for (const at of [
      100,
      Math.floor(pdf.length / 2),
      splitSealedPdf(new Uint8Array(pdf))!.body.length - 10,
    ]) {
      const tampered = Buffer.from(pdf);
      tampered[at] = tampered[at]! ^ 0x01;
      const result = verifySealedPdf(new Uint8Array(tampered), [key]);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.failure).toBe("digest-mismatch");
    }
  });

  it("fails for a forged seal: another key, or the registry's key named over another key's signature", async () => {
    const key = keyFromPem(pem);
    const forger = sealKeyFrom(crypto.randomBytes(32).toString("hex"));
    const base = titleData();
    const body = await renderCertificatePdf({
      data: base,
      plans: {},
      verifyUrl: "https://forged.example/verify/x",
      sealKeyFingerprint: "0000000000000000",
      createdAt: new Date(),
    });
    const own = sealMessageText({
      data: base,
      pdfSm3: sm3(body),
      publicKeyHex: forger.publicKeyHex,
      signedAt: "2025-11-24T00:00:00.000Z",
    });
    const forgedWithOwnKey = appendSealTrailer(body, own.text, forger.sign(own.text));
    expect(verifySealedPdf(forgedWithOwnKey, [key])).toMatchObject({ ok: false, failure: "unknown-key" });
    const claimed = sealMessageText({
      data: base,
      pdfSm3: sm3(body),
      publicKeyHex: key,
      signedAt: "2025-11-24T00:00:00.000Z",
    });
    const forgedClaimingRegistry = appendSealTrailer(body, claimed.text, forger.sign(claimed.text));
    expect(verifySealedPdf(forgedClaimingRegistry, [key])).toMatchObject({
      ok: false,
      failure: "bad-signature",
    });
    // A genuine seal moved onto another PDF fails on the digest.
    const genuine = splitSealedPdf(new Uint8Array(pdf))!;
    const moved = appendSealTrailer(body, genuine.messageText, genuine.signatureHex);
    expect(verifySealedPdf(moved, [key])).toMatchObject({ ok: false, failure: "digest-mismatch" });
  });

  it("says so for a PDF without a seal", async () => {
    const body = await renderCertificatePdf({
      data: titleData(),
      plans: {},
      verifyUrl: "x",
      sealKeyFingerprint: "0",
      createdAt: new Date(),
    });
    expect(verifySealedPdf(body, [keyFromPem(pem)])).toEqual({ ok: false, failure: "no-seal" });
  });
});

describe("SM2 interoperability with OpenSSL", () => {
  it("a seal made by the project verifies with openssl pkeyutl, following docs/certificates.md", () => {
    const f = path.join(dir, "certificate.pdf");
    const script = `
      set -e; cd "${dir}"
      off=$(grep -abo '%YULIN-SEAL/1 message=' "${f}" | tail -1 | cut -d: -f1)
      head -c "$off" "${f}" > body.pdf
      openssl dgst -sm3 -r body.pdf | cut -d' ' -f1 > body.sm3
      grep -a '^%YULIN-SEAL/1 message=' "${f}" | tail -1 | cut -d= -f2- | base64 -d > message.json
      grep -a '^%YULIN-SEAL/1 signature=' "${f}" | tail -1 | cut -d= -f2- | xxd -r -p > signature.der
      openssl pkeyutl -verify -rawin -digest sm3 -pkeyopt distid:1234567812345678 \\
        -pubin -inkey seal.pem -in message.json -sigfile signature.der`;
    const res = run("bash", ["-c", script]);
    expect(res.stdout + res.stderr).toContain("Signature Verified Successfully");
    expect(res.status).toBe(0);
    const message = JSON.parse(fs.readFileSync(path.join(dir, "message.json"), "utf8")) as SealMessage;
    expect(fs.readFileSync(path.join(dir, "body.sm3"), "utf8").trim()).toBe(message.pdfSm3);
    // A tampered message fails in OpenSSL too.
    fs.writeFileSync(path.join(dir, "message.json"), canonicalJson({ ...message, pdfSm3: "0".repeat(64) }));
    const bad = run("openssl", [
      "pkeyutl",
      "-verify",
      "-rawin",
      "-digest",
      "sm3",
      "-pkeyopt",
      "distid:1234567812345678",
      "-pubin",
      "-inkey",
      path.join(dir, "seal.pem"),
      "-in",
      path.join(dir, "message.json"),
      "-sigfile",
      path.join(dir, "signature.der"),
    ]);
    expect(bad.status).not.toBe(0);
  });

  it("a seal signed by OpenSSL verifies in the project", async () => {
    const keyFile = path.join(dir, "openssl-sm2.key");
    execFileSync("openssl", ["genpkey", "-algorithm", "SM2", "-out", keyFile]);
    const pubPem = execFileSync("openssl", ["pkey", "-in", keyFile, "-pubout"], { encoding: "utf8" });
    const publicKeyHex = keyFromPem(pubPem);
    const data = titleData();
    const body = await renderCertificatePdf({
      data,
      plans: {},
      verifyUrl: "x",
      sealKeyFingerprint: "0",
      createdAt: new Date(),
    });
    const { text } = sealMessageText({
      data,
      pdfSm3: sm3(body),
      publicKeyHex,
      signedAt: "2025-11-24T00:00:00.000Z",
    });
    fs.writeFileSync(path.join(dir, "m.json"), text);
    execFileSync("openssl", [
      "pkeyutl",
      "-sign",
      "-rawin",
      "-digest",
      "sm3",
      "-pkeyopt",
      "distid:1234567812345678",
      "-inkey",
      keyFile,
      "-in",
      path.join(dir, "m.json"),
      "-out",
      path.join(dir, "m.sig"),
    ]);
    const signature = fs.readFileSync(path.join(dir, "m.sig")).toString("hex");
    const sealed = appendSealTrailer(body, text, signature);
    expect(verifySealedPdf(sealed, [publicKeyHex])).toMatchObject({ ok: true });
    expect(verifySealedPdf(sealed, [keyFromPem(pem)])).toMatchObject({ ok: false, failure: "unknown-key" });
  });
});

describe("yulin verify-certificate", () => {
  const cli = (args: string[]) =>
    spawnSync(
      process.execPath,
      ["--import", "tsx", "packages/server/src/entrypoints/cli.ts", "verify-certificate", ...args],
      {
        encoding: "utf8",
        cwd: path.resolve(import.meta.dirname, "../../../.."),
        env: { ...process.env, YULIN_DATA_DIR: dir, LOG_LEVEL: "silent" },
      },
    );

  it("verifies a downloaded PDF offline with the published key", () => {
    const res = cli([path.join(dir, "certificate.pdf"), "--key", path.join(dir, "seal.pem")]);
    expect(res.stdout).toContain("电子签章有效");
    expect(res.stdout).toContain(number);
    expect(res.status).toBe(0);
  }, 30_000);

  it("exits non-zero on a tampered PDF", () => {
    const tampered = Buffer.from(pdf);
    tampered[2000] = tampered[2000]! ^ 0xff;
    fs.writeFileSync(path.join(dir, "tampered.pdf"), tampered);
    const res = cli([path.join(dir, "tampered.pdf"), "--key", path.join(dir, "seal.pem")]);
    expect(res.stdout).toContain("NOT VALID");
    expect(res.status).toBe(1);
  }, 30_000);
});
