import fs from "node:fs";
import path from "node:path";
import { sm2Verify } from "@yulin/domain/ledger/signed-head";
import { MANIFEST, type Manifest, PUBLIC_KEY, SIGNATURE, sm3 } from "./archive-package";

/**
 * 四性检测 (DA/T 70 ideas) of one archive package: authenticity (真实性), integrity (完整性),
 * usability (可用性) and security (安全性). Every failure names the file and what is wrong.
 */
export type Property = "authenticity" | "integrity" | "usability" | "security";
export type CheckFailure = { property: Property; file: string; problem: string };
export type CheckReport = {
  ok: boolean;
  checkedAt: string;
  properties: Record<Property, boolean>;
  failures: CheckFailure[];
  files: number;
};

const REQUIRED_ROLES = ["application", "parties", "timeline", "audit"];
const ALLOWED_TYPES = new Set([
  "application/json",
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/tiff",
]);
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  "application/pdf": (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8,
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/tiff": (b) => ["II*\u0000", "MM\u0000*"].includes(b.subarray(0, 4).toString("latin1")),
  "application/json": (b) => {
    try {
      JSON.parse(b.toString("utf8"));
      return true;
    } catch {
      return false;
    }
  },
};

/** Every regular file under `dir`, `/`-separated; symbolic links are reported, never followed. */
function listFiles(dir: string, prefix = ""): { files: string[]; links: string[] } {
  const out = { files: [] as string[], links: [] as string[] };
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isSymbolicLink()) out.links.push(rel);
    else if (e.isDirectory()) {
      const sub = listFiles(dir, rel);
      out.files.push(...sub.files);
      out.links.push(...sub.links);
    } else out.files.push(rel);
  }
  return out;
}

export function checkPackage(
  dir: string,
  expected: { manifestSm3: string; trustedPublicKeys: readonly string[] },
  now: Date,
): CheckReport {
  const failures: CheckFailure[] = [];
  const fail = (property: Property, file: string, problem: string) =>
    failures.push({ property, file, problem });
  const report = (files: number): CheckReport => {
    const props = (p: Property) => !failures.some((f) => f.property === p);
    return {
      ok: failures.length === 0,
      checkedAt: now.toISOString(),
      properties: {
        authenticity: props("authenticity"),
        integrity: props("integrity"),
        usability: props("usability"),
        security: props("security"),
      },
      failures,
      files,
    };
  };
  if (!fs.existsSync(path.join(dir, MANIFEST))) {
    fail("integrity", MANIFEST, "the package or its manifest is missing");
    return report(0);
  }
  const manifestBytes = fs.readFileSync(path.join(dir, MANIFEST));
  let manifest: Manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString("utf8")) as Manifest;
  } catch {
    fail("usability", MANIFEST, "the manifest is not readable JSON");
    return report(0);
  }
  // 真实性: the manifest is the one recorded at ingest, signed by a key the registry publishes.
  if (sm3(manifestBytes) !== expected.manifestSm3)
    fail("authenticity", MANIFEST, "the manifest differs from the one recorded at ingest");
  const signature = fs.existsSync(path.join(dir, SIGNATURE))
    ? fs.readFileSync(path.join(dir, SIGNATURE))
    : null;
  const key = manifest.signer?.publicKey ?? "";
  if (!expected.trustedPublicKeys.includes(key))
    fail("authenticity", MANIFEST, "signed by a key the registry does not publish");
  if (!signature || !sm2Verify(manifestBytes.toString("utf8"), signature.toString("hex"), key))
    fail("authenticity", SIGNATURE, "the SM2 signature over the manifest does not verify");

  // 完整性 and 可用性: every file listed is there, unchanged, and readable in its format.
  const listed = new Set<string>();
  for (const f of manifest.files ?? []) {
    listed.add(f.path);
    if (f.path.split("/").some((s) => s === ".." || s === "") || path.isAbsolute(f.path)) {
      fail("security", f.path, "the path leaves the package");
      continue;
    }
    const file = path.join(dir, ...f.path.split("/"));
    if (!fs.existsSync(file)) {
      fail("integrity", f.path, "the file is missing");
      continue;
    }
    const bytes = fs.readFileSync(file);
    if (bytes.length !== f.size || sm3(bytes) !== f.sm3)
      fail("integrity", f.path, `the SM3 digest differs from the manifest (${f.sm3.slice(0, 12)}…)`);
    if (!ALLOWED_TYPES.has(f.mediaType))
      fail("security", f.path, `media type ${f.mediaType} is not archivable`);
    else if (!MAGIC[f.mediaType]!(bytes)) fail("usability", f.path, `not readable as ${f.mediaType}`);
  }
  for (const role of REQUIRED_ROLES)
    if (!(manifest.files ?? []).some((f) => f.role === role))
      fail("integrity", MANIFEST, `the package has no ${role} section`);

  // 安全性: nothing unlisted, no links, nothing writable by others.
  const { files, links } = listFiles(dir);
  for (const l of links) fail("security", l, "a symbolic link inside the package");
  const own = new Set([MANIFEST, SIGNATURE, PUBLIC_KEY]);
  for (const f of files) {
    if (!listed.has(f) && !own.has(f)) fail("security", f, "a file the manifest does not list");
    const mode = fs.statSync(path.join(dir, ...f.split("/"))).mode;
    if (mode & 0o002) fail("security", f, "writable by anyone");
  }
  return report((manifest.files ?? []).length);
}
