import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { canonicalJson } from "@yulin/domain/ledger/canonical-json";

/**
 * The archive package (归档信息包), after GB/T 18894 and DA/T 48: one folder that describes itself.
 * `manifest.json` names every file with its role, media type, size and SM3 digest and carries the
 * descriptive metadata (档号, 全宗, category, retention, the case's business number); `manifest.sig`
 * is the registry's SM2 signature (DER, SM3 with the standard user id) over the manifest's exact
 * bytes, and `seal-public-key.pem` the key that made it, so OpenSSL alone can verify the package.
 */
export const MANIFEST = "manifest.json";
export const SIGNATURE = "manifest.sig";
export const PUBLIC_KEY = "seal-public-key.pem";
export const PACKAGE_FORMAT = "yulin-archive-package/1 (GB/T 18894, DA/T 48)";

export type PackageFile = {
  /** Path inside the package, `/`-separated. */
  path: string;
  role: string;
  title: string;
  mediaType: string;
  bytes: Buffer;
};

export type ManifestEntry = {
  path: string;
  role: string;
  title: string;
  mediaType: string;
  size: number;
  sm3: string;
};

export type Manifest = {
  format: string;
  archiveNo: string;
  fonds: string;
  title: string;
  category: string;
  retention: string;
  year: number;
  jurisdiction: string;
  unitCode: string | null;
  caseId: string | null;
  createdAt: string;
  signer: { publicKey: string; algorithm: "SM2-with-SM3"; userId: "1234567812345678" };
  files: ManifestEntry[];
};

export const sm3 = (bytes: Buffer | string) => crypto.createHash("sm3").update(bytes).digest("hex");

export const jsonFile = (p: string, role: string, title: string, value: unknown): PackageFile => ({
  path: p,
  role,
  title,
  mediaType: "application/json",
  bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, "utf8"),
});

/** A file name safe inside the package: no separators, no leading dots, at most 80 characters. */
export const safeName = (name: string) =>
  name
    .replace(/[\\/:*?"<>|\s]+/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 80) || "file";

/**
 * Writes the package into a fresh folder beside `dir` and renames it into place only when every
 * file and the signature are written: a package is there whole or not at all.
 */
export function writePackage(
  dir: string,
  meta: Omit<Manifest, "files" | "format" | "signer">,
  files: PackageFile[],
  seal: { publicKeyHex: string; publicKeyPem: string; sign(text: string): string },
): { manifestSm3: string; signature: string; files: number; bytes: number } {
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    ...meta,
    signer: { publicKey: seal.publicKeyHex, algorithm: "SM2-with-SM3", userId: "1234567812345678" },
    files: files.map((f) => ({
      path: f.path,
      role: f.role,
      title: f.title,
      mediaType: f.mediaType,
      size: f.bytes.length,
      sm3: sm3(f.bytes),
    })),
  };
  const text = `${canonicalJson(manifest)}\n`;
  const signature = seal.sign(text);
  const staging = `${dir}.partial-${crypto.randomBytes(4).toString("hex")}`;
  fs.mkdirSync(staging, { recursive: true, mode: 0o750 });
  try {
    for (const f of files) {
      const target = path.join(staging, ...f.path.split("/"));
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o750 });
      fs.writeFileSync(target, f.bytes, { mode: 0o640 });
    }
    fs.writeFileSync(path.join(staging, MANIFEST), text, { mode: 0o640 });
    fs.writeFileSync(path.join(staging, SIGNATURE), Buffer.from(signature, "hex"), { mode: 0o640 });
    fs.writeFileSync(path.join(staging, PUBLIC_KEY), seal.publicKeyPem, { mode: 0o640 });
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return {
    manifestSm3: sm3(text),
    signature,
    files: files.length,
    bytes: files.reduce((s, f) => s + f.bytes.length, 0),
  };
}
