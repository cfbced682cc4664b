import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  holdersOf,
  publicKeyFromPem,
  recordPageRows,
  type SealFailure,
  verifySealedPdf,
} from "@yulin/domain";
import { loadConfig } from "../platform/config";
import { findSealKey, sealKeyFingerprint } from "./seal-key";

export const VERIFY_CERTIFICATE_HELP =
  "  yulin verify-certificate FILE.pdf [--key seal.pem] [--json]\n" +
  "                                      verify a downloaded certificate PDF offline with the seal public key";

const FAILURES: Record<SealFailure, string> = {
  "no-seal": "文件不含电子签章 The file carries no electronic seal",
  malformed: "签章数据格式错误 The seal data is malformed",
  "digest-mismatch": "文件已被改动（SM3 摘要不符） The file was changed after sealing (SM3 mismatch)",
  "unknown-key": "签章公钥不是本登记机构的 The seal was made with a key that is not the registry's",
  "bad-signature": "签名验证失败 The SM2 signature does not verify",
};

/**
 * `yulin verify-certificate file.pdf`: checks the seal of a certificate PDF without the database
 * or the network. The key is the PEM given with --key (as published at
 * /api/certificates/seal-public-key), or else this installation's own seal key.
 */
export async function verifyCertificateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { key: { type: "string" }, json: { type: "boolean" } },
  });
  const file = positionals[0];
  if (!file) {
    console.error(`usage:\n${VERIFY_CERTIFICATE_HELP}`);
    return 2;
  }
  let keyHex: string;
  if (values.key) {
    const fromPem = publicKeyFromPem(fs.readFileSync(values.key, "utf8"));
    if (!fromPem) {
      console.error(`${values.key}: 不是 SM2 公钥 PEM (not an SM2 public key PEM)`);
      return 2;
    }
    keyHex = fromPem;
  } else {
    const config = loadConfig();
    const own = findSealKey(config.sealPrivateKeyHex, config.dataDir);
    if (!own) {
      console.error(
        "没有本机签章密钥，请用 --key 指定公布的公钥 PEM (no local seal key: pass --key seal.pem)",
      );
      return 2;
    }
    keyHex = own.publicKeyHex;
  }
  const bytes = new Uint8Array(fs.readFileSync(file));
  const result = verifySealedPdf(bytes, [keyHex]);
  if (values.json) {
    console.log(
      JSON.stringify(
        result.ok
          ? {
              valid: true,
              number: result.message.certificate.number,
              pdfSm3: result.pdfSm3,
              signedAt: result.message.signedAt,
            }
          : { valid: false, failure: result.failure },
        null,
        2,
      ),
    );
    return result.ok ? 0 : 1;
  }
  const name = path.basename(file);
  if (!result.ok) {
    console.log(`✗ ${name}: 验证失败 NOT VALID\n  ${FAILURES[result.failure]}`);
    if (result.message) console.log(`  证书号 Number: ${result.message.certificate.number}`);
    return 1;
  }
  const data = result.message.certificate;
  console.log(`✓ ${name}: 电子签章有效 The electronic seal is valid`);
  console.log(`  证书号 Number:        ${data.number}`);
  console.log(`  登记机构 Registry:    ${data.office.name} (${data.office.code})`);
  console.log(
    `  权利人 Holders:       ${holdersOf(data)
      .map((h) => h.name)
      .join("、")}`,
  );
  for (const row of recordPageRows(data).filter((r) =>
    ["location", "unitCode", "rightType", "matter"].includes(r.key),
  ))
    console.log(`  ${row.label}: ${row.value}`);
  console.log(`  PDF SM3:              ${result.pdfSm3}`);
  console.log(
    `  签章 Seal:            SM2-with-SM3, key ${sealKeyFingerprint(result.message.publicKey)}, ${result.message.signedAt}`,
  );
  console.log("  现势状态请扫码核验 For the current status (current / replaced / void) scan the QR code.");
  return 0;
}
